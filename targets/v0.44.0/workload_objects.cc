#include "targets/v0.44.0/workload_objects.h"

#include <set>
#include <utility>

#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"

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

}  // namespace t0_44_0
}  // namespace thv
