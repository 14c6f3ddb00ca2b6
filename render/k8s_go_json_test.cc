#include "render/k8s_go_json.h"

#include <doctest/doctest.h>

#include "core/testing.h"
#include "core/value_builder.h"
#include "core/yaml_reader.h"

namespace thv {

TEST_CASE("the spec's pod patch examples") {
  Value empty =
      Obj({{"spec",
            Obj({{"containers", Value::Sequence()}, {"serviceAccountName", Str("fetch-sa")}})}});
  CHECK(MarshalPodTemplateSpec(empty) ==
        R"({"metadata":{},"spec":{"containers":[],"serviceAccountName":"fetch-sa"}})");
  Value secret = ReadYamlValue(R"(spec:
  containers:
  - name: mcp
    env:
    - name: GITHUB_TOKEN
      valueFrom: {secretKeyRef: {name: github-token, key: token}}
  serviceAccountName: fetch-sa
)");
  CHECK(MarshalPodTemplateSpec(secret) ==
        R"({"metadata":{},"spec":{"containers":[{"name":"mcp","env":[{"name":"GITHUB_TOKEN",)"
        R"("valueFrom":{"secretKeyRef":{"name":"github-token","key":"token"}}}],"resources":{}}],)"
        R"("serviceAccountName":"fetch-sa"}})");
}

TEST_CASE("Go field order, omitempty, quantities and unknown fields") {
  // mcpserver_with_pod_template.yaml after CRD defaulting, plus a stray field and input order
  // that differs from Go's.
  Value tmpl = ReadYamlValue(R"(spec:
  unknownField: dropped
  tolerations:
  - {value: mcp-servers, key: dedicated, operator: Equal, effect: NoSchedule}
  nodeSelector: {node-type: mcp-server, kubernetes.io/os: linux}
  securityContext:
    seccompProfile: {type: RuntimeDefault}
    runAsNonRoot: true
  containers:
  - name: mcp
    securityContext:
      runAsUser: 1000
      capabilities: {drop: [ALL]}
      allowPrivilegeEscalation: false
    resources:
      requests: {memory: 128Mi, cpu: 0.1}
      limits: {cpu: 500m, memory: 512Mi}
    ports: [{containerPort: 8080, protocol: TCP}]
  serviceAccountName: sample-with-pod-template-sa
)");
  CHECK(
      MarshalPodTemplateSpec(tmpl) ==
      R"({"metadata":{},"spec":{"containers":[{"name":"mcp","ports":[{"containerPort":8080,"protocol":"TCP"}],)"
      R"("resources":{"limits":{"cpu":"500m","memory":"512Mi"},"requests":{"cpu":"100m","memory":"128Mi"}},)"
      R"("securityContext":{"capabilities":{"drop":["ALL"]},"runAsUser":1000,"allowPrivilegeEscalation":false}}],)"
      R"("nodeSelector":{"kubernetes.io/os":"linux","node-type":"mcp-server"},)"
      R"("serviceAccountName":"sample-with-pod-template-sa",)"
      R"("securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},)"
      R"("tolerations":[{"key":"dedicated","operator":"Equal","value":"mcp-servers","effect":"NoSchedule"}]}})");
}

TEST_CASE("nil slices are null, metadata and volume sources inline as Go does") {
  Value tmpl = ReadYamlValue(R"(metadata:
  annotations: {a: b}
spec:
  volumes:
  - name: cfg
    configMap: {name: c, defaultMode: 420}
  - name: port-probe
    emptyDir: {}
)");
  CHECK(
      MarshalPodTemplateSpec(tmpl) ==
      R"({"metadata":{"annotations":{"a":"b"}},"spec":{"volumes":[{"name":"cfg","configMap":{"name":"c","defaultMode":420}},)"
      R"({"name":"port-probe","emptyDir":{}}],"containers":null}})");
}

TEST_CASE("types with their own MarshalJSON write their JSON as given (metav1.FieldsV1)") {
  Value tmpl = ReadYamlValue(R"(metadata:
  managedFields:
  - manager: kubectl
    fieldsType: FieldsV1
    fieldsV1: {"f:metadata": {"f:labels": {"f:app": {}}}, "b": [1.50, "<"]}  # 1.50: a float64
)");
  CHECK(
      MarshalPodTemplateSpec(tmpl) ==
      R"({"metadata":{"managedFields":[{"manager":"kubectl","fieldsType":"FieldsV1","fieldsV1":)"
      R"({"f:metadata":{"f:labels":{"f:app":{}}},"b":[1.5,"\u003c"]}}]},"spec":{"containers":null}})");
}

}  // namespace thv
