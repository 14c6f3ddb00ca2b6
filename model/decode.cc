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

const Value& SpecOf(const Object& object) {
  static const Value kEmpty = Value::Mapping();
  const Value* spec = GetObject(object.doc, "spec");
  return spec ? *spec : kEmpty;
}

bool SecretHasKey(const Object& secret, const std::string& key) {
  for (const char* field : {"data", "stringData"})
    if (const Value* data = GetObject(secret.doc, field); data && data->Find(key)) return true;
  return false;
}

const Value* ValueAtPath(const Value& doc, const std::string& path, Mark* mark) {
  const Value* node = &doc;
  auto keep = [mark](Mark m) {
    if (mark && m.line > 0) *mark = m;
  };
  size_t at = 0;
  while (node && at < path.size()) {
    if (path[at] == '.') {
      ++at;
    } else if (path[at] == '[') {
      const size_t close = path.find(']', at);
      if (close == std::string::npos) return nullptr;
      const size_t index = std::strtoul(path.c_str() + at + 1, nullptr, 10);
      node = node->IsSequence() && index < node->items.size() ? &node->items[index] : nullptr;
      if (node) keep(node->mark);
      at = close + 1;
    } else {
      const size_t end = path.find_first_of(".[", at);
      const std::string key = path.substr(at, end == std::string::npos ? end : end - at);
      const Member* member = nullptr;
      for (const Member& m : node->members)
        if (m.key == key) member = &m;
      if (!member) return nullptr;
      keep(member->value.IsScalar() ? member->value.mark : member->key_mark);
      node = &member->value;
      at = end == std::string::npos ? path.size() : end;
    }
  }
  return node;
}

Mark MarkOfPath(const Value& doc, const std::string& path) {
  Mark mark = doc.mark;
  ValueAtPath(doc, path, &mark);
  return mark;
}

}  // namespace thv
