#include "targets/7002a239b/mcpserver_render.h"

#include <algorithm>

#include "core/value_builder.h"
#include "render/k8s_go_json.h"
#include "render/k8s_objects.h"
#include "render/server_fields.h"
#include "targets/7002a239b/defaults.h"
#include "targets/7002a239b/runconfig.h"

namespace thv {
namespace t7002a239b {

namespace {

// Object builders shared with other targets: render/k8s_objects.h.
Value ProxyRole(const std::string& name, const std::string& ns) {
  return ProxyRunnerRole(name, ns,
                         {"get", "list", "watch", "create", "update", "patch", "delete", "apply"});
}

Value AuthzInlineConfigMap(const MCPServer& s) {
  return AuthzInlineConfigMapObject(s.object.meta.name, s.object.meta.namespace_,
                                    s.authz->inline_->policies, s.authz->inline_->entities_json);
}

std::vector<std::string> OidcArgs(const MCPServer& s, const ServerRefs& refs) {
  std::vector<std::string> args;
  const OidcConfig& o = *s.oidc;
  if (o.type == "kubernetes") {
    KubernetesOidc k = o.kubernetes.value_or(KubernetesOidc{});
    args.push_back("--oidc-issuer=" +
                   (k.issuer.empty() ? "https://kubernetes.default.svc" : k.issuer));
    args.push_back("--oidc-audience=" + (k.audience.empty() ? "toolhive" : k.audience));
    if (!k.jwks_url.empty()) args.push_back("--oidc-jwks-url=" + k.jwks_url);
    if (!k.introspection_url.empty())
      args.push_back("--oidc-introspection-url=" + k.introspection_url);
    if (k.use_cluster_auth.value_or(true)) {
      args.push_back("--thv-ca-bundle=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
      args.push_back("--jwks-auth-token-file=/var/run/secrets/kubernetes.io/serviceaccount/token");
      args.push_back("--jwks-allow-private-ip");
    }
    args.push_back(
        "--oidc-client-id=" + (k.service_account.empty() ? "default" : k.service_account) + "." +
        (k.namespace_.empty() ? s.object.meta.namespace_ : k.namespace_) + ".svc.cluster.local");
  } else if (o.type == "configMap" && refs.oidc_config_map) {
    const StringMap& data = *refs.oidc_config_map;
    auto add = [&](const char* key, const char* flag) {
      auto it = data.find(key);
      if (it != data.end() && !it->second.empty()) args.push_back(std::string(flag) + it->second);
    };
    add("issuer", "--oidc-issuer=");
    add("audience", "--oidc-audience=");
    add("jwksUrl", "--oidc-jwks-url=");
    add("introspectionUrl", "--oidc-introspection-url=");
    add("clientId", "--oidc-client-id=");
    add("clientSecret", "--oidc-client-secret=");
    add("thvCABundlePath", "--thv-ca-bundle=");
    add("jwksAuthTokenPath", "--jwks-auth-token-file=");
    auto it = data.find("jwksAllowPrivateIP");
    if (it != data.end() && it->second == "true") args.push_back("--jwks-allow-private-ip");
  } else if (o.type == "inline" && o.inline_) {
    const InlineOidc& i = *o.inline_;
    if (!i.issuer.empty()) args.push_back("--oidc-issuer=" + i.issuer);
    if (!i.audience.empty()) args.push_back("--oidc-audience=" + i.audience);
    if (!i.jwks_url.empty()) args.push_back("--oidc-jwks-url=" + i.jwks_url);
    if (!i.introspection_url.empty())
      args.push_back("--oidc-introspection-url=" + i.introspection_url);
    if (!i.thv_ca_bundle_path.empty()) args.push_back("--thv-ca-bundle=" + i.thv_ca_bundle_path);
    if (!i.jwks_auth_token_path.empty())
      args.push_back("--jwks-auth-token-file=" + i.jwks_auth_token_path);
    if (i.jwks_allow_private_ip) args.push_back("--jwks-allow-private-ip");
    if (!i.client_id.empty()) args.push_back("--oidc-client-id=" + i.client_id);
  }
  return args;
}

bool HasAuthzVolume(const MCPServer& s) {
  return s.authz && ((s.authz->type == "configMap" && s.authz->config_map) ||
                     (s.authz->type == "inline" && s.authz->inline_));
}

// The Deployment's pod-template annotations: podTemplateMetadataOverrides merged under the
// Deployment annotations (which win), or none at all.
StringMap TemplateAnnotations(const MCPServer& s) {
  if (!s.proxy_deployment || !s.proxy_deployment->pod_template_annotations) return {};
  return MergeDefaultsWin(s.proxy_deployment->annotations.value_or(StringMap{}),
                          *s.proxy_deployment->pod_template_annotations);
}

Value HttpProbe(int initial_delay, int period, int timeout) {
  return HealthProbe(initial_delay, timeout, period, 3);
}

Value ResourceList(const CpuMemory& r) { return CpuMemoryList(r.cpu, r.memory); }

Value PodSecurityContext(bool openshift) {
  if (openshift) {
    return Obj(
        {{"runAsNonRoot", Bool(true)}, {"seccompProfile", Obj({{"type", Str("RuntimeDefault")}})}});
  }
  return Obj({{"runAsUser", Int(1000)},
              {"runAsGroup", Int(1000)},
              {"runAsNonRoot", Bool(true)},
              {"fsGroup", Int(1000)}});
}

Value ContainerSecurityContext(bool openshift) {
  if (openshift) {
    return Obj({{"capabilities", Obj({{"drop", StrList({"ALL"})}})},
                {"privileged", Bool(false)},
                {"runAsNonRoot", Bool(true)},
                {"readOnlyRootFilesystem", Bool(true)},
                {"allowPrivilegeEscalation", Bool(false)},
                {"seccompProfile", Obj({{"type", Str("RuntimeDefault")}})}});
  }
  return Obj({{"privileged", Bool(false)},
              {"runAsUser", Int(1000)},
              {"runAsGroup", Int(1000)},
              {"runAsNonRoot", Bool(true)},
              {"readOnlyRootFilesystem", Bool(true)},
              {"allowPrivilegeEscalation", Bool(false)}});
}

// Object metadata overrides: override labels join the operator's (which win); annotations are
// the overrides verbatim.
void ApplyOverrides(const StringMap& ls, const std::optional<StringMap>& label_overrides,
                    const std::optional<StringMap>& annotation_overrides, StringMap* labels,
                    StringMap* annotations) {
  *labels = label_overrides ? MergeDefaultsWin(ls, *label_overrides) : ls;
  *annotations = annotation_overrides.value_or(StringMap{});
}

Value Deployment(const MCPServer& s, const ServerRefs& refs, const RenderOptions& options) {
  const std::string& name = s.object.meta.name;
  const StringMap ls = MCPServerLabels(name);
  StringMap labels = ls;
  StringMap annotations;
  if (s.proxy_deployment) {
    ApplyOverrides(ls, s.proxy_deployment->labels, s.proxy_deployment->annotations, &labels,
                   &annotations);
    // Quirk kept from the operator: template label overrides land on the Deployment itself.
    if (s.proxy_deployment->pod_template_labels)
      labels = MergeDefaultsWin(ls, *s.proxy_deployment->pod_template_labels);
  }
  const StringMap template_annotations = TemplateAnnotations(s);

  Value env = Value::Sequence();
  auto add_env = [&env](const std::string& n, const std::string& v) {
    env.Append(Obj({{"name", Str(n)}, {"value", Str(v)}}));
  };
  if (s.telemetry && s.telemetry->open_telemetry) {
    const std::string& service = s.telemetry->open_telemetry->service_name;
    add_env("OTEL_RESOURCE_ATTRIBUTES", "service.name=" + (service.empty() ? name : service) +
                                            ",service.namespace=" + s.object.meta.namespace_);
  }
  if (s.proxy_deployment)
    for (const NameValue& e : s.proxy_deployment->env) add_env(e.name, e.value);
  for (const auto& [n, v] : {std::pair<const char*, const char*>{"XDG_CONFIG_HOME", "/tmp"},
                             {"HOME", "/tmp"},
                             {"TOOLHIVE_RUNTIME", "kubernetes"},
                             {"UNSTRUCTURED_LOGS", "false"}}) {
    bool present = std::any_of(env.items.begin(), env.items.end(),
                               [n = n](const Value& e) { return e.Find("name")->text == n; });
    if (!present) add_env(n, v);
  }

  Value volumes = Value::Sequence();
  Value mounts = Value::Sequence();
  auto add_mount = [&mounts](const std::string& n, const std::string& path, bool read_only) {
    Value m = Obj({{"name", Str(n)}});
    if (read_only) m.Set("readOnly", Bool(true));
    m.Set("mountPath", Str(path));
    mounts.Append(std::move(m));
  };
  for (const HostVolume& v : s.volumes) {
    add_mount(v.name, v.mount_path, v.read_only);
    volumes.Append(Obj({{"name", Str(v.name)}, {"hostPath", Obj({{"path", Str(v.host_path)}})}}));
  }
  if (s.permission_profile && s.permission_profile->type == "configmap") {
    add_mount("permission-profile", "/etc/toolhive/profiles", true);
    volumes.Append(Obj({{"name", Str("permission-profile")},
                        {"configMap", Obj({{"name", Str(s.permission_profile->name)}})}}));
  }
  if (HasAuthzVolume(s)) {
    add_mount("authz-config", "/etc/toolhive/authz", true);
    const bool inline_authz = s.authz->type == "inline";
    const std::string cm = inline_authz ? name + "-authz-inline" : s.authz->config_map->name;
    const std::string key =
        inline_authz || s.authz->config_map->key.empty() ? "authz.json" : s.authz->config_map->key;
    volumes.Append(
        Obj({{"name", Str("authz-config")},
             {"configMap",
              Obj({{"name", Str(cm)},
                   {"items", List({Obj({{"key", Str(key)}, {"path", Str("authz.json")}})})}})}}));
  }

  Value resources = Value::Mapping();
  if (!s.limits.cpu.empty() || !s.limits.memory.empty())
    resources.Set("limits", ResourceList(s.limits));
  if (!s.requests.cpu.empty() || !s.requests.memory.empty())
    resources.Set("requests", ResourceList(s.requests));

  Value container = Obj({{"name", Str("toolhive")},
                         {"image", Str(ProxyImage(options, kDefaults))},
                         {"args", StrList(ProxyArgs(s, refs, options))},
                         {"ports", List({Obj({{"name", Str("http")},
                                              {"containerPort", Int(s.port)},
                                              {"protocol", Str("TCP")}})})},
                         {"env", std::move(env)},
                         {"resources", std::move(resources)}});
  if (!mounts.items.empty()) container.Set("volumeMounts", std::move(mounts));
  container.Set("livenessProbe", HttpProbe(30, 10, 5));
  container.Set("readinessProbe", HttpProbe(5, 5, 3));
  container.Set("securityContext", ContainerSecurityContext(options.openshift));

  Value pod_spec = Value::Mapping();
  if (!volumes.items.empty()) pod_spec.Set("volumes", std::move(volumes));
  pod_spec.Set("containers", Value::Sequence()).Append(std::move(container));
  pod_spec.Set("serviceAccountName", Str(name + "-proxy-runner"));
  pod_spec.Set("securityContext", PodSecurityContext(options.openshift));

  Value template_meta = Obj({{"labels", StrMap(ls)}});
  if (!template_annotations.empty()) template_meta.Set("annotations", StrMap(template_annotations));

  Value dep = KubeObject("apps/v1", "Deployment",
                         ObjectMetadata(name, s.object.meta.namespace_, &labels, &annotations));
  dep.Set("spec", Obj({{"replicas", Int(1)},
                       {"selector", Obj({{"matchLabels", StrMap(ls)}})},
                       {"template", Obj({{"metadata", std::move(template_meta)},
                                         {"spec", std::move(pod_spec)}})}}));
  return dep;
}

Value Service(const MCPServer& s) {
  const std::string& name = s.object.meta.name;
  const StringMap ls = MCPServerLabels(name);
  StringMap labels = ls;
  StringMap annotations;
  if (s.proxy_service)
    ApplyOverrides(ls, s.proxy_service->labels, s.proxy_service->annotations, &labels,
                   &annotations);
  Value svc = KubeObject(
      "v1", "Service",
      ObjectMetadata("mcp-" + name + "-proxy", s.object.meta.namespace_, &labels, &annotations));
  svc.Set("spec", Obj({{"ports", List({Obj({{"name", Str("http")},
                                            {"protocol", Str("TCP")},
                                            {"port", Int(s.port)},
                                            {"targetPort", Int(s.port)}})})},
                       {"selector", StrMap(ls)}}));
  return svc;
}

}  // namespace

std::string ServiceUrl(const MCPServer& s) {
  return "http://mcp-" + s.object.meta.name + "-proxy." + s.object.meta.namespace_ +
         ".svc.cluster.local:" + std::to_string(s.port);
}

std::string PodPatchJson(const MCPServer& s, bool with_service_account) {
  Value tmpl = s.pod_template_spec ? *s.pod_template_spec
                                   : Obj({{"spec", Obj({{"containers", Value::Sequence()}})}});
  Value* spec = tmpl.Find("spec");
  if (!spec || !spec->IsMapping()) spec = &tmpl.Set("spec", Value::Mapping());
  if (with_service_account) {
    const std::string sa = s.service_account && !s.service_account->empty()
                               ? *s.service_account
                               : s.object.meta.name + "-sa";
    spec->Set("serviceAccountName", Str(sa));
  }
  if (!s.secrets.empty()) {
    Value env = Value::Sequence();
    for (const SecretRef& secret : s.secrets)
      env.Append(SecretKeyEnvVar(secret.target_env_name, secret.name, secret.key));
    AppendContainerEnv(spec, "mcp", std::move(env));
  }
  const Value* sa = spec->Find("serviceAccountName");
  const Value* containers = spec->Find("containers");
  const bool empty = (!sa || sa->text.empty()) && (!containers || containers->IsEmpty());
  return empty ? std::string() : MarshalPodTemplateSpec(tmpl);
}

std::vector<std::string> ProxyArgs(const MCPServer& s, const ServerRefs& refs,
                                   const RenderOptions& options) {
  const std::string& name = s.object.meta.name;
  std::vector<std::string> args = {"run", "--foreground=true"};
  if (options.runconfig_mode) {
    args.push_back("--from-configmap=" + s.object.meta.namespace_ + "/" + name + "-runconfig");
    if (std::string patch = PodPatchJson(s, false); !patch.empty())
      args.push_back("--k8s-pod-patch=" + patch);
    args.push_back(s.image);
    return args;
  }
  args.push_back("--proxy-port=" + std::to_string(s.port));
  args.push_back("--name=" + name);
  args.push_back("--transport=" + s.transport);
  args.push_back("--host=" + ProxyHost(options));
  if (s.target_port) args.push_back("--target-port=" + std::to_string(s.target_port));
  if (!s.proxy_mode.empty()) args.push_back("--proxy-mode=" + s.proxy_mode);
  if (std::string patch = PodPatchJson(s, true); !patch.empty())
    args.push_back("--k8s-pod-patch=" + patch);
  if (s.permission_profile) {
    args.push_back(s.permission_profile->type == "configmap"
                       ? "--permission-profile-path=/etc/toolhive/profiles/" +
                             s.permission_profile->key
                       : "--permission-profile=" + s.permission_profile->name);
  }
  if (s.oidc) {
    for (std::string& a : OidcArgs(s, refs)) args.push_back(std::move(a));
    args.push_back("--resource-url=" +
                   (s.oidc->resource_url.empty() ? ServiceUrl(s) : s.oidc->resource_url));
  }
  if (HasAuthzVolume(s)) args.push_back("--authz-config=/etc/toolhive/authz/authz.json");
  if (s.audit_enabled.value_or(false)) args.push_back("--enable-audit");
  for (const NameValue& e : s.env) args.push_back("--env=" + e.name + "=" + e.value);
  if (!s.tools.empty()) {
    std::vector<std::string> tools = s.tools;
    std::sort(tools.begin(), tools.end());
    std::string joined;
    for (const std::string& t : tools) joined += (joined.empty() ? "" : ",") + t;
    args.push_back("--tools=" + joined);
  }
  if (s.telemetry && s.telemetry->open_telemetry) {
    const OpenTelemetry& o = *s.telemetry->open_telemetry;
    if (!o.endpoint.empty()) args.push_back("--otel-endpoint=" + o.endpoint);
    if (!o.service_name.empty()) args.push_back("--otel-service-name=" + o.service_name);
    for (const std::string& h : o.headers) args.push_back("--otel-headers=" + h);
    if (o.insecure) args.push_back("--otel-insecure");
    if (o.tracing_enabled) {
      if (*o.tracing_enabled) {
        args.push_back("--otel-tracing-enabled=true");
        args.push_back("--otel-tracing-sampling-rate=" + o.sampling_rate);
      } else {
        args.push_back("--otel-tracing-enabled=false");
      }
    }
    if (o.metrics_enabled)
      args.push_back(std::string("--otel-metrics-enabled=") +
                     (*o.metrics_enabled ? "true" : "false"));
  }
  if (s.telemetry && s.telemetry->prometheus_enabled.value_or(false))
    args.push_back("--enable-prometheus-metrics-path");
  args.push_back(s.image);
  if (!s.args.empty()) {
    args.push_back("--");
    for (const std::string& a : s.args) args.push_back(a);
  }
  const StringMap template_annotations = TemplateAnnotations(s);
  if (HasVaultAgentInjection(&template_annotations))
    args.push_back("--env-file-dir=/vault/secrets");
  return args;
}

std::vector<Value> RenderMCPServer(const MCPServer& s, const ServerRefs& refs,
                                   const RenderOptions& options, Diagnostics* diags) {
  const std::string& name = s.object.meta.name;
  const std::string& ns = s.object.meta.namespace_;
  const std::string& file = s.object.origin.file;
  const Mark mark = s.object.origin.mark;

  if ((s.transport == "sse" || s.transport == "streamable-http") && s.target_port == 0) {
    diags->Warning(file, mark, "spec.targetPort",
                   "the operator (7002a239b) refuses to create the RunConfig ConfigMap and "
                   "Deployment without it for transport " +
                       s.transport + ": \"target port is required for transport type " +
                       s.transport + "\"");
  }
  if (s.oidc && s.oidc->inline_ && !s.oidc->inline_->client_secret.empty()) {
    diags->Warning(file, s.oidc->mark, "spec.oidcConfig.inline.clientSecret",
                   "written in plain text into ConfigMap " + name +
                       "-runconfig, as the operator does; prefer a confidential client "
                       "configured outside the MCPServer");
  }
  if (s.permission_profile && s.permission_profile->type == "builtin" &&
      s.permission_profile->name != "network" && s.permission_profile->name != "none" &&
      s.permission_profile->name != "stdio") {
    diags->Error(file, s.permission_profile->mark, "spec.permissionProfile.name",
                 "Unsupported value: \"" + s.permission_profile->name +
                     "\": supported builtin profiles: \"network\", \"none\"");
  }
  CheckServerFieldsThatReachObjects(s.object, diags);

  std::vector<Value> out;
  const std::string runner = name + "-proxy-runner";
  out.push_back(ServiceAccountObject(runner, ns));
  if (!s.service_account) out.push_back(ServiceAccountObject(name + "-sa", ns));
  out.push_back(ProxyRole(runner, ns));
  out.push_back(ProxyRunnerRoleBinding(runner, ns));
  if (s.authz && s.authz->type == "inline" && s.authz->inline_)
    out.push_back(AuthzInlineConfigMap(s));
  out.push_back(RunConfigConfigMap(s, BuildRunConfig(s, refs, options)));
  out.push_back(Service(s));
  out.push_back(Deployment(s, refs, options));
  return out;
}

}  // namespace t7002a239b
}  // namespace thv
