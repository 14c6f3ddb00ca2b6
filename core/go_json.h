// Go's encoding/json for typed structs, driven by tables of Go struct layouts: fields in Go
// declaration order, omitempty/omitzero applied, zero values of other fields written, unknown
// fields dropped. Used where bytes must equal what the operator's json.Marshal produces.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace thv {

struct GoField {
  const char* json;     // empty: an embedded struct whose fields are inlined
  const char* type;     // Go type expression: *T, []T, map[K]V, or a name
  const char* options;  // "omitempty", "omitzero", "inline"
};

struct GoStruct {
  const char* name;
  std::vector<GoField> fields;
};

// Named types: structs, and aliases for non-struct types (type Protocol string). Built-in
// names: string, bool, int, int32, int64, float64, any, []byte, Time, resource.Quantity,
// intstr.IntOrString.
class GoTypes {
 public:
  using QuantityFormatter = std::string (*)(const std::string& text);
  GoTypes(const std::vector<GoStruct>& structs,
          const std::vector<std::pair<const char*, const char*>>& aliases,
          QuantityFormatter quantity = nullptr);

  // json.Marshal of a value of Go type `type` decoded from v (null means the zero value).
  std::string Marshal(std::string_view type, const Value& v) const;
  void Append(std::string_view type, const Value* v, std::string* out) const;

 private:
  std::string_view Resolve(std::string_view type) const;
  bool IsEmpty(std::string_view type, const Value* v) const;
  void AppendFields(const GoStruct& s, const Value* v, bool* first, std::string* out) const;

  std::map<std::string_view, const GoStruct*> structs_;
  std::map<std::string_view, std::string_view> aliases_;
  QuantityFormatter quantity_;
};

}  // namespace thv
