// Go's encoding/json for typed structs, driven by tables of Go struct layouts that
// scripts/gen_go_types.py generates from the Go source: one engine for every Go type thv-render
// reads or writes (the pod patch's core/v1 types, the registry formats).
//
// Marshal (json.Marshal): fields in Go declaration order, embedded structs inlined where they
// stand, omitempty (false, 0, "", nil pointer or interface, empty slice or map; never a struct)
// and omitzero applied, map keys sorted, strings escaped as Go escapes them. Two sources:
// - a Value tree read as the Go type (the pod patch): unknown fields dropped, absent ones zero;
// - a C++ object bound to the Go type (typed mode, see core/go_cpp.h).
//
// Decode (json.Unmarshal into a C++ object): keys match json names exactly, else by Go's case
// folding; unknown keys are dropped; null leaves strings, numbers, bools and structs alone and
// clears pointers, slices, maps and interfaces; a repeated key decodes again into the same
// field (structs merge, slices reuse their elements, map entries are replaced, map[string]any
// merges); int takes integer literals within int64 only; any and map[string]any values become
// float64 numbers and sorted maps. Where Go would store a nil element of []*T or map[string]*T
// the schema forbids it, so it is reported. Every error is reported (jsonschema-style wording:
// "expected string, got number", with the input's path and position) and decoding goes on.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/go_cpp.h"
#include "core/json_parse.h"
#include "core/value.h"

namespace thv {

// A Duration field's nanoseconds (0 when absent or not a duration).
int64_t GoDurationOf(const Value& v);

// json tag matching: exact, else Go's case folding (ASCII, plus U+017F->s, U+212A->k).
bool GoKeyMatches(std::string_view key, std::string_view field);

struct GoField {
  const char* json;                // empty: an embedded struct whose fields are inlined
  const char* type;                // Go type expression: *T, []T, map[K]V, or a name
  const char* options;             // "omitempty", "omitzero", "inline"
  void* (*at)(void*) = nullptr;    // typed mode: the member (or embedded base) in the struct
  const GoCppType* cpp = nullptr;  // typed mode: the member's C++ type
};

// Struct tables are constant data, so that nothing is built at start-up: one flat array in
// which each struct is a GoStructName row followed by its fields (core/go_table.h expands a
// generated table into it).
constexpr GoField GoStructName(const char* name) { return {name, nullptr, nullptr}; }

using GoAlias = std::pair<const char*, const char*>;  // type Protocol string: {name, underlying}

struct GoDecodeContext {
  std::string file;
  Diagnostics* diags = nullptr;
  int errors = 0;

  void Error(const Value& at, const JsonPath& path, const std::string& message);
  // "expected <want>, got <JSON type of v>" (and the number, for integers)
  void TypeError(const Value& v, const JsonPath& path, const char* want);
};

// Calls on_field(index, value, path) for each member whose key names fields[index], in input
// order: for objects that are document logic rather than Go structs. Null is a no-op; other
// non-objects are type errors.
template <size_t N, typename F>
void GoDecodeFields(const Value& v, const JsonPath& path, const char* const (&fields)[N],
                    GoDecodeContext* ctx, F&& on_field) {
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

// Named types: structs, and aliases for non-struct types. Built-in names: string, bool, int,
// int32, int64, float64, any, []byte, Time, resource.Quantity, intstr.IntOrString,
// json.RawMessage (also for types with their own MarshalJSON: the JSON as given, compacted).
// Each type expression is compiled once, when first used, so walking needs no parsing of
// names (a cache: not thread-safe).
class GoTypes {
 public:
  using QuantityFormatter = std::string (*)(const std::string& text);
  template <size_t kRows, size_t kAliases>
  GoTypes(const GoField (&structs)[kRows], const GoAlias (&aliases)[kAliases],
          QuantityFormatter quantity = nullptr)
      : GoTypes(structs, kRows, aliases, kAliases, quantity) {}
  ~GoTypes();
  GoTypes(const GoTypes&) = delete;
  GoTypes& operator=(const GoTypes&) = delete;

  // Value mode: json.Marshal of a value of the named struct or alias decoded from v (null means
  // the zero value); a name the tables lack marshals as an empty struct.
  std::string Marshal(std::string_view name, const Value& v) const;
  // Value mode, as gopkg.in/yaml.v3's Marshal writes the same Go value (the tables' json names
  // serve as the yaml tags, which must equal them): a tree for AppendYamlV3 (core/yaml_writer.h)
  // with struct fields in Go order and map keys in yaml.v3's order; omitempty drops what yaml.v3's
  // isZero calls zero (structs too, when every field is); nil slices and maps become [] and {};
  // numbers in `any` are float64 in strconv's 'g' form; Duration is its String() text.
  // json.RawMessage (a type with its own MarshalJSON) is refused: *error names its path.
  Value MarshalYaml(std::string_view name, const Value& v, std::string* error) const;
  // The same as yaml.Marshal's bytes (AppendYamlV3 of that tree).
  std::string MarshalYamlText(std::string_view name, const Value& v, std::string* error) const;

  // Typed mode: appends json.Marshal of obj, which holds a value of the Go type expression
  // `type` ("Registry", "[]UpstreamServerDetail").
  template <typename T>
  void Append(std::string_view type, const T& obj, std::string* out) const {
    AppendTyped(type, kGoCpp<T>, &obj, out);
  }
  // Typed mode: json.Unmarshal of json (from ParseJson or YAML) into *obj, a value of `type`;
  // errors go to ctx.
  template <typename T>
  void Decode(std::string_view type, const Value& json, const JsonPath& path, T* obj,
              GoDecodeContext* ctx) const {
    DecodeTyped(type, kGoCpp<T>, json, path, obj, ctx);
  }
  // Value mode: the type errors json.Unmarshal of json into the named type would report
  // ("expected boolean, got string"), to ctx; unknown keys and nulls are fine, as in Go.
  // Nothing is stored: quantities, times and base64 are not parsed further.
  void Check(std::string_view name, const Value& json, const JsonPath& path,
             GoDecodeContext* ctx) const;
  // Bound rows whose C++ member cannot hold the row's Go type (a unit test asserts none).
  std::vector<std::string> BindingErrors() const;

  struct Struct {  // a struct's rows in the table
    const GoField* begin;
    const GoField* end;
  };
  struct Type;  // a compiled Go type expression (core/go_json_types.h, internal)
  struct Field;
  // A struct's fields, embedded structs' inlined (compiled on first use).
  const std::vector<Field>& FieldsOf(const Type& type) const;

 private:
  GoTypes(const GoField* structs, size_t rows, const GoAlias* aliases, size_t alias_count,
          QuantityFormatter quantity);
  const Type* Compile(std::string_view expr) const;
  const Type* Root(std::string_view expr) const;
  void CompileFields(const Struct& s, std::vector<Field>* out, const Field* via) const;
  template <typename Ref>
  void Append(const Type& type, Ref ref, std::string* out) const;
  void AppendTyped(std::string_view type, const GoCppType* cpp, const void* obj,
                   std::string* out) const;
  void DecodeTyped(std::string_view type, const GoCppType* cpp, const Value& json,
                   const JsonPath& path, void* obj, GoDecodeContext* ctx) const;
  void Decode(const Type& type, const GoCppType* cpp, const Value& json, const JsonPath& path,
              void* obj, GoDecodeContext* ctx) const;
  void DecodeStruct(const Type& type, const Value& json, const JsonPath& path, void* obj,
                    GoDecodeContext* ctx) const;
  void CheckValue(const Type& type, const Value& json, const JsonPath& path,
                  GoDecodeContext* ctx) const;
  Value Yaml(const Type& type, const Value* v, const std::string& path, std::string* error) const;
  bool YamlZero(const Type& type, const Value* v) const;
  std::string BindingError(const Type& type, const GoCppType* cpp) const;

  // Keys and Structs view the tables, which outlive this.
  std::unordered_map<std::string_view, Struct> structs_;
  std::unordered_map<std::string_view, std::string_view> aliases_;
  mutable std::unordered_map<std::string_view, std::unique_ptr<Type>> types_;  // by expression
  mutable std::deque<std::string> expressions_;  // callers' expressions, which types_ views
  QuantityFormatter quantity_;
};

}  // namespace thv
