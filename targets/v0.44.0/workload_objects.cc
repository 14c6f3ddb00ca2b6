#include "targets/v0.44.0/workload_objects.h"

#include <set>
#include <utility>

#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"

namespace thv {
namespace t0_44_0 {

Value MergedImagePullSecrets(const std::vector<std::string>& cr_names,
                             const RenderOptions& options) {
  Value list = Value::Sequence();
  std::set<std::string> seen;
  auto add = [&](const std::string& name) {
    if (seen.insert(name).second) list.Append(Obj({{"name", Str(name)}}));
  };
  for (const std::string& name : cr_names) add(name);
  for (const std::string& raw : options.default_image_pull_secrets) {
    // NewDefaults trims each comma-separated name and skips empty ones.
    const size_t begin = raw.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) continue;
    add(raw.substr(begin, raw.find_last_not_of(" \t\r\n") - begin + 1));
  }
  return list;
}

Value ServiceAccountWithPullSecrets(const std::string& name, const std::string& ns,
                                    const Value& pull_secrets) {
  Value sa = ServiceAccountObject(name, ns);
  if (!pull_secrets.items.empty()) sa.Set("imagePullSecrets", pull_secrets);
  return sa;
}

Value PodSecurityContext(bool openshift) {
  Value sc = Value::Mapping();
  if (!openshift) {
    sc.Set("runAsUser", Int(1000));
    sc.Set("runAsGroup", Int(1000));
  }
  sc.Set("runAsNonRoot", Bool(true));
  if (!openshift) sc.Set("fsGroup", Int(1000));
  sc.Set("seccompProfile", Obj({{"type", Str("RuntimeDefault")}}));
  return sc;
}

Value ContainerSecurityContext(bool openshift) {
  Value sc =
      Obj({{"capabilities", Obj({{"drop", StrList({"ALL"})}})}, {"privileged", Bool(false)}});
  if (!openshift) {
    sc.Set("runAsUser", Int(1000));
    sc.Set("runAsGroup", Int(1000));
  }
  sc.Set("runAsNonRoot", Bool(true));
  sc.Set("readOnlyRootFilesystem", Bool(true));
  sc.Set("allowPrivilegeEscalation", Bool(false));
  sc.Set("seccompProfile", Obj({{"type", Str("RuntimeDefault")}}));
  return sc;
}

Value PlainEnv(const std::string& name, const std::string& value) {
  return Obj({{"name", Str(name)}, {"value", Str(value)}});
}

void EnsureRequiredEnvVars(Value* env) {
  std::set<std::string> names;
  bool has_secrets = false;
  for (const Value& e : env->items) {
    const std::string& n = e.Find("name")->text;
    names.insert(n);
    if (n.rfind("TOOLHIVE_SECRET_", 0) == 0) has_secrets = true;
  }
  for (const auto& [n, v] : {std::pair<const char*, const char*>{"XDG_CONFIG_HOME", "/tmp"},
                             {"HOME", "/tmp"},
                             {"TOOLHIVE_RUNTIME", "kubernetes"},
                             {"UNSTRUCTURED_LOGS", "false"}}) {
    if (!names.count(n)) env->Append(PlainEnv(n, v));
  }
  if (has_secrets) env->Append(PlainEnv("TOOLHIVE_SECRETS_PROVIDER", "environment"));
}

void AddConfigMapVolume(const std::string& volume, const std::string& config_map,
                        const std::string& key, const std::string& path,
                        const std::string& mount_path, Value* volumes, Value* mounts) {
  mounts->Append(
      Obj({{"name", Str(volume)}, {"readOnly", Bool(true)}, {"mountPath", Str(mount_path)}}));
  Value source = Obj({{"name", Str(config_map)}});
  if (!key.empty()) source.Set("items", List({Obj({{"key", Str(key)}, {"path", Str(path)}})}));
  volumes->Append(Obj({{"name", Str(volume)}, {"configMap", std::move(source)}}));
}

namespace {

void AddCaBundleVolume(const Value* ca_bundle_ref, const char* prefix, const char* base,
                       Value* volumes, Value* mounts) {
  const Value* cm = ca_bundle_ref ? GetObject(*ca_bundle_ref, "configMapRef") : nullptr;
  if (!cm) return;
  const std::string name = GetString(*cm, "name");
  std::string key = GetString(*cm, "key");
  if (key.empty()) key = "ca.crt";
  AddConfigMapVolume(prefix + name, name, key, key, std::string(base) + "/" + name, volumes,
                     mounts);
}

const Value* SpecPart(const Object* config, const char* key) {
  const Value* spec = config ? GetObject(config->doc, "spec") : nullptr;
  return spec ? GetObject(*spec, key) : nullptr;
}

}  // namespace

void AddOidcCaBundleVolume(const Object* oidc, Value* volumes, Value* mounts) {
  const Value* spec = oidc ? GetObject(oidc->doc, "spec") : nullptr;
  if (!spec || GetString(*spec, "type") != "inline") return;
  const Value* in = SpecPart(oidc, "inline");
  AddCaBundleVolume(in ? GetObject(*in, "caBundleRef") : nullptr, "oidc-ca-bundle-",
                    "/config/certs", volumes, mounts);
}

void AddTelemetryCaBundleVolume(const Object* telemetry, Value* volumes, Value* mounts) {
  const Value* otel = SpecPart(telemetry, "openTelemetry");
  AddCaBundleVolume(otel ? GetObject(*otel, "caBundleRef") : nullptr, "otel-ca-bundle-",
                    "/config/certs/otel", volumes, mounts);
}

void AddAuthzVolume(const std::optional<AuthzConfig>& authz, const std::string& name,
                    Value* volumes, Value* mounts) {
  if (authz && authz->type == "configMap" && !authz->config_map_name.empty())
    AddConfigMapVolume("authz-config", authz->config_map_name, authz->config_map_key, "authz.json",
                       "/etc/toolhive/authz", volumes, mounts);
  else if (authz && authz->type == "inline" && authz->has_inline)
    AddConfigMapVolume("authz-config", name + "-authz-inline", "authz.json", "authz.json",
                       "/etc/toolhive/authz", volumes, mounts);
}

void AddRunConfigVolume(const std::string& name, Value* volumes, Value* mounts) {
  mounts->Append(Obj({{"name", Str("runconfig")},
                      {"readOnly", Bool(true)},
                      {"mountPath", Str("/etc/runconfig")}}));
  volumes->Append(
      Obj({{"name", Str("runconfig")}, {"configMap", Obj({{"name", Str(name + "-runconfig")}})}}));
}

std::string ContentChecksumOf(const Value& config_map) {
  return config_map.Find("metadata")
      ->Find("annotations")
      ->Find("toolhive.stacklok.dev/content-checksum")
      ->text;
}

Value ResourceRequirements(const MCPServer& s) {
  Value resources = Value::Mapping();
  if (!s.limits.cpu.empty() || !s.limits.memory.empty())
    resources.Set("limits", CpuMemoryList(s.limits.cpu, s.limits.memory));
  if (!s.requests.cpu.empty() || !s.requests.memory.empty())
    resources.Set("requests", CpuMemoryList(s.requests.cpu, s.requests.memory));
  return resources;
}

DeploymentMeta DeploymentMetadata(const MCPServer& s, const StringMap& labels,
                                  StringMap template_annotations) {
  DeploymentMeta meta{labels, {}, labels, std::move(template_annotations)};
  if (!s.proxy_deployment) return meta;
  const ProxyDeploymentOverrides& d = *s.proxy_deployment;
  if (d.metadata.labels) meta.labels = MergeDefaultsWin(labels, *d.metadata.labels);
  if (d.metadata.annotations) meta.annotations = *d.metadata.annotations;
  if (d.pod_template && d.pod_template->labels)
    meta.template_labels = MergeDefaultsWin(labels, *d.pod_template->labels);
  if (d.pod_template && d.pod_template->annotations)
    meta.template_annotations =
        MergeDefaultsWin(meta.template_annotations, *d.pod_template->annotations);
  return meta;
}

Value DeploymentObject(const std::string& name, const std::string& ns, const StringMap& selector,
                       const DeploymentMeta& meta, std::optional<int> replicas, Value pod_spec) {
  Value spec = Value::Mapping();
  if (replicas) spec.Set("replicas", Int(*replicas));
  spec.Set("selector", Obj({{"matchLabels", StrMap(selector)}}));
  spec.Set("template", Obj({{"metadata", Obj({{"labels", StrMap(meta.template_labels)},
                                              {"annotations", StrMap(meta.template_annotations)}})},
                            {"spec", std::move(pod_spec)}}));
  Value dep = KubeObject("apps/v1", "Deployment",
                         ObjectMetadata(name, ns, &meta.labels, &meta.annotations));
  dep.Set("spec", std::move(spec));
  return dep;
}

void AppendOidcClientSecretEnv(const ServerRefs& refs, Value* env) {
  if (!refs.oidc_config || !refs.oidc_client_secret_env) return;
  const Value* in = SpecPart(refs.oidc_config, "inline");
  if (const Value* ref = in ? GetObject(*in, "clientSecretRef") : nullptr)
    env->Append(SecretKeyEnvVar("TOOLHIVE_OIDC_CLIENT_SECRET", GetString(*ref, "name"),
                                GetString(*ref, "key")));
}

void AppendTokenExchangeEnv(const ServerRefs& refs, Value* env) {
  if (!refs.external_auth || ExternalAuthType(*refs.external_auth) != "tokenExchange") return;
  const Value* te = SpecPart(refs.external_auth, "tokenExchange");
  if (const Value* ref = te ? GetObject(*te, "clientSecretRef") : nullptr)
    env->Append(SecretKeyEnvVar("TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET", GetString(*ref, "name"),
                                GetString(*ref, "key")));
}

void AppendOverrideAndRedisPasswordEnv(const MCPServer& s, Value* env) {
  if (s.proxy_deployment)
    for (const EnvVar& e : s.proxy_deployment->env) env->Append(PlainEnv(e.name, e.value));
  if (s.session_storage && s.session_storage->provider == "redis" &&
      s.session_storage->password_ref) {
    const SecretKeyRef& p = *s.session_storage->password_ref;
    env->Append(SecretKeyEnvVar("THV_SESSION_REDIS_PASSWORD", p.name, p.key));
  }
}

Value ProxyPodSpec(const MCPServer& s, ProxyPod pod, const RenderOptions& options,
                   const Value& pull_secrets) {
  Value container = Obj({{"name", Str("toolhive")},
                         {"image", Str(ProxyImage(options, kDefaults))},
                         {"args", StrList(pod.args)},
                         {"ports", List({Obj({{"name", Str("http")},
                                              {"containerPort", Int(s.proxy_port)},
                                              {"protocol", Str("TCP")}})})},
                         {"env", std::move(pod.env)},
                         {"resources", ResourceRequirements(s)},
                         {"volumeMounts", std::move(pod.mounts)},
                         {"livenessProbe", HealthProbe(30, 5, 10, 3)},
                         {"readinessProbe", std::move(pod.readiness_probe)},
                         {"startupProbe", HealthProbe(0, 3, 5, 18)},
                         {"securityContext", ContainerSecurityContext(options.openshift)}});
  Value spec = Obj({{"volumes", std::move(pod.volumes)}});
  spec.Set("containers", Value::Sequence()).Append(std::move(container));
  if (pod.termination_grace_seconds)
    spec.Set("terminationGracePeriodSeconds", Int(*pod.termination_grace_seconds));
  spec.Set("serviceAccountName", Str(pod.service_account));
  spec.Set("securityContext", PodSecurityContext(options.openshift));
  if (!pull_secrets.items.empty()) spec.Set("imagePullSecrets", pull_secrets);
  return spec;
}

Value ProxyServiceObject(const MCPServer& s, const std::string& service_name, const StringMap& ls) {
  StringMap labels = ls, annotations;
  if (s.proxy_service) {
    if (s.proxy_service->labels) labels = MergeDefaultsWin(ls, *s.proxy_service->labels);
    if (s.proxy_service->annotations) annotations = *s.proxy_service->annotations;
  }
  Value svc =
      KubeObject("v1", "Service",
                 ObjectMetadata(service_name, s.object->meta.namespace_, &labels, &annotations));
  svc.Set("spec", Obj({{"ports", List({Obj({{"name", Str("http")},
                                            {"protocol", Str("TCP")},
                                            {"port", Int(s.proxy_port)},
                                            {"targetPort", Int(s.proxy_port)}})})},
                       {"selector", StrMap(ls)},
                       {"sessionAffinity",
                        Str(s.session_affinity.empty() ? "ClientIP" : s.session_affinity)}}));
  return svc;
}

}  // namespace t0_44_0
}  // namespace thv
