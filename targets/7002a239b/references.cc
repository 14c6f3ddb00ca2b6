#include "targets/7002a239b/references.h"

#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "model/inputs.h"

namespace thv {
namespace t7002a239b {

namespace {

// Parses one YAML/JSON document from a ConfigMap value.
bool ParseEmbedded(const std::string& text, Value* out, std::string* err) {
  std::vector<Value> docs;
  Diagnostics diags;
  if (!ReadYamlDocuments("", text, &docs, &diags) || docs.size() != 1) {
    *err = diags.items().empty() ? "expected exactly one document"
                                 : FormatDiagnostic(diags.items().front());
    return false;
  }
  *out = std::move(docs.front());
  return true;
}

bool CheckType(const Value* v, Value::Type type, const std::string& field, std::string* err) {
  if (!v || v->IsNull() || v->type == type) return true;
  *err = field + ": must be " + TypeName(type) + ", not " + TypeName(v->type);
  return false;
}

bool StringList(const Value* v, const std::string& field, Value* out, std::string* err) {
  *out = Value::Sequence();
  if (!v || v->IsNull()) return true;
  if (!CheckType(v, Value::Type::kSequence, field, err)) return false;
  for (const Value& item : v->items) {
    if (!item.IsString()) {
      *err = field + ": items must be strings";
      return false;
    }
    out->items.push_back(Value::String(item.text));
  }
  return true;
}

const Value* ConfigMapData(const Object* cm) { return cm ? GetObject(cm->doc, "data") : nullptr; }

}  // namespace

bool ParsePermissionProfile(const std::string& json, Value* profile, std::string* err) {
  Value doc;
  if (!ParseEmbedded(json, &doc, err)) return false;
  if (!doc.IsMapping()) {
    *err = "permission profile must be a JSON object";
    return false;
  }
  *profile = Value::Mapping();
  const Value* name = doc.Find("name");
  if (!CheckType(name, Value::Type::kString, "name", err)) return false;
  if (name && !name->text.empty()) profile->Set("name", Str(name->text));
  for (const char* key : {"read", "write"}) {
    Value list;
    if (!StringList(doc.Find(key), key, &list, err)) return false;
    if (!list.items.empty()) profile->Set(key, list);
  }
  if (const Value* network = doc.Find("network"); network && !network->IsNull()) {
    if (!CheckType(network, Value::Type::kMapping, "network", err)) return false;
    Value net = Value::Mapping();
    if (const Value* out = network->Find("outbound"); out && !out->IsNull()) {
      if (!CheckType(out, Value::Type::kMapping, "network.outbound", err)) return false;
      Value outbound = Value::Mapping();
      const Value* allow_all = out->Find("insecure_allow_all");
      if (!CheckType(allow_all, Value::Type::kBool, "network.outbound.insecure_allow_all", err))
        return false;
      if (allow_all && allow_all->AsBool()) outbound.Set("insecure_allow_all", Bool(true));
      Value hosts;
      if (!StringList(out->Find("allow_host"), "network.outbound.allow_host", &hosts, err))
        return false;
      if (!hosts.items.empty()) outbound.Set("allow_host", hosts);
      if (const Value* ports = out->Find("allow_port"); ports && !ports->IsNull()) {
        if (!CheckType(ports, Value::Type::kSequence, "network.outbound.allow_port", err))
          return false;
        Value list = Value::Sequence();
        for (const Value& p : ports->items) {
          if (!p.IsInt()) {
            *err = "network.outbound.allow_port: items must be integers";
            return false;
          }
          list.items.push_back(p);
        }
        if (!list.items.empty()) outbound.Set("allow_port", list);
      }
      net.Set("outbound", outbound);
    }
    profile->Set("network", net);
  }
  const Value* privileged = doc.Find("privileged");
  if (!CheckType(privileged, Value::Type::kBool, "privileged", err)) return false;
  if (privileged && privileged->AsBool()) profile->Set("privileged", Bool(true));
  return true;
}

bool ParseAuthzConfig(const std::string& text, Value* config, std::string* err) {
  Value doc;
  if (!ParseEmbedded(text, &doc, err)) return false;
  if (!doc.IsMapping()) {
    *err = "authz config must be an object";
    return false;
  }
  const std::string version = GetString(doc, "version");
  const std::string type = GetString(doc, "type");
  if (version.empty()) {
    *err = "version is required";
    return false;
  }
  if (type.empty()) {
    *err = "type is required";
    return false;
  }
  if (type != "cedarv1") {
    *err = "unsupported configuration type: " + type;
    return false;
  }
  const Value* cedar = GetObject(doc, "cedar");
  if (!cedar) {
    *err = "cedar configuration is required for type " + type;
    return false;
  }
  Value policies;
  if (!StringList(cedar->Find("policies"), "cedar.policies", &policies, err)) return false;
  if (policies.items.empty()) {
    *err = "at least one policy is required for type " + type;
    return false;
  }
  *config = Obj({{"version", Str(version)},
                 {"type", Str(type)},
                 {"cedar", Obj({{"policies", policies},
                                {"entities_json", Str(GetString(*cedar, "entities_json"))}})}});
  return true;
}

ServerRefs ResolveServerRefs(const MCPServer& server, const ObjectIndex& objects,
                             Diagnostics* diags) {
  ServerRefs refs;
  const std::string& ns = server.object.meta.namespace_;
  const std::string& file = server.object.origin.file;

  if (server.tool_config_ref) {
    const Object* tc = objects.Find("MCPToolConfig", ns, *server.tool_config_ref);
    if (!tc || ToolhiveKindOf(*tc) != ToolhiveKind::kMCPToolConfig) {
      diags->Error(
          file, server.tool_config_ref_mark, "spec.toolConfigRef.name",
          "MCPToolConfig " + ns + "/" + *server.tool_config_ref + " not found among the inputs");
    } else {
      refs.tool_config = DecodeMCPToolConfig(*tc);
      for (const auto& [tool, o] : refs.tool_config->tools_override) {
        if (o.name.empty() && o.description.empty()) {
          diags->Error(tc->origin.file, tc->origin.mark, "spec.toolsOverride." + tool,
                       "tool override for " + tool + " must have either name or description set");
        }
      }
    }
  }

  auto lookup = [&](const ConfigMapRef& ref, const std::string& key, const std::string& field,
                    const std::string& what) -> const Value* {
    const Object* cm = objects.Find("ConfigMap", ns, ref.name);
    const Value* data = ConfigMapData(cm);
    if (!cm) {
      diags->Error(file, ref.mark, field + ".name",
                   what + " ConfigMap " + ns + "/" + ref.name + " not found among the inputs");
      return nullptr;
    }
    const Value* value = data ? data->Find(key) : nullptr;
    if (!value || !value->IsString()) {
      diags->Error(file, ref.mark, field + ".key",
                   what + " ConfigMap " + ns + "/" + ref.name + " is missing key \"" + key + "\"");
      return nullptr;
    }
    return value;
  };

  if (server.authz && server.authz->type == "configMap" && server.authz->config_map) {
    const ConfigMapRef& ref = *server.authz->config_map;
    const std::string key = ref.key.empty() ? "authz.json" : ref.key;
    if (const Value* text = lookup(ref, key, "spec.authzConfig.configMap", "authz")) {
      Value config;
      std::string err;
      if (!ParseAuthzConfig(text->text, &config, &err)) {
        diags->Error(file, ref.mark, "spec.authzConfig.configMap",
                     "invalid authz config in ConfigMap " + ns + "/" + ref.name + " key \"" + key +
                         "\": " + err);
      } else {
        refs.authz_config = std::move(config);
      }
    }
  }

  if (server.oidc && server.oidc->type == "configMap" && server.oidc->config_map) {
    const ConfigMapRef& ref = *server.oidc->config_map;
    const Object* cm = objects.Find("ConfigMap", ns, ref.name);
    if (!cm) {
      diags->Error(file, ref.mark, "spec.oidcConfig.configMap.name",
                   "OIDC ConfigMap " + ns + "/" + ref.name + " not found among the inputs");
    } else {
      refs.oidc_config_map = GetStringMap(cm->doc, "data");
    }
  }

  if (server.permission_profile && server.permission_profile->type == "configmap") {
    const PermissionProfileRef& p = *server.permission_profile;
    if (p.key.empty()) {
      diags->Error(file, p.mark, "spec.permissionProfile.key",
                   "Required value: key is required when type is configmap");
    } else if (const Value* text = lookup(ConfigMapRef{p.name, p.key, p.mark}, p.key,
                                          "spec.permissionProfile", "permission profile")) {
      Value profile;
      std::string err;
      if (!ParsePermissionProfile(text->text, &profile, &err)) {
        diags->Error(file, p.mark, "spec.permissionProfile",
                     "invalid permission profile in ConfigMap " + ns + "/" + p.name + " key \"" +
                         p.key + "\": " + err);
      } else {
        refs.permission_profile = std::move(profile);
      }
    }
  }
  return refs;
}

}  // namespace t7002a239b
}  // namespace thv
