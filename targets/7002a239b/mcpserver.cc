#include "targets/7002a239b/mcpserver.h"

#include "model/decode.h"

namespace thv {
namespace t7002a239b {

namespace {

std::optional<ConfigMapRef> DecodeConfigMapRef(const Value& parent) {
  const Value* v = GetObject(parent, "configMap");
  if (!v) return std::nullopt;
  return ConfigMapRef{GetString(*v, "name"), GetString(*v, "key"), v->mark};
}

OidcConfig DecodeOidc(const Value& v) {
  OidcConfig o;
  o.type = GetString(v, "type");
  o.resource_url = GetString(v, "resourceUrl");
  o.mark = v.mark;
  if (const Value* k = GetObject(v, "kubernetes")) {
    o.kubernetes = KubernetesOidc{GetString(*k, "serviceAccount"),
                                  GetString(*k, "namespace"),
                                  GetString(*k, "audience"),
                                  GetString(*k, "issuer"),
                                  GetString(*k, "jwksUrl"),
                                  GetString(*k, "introspectionUrl"),
                                  GetOptionalBool(*k, "useClusterAuth")};
  }
  o.config_map = DecodeConfigMapRef(v);
  if (const Value* i = GetObject(v, "inline")) {
    o.inline_ = InlineOidc{GetString(*i, "issuer"),          GetString(*i, "audience"),
                           GetString(*i, "jwksUrl"),         GetString(*i, "introspectionUrl"),
                           GetString(*i, "clientId"),        GetString(*i, "clientSecret"),
                           GetString(*i, "thvCABundlePath"), GetString(*i, "jwksAuthTokenPath"),
                           GetBool(*i, "jwksAllowPrivateIP")};
  }
  return o;
}

AuthzConfig DecodeAuthz(const Value& v) {
  AuthzConfig a;
  a.type = GetString(v, "type");
  a.mark = v.mark;
  a.config_map = DecodeConfigMapRef(v);
  if (const Value* i = GetObject(v, "inline")) {
    a.inline_ = InlineAuthz{GetStrings(*i, "policies"), GetString(*i, "entitiesJson")};
  }
  return a;
}

Telemetry DecodeTelemetry(const Value& v) {
  Telemetry t;
  if (const Value* o = GetObject(v, "openTelemetry")) {
    OpenTelemetry otel;
    otel.enabled = GetBool(*o, "enabled");
    otel.endpoint = GetString(*o, "endpoint");
    otel.service_name = GetString(*o, "serviceName");
    otel.headers = GetStrings(*o, "headers");
    otel.insecure = GetBool(*o, "insecure");
    if (const Value* m = GetObject(*o, "metrics")) otel.metrics_enabled = GetBool(*m, "enabled");
    if (const Value* tr = GetObject(*o, "tracing")) {
      otel.tracing_enabled = GetBool(*tr, "enabled");
      otel.sampling_rate = GetString(*tr, "samplingRate");
    }
    t.open_telemetry = otel;
  }
  if (const Value* p = GetObject(v, "prometheus")) t.prometheus_enabled = GetBool(*p, "enabled");
  return t;
}

ProxyDeploymentOverrides DecodeProxyDeployment(const Value& v) {
  ProxyDeploymentOverrides d;
  d.labels = DecodeOptionalMap(v, "labels");
  d.annotations = DecodeOptionalMap(v, "annotations");
  if (const Value* p = GetObject(v, "podTemplateMetadataOverrides")) {
    d.has_pod_template_metadata = true;
    d.pod_template_labels = DecodeOptionalMap(*p, "labels");
    d.pod_template_annotations = DecodeOptionalMap(*p, "annotations");
  }
  d.env = DecodeEnv(v);
  return d;
}

}  // namespace

MCPServer DecodeMCPServer(Object object) {
  MCPServer s;
  s.object = std::move(object);
  const Value& spec = SpecOf(s.object);
  DecodeMCPServerCommon(spec, &s);
  s.port = static_cast<int>(GetInt(spec, "port"));
  s.target_port = static_cast<int>(GetInt(spec, "targetPort"));
  if (const Value* p = GetObject(spec, "podTemplateSpec")) s.pod_template_spec = *p;
  if (const Value* ro = GetObject(spec, "resourceOverrides")) {
    if (const Value* d = GetObject(*ro, "proxyDeployment"))
      s.proxy_deployment = DecodeProxyDeployment(*d);
    if (const Value* svc = GetObject(*ro, "proxyService")) {
      s.proxy_service = ServiceOverrides{DecodeOptionalMap(*svc, "labels"),
                                         DecodeOptionalMap(*svc, "annotations")};
    }
  }
  if (const Value* o = GetObject(spec, "oidcConfig")) s.oidc = DecodeOidc(*o);
  if (const Value* a = GetObject(spec, "authzConfig")) s.authz = DecodeAuthz(*a);
  s.tools = GetStrings(spec, "tools");
  if (const Value* t = GetObject(spec, "toolConfigRef")) {
    s.tool_config_ref = GetString(*t, "name");
    s.tool_config_ref_mark = t->mark;
  }
  if (const Value* t = GetObject(spec, "telemetry")) s.telemetry = DecodeTelemetry(*t);
  return s;
}

}  // namespace t7002a239b
}  // namespace thv
