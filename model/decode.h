// Small readers for decoding typed models from schema-validated Values. They never fail:
// types were checked against the CRD schema first, so a mismatch just yields the zero value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"

namespace thv {

std::string GetString(const Value& parent, const char* key);
int64_t GetInt(const Value& parent, const char* key);
bool GetBool(const Value& parent, const char* key);
std::optional<bool> GetOptionalBool(const Value& parent, const char* key);
std::vector<std::string> GetStrings(const Value& parent, const char* key);
StringMap GetStringMap(const Value& parent, const char* key);
// The member's value when present and a mapping, else nullptr.
const Value* GetObject(const Value& parent, const char* key);
// The object's spec; an empty mapping when it has none.
const Value& SpecOf(const Object& object);
// Whether a Secret holds key, in data or stringData.
bool SecretHasKey(const Object& secret, const std::string& key);

// The node at a dotted path with [i] indices ("spec.a[2].b"), or nullptr; *mark (when given)
// becomes the mark of each field reached that has one: a scalar's value, else its key.
const Value* ValueAtPath(const Value& doc, const std::string& path, Mark* mark = nullptr);
// Where the field at a dotted path ("spec.a[2].b") was written: a scalar's value, else its key;
// as far as the path leads (defaulted fields have no mark of their own), else doc's mark.
Mark MarkOfPath(const Value& doc, const std::string& path);
// The path of a list item, "field[i]", in the form the two above read.
inline std::string ItemPath(const std::string& field, size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

}  // namespace thv
