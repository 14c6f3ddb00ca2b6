#include "registry/registry_data.h"

#include <algorithm>

#include "core/go_json.h"
#include "core/json_reader.h"
#include "registry/glob.h"
#include "registry/json_schema.h"
#include "registry/upstream_conversion.h"

namespace thv {

extern const char kToolhiveRegistrySchema[];  // generated from registry/data/*.schema.json

namespace {

const GoTypes& RegistryTypes() {
  static const std::vector<GoStruct> kStructs = {
#define GO_STRUCT(name) {#name, {
#define GO_FIELD(json, type, options) {json, type, options},
#define GO_END() }},
#include "registry/toolhive_go_types.inc"
#undef GO_STRUCT
#undef GO_FIELD
#undef GO_END
  };
  static const GoTypes types(kStructs, {});
  return types;
}

const JsonSchema& ToolhiveSchema() {
  static const JsonSchema schema = [] {
    Value doc;
    std::string err;
    ReadJson(kToolhiveRegistrySchema, &doc, &err);
    return JsonSchema(std::move(doc));
  }();
  return schema;
}

bool AnyGlobMatches(const std::vector<std::string>& patterns, const std::string& name,
                    bool* matched, std::string* err) {
  *matched = false;
  for (const std::string& p : patterns) {
    bool bad = false;
    if (GoFilepathMatch(p, name, &bad)) *matched = true;
    if (bad) {
      *err = "invalid name pattern \"" + p + "\" in spec.filter.names";
      return false;
    }
  }
  return true;
}

bool HasAny(const std::vector<std::string>& wanted, const Value* tags) {
  if (!tags) return false;
  return std::any_of(tags->items.begin(), tags->items.end(), [&](const Value& t) {
    return std::find(wanted.begin(), wanted.end(), t.text) != wanted.end();
  });
}

}  // namespace

bool ParseRegistryData(const std::string& raw, const std::string& format, Value* registry,
                       std::vector<std::string>* warnings, std::vector<std::string>* errors) {
  if (raw.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors->push_back("registry data is empty");
    return false;
  }
  Value doc;
  std::string err;
  if (!ReadJson(raw, &doc, &err)) {
    errors->push_back("registry data is not valid JSON: " + err);
    return false;
  }
  if (format == "upstream") {
    if (!UpstreamToToolhive(doc, registry, warnings, &err)) {
      errors->push_back(err);
      return false;
    }
    return true;
  }
  for (const SchemaError& e : ToolhiveSchema().Validate(doc))
    errors->push_back((e.path.empty() ? "" : e.path + ": ") + e.message);
  if (!errors->empty()) return false;
  *registry = std::move(doc);
  return true;
}

bool FilterRegistry(const Value& registry, const NameTagFilter& f, Value* out, std::string* err) {
  // A malformed glob is an error even when no server would reach it.
  for (const auto* list : {&f.names_include, &f.names_exclude}) {
    for (const std::string& p : *list) {
      if (!GlobValid(p)) {
        *err = "invalid name pattern \"" + p + "\" in spec.filter.names";
        return false;
      }
    }
  }
  *out = registry;
  for (const char* key : {"servers", "remote_servers"}) {
    Value* map = out->Find(key);
    if (!map || !map->IsMapping()) continue;
    std::vector<Member> kept;
    for (Member& m : map->members) {
      bool excluded, included = true;
      if (!AnyGlobMatches(f.names_exclude, m.key, &excluded, err)) return false;
      if (!f.names_include.empty() && !AnyGlobMatches(f.names_include, m.key, &included, err))
        return false;
      if (excluded || !included) continue;
      const Value* tags = m.value.Find("tags");
      if (HasAny(f.tags_exclude, tags)) continue;
      if (!f.tags_include.empty() && !HasAny(f.tags_include, tags)) continue;
      kept.push_back(std::move(m));
    }
    map->members = std::move(kept);
  }
  return true;
}

std::string MarshalRegistry(const Value& registry) {
  return RegistryTypes().Marshal("Registry", registry);
}

size_t CountServers(const Value& registry) {
  size_t n = 0;
  for (const char* key : {"servers", "remote_servers"})
    if (const Value* map = registry.Find(key)) n += map->members.size();
  return n;
}

}  // namespace thv
