#include "core/go_json.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/json_writer.h"

namespace thv {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsNumberKind(std::string_view t) {
  return t == "int32" || t == "int64" || t == "int" || t == "float64";
}

bool HasOption(const GoField& f, const char* option) { return std::strstr(f.options, option); }

// A Go map: keys sorted, each value written by append_value.
template <typename AppendValue>
void AppendSortedMap(const Value& v, std::string* out, AppendValue append_value) {
  std::vector<const Member*> members;
  for (const Member& m : v.members) members.push_back(&m);
  std::sort(members.begin(), members.end(),
            [](const Member* a, const Member* b) { return a->key < b->key; });
  out->push_back('{');
  for (size_t i = 0; i < members.size(); ++i) {
    if (i) out->push_back(',');
    AppendGoJsonString(members[i]->key, out);
    out->push_back(':');
    append_value(members[i]->value);
  }
  out->push_back('}');
}

// A generic value decoded into `any`: maps sorted, numbers as float64.
void AppendAny(const Value& v, std::string* out) {
  switch (v.type) {
    case Value::Type::kInt:
    case Value::Type::kFloat:
      out->append(GoFloat(std::strtod(v.text.c_str(), nullptr)));
      return;
    case Value::Type::kSequence:
      out->push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out->push_back(',');
        AppendAny(v.items[i], out);
      }
      out->push_back(']');
      return;
    case Value::Type::kMapping:
      AppendSortedMap(v, out, [out](const Value& member) { AppendAny(member, out); });
      return;
    default:
      out->append(GoJsonCompact(v));
  }
}

}  // namespace

GoTypes::GoTypes(const std::vector<GoStruct>& structs,
                 const std::vector<std::pair<const char*, const char*>>& aliases,
                 QuantityFormatter quantity)
    : quantity_(quantity) {
  for (const GoStruct& s : structs) structs_[s.name] = &s;
  for (const auto& [name, underlying] : aliases) aliases_[name] = underlying;
}

std::string_view GoTypes::Resolve(std::string_view type) const {
  while (true) {
    auto it = aliases_.find(type);
    if (it == aliases_.end()) return type;
    type = it->second;
  }
}

// Go's "empty" for omitempty: false, 0, "", nil pointer or interface, nil or empty slice/map.
// Structs are never empty.
bool GoTypes::IsEmpty(std::string_view type, const Value* v) const {
  type = Resolve(type);
  const bool container = type[0] == '*' || StartsWith(type, "[]") || StartsWith(type, "map[");
  if (!v || v->IsNull()) return container || type == "any" || structs_.count(type) == 0;
  if (type[0] == '*') return false;
  if (container) return v->IsEmpty();
  if (type == "string" || type == "[]byte") return v->text.empty();
  if (type == "bool") return !v->AsBool();
  if (IsNumberKind(type)) return std::strtod(v->text.c_str(), nullptr) == 0;
  return false;
}

void GoTypes::AppendFields(const GoStruct& s, const Value* v, bool* first, std::string* out) const {
  for (const GoField& f : s.fields) {
    if (!*f.json) {
      auto it = structs_.find(f.type);
      if (it != structs_.end()) AppendFields(*it->second, v, first, out);
      continue;
    }
    const Value* field = v && v->IsMapping() ? v->Find(f.json) : nullptr;
    if (HasOption(f, "omitempty") && IsEmpty(f.type, field)) continue;
    // omitzero: the zero value of a struct (in practice metav1.Time) is left out.
    if (HasOption(f, "omitzero") && (!field || field->IsNull() || field->IsEmpty())) continue;
    if (!*first) out->push_back(',');
    *first = false;
    AppendGoJsonString(f.json, out);
    out->push_back(':');
    Append(f.type, field, out);
  }
}

void GoTypes::Append(std::string_view type, const Value* v, std::string* out) const {
  type = Resolve(type);
  const bool null = !v || v->IsNull();
  if (type[0] == '*' || type == "any") {
    if (null) {
      out->append("null");
    } else if (type == "any") {
      AppendAny(*v, out);
    } else {
      Append(type.substr(1), v, out);
    }
    return;
  }
  if (StartsWith(type, "[]") && type != "[]byte") {
    if (null || !v->IsSequence()) {
      out->append("null");
      return;
    }
    out->push_back('[');
    for (size_t i = 0; i < v->items.size(); ++i) {
      if (i) out->push_back(',');
      Append(type.substr(2), &v->items[i], out);
    }
    out->push_back(']');
    return;
  }
  if (StartsWith(type, "map[")) {
    if (null || !v->IsMapping()) {
      out->append("null");
      return;
    }
    std::string_view value_type = type.substr(type.find(']') + 1);
    AppendSortedMap(*v, out, [&](const Value& member) { Append(value_type, &member, out); });
    return;
  }
  if (type == "string" || type == "[]byte") {
    AppendGoJsonString(null ? "" : v->text, out);
  } else if (type == "bool") {
    out->append(!null && v->AsBool() ? "true" : "false");
  } else if (type == "float64") {
    out->append(null ? "0" : GoFloat(std::strtod(v->text.c_str(), nullptr)));
  } else if (IsNumberKind(type)) {
    out->append(null ? "0" : v->text);
  } else if (type == "resource.Quantity") {
    AppendGoJsonString(null ? "0" : quantity_ ? quantity_(v->text) : v->text, out);
  } else if (type == "intstr.IntOrString") {
    if (!null && v->IsString())
      AppendGoJsonString(v->text, out);
    else
      out->append(null ? "0" : v->text);
  } else if (type == "Time") {
    if (null || v->text.empty())
      out->append("null");
    else
      AppendGoJsonString(v->text, out);
  } else {
    auto it = structs_.find(type);
    out->push_back('{');
    bool first = true;
    if (it != structs_.end()) AppendFields(*it->second, null ? nullptr : v, &first, out);
    out->push_back('}');
  }
}

std::string GoTypes::Marshal(std::string_view type, const Value& v) const {
  std::string out;
  Append(type, &v, &out);
  return out;
}

}  // namespace thv
