// Terse construction of Values for rendered objects, keeping Go struct field order.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/value.h"

namespace thv {

inline Value Str(std::string s) { return Value::String(std::move(s)); }
inline Value Int(int64_t i) { return Value::Int(i); }
inline Value Bool(bool b) { return Value::Bool(b); }

// Elements of Obj(...) and List(...). Their values are mutable so they can be moved out of the
// initializer list, whose elements are const: copying would copy every nested object once per
// level of nesting.
struct Field {
  Field(const char* k, Value v) : key(k), value(std::move(v)) {}
  const char* key;
  mutable Value value;
};
struct Item {
  Item(Value v) : value(std::move(v)) {}  // NOLINT(google-explicit-constructor): List({a, b})
  mutable Value value;
};

// A mapping with members in the given order.
Value Obj(std::initializer_list<Field> members);
Value List(std::initializer_list<Item> items);
Value StrList(const std::vector<std::string>& items);
// A mapping from a sorted string map (Go marshals map keys sorted).
template <typename Map>
Value StrMap(const Map& map) {
  Value v = Value::Mapping();
  v.members.reserve(map.size());
  for (const auto& [k, s] : map) v.members.push_back(Member{k, Mark{}, Value::String(s)});
  return v;
}

}  // namespace thv
