#include "targets/v0.44.0/mcpserver.h"

#include "model/decode.h"

namespace thv {
namespace t0_44_0 {

namespace {

// Messages about a reference point at its name.
NamedRef Ref(const Value& ref) {
  const Value* name = ref.Find("name");
  return NamedRef{GetString(ref, "name"), name && name->mark.line > 0 ? name->mark : ref.mark};
}

std::optional<NamedRef> DecodeRef(const Value& spec, const char* key) {
  const Value* v = GetObject(spec, key);
  if (!v) return std::nullopt;
  return Ref(*v);
}

std::optional<int> OptionalInt(const Value& spec, const char* key) {
  const Value* v = spec.Find(key);
  if (!v || !v->IsInt()) return std::nullopt;
  return static_cast<int>(GetInt(spec, key));
}

}  // namespace

MCPServer DecodeMCPServer(const Object& object) {
  MCPServer s;
  s.object = &object;
  static const Value kEmpty = Value::Mapping();
  const Value* spec_ptr = GetObject(object.doc, "spec");
  const Value& spec = spec_ptr ? *spec_ptr : kEmpty;

  s.image = GetString(spec, "image");
  s.transport = GetString(spec, "transport");
  s.proxy_mode = GetString(spec, "proxyMode");
  s.proxy_port = static_cast<int>(GetInt(spec, "proxyPort"));
  s.mcp_port = static_cast<int>(GetInt(spec, "mcpPort"));
  s.args = GetStrings(spec, "args");
  if (const Value* env = spec.Find("env"); env && env->IsSequence()) {
    for (const Value& item : env->items)
      s.env.push_back({GetString(item, "name"), GetString(item, "value")});
  }
  if (const Value* secrets = spec.Find("secrets"); secrets && secrets->IsSequence()) {
    for (const Value& item : secrets->items) {
      SecretRef ref{GetString(item, "name"), GetString(item, "key"),
                    GetString(item, "targetEnvName")};
      if (ref.target_env_name.empty()) ref.target_env_name = ref.key;
      s.secrets.push_back(std::move(ref));
    }
  }
  if (const Value* sa = spec.Find("serviceAccount"); sa && sa->IsString())
    s.service_account = sa->text;
  if (const Value* p = spec.Find("podTemplateSpec"); p && !p->IsNull()) s.pod_template_spec = *p;
  if (const Value* o = GetObject(spec, "oidcConfigRef")) {
    s.oidc_config_ref = OidcConfigRef{Ref(*o), GetString(*o, "audience"), GetStrings(*o, "scopes"),
                                      GetString(*o, "resourceUrl")};
  }
  s.authz_config_ref = DecodeRef(spec, "authzConfigRef");
  s.has_inline_authz = GetObject(spec, "authzConfig") != nullptr;
  s.tool_config_ref = DecodeRef(spec, "toolConfigRef");
  s.external_auth_config_ref = DecodeRef(spec, "externalAuthConfigRef");
  s.webhook_config_ref = DecodeRef(spec, "webhookConfigRef");
  if (const Value* a = GetObject(spec, "authServerRef"))
    s.auth_server_ref = AuthServerRef{Ref(*a), GetString(*a, "kind")};
  if (const Value* t = GetObject(spec, "telemetryConfigRef")) {
    s.telemetry_config_ref = TelemetryConfigRef{Ref(*t), GetString(*t, "serviceName")};
  }
  s.group_ref = DecodeRef(spec, "groupRef");
  s.replicas = OptionalInt(spec, "replicas");
  s.backend_replicas = OptionalInt(spec, "backendReplicas");
  s.endpoint_prefix = GetString(spec, "endpointPrefix");
  s.trust_proxy_headers = GetBool(spec, "trustProxyHeaders");
  return s;
}

std::string ServiceUrl(const MCPServer& s) {
  const std::string base = "http://mcp-" + s.object->meta.name + "-proxy." +
                           s.object->meta.namespace_ +
                           ".svc.cluster.local:" + std::to_string(s.proxy_port);
  // stdio is served as its proxy mode; names are DNS subdomains, which url.PathEscape keeps.
  const std::string& served = s.transport == "stdio" ? s.proxy_mode : s.transport;
  return served == "sse" ? base + "/sse#" + s.object->meta.name : base + "/mcp";
}

}  // namespace t0_44_0
}  // namespace thv
