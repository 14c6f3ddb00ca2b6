#include "targets/7002a239b/runconfig.h"

#include <cstdlib>
#include <set>

#include "core/json_writer.h"
#include "core/value_builder.h"
#include "render/k8s_objects.h"
#include "render/runconfig_parts.h"
#include "targets/7002a239b/defaults.h"

namespace thv {
namespace t7002a239b {

namespace {

bool IsHttpTransport(const std::string& t) { return t == "sse" || t == "streamable-http"; }

Value BuiltinProfile(const std::string& name) {
  Value outbound = Value::Mapping();
  if (name == "network") outbound.Set("insecure_allow_all", Bool(true));
  return Obj(
      {{"name", Str(name == "stdio" ? "none" : name)}, {"network", Obj({{"outbound", outbound}})}});
}

// The mount target of "source:target" (permissions.MountDeclaration.Parse for plain paths).
std::string MountTarget(const std::string& declaration) {
  size_t colon = declaration.find(':');
  return colon == std::string::npos ? declaration : declaration.substr(colon + 1);
}

// runConfigBuilder.processVolumeMounts: volumes join the profile's read or write list unless
// their target is already mounted.
void AddVolumesToProfile(const std::vector<HostVolume>& volumes, Value* profile) {
  if (volumes.empty()) return;
  std::set<std::string> targets;
  for (const char* list : {"read", "write"}) {
    if (const Value* mounts = profile->Find(list))
      for (const Value& m : mounts->items) targets.insert(MountTarget(m.text));
  }
  Value read = profile->Find("read") ? *profile->Find("read") : Value::Sequence();
  Value write = profile->Find("write") ? *profile->Find("write") : Value::Sequence();
  for (const HostVolume& v : volumes) {
    if (!targets.insert(v.mount_path).second) continue;
    (v.read_only ? read : write).Append(Str(v.host_path + ":" + v.mount_path));
  }
  // Rebuild to keep Go field order: name, read, write, network, privileged.
  Value ordered = Value::Mapping();
  if (const Value* name = profile->Find("name")) ordered.Set("name", *name);
  if (!read.items.empty()) ordered.Set("read", read);
  if (!write.items.empty()) ordered.Set("write", write);
  if (const Value* net = profile->Find("network")) ordered.Set("network", *net);
  if (const Value* priv = profile->Find("privileged")) ordered.Set("privileged", *priv);
  *profile = std::move(ordered);
}

Value PermissionProfile(const MCPServer& s, const ServerRefs& refs) {
  Value profile;
  if (!s.permission_profile) {
    profile = BuiltinProfile("network");
  } else if (s.permission_profile->type == "configmap") {
    if (!refs.permission_profile) return Value::Null();
    profile = *refs.permission_profile;
  } else {
    profile = BuiltinProfile(s.permission_profile->name);
  }
  AddVolumesToProfile(s.volumes, &profile);
  return profile;
}

// strconv.ParseFloat: the whole string must be a number, else the 0.05 default stays.
double SamplingRate(const std::string& text) {
  if (text.empty()) return 0.05;
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  return end && *end == '\0' ? d : 0.05;
}

Value TelemetryConfig(const MCPServer& s) {
  if (!s.telemetry) return Value::Null();
  std::string endpoint, service_name;
  bool tracing = false, metrics = false, insecure = false;
  double sampling_rate = 0.05;
  std::vector<std::string> headers;
  const auto& otel = s.telemetry->open_telemetry;
  if (otel && otel->enabled) {
    endpoint = otel->endpoint;
    for (const char* prefix : {"https://", "http://"}) {
      if (endpoint.rfind(prefix, 0) == 0) endpoint = endpoint.substr(std::string(prefix).size());
    }
    insecure = otel->insecure;
    headers = otel->headers;
    service_name = otel->service_name.empty() ? s.object.meta.name : otel->service_name;
    if (otel->tracing_enabled) {
      tracing = *otel->tracing_enabled;
      sampling_rate = SamplingRate(otel->sampling_rate);
    }
    if (otel->metrics_enabled) metrics = *otel->metrics_enabled;
  }
  const bool prometheus = s.telemetry->prometheus_enabled.value_or(false);
  if (endpoint.empty() && !prometheus) return Value::Null();
  StringMap header_map;
  for (const std::string& h : headers) {
    size_t eq = h.find('=');
    if (eq != std::string::npos) header_map[h.substr(0, eq)] = h.substr(eq + 1);
  }
  return Obj({{"endpoint", Str(endpoint)},
              {"serviceName", Str(service_name.empty() ? "toolhive-mcp-proxy" : service_name)},
              {"serviceVersion", Str(kOperatorBuild)},
              {"tracingEnabled", Bool(tracing)},
              {"metricsEnabled", Bool(metrics)},
              {"samplingRate", Value::Number(GoFloat(sampling_rate), true)},
              {"headers", StrMap(header_map)},
              {"insecure", Bool(insecure)},
              {"enablePrometheusMetricsPath", Bool(prometheus)},
              {"environmentVariables", Value::Null()}});
}

Value RunConfigAuthz(const MCPServer& s, const ServerRefs& refs) {
  if (!s.authz) return Value::Null();
  if (s.authz->type == "inline" && s.authz->inline_) {
    return Obj({{"version", Str("v1")},
                {"type", Str("cedarv1")},
                {"cedar", Obj({{"policies", StrList(s.authz->inline_->policies)},
                               {"entities_json", Str(s.authz->inline_->entities_json)}})}});
  }
  if (s.authz->type == "configMap" && refs.authz_config) return *refs.authz_config;
  return Value::Null();
}

}  // namespace

std::string TransportLabel(const MCPServer& s) {
  if (s.transport == "stdio" && s.proxy_mode == "streamable-http") return "streamable-http";
  return s.transport;
}

bool HasVaultAgentInjection(const StringMap* annotations) {
  if (!annotations) return false;
  auto it = annotations->find("vault.hashicorp.com/agent-inject");
  return it != annotations->end() && it->second == "true";
}

Value BuildRunConfig(const MCPServer& s, const ServerRefs& refs, const RenderOptions& options) {
  const std::string& name = s.object.meta.name;
  const int port = s.port ? s.port : 8080;
  Value rc = Value::Mapping();
  rc.Set("schema_version", Str("v0.1.0"));
  rc.Set("image", Str(s.image));
  SetRunConfigProcess(&rc, s, name, ProxyHost(options), port);
  if (s.target_port) rc.Set("target_port", Int(s.target_port));
  if (s.permission_profile) {
    rc.Set("permission_profile_name_or_path",
           Str(s.permission_profile->type == "configmap"
                   ? "/etc/toolhive/profiles/" + s.permission_profile->key
                   : s.permission_profile->name));
  }
  rc.Set("permission_profile", PermissionProfile(s, refs));

  StringMap env;
  for (const NameValue& e : s.env) env[e.name] = e.value;
  env["MCP_TRANSPORT"] = s.transport;
  if (s.target_port > 0 && IsHttpTransport(s.transport)) {
    env["MCP_PORT"] = std::to_string(s.target_port);
    env["FASTMCP_PORT"] = std::to_string(s.target_port);
  }
  rc.Set("env_vars", StrMap(env));

  const StringMap* template_annotations =
      s.proxy_deployment ? (s.proxy_deployment->pod_template_annotations
                                ? &*s.proxy_deployment->pod_template_annotations
                                : nullptr)
                         : nullptr;
  StringMap user_template_annotations;
  if (s.pod_template_spec) {
    if (const Value* meta = s.pod_template_spec->Find("metadata"))
      if (const Value* a = meta->Find("annotations"); a && a->IsMapping())
        for (const Member& m : a->members) user_template_annotations[m.key] = m.value.text;
  }
  if (HasVaultAgentInjection(&user_template_annotations) ||
      HasVaultAgentInjection(template_annotations)) {
    rc.Set("env_file_dir", Str("/vault/secrets"));
  }
  SetRunConfigVolumes(&rc, s.volumes);
  rc.Set("container_labels", Obj({{"toolhive", Str("true")},
                                  {"toolhive-basename", Str(name)},
                                  {"toolhive-name", Str(name)},
                                  {"toolhive-port", Str(std::to_string(port))},
                                  {"toolhive-tool-type", Str("mcp")},
                                  {"toolhive-transport", Str(TransportLabel(s))}}));

  const InlineOidc* oidc =
      s.oidc && s.oidc->type == "inline" && s.oidc->inline_ ? &*s.oidc->inline_ : nullptr;
  if (oidc && (!oidc->issuer.empty() || !oidc->audience.empty() || !oidc->jwks_url.empty() ||
               !oidc->introspection_url.empty() || !oidc->client_id.empty() ||
               !oidc->client_secret.empty())) {
    // auth.TokenValidatorConfig has no json tags: Go field names, every field written.
    rc.Set("oidc_config", Obj({{"Issuer", Str(oidc->issuer)},
                               {"Audience", Str(oidc->audience)},
                               {"JWKSURL", Str(oidc->jwks_url)},
                               {"ClientID", Str(oidc->client_id)},
                               {"ClientSecret", Str(oidc->client_secret)},
                               {"CACertPath", Str("")},
                               {"AuthTokenFile", Str("")},
                               {"AllowPrivateIP", Bool(oidc->jwks_allow_private_ip)},
                               {"IntrospectionURL", Str(oidc->introspection_url)},
                               {"ResourceURL", Str("")}}));
  }
  if (Value authz = RunConfigAuthz(s, refs); !authz.IsNull()) rc.Set("authz_config", authz);
  if (s.audit_enabled.value_or(false)) rc.Set("audit_config", Obj({{"max_data_size", Int(1024)}}));
  if (Value telemetry = TelemetryConfig(s); !telemetry.IsNull())
    rc.Set("telemetry_config", telemetry);
  rc.Set("proxy_mode", Str(s.proxy_mode.empty() ? "sse" : s.proxy_mode));
  if (oidc && !oidc->thv_ca_bundle_path.empty())
    rc.Set("thv_ca_bundle", Str(oidc->thv_ca_bundle_path));
  if (oidc && !oidc->jwks_auth_token_path.empty())
    rc.Set("jwks_auth_token_file", Str(oidc->jwks_auth_token_path));

  // An MCPToolConfig reference takes precedence over spec.tools.
  const std::vector<std::string>& filter =
      refs.tool_config ? refs.tool_config->tools_filter : s.tools;
  if (!filter.empty()) rc.Set("tools_filter", StrList(filter));
  if (refs.tool_config && !refs.tool_config->tools_override.empty()) {
    Value overrides = Value::Mapping();
    for (const auto& [tool, o] : refs.tool_config->tools_override) {
      Value entry = Value::Mapping();
      if (!o.name.empty()) entry.Set("name", Str(o.name));
      if (!o.description.empty()) entry.Set("description", Str(o.description));
      overrides.members.push_back(Member{tool, Mark{}, std::move(entry)});
    }
    rc.Set("tools_override", overrides);
  }
  return rc;
}

Value RunConfigConfigMap(const MCPServer& s, const Value& run_config) {
  return RunConfigConfigMapObject(s.object.meta.name, s.object.meta.namespace_,
                                  GoJsonIndent(run_config, "  "));
}

}  // namespace t7002a239b
}  // namespace thv
