#include "render/mcpregistry_render.h"

#include "core/value_builder.h"

namespace thv {

namespace {

Value Meta(const std::string& name, const std::string& ns, const StringMap& labels,
           const StringMap* annotations = nullptr) {
  Value meta = Obj({{"name", Str(name)}, {"namespace", Str(ns)}, {"labels", StrMap(labels)}});
  if (annotations) meta.Set("annotations", StrMap(*annotations));
  return meta;
}

Value Probe(const char* path, int initial_delay, int period) {
  return Obj({{"httpGet", Obj({{"path", Str(path)}, {"port", Int(8080)}})},
              {"initialDelaySeconds", Int(initial_delay)},
              {"periodSeconds", Int(period)}});
}

}  // namespace

std::string RegistryApiEndpoint(const MCPRegistry& r) {
  return "http://" + r.object.meta.name + "-api." + r.object.meta.namespace_ +
         ".svc.cluster.local:8080";
}

std::vector<Value> RenderMCPRegistry(const MCPRegistry& r, const RegistryContent& content,
                                     const std::string& api_image) {
  const std::string& name = r.object.meta.name;
  const std::string& ns = r.object.meta.namespace_;
  const std::string storage = name + "-registry-storage";
  const std::string api = name + "-api";

  const StringMap storage_labels = {{"app.kubernetes.io/component", "registry-storage"},
                                    {"app.kubernetes.io/managed-by", "toolhive-operator"},
                                    {"app.kubernetes.io/name", "toolhive-operator"},
                                    {"toolhive.stacklok.dev/registry", name}};
  const StringMap storage_annotations = {{"toolhive.stacklok.dev/registry-format", r.source.format},
                                         {"toolhive.stacklok.dev/registry-name", name}};
  Value configmap = Obj({{"apiVersion", Str("v1")},
                         {"kind", Str("ConfigMap")},
                         {"metadata", Meta(storage, ns, storage_labels, &storage_annotations)},
                         {"data", Obj({{"registry.json", Str(content.registry_json)}})}});

  const StringMap labels = {{"app.kubernetes.io/component", "registry-api"},
                            {"app.kubernetes.io/managed-by", "toolhive-operator"},
                            {"app.kubernetes.io/name", api},
                            {"toolhive.stacklok.io/registry-name", name}};
  const StringMap selector = {{"app.kubernetes.io/component", "registry-api"},
                              {"app.kubernetes.io/name", api}};
  Value container = Obj(
      {{"name", Str("registry-api")},
       {"image", Str(api_image)},
       {"args",
        StrList({"serve", "--from-file=/data/registry/registry.json", "--registry-name=" + name})},
       {"ports",
        List({Obj(
            {{"name", Str("http")}, {"containerPort", Int(8080)}, {"protocol", Str("TCP")}})})},
       {"resources", Obj({{"limits", Obj({{"cpu", Str("500m")}, {"memory", Str("512Mi")}})},
                          {"requests", Obj({{"cpu", Str("100m")}, {"memory", Str("128Mi")}})}})},
       {"volumeMounts", List({Obj({{"name", Str("registry-data")},
                                   {"readOnly", Bool(true)},
                                   {"mountPath", Str("/data/registry")}})})},
       {"livenessProbe", Probe("/health", 30, 10)},
       {"readinessProbe", Probe("/readiness", 5, 5)}});
  Value pod_spec = Obj({{"volumes", List({Obj({{"name", Str("registry-data")},
                                               {"configMap", Obj({{"name", Str(storage)}})}})})},
                        {"containers", List({std::move(container)})},
                        {"serviceAccountName", Str("toolhive-registry-api")}});
  Value deployment =
      Obj({{"apiVersion", Str("apps/v1")},
           {"kind", Str("Deployment")},
           {"metadata", Meta(api, ns, labels)},
           {"spec",
            Obj({{"replicas", Int(1)},
                 {"selector", Obj({{"matchLabels", StrMap(selector)}})},
                 {"template",
                  Obj({{"metadata", Obj({{"labels", StrMap(labels)},
                                         {"annotations", Obj({{"toolhive.stacklok.dev/config-hash",
                                                               Str(content.source_hash)}})}})},
                       {"spec", pod_spec}})}})}});

  Value service = Obj({{"apiVersion", Str("v1")},
                       {"kind", Str("Service")},
                       {"metadata", Meta(api, ns, labels)},
                       {"spec", Obj({{"ports", List({Obj({{"name", Str("http")},
                                                          {"protocol", Str("TCP")},
                                                          {"port", Int(8080)},
                                                          {"targetPort", Int(8080)}})})},
                                     {"selector", StrMap(selector)},
                                     {"type", Str("ClusterIP")}})}});
  return {configmap, service, deployment};
}

}  // namespace thv
