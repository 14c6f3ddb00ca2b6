#include "targets/v0.44.0/registry_pod.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/value_builder.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/core_v1.h"

namespace thv {
namespace t0_44_0 {

namespace {

// The template as json.Unmarshal into corev1.PodTemplateSpec and json.Marshal leave it.
Value AsGo(const Value& tmpl) {
  Value out;
  JsonSyntaxError err;
  ParseJson(CoreV1Types().Marshal("PodTemplateSpec", tmpl), &out, &err);
  return out;
}

// Drops what Go writes for zero non-pointer fields and nil lists: nulls, and a container's
// resources: {} (ResourceRequirements is a struct). A pointer's {} (emptyDir: {}) stays.
void DropZeroes(Value* v, bool container) {
  for (size_t i = 0; i < v->members.size();) {
    Member& m = v->members[i];
    const bool zero = m.value.IsNull() || (container && m.key == "resources" && m.value.IsEmpty());
    if (zero) {
      v->members.erase(v->members.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    const bool containers =
        m.key == "containers" || m.key == "initContainers" || m.key == "ephemeralContainers";
    if (m.value.IsMapping()) DropZeroes(&m.value, false);
    for (Value& item : m.value.items)
      if (item.IsMapping()) DropZeroes(&item, containers);
    ++i;
  }
}

// Go's zero value for the field: absent, null, "", [] or {}.
bool Unset(const Value* v) {
  return !v || v->IsNull() || (v->IsString() && v->text.empty()) ||
         ((v->IsSequence() || v->IsMapping()) && v->IsEmpty());
}

std::string NameOf(const Value& v) {
  const Value* n = v.Find("name");
  return n && n->IsString() ? n->text : std::string();
}

bool HasNamed(const Value* list, const std::string& name) {
  if (list)
    for (const Value& item : list->items)
      if (NameOf(item) == name) return true;
  return false;
}

Value& ListAt(Value* parent, const char* key) {
  Value* v = parent->Find(key);
  if (!v || !v->IsSequence()) v = &parent->Set(key, Value::Sequence());
  return *v;
}

Value* ContainerNamed(Value* pod, const std::string& name) {
  for (Value& c : ListAt(pod, "containers").items)
    if (NameOf(c) == name) return &c;
  return nullptr;
}

// WithVolume / WithVolumeMount (podtemplatespec.go:116-137): skipped when one of that name is
// there already (a mount's name is its volume's).
void WithVolume(Value* pod, const Value& volume) {
  Value& volumes = ListAt(pod, "volumes");
  if (!HasNamed(&volumes, NameOf(volume))) volumes.Append(volume);
}
void WithVolumeMount(Value* pod, const Value& mount) {
  Value* c = ContainerNamed(pod, kRegistryApiContainer);
  if (!c) return;
  Value& mounts = ListAt(c, "volumeMounts");
  if (!HasNamed(&mounts, NameOf(mount))) mounts.Append(mount);
}

Value HttpProbe(const char* path, int initial_delay, int period) {
  return Obj({{"httpGet", Obj({{"path", Str(path)}, {"port", Int(8081)}})},
              {"initialDelaySeconds", Int(initial_delay)},
              {"periodSeconds", Int(period)}});
}

// BuildRegistryAPIContainer (podtemplatespec.go:349-394; types.go:18-48).
Value RegistryApiContainer(const std::string& image) {
  return Obj({{"name", Str(kRegistryApiContainer)},
              {"image", Str(image)},
              {"args", StrList({"serve"})},
              {"ports", List({Obj({{"name", Str("http")},
                                   {"containerPort", Int(8080)},
                                   {"protocol", Str("TCP")}})})},
              {"resources", Obj({{"limits", CpuMemoryList("500m", "512Mi")},
                                 {"requests", CpuMemoryList("100m", "128Mi")}})},
              {"livenessProbe", HttpProbe("/health", 30, 10)},
              {"readinessProbe", HttpProbe("/readiness", 5, 5)}});
}

// withPGPassMountFromVolume (podtemplatespec.go:218-322; types.go:62-87).
void WithPgpass(Value* pod, const std::string& secret, const std::string& key) {
  if (secret.empty() || key.empty()) return;  // a no-op for incomplete references
  WithVolume(pod,
             Obj({{"name", Str("pgpass-secret")},
                  {"secret",
                   Obj({{"secretName", Str(secret)},
                        {"items", List({Obj({{"key", Str(key)}, {"path", Str(".pgpass")}})})}})}}));
  WithVolume(pod, Obj({{"name", Str("pgpass")}, {"emptyDir", Value::Mapping()}}));
  Value init = Obj(
      {{"name", Str("setup-pgpass")},
       {"image", Str("cgr.dev/chainguard/busybox:latest")},
       {"command",
        StrList({"sh", "-c", "cp /secret/.pgpass /pgpass/.pgpass && chmod 0600 /pgpass/.pgpass"})},
       {"resources", Obj({{"limits", CpuMemoryList("50m", "32Mi")},
                          {"requests", CpuMemoryList("10m", "16Mi")}})},
       {"volumeMounts", List({Obj({{"name", Str("pgpass-secret")},
                                   {"readOnly", Bool(true)},
                                   {"mountPath", Str("/secret")}}),
                              Obj({{"name", Str("pgpass")}, {"mountPath", Str("/pgpass")}})})},
       {"securityContext", Obj({{"capabilities", Obj({{"drop", StrList({"ALL"})}})},
                                {"runAsNonRoot", Bool(true)},
                                {"readOnlyRootFilesystem", Bool(true)},
                                {"allowPrivilegeEscalation", Bool(false)}})}});
  Value& inits = ListAt(pod, "initContainers");  // WithInitContainer replaces by name
  bool replaced = false;
  for (Value& c : inits.items)
    if (!replaced && NameOf(c) == "setup-pgpass") c = init, replaced = true;
  if (!replaced) inits.Append(std::move(init));
  WithVolumeMount(pod, Obj({{"name", Str("pgpass")},
                            {"readOnly", Bool(true)},
                            {"mountPath", Str("/home/appuser/.pgpass")},
                            {"subPath", Str(".pgpass")}}));
  if (Value* c = ContainerNamed(pod, kRegistryApiContainer)) {  // WithEnvVar replaces by name
    Value env = Obj({{"name", Str("PGPASSFILE")}, {"value", Str("/home/appuser/.pgpass")}});
    Value& list = ListAt(c, "env");
    for (Value& e : list.items)
      if (NameOf(e) == "PGPASSFILE") return void(e = std::move(env));
    list.Append(std::move(env));
  }
}

// The options of buildRegistryAPIDeployment, applied to an empty PodTemplateSpec.
Value Defaults(const RegistryPodInputs& in) {
  Value tmpl = Obj(
      {{"metadata",
        Obj({{"labels", StrMap(in.labels)},
             {"annotations", Obj({{"toolhive.stacklok.dev/config-hash", Str(in.config_hash)}})}})},
       {"spec", Obj({{"serviceAccountName", Str(in.service_account)}})}});
  Value* pod = tmpl.Find("spec");
  ListAt(pod, "containers").Append(RegistryApiContainer(in.image));
  // WithRegistryServerConfigMount (podtemplatespec.go:150-180).
  ContainerNamed(pod, kRegistryApiContainer)
      ->Set("args", StrList({"serve", "--config=/config/config.yaml"}));
  WithVolume(pod, Obj({{"name", Str("registry-server-config")},
                       {"configMap", Obj({{"name", Str(in.config_map)}})}}));
  WithVolumeMount(pod, Obj({{"name", Str("registry-server-config")},
                            {"readOnly", Bool(true)},
                            {"mountPath", Str("/config")}}));
  if (!in.pull_secrets.items.empty()) pod->Set("imagePullSecrets", in.pull_secrets);
  if (in.volumes)
    for (const Value& v : in.volumes->items) WithVolume(pod, v);
  if (in.volume_mounts)
    for (const Value& m : in.volume_mounts->items) WithVolumeMount(pod, m);
  WithPgpass(pod, in.pgpass_secret, in.pgpass_key);
  return AsGo(tmpl);
}

// --- MergePodTemplateSpecs (podtemplatespec.go:396-665): the user's values win ---

// The user's entries, then the defaults whose key the user's lack.
Value UserFirst(const Value* defaults, const Value* user,
                bool (*taken)(const Value& user, const Value& default_item)) {
  if (Unset(user)) return defaults ? *defaults : Value::Null();
  if (Unset(defaults)) return *user;
  Value out = *user;
  for (const Value& d : defaults->items) {
    bool skip = false;
    for (const Value& u : user->items) skip = skip || taken(u, d);
    if (!skip) out.Append(d);
  }
  return out;
}
bool SameName(const Value& u, const Value& d) { return NameOf(u) == NameOf(d); }
// mergePortsUserFirst: a default port is dropped when a user port has its name or number.
bool PortTaken(const Value& u, const Value& d) {
  const std::string name = NameOf(d);
  const Value* up = u.Find("containerPort");
  const Value* dp = d.Find("containerPort");
  return (!name.empty() && NameOf(u) == name) || (up && dp && up->text == dp->text);
}

// mergeContainer: the user's container, with the default's fields where the user's are unset.
Value MergeContainer(const Value& d, Value u) {
  for (const char* key : {"image", "command", "args", "workingDir", "imagePullPolicy"})
    if (Unset(u.Find(key)) && d.Find(key)) u.Set(key, *d.Find(key));
  // Pointers: only nil is unset (securityContext: {} is the user's).
  for (const char* key : {"livenessProbe", "readinessProbe", "startupProbe", "securityContext"}) {
    const Value* v = u.Find(key);
    if ((!v || v->IsNull()) && d.Find(key)) u.Set(key, *d.Find(key));
  }
  // isResourcesEmpty looks at requests and limits only.
  const Value* r = u.Find("resources");
  if ((!r || (Unset(r->Find("requests")) && Unset(r->Find("limits")))) && d.Find("resources"))
    u.Set("resources", *d.Find("resources"));
  u.Set("ports", UserFirst(d.Find("ports"), u.Find("ports"), PortTaken));
  u.Set("env", UserFirst(d.Find("env"), u.Find("env"), SameName));
  u.Set("volumeMounts", UserFirst(d.Find("volumeMounts"), u.Find("volumeMounts"), SameName));
  return u;
}

// mergeContainersUserFirst: user containers in order (merged with the default of the same
// name; the last default wins a duplicate name, as a Go map does), then the other defaults.
Value MergeContainers(const Value* defaults, const Value* user) {
  if (Unset(user)) return defaults ? *defaults : Value::Null();
  if (Unset(defaults)) return *user;
  std::map<std::string, const Value*> by_name;
  for (const Value& d : defaults->items) by_name[NameOf(d)] = &d;
  std::set<std::string> merged;
  Value out = Value::Sequence();
  for (const Value& u : user->items) {
    auto it = by_name.find(NameOf(u));
    if (it == by_name.end()) {
      out.Append(u);
      continue;
    }
    out.Append(MergeContainer(*it->second, u));
    merged.insert(it->first);
  }
  for (const Value& d : defaults->items)
    if (!merged.count(NameOf(d))) out.Append(d);
  return out;
}

StringMap StringMembers(const Value* map) {
  StringMap out;
  if (map)
    for (const Member& m : map->members) out[m.key] = m.value.text;
  return out;
}

Value Merge(const Value& defaults, Value user) {
  const Value* dmeta = defaults.Find("metadata");
  const Value* dspec = defaults.Find("spec");
  Value& meta = user.Find("metadata") ? *user.Find("metadata") : user.Set("metadata", Value());
  if (!meta.IsMapping()) meta = Value::Mapping();
  for (const char* key : {"labels", "annotations"}) {  // mergeStringMapsDefaultsFirst
    StringMap merged = StringMembers(dmeta->Find(key));
    for (const auto& [k, v] : StringMembers(meta.Find(key))) merged[k] = v;
    if (!merged.empty()) meta.Set(key, StrMap(merged));
  }
  Value& spec = user.Find("spec") ? *user.Find("spec") : user.Set("spec", Value());
  if (!spec.IsMapping()) spec = Value::Mapping();
  if (Unset(spec.Find("serviceAccountName")))
    spec.Set("serviceAccountName", *dspec->Find("serviceAccountName"));
  spec.Set("containers", MergeContainers(dspec->Find("containers"), spec.Find("containers")));
  spec.Set("initContainers",
           MergeContainers(dspec->Find("initContainers"), spec.Find("initContainers")));
  spec.Set("volumes", UserFirst(dspec->Find("volumes"), spec.Find("volumes"), SameName));
  if (Unset(spec.Find("imagePullSecrets")) && dspec->Find("imagePullSecrets"))
    spec.Set("imagePullSecrets", *dspec->Find("imagePullSecrets"));
  return user;
}

}  // namespace

Value RegistryPodTemplate(const RegistryPodInputs& in) {
  Value tmpl = Defaults(in);
  if (in.pod_template_spec) tmpl = AsGo(Merge(tmpl, AsGo(*in.pod_template_spec)));
  DropZeroes(&tmpl, false);
  return tmpl;
}

}  // namespace t0_44_0
}  // namespace thv
