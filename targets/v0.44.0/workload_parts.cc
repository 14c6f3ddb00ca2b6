#include "targets/v0.44.0/workload_parts.h"

#include <cctype>
#include <set>
#include <utility>

#include "core/diagnostics.h"
#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/core_v1.h"

namespace thv {
namespace t0_44_0 {

// imagepullsecrets.Defaults.Merge (cmd/thv-operator/pkg/imagepullsecrets/defaults.go:93-121):
// the CR's names (deduplicated), then the chart's not already named; nil when both are empty.
// The same list goes on the Deployment and both ServiceAccounts (ctl:1008-1063).
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

// rbac.go:377-389 and ctl:1026-1040: imagePullSecrets only when the merged list has names.
Value ServiceAccountWithPullSecrets(const std::string& name, const std::string& ns,
                                    const Value& pull_secrets) {
  Value sa = ServiceAccountObject(name, ns);
  if (!pull_secrets.items.empty()) sa.Set("imagePullSecrets", pull_secrets);
  return sa;
}

// pkg/container/kubernetes/security.go:27-87: restricted-profile contexts; OpenShift assigns the
// user and group itself. Members in corev1.PodSecurityContext / SecurityContext field order.
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

// A VolumeMount {name, readOnly, mountPath} and a ConfigMap Volume {name, configMap {name,
// items}}; key "" mounts every key.
void AddConfigMapVolume(const std::string& volume, const std::string& config_map,
                        const std::string& key, const std::string& path,
                        const std::string& mount_path, Value* volumes, Value* mounts) {
  mounts->Append(
      Obj({{"name", Str(volume)}, {"readOnly", Bool(true)}, {"mountPath", Str(mount_path)}}));
  Value source = Obj({{"name", Str(config_map)}});
  if (!key.empty()) source.Set("items", List({Obj({{"key", Str(key)}, {"path", Str(path)}})}));
  volumes->Append(Obj({{"name", Str(volume)}, {"configMap", std::move(source)}}));
}

// A CA bundle ConfigMap of an MCPOIDCConfig or MCPTelemetryConfig: volume <prefix><configmap>
// with the one key, mounted at <base>/<configmap> (cu/oidc_volumes.go, cu/telemetry_volumes.go).
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

void AppendTelemetryEnv(const Object& telemetry, const std::string& service_name,
                        const std::string& default_name, const std::string& ns, Value* env) {
  env->Append(PlainEnv("OTEL_RESOURCE_ATTRIBUTES",
                       "service.name=" + (service_name.empty() ? default_name : service_name) +
                           ",service.namespace=" + ns));
  const Value* spec = GetObject(telemetry.doc, "spec");
  const Value* otel = spec ? GetObject(*spec, "openTelemetry") : nullptr;
  const Value* sensitive = otel ? otel->Find("sensitiveHeaders") : nullptr;
  if (!sensitive || !sensitive->IsSequence()) return;
  for (const Value& sh : sensitive->items) {
    std::string var = "TOOLHIVE_OTEL_HEADER_";
    for (char c : GetString(sh, "name"))
      var += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const Value* ref = GetObject(sh, "secretKeyRef");
    env->Append(SecretKeyEnvVar(var, ref ? GetString(*ref, "name") : "",
                                ref ? GetString(*ref, "key") : ""));
  }
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

bool DecodesAsPodTemplateSpec(const Value& tmpl, std::string* error) {
  Diagnostics found;
  GoDecodeContext ctx;
  ctx.diags = &found;
  CoreV1Types().Check("PodTemplateSpec", tmpl, JsonPath{}, &ctx);
  if (found.items().empty()) return true;
  const Diagnostic& first = found.items().front();
  *error = "json.Unmarshal into a corev1.PodTemplateSpec fails at " +
           (first.path.empty() ? std::string("the top") : first.path) + ": " + first.message;
  return false;
}

Value TypedPodTemplateSpec(const Value& tmpl) {
  Value out;
  JsonSyntaxError err;
  ParseJson(CoreV1Types().Marshal("PodTemplateSpec", tmpl), &out, &err);
  return out;
}

}  // namespace t0_44_0
}  // namespace thv
