// Decoding typed registry structs from parsed JSON with encoding/json's rules (json.Unmarshal),
// and writing them back as json.Marshal does, so stored bytes match the operator's.
//
// Go rules reproduced: keys match json tags exactly or by case folding; unknown keys are
// dropped; null leaves scalars and structs untouched and clears pointers, slices and maps; a
// repeated key decodes again into the same field (structs merge, slices are overwritten);
// map[string]any values become float64 numbers and sorted maps.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/json_text.h"
#include "core/value.h"

namespace thv {

using DecodeContext = GoDecodeContext;

// Calls on_field(index, value, path) for each member whose key names fields[index], in input
// order. Null is a no-op (a struct stays as it was); other non-objects are type errors.
template <size_t N, typename F>
void DecodeFields(const Value& v, const JsonPath& path, const char* const (&fields)[N],
                  DecodeContext* ctx, F&& on_field) {
  if (v.IsNull()) return;
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  for (const Member& m : v.members) {
    for (size_t i = 0; i < N; ++i) {
      if (GoKeyMatches(m.key, fields[i])) {
        on_field(i, m.value, path.Key(m.key));
        break;
      }
    }
  }
}

void DecodeString(const Value& v, const JsonPath& path, std::string* out, DecodeContext* ctx);
void DecodeBool(const Value& v, const JsonPath& path, bool* out, DecodeContext* ctx);
// Go int: an integer literal within int64 (1.0 and 1e3 are errors, as in Go).
void DecodeInt(const Value& v, const JsonPath& path, int64_t* out, DecodeContext* ctx);
void DecodeStrings(const Value& v, const JsonPath& path, std::vector<std::string>* out,
                   DecodeContext* ctx);
// For []string fields without omitempty, where nil (null) and empty ([]) marshal differently.
void DecodeStrings(const Value& v, const JsonPath& path,
                   std::optional<std::vector<std::string>>* out, DecodeContext* ctx);
void DecodeInts(const Value& v, const JsonPath& path, std::vector<int64_t>* out,
                DecodeContext* ctx);
void DecodeStringMap(const Value& v, const JsonPath& path, std::map<std::string, std::string>* out,
                     DecodeContext* ctx);
// map[string]any: *out becomes a normalized mapping (merged with what it held) or null.
void DecodeAnyMap(const Value& v, const JsonPath& path, Value* out, DecodeContext* ctx);
// any: null clears it, anything else is normalized.
void DecodeAny(const Value& v, const JsonPath& path, std::optional<Value>* out, DecodeContext* ctx);

// *T fields: null clears, anything else decodes into the (possibly existing) value.
template <typename T, typename F>
void DecodeOptional(const Value& v, std::optional<T>* out, F&& decode) {
  if (v.IsNull()) {
    out->reset();
    return;
  }
  if (!*out) out->emplace();
  decode(**out);
}

// []T and []*T: elements decode into what the slice already held at that index (Go reuses
// them), then the slice is cut to the array's length. Null elements of pointer slices would be
// nil pointers in Go; the schema forbids them, so they are reported.
template <typename T, typename F>
void DecodeSlice(const Value& v, const JsonPath& path, std::vector<T>* out, DecodeContext* ctx,
                 bool pointer_elems, F&& decode) {
  if (v.IsNull()) {
    out->clear();
    return;
  }
  if (!v.IsSequence()) return ctx->TypeError(v, path, "array");
  out->resize(v.items.size());
  for (size_t i = 0; i < v.items.size(); ++i) {
    JsonPath p = path.Index(i);
    if (pointer_elems && v.items[i].IsNull()) {
      ctx->TypeError(v.items[i], p, "object");
      continue;
    }
    decode(v.items[i], p, &(*out)[i]);
  }
}

// map[string]*T: each entry decodes into a fresh value that replaces any earlier one.
template <typename T, typename F>
void DecodeStructMap(const Value& v, const JsonPath& path, std::map<std::string, T>* out,
                     DecodeContext* ctx, F&& decode) {
  if (v.IsNull()) {
    out->clear();
    return;
  }
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  for (const Member& m : v.members) {
    JsonPath p = path.Key(m.key);
    if (m.value.IsNull()) {
      ctx->TypeError(m.value, p, "object");
      continue;
    }
    T elem{};
    decode(m.value, p, &elem);
    (*out)[m.key] = std::move(elem);
  }
}

// ---- Writing (json.Marshal) ----

void AppendGoStrings(const std::vector<std::string>& v, std::string* out);

// Writes one struct's members in field order, handling commas and omitempty.
class GoObjectWriter {
 public:
  explicit GoObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }
  // Writes the separator and "key": and returns the buffer for the value.
  std::string* Field(std::string_view key);
  void String(std::string_view key, const std::string& v);
  void StringOmitEmpty(std::string_view key, const std::string& v) {
    if (!v.empty()) String(key, v);
  }
  void Bool(std::string_view key, bool v);
  void BoolOmitEmpty(std::string_view key, bool v) {
    if (v) Bool(key, v);
  }
  void Int(std::string_view key, int64_t v);
  void IntOmitEmpty(std::string_view key, int64_t v) {
    if (v != 0) Int(key, v);
  }
  // Slices without omitempty: nil (nullopt) is null.
  void Strings(std::string_view key, const std::optional<std::vector<std::string>>& v);
  void StringsOmitEmpty(std::string_view key, const std::vector<std::string>& v) {
    if (!v.empty()) AppendGoStrings(v, Field(key));
  }
  // map[string]any with omitempty: absent when null or empty.
  void AnyMapOmitEmpty(std::string_view key, const Value& v) {
    if (v.IsMapping() && !v.members.empty()) AppendGoValue(v, Field(key));
  }
  void Close() { out_->push_back('}'); }

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace thv
