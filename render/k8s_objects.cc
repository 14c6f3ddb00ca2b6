#include "render/k8s_objects.h"

#include "core/json_writer.h"
#include "core/sha256.h"
#include "core/value_builder.h"
#include "render/quantity.h"

namespace thv {

StringMap WorkloadLabels(const std::string& app, const std::string& name) {
  return {{"app", app},
          {"app.kubernetes.io/instance", name},
          {"app.kubernetes.io/name", app},
          {"toolhive", "true"},
          {"toolhive-name", name}};
}

StringMap MCPServerLabels(const std::string& name) { return WorkloadLabels("mcpserver", name); }

StringMap MergeDefaultsWin(const StringMap& defaults, const StringMap& overrides) {
  StringMap out = overrides;
  for (const auto& [k, v] : defaults) out[k] = v;
  return out;
}

Value ObjectMetadata(const std::string& name, const std::string& ns, const StringMap* labels,
                     const StringMap* annotations) {
  Value meta = Obj({{"name", Str(name)}, {"namespace", Str(ns)}});
  if (labels && !labels->empty()) meta.Set("labels", StrMap(*labels));
  if (annotations && !annotations->empty()) meta.Set("annotations", StrMap(*annotations));
  return meta;
}

Value KubeObject(const char* api_version, const char* kind, Value metadata) {
  return Obj(
      {{"apiVersion", Str(api_version)}, {"kind", Str(kind)}, {"metadata", std::move(metadata)}});
}

Value ServiceAccountObject(const std::string& name, const std::string& ns) {
  return KubeObject("v1", "ServiceAccount", ObjectMetadata(name, ns));
}

Value SecretKeyEnvVar(const std::string& env, const std::string& secret, const std::string& key) {
  return Obj(
      {{"name", Str(env)},
       {"valueFrom", Obj({{"secretKeyRef", Obj({{"name", Str(secret)}, {"key", Str(key)}})}})}});
}

void AppendContainerEnv(Value* pod_spec, const char* container, Value env) {
  Value* containers = pod_spec->Find("containers");
  if (!containers || !containers->IsSequence())
    containers = &pod_spec->Set("containers", Value::Sequence());
  for (Value& c : containers->items) {
    const Value* n = c.Find("name");
    if (!n || n->text != container) continue;
    Value* existing = c.Find("env");
    if (!existing || !existing->IsSequence()) existing = &c.Set("env", Value::Sequence());
    for (Value& e : env.items) existing->Append(std::move(e));
    return;
  }
  containers->Append(Obj({{"name", Str(container)}, {"env", std::move(env)}}));
}

Value MultiResourceRule(const std::vector<std::string>& groups,
                        const std::vector<std::string>& resources,
                        const std::vector<std::string>& verbs) {
  return Obj({{"verbs", StrList(verbs)},
              {"apiGroups", StrList(groups)},
              {"resources", StrList(resources)}});
}

Value PolicyRule(const char* group, const char* resource, const std::vector<std::string>& verbs) {
  return MultiResourceRule({group}, {resource}, verbs);
}

Value RoleObject(const std::string& name, const std::string& ns, Value rules) {
  Value role = KubeObject("rbac.authorization.k8s.io/v1", "Role", ObjectMetadata(name, ns));
  role.Set("rules", std::move(rules));
  return role;
}

Value ProxyRunnerRole(const std::string& name, const std::string& ns,
                      const std::vector<std::string>& write_verbs) {
  return RoleObject(
      name, ns,
      List({PolicyRule("apps", "statefulsets", write_verbs),
            PolicyRule("", "services", write_verbs),
            PolicyRule("", "pods", {"get", "list", "watch"}), PolicyRule("", "pods/log", {"get"}),
            PolicyRule("", "pods/attach", {"create", "get"}),
            PolicyRule("", "configmaps", {"get", "list", "watch"})}));
}

Value ProxyRunnerRoleBinding(const std::string& name, const std::string& ns) {
  Value binding =
      KubeObject("rbac.authorization.k8s.io/v1", "RoleBinding", ObjectMetadata(name, ns));
  binding.Set(
      "subjects",
      List({Obj({{"kind", Str("ServiceAccount")}, {"name", Str(name)}, {"namespace", Str(ns)}})}));
  binding.Set("roleRef", Obj({{"apiGroup", Str("rbac.authorization.k8s.io")},
                              {"kind", Str("Role")},
                              {"name", Str(name)}}));
  return binding;
}

Value HealthProbe(int initial_delay, int timeout, int period, int failure_threshold) {
  Value probe = Obj({{"httpGet", Obj({{"path", Str("/health")}, {"port", Str("http")}})}});
  if (initial_delay) probe.Set("initialDelaySeconds", Int(initial_delay));
  probe.Set("timeoutSeconds", Int(timeout));
  probe.Set("periodSeconds", Int(period));
  probe.Set("failureThreshold", Int(failure_threshold));
  return probe;
}

Value CpuMemoryList(const std::string& cpu, const std::string& memory) {
  Value list = Value::Mapping();
  if (!cpu.empty()) list.Set("cpu", Str(CanonicalQuantityOrText(cpu)));
  if (!memory.empty()) list.Set("memory", Str(CanonicalQuantityOrText(memory)));
  return list;
}

Value AuthzInlineConfigMapObject(const std::string& name, const std::string& ns,
                                 const std::vector<std::string>& policies,
                                 const std::string& entities_json, const StringMap* owner_labels) {
  // Compact JSON with sorted keys, as the operator marshals a map.
  Value content =
      Obj({{"cedar", Obj({{"entities_json", Str(entities_json.empty() ? "[]" : entities_json)},
                          {"policies", StrList(policies)}})},
           {"type", Str("cedarv1")},
           {"version", Str("1.0")}});
  StringMap labels = owner_labels ? *owner_labels : MCPServerLabels(name);
  labels["toolhive.stacklok.io/authz"] = "inline";
  Value cm = KubeObject("v1", "ConfigMap", ObjectMetadata(name + "-authz-inline", ns, &labels));
  cm.Set("data", Obj({{"authz.json", Str(GoJsonCompact(content))}}));
  return cm;
}

std::string ConfigMapChecksum(const StringMap& data, const StringMap& labels) {
  std::string hashed;
  for (const auto& [k, v] : data) hashed += k + v;
  for (const auto& [k, v] : labels) hashed += k + v;
  return Sha256Hex(hashed);
}

Value RunConfigConfigMapObject(const std::string& name, const std::string& ns,
                               const std::string& json, const char* owner_label) {
  const StringMap labels = {{"toolhive.stacklok.io/component", "run-config"},
                            {owner_label, name},
                            {"toolhive.stacklok.io/managed-by", "toolhive-operator"}};
  const std::string checksum = ConfigMapChecksum({{"runconfig.json", json}}, labels);
  return Obj(
      {{"apiVersion", Str("v1")},
       {"kind", Str("ConfigMap")},
       {"metadata",
        Obj({{"name", Str(name + "-runconfig")},
             {"namespace", Str(ns)},
             {"labels", StrMap(labels)},
             {"annotations", Obj({{"toolhive.stacklok.dev/content-checksum", Str(checksum)}})}})},
       {"data", Obj({{"runconfig.json", Str(json)}})}});
}

Value HttpService(const std::string& name, const std::string& ns, const StringMap& labels,
                  const StringMap& annotations, int64_t port, const StringMap& selector) {
  Value svc = KubeObject("v1", "Service", ObjectMetadata(name, ns, &labels, &annotations));
  svc.Set("spec", Obj({{"ports", List({Obj({{"name", Str("http")},
                                            {"protocol", Str("TCP")},
                                            {"port", Int(port)},
                                            {"targetPort", Int(port)}})})},
                       {"selector", StrMap(selector)}}));
  return svc;
}

}  // namespace thv
