// Go's encoding/json for typed structs, driven by tables of Go struct layouts: fields in Go
// declaration order, omitempty/omitzero applied, zero values of other fields written, unknown
// fields dropped. Used where bytes must equal what the operator's json.Marshal produces.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/value.h"

namespace thv {

// json tag matching: exact, else Go's case folding (ASCII, plus U+017F->s, U+212A->k).
bool GoKeyMatches(std::string_view key, std::string_view field);

struct GoField {
  const char* json;     // empty: an embedded struct whose fields are inlined
  const char* type;     // Go type expression: *T, []T, map[K]V, or a name
  const char* options;  // "omitempty", "omitzero", "inline"
};

// Struct tables are constant data, so that nothing is built at start-up: one flat array in
// which each struct is a GoStructName row followed by its fields.
constexpr GoField GoStructName(const char* name) { return {name, nullptr, nullptr}; }

using GoAlias = std::pair<const char*, const char*>;  // type Protocol string: {name, underlying}

// Named types: structs, and aliases for non-struct types. Built-in names: string, bool, int,
// int32, int64, float64, any, []byte, Time, resource.Quantity, intstr.IntOrString,
// json.RawMessage (also for types with their own MarshalJSON: the JSON as given, compacted). Each
// type expression is compiled once, when first marshalled, so marshalling walks resolved types
// instead of parsing names (a cache: not thread-safe).
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

  // json.Marshal of a value of the named struct or alias decoded from v (null means the zero
  // value); a name the tables lack marshals as an empty struct.
  std::string Marshal(std::string_view name, const Value& v) const;

 private:
  GoTypes(const GoField* structs, size_t rows, const GoAlias* aliases, size_t alias_count,
          QuantityFormatter quantity);
  struct Type;
  struct Field;
  const Type* Compile(std::string_view expr) const;
  const std::vector<Field>& FieldsOf(const Type& type) const;
  struct Struct {
    const GoField* begin;
    const GoField* end;
  };
  void CompileFields(const Struct& s, std::vector<Field>* out) const;
  void Append(const Type& type, const Value* v, std::string* out) const;
  static bool IsEmpty(const Type& type, const Value* v);

  // Keys and Structs view the tables, which outlive this.
  std::unordered_map<std::string_view, Struct> structs_;
  std::unordered_map<std::string_view, std::string_view> aliases_;
  mutable std::unordered_map<std::string_view, std::unique_ptr<Type>> types_;  // by expression
  QuantityFormatter quantity_;
};

}  // namespace thv
