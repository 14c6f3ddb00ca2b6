#include "model/decode.h"

#include <cstdlib>

namespace thv {

std::string GetString(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  return v && v->IsScalar() && !v->IsNull() ? v->text : std::string();
}

int64_t GetInt(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  return v && v->IsInt() ? std::strtoll(v->text.c_str(), nullptr, 10) : 0;
}

bool GetBool(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  return v && v->AsBool();
}

std::optional<bool> GetOptionalBool(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  if (!v || !v->IsBool()) return std::nullopt;
  return v->AsBool();
}

std::vector<std::string> GetStrings(const Value& parent, const char* key) {
  std::vector<std::string> out;
  const Value* v = parent.Find(key);
  if (!v || !v->IsSequence()) return out;
  out.reserve(v->items.size());
  for (const Value& item : v->items) out.push_back(item.IsNull() ? std::string() : item.text);
  return out;
}

StringMap GetStringMap(const Value& parent, const char* key) {
  StringMap out;
  const Value* v = parent.Find(key);
  if (!v || !v->IsMapping()) return out;
  for (const Member& m : v->members) out[m.key] = m.value.IsNull() ? std::string() : m.value.text;
  return out;
}

const Value* GetObject(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  return v && v->IsMapping() ? v : nullptr;
}

}  // namespace thv
