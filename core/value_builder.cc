#include "core/value_builder.h"

namespace thv {

Value Obj(std::initializer_list<Field> members) {
  Value v = Value::Mapping();
  v.members.reserve(members.size());
  for (const Field& f : members) v.members.push_back(Member{f.key, Mark{}, std::move(f.value)});
  return v;
}

Value List(std::initializer_list<Item> items) {
  Value v = Value::Sequence();
  v.items.reserve(items.size());
  for (const Item& item : items) v.items.push_back(std::move(item.value));
  return v;
}

Value StrList(const std::vector<std::string>& items) {
  Value v = Value::Sequence();
  v.items.reserve(items.size());
  for (const std::string& s : items) v.items.push_back(Value::String(s));
  return v;
}

}  // namespace thv
