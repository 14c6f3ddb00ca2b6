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

MetadataOverrides DecodeMetadataOverrides(const Value& v) {
  return {DecodeOptionalMap(v, "labels"), DecodeOptionalMap(v, "annotations")};
}

AuthzConfig DecodeAuthz(const Value& a) {
  AuthzConfig authz;
  authz.type = GetString(a, "type");
  authz.mark = a.mark;
  if (const Value* cm = GetObject(a, "configMap")) {
    authz.config_map_name = GetString(*cm, "name");
    authz.config_map_key = GetString(*cm, "key");
    if (authz.config_map_key.empty()) authz.config_map_key = "authz.json";
  }
  if (const Value* in = GetObject(a, "inline")) {
    authz.has_inline = true;
    authz.policies = GetStrings(*in, "policies");
    authz.entities_json = GetString(*in, "entitiesJson");
    authz.primary_upstream_provider = GetString(*in, "primaryUpstreamProvider");
  }
  authz.group_claim_name = GetString(a, "groupClaimName");
  authz.role_claim_name = GetString(a, "roleClaimName");
  authz.group_entity_type = GetString(a, "groupEntityType");
  return authz;
}

ProxyDeploymentOverrides DecodeProxyDeployment(const Value& d) {
  ProxyDeploymentOverrides out;
  out.metadata = DecodeMetadataOverrides(d);
  if (const Value* t = GetObject(d, "podTemplateMetadataOverrides"))
    out.pod_template = DecodeMetadataOverrides(*t);
  out.env = DecodeEnv(d);
  if (const Value* secrets = d.Find("imagePullSecrets"); secrets && secrets->IsSequence()) {
    for (const Value& s : secrets->items) out.image_pull_secrets.push_back(GetString(s, "name"));
  }
  return out;
}

SessionStorage DecodeSessionStorage(const Value& v) {
  SessionStorage out{GetString(v, "provider"), GetString(v, "address"), GetInt(v, "db"),
                     GetString(v, "keyPrefix"), std::nullopt};
  if (const Value* p = GetObject(v, "passwordRef"))
    out.password_ref = SecretKeyRef{GetString(*p, "name"), GetString(*p, "key"), p->mark};
  return out;
}

}  // namespace

MCPServer DecodeMCPServer(const Object& object) {
  MCPServer s;
  s.object = &object;
  const Value& spec = SpecOf(object);
  if (const Value* meta = GetObject(object.doc, "metadata")) {
    if (const Value* g = meta->Find("generation"); g && g->IsInt())
      s.generation = GetInt(*meta, "generation");
  }
  DecodeMCPServerCommon(spec, &s);
  s.proxy_port = static_cast<int>(GetInt(spec, "proxyPort"));
  s.mcp_port = static_cast<int>(GetInt(spec, "mcpPort"));
  if (const Value* p = spec.Find("podTemplateSpec"); p && !p->IsNull()) s.pod_template_spec = *p;
  if (const Value* o = GetObject(spec, "resourceOverrides")) {
    if (const Value* d = GetObject(*o, "proxyDeployment"))
      s.proxy_deployment = DecodeProxyDeployment(*d);
    if (const Value* svc = GetObject(*o, "proxyService"))
      s.proxy_service = DecodeMetadataOverrides(*svc);
  }
  if (const Value* o = GetObject(spec, "oidcConfigRef")) {
    s.oidc_config_ref = OidcConfigRef{Ref(*o), GetString(*o, "audience"), std::nullopt,
                                      GetString(*o, "resourceUrl")};
    if (o->Find("scopes")) s.oidc_config_ref->scopes = GetStrings(*o, "scopes");
  }
  s.authz_config_ref = DecodeRef(spec, "authzConfigRef");
  if (const Value* a = GetObject(spec, "authzConfig")) s.authz_config = DecodeAuthz(*a);
  s.tool_config_ref = DecodeRef(spec, "toolConfigRef");
  s.external_auth_config_ref = DecodeRef(spec, "externalAuthConfigRef");
  s.webhook_config_ref = DecodeRef(spec, "webhookConfigRef");
  if (const Value* a = GetObject(spec, "authServerRef"))
    s.auth_server_ref = AuthServerRef{Ref(*a), GetString(*a, "kind")};
  if (const Value* t = GetObject(spec, "telemetryConfigRef")) {
    s.telemetry_config_ref = TelemetryConfigRef{Ref(*t), GetString(*t, "serviceName")};
  }
  s.group_ref = DecodeRef(spec, "groupRef");
  s.session_affinity = GetString(spec, "sessionAffinity");
  s.replicas = OptionalInt(spec, "replicas");
  s.backend_replicas = OptionalInt(spec, "backendReplicas");
  if (const Value* v = GetObject(spec, "sessionStorage"))
    s.session_storage = DecodeSessionStorage(*v);
  s.rate_limiting = GetObject(spec, "rateLimiting");
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
