#include "core/value.h"

#include <algorithm>

namespace thv {

Value Value::Bool(bool b) {
  Value v;
  v.type = Type::kBool;
  v.text = b ? "true" : "false";
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.type = Type::kInt;
  v.text = std::to_string(i);
  return v;
}

Value Value::Number(std::string text, bool is_float) {
  Value v;
  v.type = is_float ? Type::kFloat : Type::kInt;
  v.text = std::move(text);
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.type = Type::kString;
  v.text = std::move(s);
  return v;
}

Value Value::Sequence() {
  Value v;
  v.type = Type::kSequence;
  return v;
}

Value Value::Mapping() {
  Value v;
  v.type = Type::kMapping;
  return v;
}

const Member* Value::FindMember(std::string_view key) const {
  if (type != Type::kMapping) return nullptr;
  for (const Member& m : members)
    if (m.key == key) return &m;
  return nullptr;
}

const Value* Value::Find(std::string_view key) const {
  const Member* m = FindMember(key);
  return m ? &m->value : nullptr;
}

Value* Value::Find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value*>(this)->Find(key));
}

Value& Value::Set(const std::string& key, Value value) {
  if (type != Type::kMapping) {
    *this = Mapping();
  }
  if (Value* existing = Find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  members.push_back(Member{key, Mark{}, std::move(value)});
  return members.back().value;
}

bool Value::Erase(const std::string& key) {
  auto it =
      std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.key == key; });
  if (it == members.end()) return false;
  members.erase(it);
  return true;
}

Value& Value::Append(Value value) {
  if (type != Type::kSequence) *this = Sequence();
  items.push_back(std::move(value));
  return items.back();
}

bool Value::IsEmpty() const {
  return type == Type::kNull || (type == Type::kSequence && items.empty()) ||
         (type == Type::kMapping && members.empty());
}

bool operator==(const Value& a, const Value& b) {
  if (a.type != b.type || a.text != b.text || a.items != b.items) return false;
  if (a.members.size() != b.members.size()) return false;
  for (size_t i = 0; i < a.members.size(); ++i) {
    if (a.members[i].key != b.members[i].key || a.members[i].value != b.members[i].value)
      return false;
  }
  return true;
}

const char* TypeName(Value::Type type) {
  static const char* const kNames[] = {"null",   "boolean", "integer", "number",
                                       "string", "array",   "object"};
  return kNames[static_cast<int>(type)];
}

const char* JsonTypeName(const Value& v) { return v.IsNumber() ? "number" : TypeName(v.type); }

const char* GoJsonTypeName(const Value& v) {
  return v.IsBool() ? "bool" : v.IsNull() ? "object" : JsonTypeName(v);  // null never fails
}

}  // namespace thv
