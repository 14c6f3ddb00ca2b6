#include "render/k8s_go_json.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>
#include <vector>

#include "core/json_writer.h"
#include "render/quantity.h"

namespace thv {

namespace {

struct GoField {
  const char* json;  // empty: embedded struct, inlined
  const char* type;  // Go type expression: *T, []T, map[K]V, or a name
  const char* options;
};

struct GoStruct {
  const char* name;
  std::vector<GoField> fields;
};

struct GoTypes {
  std::map<std::string_view, const GoStruct*> structs;
  std::map<std::string_view, std::string_view> aliases;
};

const GoTypes& Types() {
  static const std::vector<GoStruct> kStructs = {
#define K8S_GO_STRUCT(name) {#name, {
#define K8S_GO_FIELD(json, type, options) {json, type, options},
#define K8S_GO_END() }},
#define K8S_GO_ALIAS(name, underlying)
#include "render/k8s_go_types.inc"
#undef K8S_GO_STRUCT
#undef K8S_GO_FIELD
#undef K8S_GO_END
#undef K8S_GO_ALIAS
  };
  static const std::pair<const char*, const char*> kAliases[] = {
#define K8S_GO_STRUCT(name)
#define K8S_GO_FIELD(json, type, options)
#define K8S_GO_END()
#define K8S_GO_ALIAS(name, underlying) {name, underlying},
#include "render/k8s_go_types.inc"
#undef K8S_GO_STRUCT
#undef K8S_GO_FIELD
#undef K8S_GO_END
#undef K8S_GO_ALIAS
  };
  static const GoTypes types = [] {
    GoTypes t;
    for (const GoStruct& s : kStructs) t.structs[s.name] = &s;
    for (const auto& [name, underlying] : kAliases) t.aliases[name] = underlying;
    return t;
  }();
  return types;
}

// Resolves named non-struct types to their underlying type expression.
std::string_view Resolve(std::string_view type) {
  const GoTypes& t = Types();
  while (true) {
    auto it = t.aliases.find(type);
    if (it == t.aliases.end()) return type;
    type = it->second;
  }
}

bool HasOption(const GoField& f, const char* option) { return std::strstr(f.options, option); }

bool IsScalarKind(std::string_view t) {
  return t == "string" || t == "bool" || t == "int32" || t == "int64" || t == "int" ||
         t == "float64";
}

// Go's "empty" for omitempty: false, 0, "", nil pointer, nil or empty slice/map. Structs are
// never empty.
bool IsEmpty(std::string_view type, const Value* v) {
  type = Resolve(type);
  if (!v || v->IsNull()) return type[0] == '*' || type.rfind("[]", 0) == 0 ||
                                type.rfind("map[", 0) == 0 || IsScalarKind(type) ||
                                type == "bytes" || type == "[]byte";
  if (type[0] == '*') return false;
  if (type.rfind("[]", 0) == 0 || type.rfind("map[", 0) == 0) return v->IsEmpty();
  if (type == "string" || type == "bytes") return v->text.empty();
  if (type == "bool") return !v->AsBool();
  if (IsScalarKind(type)) return v->text == "0" || v->text == "0.0";
  return false;
}

void Write(std::string_view type, const Value* v, std::string* out);

void WriteStructFields(const GoStruct& s, const Value* v, bool* first, std::string* out) {
  for (const GoField& f : s.fields) {
    if (!*f.json) {  // embedded struct: its fields join this object
      auto it = Types().structs.find(f.type);
      if (it != Types().structs.end()) WriteStructFields(*it->second, v, first, out);
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
    Write(f.type, field, out);
  }
}

void Write(std::string_view type, const Value* v, std::string* out) {
  type = Resolve(type);
  const bool null = !v || v->IsNull();
  if (type[0] == '*') {
    if (null) {
      out->append("null");
      return;
    }
    Write(type.substr(1), v, out);
    return;
  }
  if (type.rfind("[]", 0) == 0 && type != "[]byte") {
    if (null || !v->IsSequence()) {
      out->append("null");
      return;
    }
    out->push_back('[');
    for (size_t i = 0; i < v->items.size(); ++i) {
      if (i) out->push_back(',');
      Write(type.substr(2), &v->items[i], out);
    }
    out->push_back(']');
    return;
  }
  if (type.rfind("map[", 0) == 0) {
    if (null || !v->IsMapping()) {
      out->append("null");
      return;
    }
    std::string_view value_type = type.substr(type.find(']') + 1);
    std::vector<const Member*> members;
    for (const Member& m : v->members) members.push_back(&m);
    std::sort(members.begin(), members.end(),
              [](const Member* a, const Member* b) { return a->key < b->key; });
    out->push_back('{');
    for (size_t i = 0; i < members.size(); ++i) {
      if (i) out->push_back(',');
      AppendGoJsonString(members[i]->key, out);
      out->push_back(':');
      Write(value_type, &members[i]->value, out);
    }
    out->push_back('}');
    return;
  }
  if (type == "string" || type == "bytes" || type == "[]byte") {
    AppendGoJsonString(null ? "" : v->text, out);
    return;
  }
  if (type == "bool") {
    out->append(!null && v->AsBool() ? "true" : "false");
    return;
  }
  if (IsScalarKind(type)) {
    out->append(null ? "0" : v->text);
    return;
  }
  if (type == "resource.Quantity" || type == "quantity") {
    std::string canonical, err;
    AppendGoJsonString(!null && CanonicalQuantity(v->text, &canonical, &err) ? canonical : "0", out);
    return;
  }
  if (type == "intstr.IntOrString" || type == "intorstring") {
    if (!null && v->IsString())
      AppendGoJsonString(v->text, out);
    else
      out->append(null ? "0" : v->text);
    return;
  }
  if (type == "Time" || type == "time") {
    if (null || v->text.empty())
      out->append("null");
    else
      AppendGoJsonString(v->text, out);
    return;
  }
  auto it = Types().structs.find(type);
  out->push_back('{');
  bool first = true;
  if (it != Types().structs.end()) WriteStructFields(*it->second, null ? nullptr : v, &first, out);
  out->push_back('}');
}

}  // namespace

std::string MarshalPodTemplateSpec(const Value& tmpl) {
  std::string out;
  Write("PodTemplateSpec", &tmpl, &out);
  return out;
}

}  // namespace thv
