// The v0.44.0 operator's objects for an EmbeddingServer, one test per fact; file:line at tag
// v0.44.0 (esc = cmd/thv-operator/controllers/embeddingserver_controller.go, est =
// cmd/thv-operator/api/v1beta1/embeddingserver_types.go).
#include <doctest/doctest.h>

#include <string>

#include "core/json_text.h"
#include "model/decode.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

std::string Embedding(const std::string& spec) {
  return "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: EmbeddingServer\nmetadata: {name: e, "
         "namespace: ml}\nspec:\n" +
         (spec.empty() ? std::string("  {}\n") : spec);
}

const Value& At(const Value* v, std::initializer_list<const char*> path) {
  static const Value kNull;
  for (const char* key : path) v = v && v->IsMapping() ? v->Find(key) : nullptr;
  return v ? *v : kNull;
}

const Value& Container(const RenderRun& r) {
  const Value& containers =
      At(r.Find("StatefulSet", "e"), {"spec", "template", "spec", "containers"});
  REQUIRE(containers.items.size() == 1);
  return containers.items[0];
}

}  // namespace

TEST_CASE("EmbeddingServer: the CRD's defaults reach the StatefulSet (est:45-130)") {
  RenderRun r = RunAt044(Embedding(""));
  REQUIRE(r.errors.empty());
  const Value& c = Container(r);
  CHECK(GetString(c, "name") == "embedding");  // esc:52
  CHECK(GetString(c, "image") == "ghcr.io/huggingface/text-embeddings-inference:cpu-latest");
  CHECK(GetString(c, "imagePullPolicy") == "IfNotPresent");
  // esc:515-519: --model-id, --port, then spec.args; MODEL_ID first in env (esc:564-569).
  CHECK(GetStrings(c, "args") ==
        std::vector<std::string>{"--model-id", "BAAI/bge-small-en-v1.5", "--port", "8080"});
  CHECK(GoJsonCompact(At(&c, {"env"})) ==
        R"([{"name":"MODEL_ID","value":"BAAI/bge-small-en-v1.5"}])");
  CHECK(GoJsonCompact(At(&c, {"ports"})) ==
        R"([{"name":"http","containerPort":8080,"protocol":"TCP"}])");
  // Without modelCache there is no volumeClaimTemplate and no HF_HOME (esc:446,543).
  CHECK(At(r.Find("StatefulSet", "e"), {"spec", "volumeClaimTemplates"}).IsNull());
  CHECK(At(r.Find("StatefulSet", "e"), {"spec", "replicas"}).text == "1");
  // No resources given: the container's resources stay empty (esc:629-632).
  CHECK(GoJsonCompact(At(&c, {"resources"})) == "{}");
}

TEST_CASE("EmbeddingServer: probes on the port number, /health (esc:595-625)") {
  RenderRun r = RunAt044(Embedding("  port: 9000\n"));
  REQUIRE(r.errors.empty());
  const Value& c = Container(r);
  CHECK(GoJsonCompact(At(&c, {"livenessProbe"})) ==
        R"({"httpGet":{"path":"/health","port":9000},"initialDelaySeconds":60,)"
        R"("timeoutSeconds":10,"periodSeconds":30,"failureThreshold":3})");
  CHECK(GoJsonCompact(At(&c, {"readinessProbe"})) ==
        R"({"httpGet":{"path":"/health","port":9000},"initialDelaySeconds":30,)"
        R"("timeoutSeconds":5,"periodSeconds":10,"failureThreshold":3})");
  // Service port http on the same number, targetPort the number (esc:806-814).
  CHECK(GoJsonCompact(At(r.Find("Service", "e"), {"spec", "ports"})) ==
        R"([{"name":"http","protocol":"TCP","port":9000,"targetPort":9000}])");
}

TEST_CASE("EmbeddingServer: the model cache is a volumeClaimTemplate, mounted at /data") {
  // esc:463-510 and 542-554; est:115-133 default enabled, 10Gi, ReadWriteOnce.
  RenderRun r = RunAt044(
      Embedding("  modelCache: {storageClassName: fast}\n  hfTokenSecretRef: {name: hf, key: t}\n"
                "  env: [{name: A, value: b}]\n"));
  REQUIRE(r.errors.empty());
  const Value* sts = r.Find("StatefulSet", "e");
  const Value& claims = At(sts, {"spec", "volumeClaimTemplates"});
  REQUIRE(claims.items.size() == 1);
  CHECK(GoJsonCompact(claims.items[0]) ==
        R"({"metadata":{"name":"model-cache","labels":{"app.kubernetes.io/component":)"
        R"("embedding-server","app.kubernetes.io/instance":"e","app.kubernetes.io/managed-by":)"
        R"("toolhive-operator","app.kubernetes.io/name":"embeddingserver"}},"spec":)"
        R"({"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"10Gi"}},)"
        R"("storageClassName":"fast"}})");
  const Value& c = Container(r);
  CHECK(GoJsonCompact(At(&c, {"volumeMounts"})) ==
        R"([{"name":"model-cache","mountPath":"/data"}])");
  // MODEL_ID, HF_TOKEN from the Secret, spec.env, then HF_HOME (esc:550-553, 572-591).
  CHECK(GoJsonCompact(At(&c, {"env"})) ==
        R"([{"name":"MODEL_ID","value":"BAAI/bge-small-en-v1.5"},{"name":"HF_TOKEN",)"
        R"("valueFrom":{"secretKeyRef":{"name":"hf","key":"t"}}},{"name":"A","value":"b"},)"
        R"({"name":"HF_HOME","value":"/data"}])");
  // modelCache.enabled: false turns it off (IsModelCacheEnabled, est:266-272).
  RenderRun off = RunAt044(Embedding("  modelCache: {enabled: false}\n"));
  CHECK(At(off.Find("StatefulSet", "e"), {"spec", "volumeClaimTemplates"}).IsNull());
}

TEST_CASE("EmbeddingServer: resources as resource.MustParse canonicalizes them (esc:627-651)") {
  RenderRun r = RunAt044(Embedding("  resources: {limits: {cpu: 4000m}}\n"));
  REQUIRE(r.errors.empty());
  CHECK(GoJsonCompact(At(&Container(r), {"resources"})) == R"({"limits":{"cpu":"4"}})");
}

TEST_CASE("EmbeddingServer: pod template override labels reach the selector too (esc:412-440)") {
  // labels is one Go map: buildPodTemplate keeps it, applyStatefulSetOverrides copies the pod
  // override labels into it (esc:769-770), and the selector and the StatefulSet's labels are
  // built from it afterwards. The Service selects on the plain labels (esc:782,806).
  RenderRun r = RunAt044(Embedding(
      "  resourceOverrides:\n    statefulSet:\n      labels: {s: '1'}\n      annotations: {sa: x}\n"
      "      podTemplateMetadataOverrides: {labels: {p: '2'}, annotations: {pa: 'y'}}\n"
      "    service: {labels: {v: '3'}, annotations: {va: z}}\n"));
  REQUIRE(r.errors.empty());
  const Value* sts = r.Find("StatefulSet", "e");
  CHECK(At(sts, {"metadata", "labels", "p"}).text == "2");
  CHECK(At(sts, {"metadata", "labels", "s"}).text == "1");
  CHECK(At(sts, {"metadata", "annotations", "sa"}).text == "x");
  CHECK(At(sts, {"spec", "selector", "matchLabels", "p"}).text == "2");
  CHECK(At(sts, {"spec", "selector", "matchLabels", "s"}).IsNull());
  CHECK(At(sts, {"spec", "template", "metadata", "annotations", "pa"}).text == "y");
  const Value* svc = r.Find("Service", "e");
  CHECK(At(svc, {"metadata", "labels", "v"}).text == "3");
  CHECK(At(svc, {"metadata", "annotations", "va"}).text == "z");
  CHECK(At(svc, {"spec", "selector", "p"}).IsNull());
}

TEST_CASE("EmbeddingServer: podTemplateSpec is a strategic merge over the controller's template") {
  // applyPodTemplateSpecToStatefulSet (esc:697-737) through ApplyPodTemplateSpecPatch
  // (cu/podtemplatespec_patch.go:47-68): the embedding container merges by name.
  const std::string patch =
      "  podTemplateSpec:\n    spec:\n      nodeSelector: {gpu: 'yes'}\n      containers:\n"
      "      - name: embedding\n        env: [{name: MODEL_ID, value: other}]\n"
      "      - name: sidecar\n        image: busybox\n";
  const RenderRun r = RunAt044(Embedding(patch));
  CHECK(r.errors.empty());
  const Value& containers =
      At(r.Find("StatefulSet", "e"), {"spec", "template", "spec", "containers"});
  REQUIRE(containers.items.size() == 2);
  CHECK(GetString(containers.items[0], "image") ==
        "ghcr.io/huggingface/text-embeddings-inference:cpu-latest");
  CHECK(GoJsonCompact(At(&containers.items[0], {"env"})) ==
        R"([{"name":"MODEL_ID","value":"other"}])");
  CHECK(GetString(containers.items[1], "name") == "sidecar");
  CHECK(At(r.Find("StatefulSet", "e"), {"spec", "template", "spec", "nodeSelector", "gpu"}).text ==
        "yes");
}

TEST_CASE("EmbeddingServer: a podTemplateSpec the operator cannot apply is skipped, not refused") {
  // esc:713-730: either failure is soft, the StatefulSet is built from the defaults. One that
  // does not json.Unmarshal is in the status (PodTemplateValid=False, esc:371-392); a merge that
  // fails (no merge key) is only logged (esc:721-730).
  for (const char* tmpl : {"      containers: [{image: no-name}]\n", "      nodeSelector: gpu\n"}) {
    CAPTURE(tmpl);
    const RenderRun r = RunAt044(Embedding(std::string("  podTemplateSpec:\n    spec:\n") + tmpl));
    CHECK(r.errors.empty());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("spec.podTemplateSpec: not applied: ") != std::string::npos);
    CHECK(GetString(Container(r), "image") ==
          "ghcr.io/huggingface/text-embeddings-inference:cpu-latest");
    CHECK(At(r.Find("StatefulSet", "e"), {"spec", "template", "spec", "nodeSelector"}).IsNull());
  }
  CHECK(RunAt044(Embedding("  podTemplateSpec:\n    spec:\n      containers: [{image: x}]\n"))
            .HasWarning("merge key: name; the operator (v0.44.0) only logs it"));
  CHECK(RunAt044(Embedding("  podTemplateSpec:\n    spec:\n      nodeSelector: gpu\n"))
            .HasWarning("fails at spec.nodeSelector: expected object, got string; the operator "
                        "(v0.44.0) sets PodTemplateValid=False"));
}

TEST_CASE("EmbeddingServer: default image pull secrets go on the pod (esc:661-676)") {
  RenderOptions options;
  options.default_image_pull_secrets = {" regcred ", "", "other"};
  RenderRun r = RunAt044(Embedding(""), false, options);
  CHECK(GoJsonCompact(
            At(r.Find("StatefulSet", "e"), {"spec", "template", "spec", "imagePullSecrets"})) ==
        R"([{"name":"regcred"},{"name":"other"}])");
}

TEST_CASE("EmbeddingServer: the StatefulSet, then the Service, both named after it (esc:107-122)") {
  RenderRun r = RunAt044(Embedding(""));
  REQUIRE(r.out.size() == 2);
  CHECK(GetString(r.out[0], "kind") == "StatefulSet");
  CHECK(GetString(r.out[1], "kind") == "Service");
  CHECK(At(&r.out[0], {"spec", "serviceName"}).text == "e");
  CHECK(At(&r.out[0], {"metadata", "namespace"}).text == "ml");
}

}  // namespace t0_44_0
}  // namespace thv
