#include "core/value_builder.h"

namespace thv {

Value Obj(std::initializer_list<Field> members) {
  Value v = Value::Mapping();
  v.members.reserve(members.size());
  for (const Field& f : members) v.members.push_back(Member{f.key, Mark{}, std::move(f.value)});
  return v;
}

Value List(std::vector<Value> items) {
  Value v = Value::Sequence();
  v.items = std::move(items);
  return v;
}

Value StrList(const std::vector<std::string>& items) {
  Value v = Value::Sequence();
  v.items.reserve(items.size());
  for (const std::string& s : items) v.items.push_back(Value::String(s));
  return v;
}

}  // namespace thv
