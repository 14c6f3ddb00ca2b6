// The v0.44.0 MCPRegistry controller, fact by fact (cmd/thv-operator/controllers/
// mcpregistry_controller.go and pkg/registryapi/ at the tag). Hash vectors come from Go 1.19
// running dump.ForHash's spew configuration (go-spew d8f796af33cc) on an MCPRegistrySpec decoded
// from the JSON the API server serves (keys sorted), then FNV-1a 32.
#include "targets/v0.44.0/mcpregistry.h"

#include <doctest/doctest.h>

#include <string>

#include "core/json_text.h"
#include "core/testing.h"
#include "model/decode.h"
#include "targets/v0.44.0/testing.h"
#include "targets/v0.44.0/webhooks.h"

namespace thv {
namespace t0_44_0 {

namespace {

// An MCPRegistry r in namespace ns (v1beta1 unless told) with spec lines after its configYAML.
std::string Registry(const std::string& spec = "", const std::string& version = "v1beta1") {
  return "apiVersion: toolhive.stacklok.dev/" + version +
         "\nkind: MCPRegistry\nmetadata: {name: r, namespace: ns}\nspec:\n"
         "  configYAML: |\n    sources:\n      - name: k8s\n        kubernetes: {}\n" +
         spec;
}

// The node at a path of space-separated keys and list indices ("spec template spec containers
// 0"), or null.
const Value& Get(const Value* v, const std::string& path) {
  static const Value kNull;
  size_t at = 0;
  while (v && at < path.size()) {
    size_t end = path.find(' ', at);
    if (end == std::string::npos) end = path.size();
    const std::string step = path.substr(at, end - at);
    if (v->IsSequence()) {
      const size_t i = std::stoul(step);
      v = i < v->items.size() ? &v->items[i] : nullptr;
    } else {
      v = v->Find(step);
    }
    at = end + 1;
  }
  return v ? *v : kNull;
}

const Value& Pod(const RenderRun& r) {
  return Get(r.Find("Deployment", "r-api"), "spec template spec");
}
const Value& Container(const RenderRun& r) { return Get(&Pod(r), "containers 0"); }

}  // namespace

TEST_CASE("dump.ForHash of MCPRegistrySpec: Go's vectors, field by field") {
  // api/v1beta1/mcpregistry_types.go:17-147; every field set, then only configYAML.
  Value spec = ReadYamlValue(
      "configYAML: \"a: 1\\n\"\nvolumes: [{name: v, configMap: {name: c}}]\n"
      "volumeMounts: [{name: v, mountPath: /x}]\npgpassSecretRef: {name: p, key: .pgpass}\n"
      "displayName: D\npodTemplateSpec: {spec: {a: 1}}\nimagePullSecrets: [{name: s}]\n");
  const std::string dump = RegistrySpecDump(spec);
  CHECK(dump.find("VolumeMounts:([]v1.JSON)[{Raw:([]uint8)[123 34 109 111 117 110 116 80 97 116 "
                  "104 34 58 34 47 120 34 44 34 110 97 109 101 34 58 34 118 34 125]}]") !=
        std::string::npos);  // keys sorted, as the API server serves them
  CHECK(ConfigHashOfDump(dump) == "29e58c4f");
  CHECK(ConfigHashOfDump(RegistrySpecDump(ReadYamlValue("configYAML: x\n"))) == "47f487c9");
  CHECK(RegistrySpecDump(ReadYamlValue("configYAML: x\n")) ==
        "(v1beta1.MCPRegistrySpec){ConfigYAML:(string)x Volumes:([]v1.JSON)<nil> "
        "VolumeMounts:([]v1.JSON)<nil> PGPassSecretRef:(*v1.SecretKeySelector)<nil> "
        "DisplayName:(string) PodTemplateSpec:(*runtime.RawExtension)<nil> "
        "ImagePullSecrets:([]v1.LocalObjectReference)<nil>}");
  // Empty lists are not nil; optional and an empty podTemplateSpec.
  CHECK(ConfigHashOfDump(RegistrySpecDump(ReadYamlValue(
            "configYAML: q\nvolumeMounts: []\npgpassSecretRef: {key: '', name: '', optional: "
            "true}\npodTemplateSpec: {}\nimagePullSecrets: [{name: a}, {}]\n"))) == "5a41d367");
}

TEST_CASE("ConfigMap N-registry-server-config: configYAML verbatim, its []byte checksum") {
  // config/raw_config.go:19-38: no labels; CalculateConfigHash([]byte(configYAML)).
  CHECK(ByteSliceDump("a\n") == "([]uint8)[97 10]");
  CHECK(ConfigHashOfDump(ByteSliceDump("a: 1\n")) == "3cda68ea");  // Go
  RenderRun r = RunAt044(Registry());
  INFO((r.errors.empty() ? std::string() : r.errors[0]));
  REQUIRE(r.errors.empty());
  const Value* cm = r.Find("ConfigMap", "r-registry-server-config");
  REQUIRE(cm);
  CHECK(Get(cm, "data config.yaml").text == "sources:\n  - name: k8s\n    kubernetes: {}\n");
  CHECK(Get(cm, "metadata annotations toolhive.stacklok.dev/content-checksum").text ==
        "3f71c871");  // Go
  CHECK(!cm->Find("metadata")->Find("labels"));
}

TEST_CASE("objects in the manager's order; RBAC named N-registry-api, with the registry labels") {
  // manager.go:56-127 (ConfigMap, RBAC, Deployment, Service); rbac.go:25-93; manager.go:191-197.
  RenderRun r = RunAt044(Registry());
  REQUIRE(r.out.size() == 6);
  const char* kinds[] = {"ConfigMap",   "ServiceAccount", "Role",
                         "RoleBinding", "Deployment",     "Service"};
  for (size_t i = 0; i < 6; ++i) CHECK(r.out[i].Find("kind")->text == kinds[i]);
  const Value* role = r.Find("Role", "r-registry-api");
  REQUIRE(role);
  CHECK(Get(role, "metadata labels app.kubernetes.io/name").text == "r-registry-api");
  CHECK(Get(role, "metadata labels toolhive.stacklok.io/registry-name").text == "r");
  CHECK(Get(role, "rules").items.size() == 6);
  CHECK(Get(role, "rules 5 apiGroups 0").text == "events.k8s.io");
  CHECK(GoJsonCompact(Get(role, "rules 3 verbs")) ==
        R"(["get","list","watch","create","update","patch","delete"])");
  const Value* binding = r.Find("RoleBinding", "r-registry-api");
  REQUIRE(binding);
  CHECK(Get(binding, "subjects 0 name").text == "r-registry-api");
  CHECK(Get(binding, "roleRef name").text == "r-registry-api");
  CHECK(r.Find("ServiceAccount", "r-registry-api"));
  const Value* service = r.Find("Service", "r-api");
  REQUIRE(service);  // service.go:102-137
  CHECK(
      GoJsonCompact(Get(service, "spec")) ==
      R"({"ports":[{"name":"http","protocol":"TCP","port":8080,"targetPort":8080}],)"
      R"("selector":{"app.kubernetes.io/component":"registry-api","app.kubernetes.io/name":"r-api"},)"
      R"("type":"ClusterIP"})");
}

TEST_CASE("Deployment N-api: one replica, the spec's config-hash, the registry-api container") {
  // deployment.go:181-277, podtemplatespec.go:150-180 and :349-394, types.go:18-48.
  RenderRun r = RunAt044(Registry());
  const Value* d = r.Find("Deployment", "r-api");
  REQUIRE(d);
  CHECK(Get(d, "spec replicas").text == "1");
  CHECK(!d->Find("metadata")->Find("annotations"));  // no podTemplateSpec: no hash
  CHECK(Get(d, "spec template metadata annotations toolhive.stacklok.dev/config-hash").text ==
        "32fd97c5");  // Go
  CHECK(Pod(r).Find("serviceAccountName")->text == "r-registry-api");
  CHECK(Container(r).Find("image")->text == "ghcr.io/stacklok/thv-registry-api:v1.3.0");
  CHECK(GoJsonCompact(Get(&Container(r), "args")) == R"(["serve","--config=/config/config.yaml"])");
  CHECK(Get(&Container(r), "livenessProbe httpGet port").text == "8081");
  CHECK(Get(&Container(r), "readinessProbe httpGet path").text == "/readiness");
  CHECK(Get(&Container(r), "resources limits memory").text == "512Mi");
  CHECK(GoJsonCompact(Get(&Pod(r), "volumes")) ==
        R"([{"name":"registry-server-config","configMap":{"name":"r-registry-server-config"}}])");
  CHECK(GoJsonCompact(Get(&Container(r), "volumeMounts")) ==
        R"([{"name":"registry-server-config","readOnly":true,"mountPath":"/config"}])");
  RenderOptions options;
  options.registry_api_image = "registry.example.com/thv-registry-api:v9";
  CHECK(Container(RunAt044(Registry(), false, options)).Find("image")->text ==
        "registry.example.com/thv-registry-api:v9");
}

TEST_CASE("spec.volumes and volumeMounts are appended, one per name (WithVolume idempotency)") {
  // deployment.go:220-236, podtemplatespec.go:116-137: a second mount of the same volume is
  // dropped, as is a mount named like the config volume.
  RenderRun r = RunAt044(Registry(
      "  volumes: [{name: data, configMap: {name: d}}, {name: data, emptyDir: {}}]\n"
      "  volumeMounts: [{name: data, mountPath: /data}, {name: data, mountPath: /data2}]\n"));
  INFO((r.errors.empty() ? std::string() : r.errors[0]));
  REQUIRE(r.errors.empty());
  CHECK(Get(&Pod(r), "volumes").items.size() == 2);
  CHECK(Get(&Pod(r), "volumes 1 configMap name").text == "d");
  CHECK(Get(&Container(r), "volumeMounts").items.size() == 2);
  CHECK(Get(&Container(r), "volumeMounts 1 mountPath").text == "/data");
}

TEST_CASE("pgpassSecretRef: the init container, emptyDir, subPath mount and PGPASSFILE") {
  // podtemplatespec.go:218-322, types.go:62-87.
  RenderRun r = RunAt044(Registry("  pgpassSecretRef: {name: pg, key: .pgpass}\n"));
  INFO((r.errors.empty() ? std::string() : r.errors[0]));
  REQUIRE(r.errors.empty());
  CHECK(
      GoJsonCompact(Get(&Pod(r), "volumes 1")) ==
      R"({"name":"pgpass-secret","secret":{"secretName":"pg","items":[{"key":".pgpass","path":".pgpass"}]}})");
  CHECK(GoJsonCompact(Get(&Pod(r), "volumes 2")) == R"({"name":"pgpass","emptyDir":{}})");
  CHECK(Get(&Pod(r), "initContainers 0 name").text == "setup-pgpass");
  CHECK(Get(&Pod(r), "initContainers 0 command 2").text ==
        "cp /secret/.pgpass /pgpass/.pgpass && chmod 0600 /pgpass/.pgpass");
  CHECK(
      GoJsonCompact(Get(&Container(r), "volumeMounts 1")) ==
      R"({"name":"pgpass","readOnly":true,"mountPath":"/home/appuser/.pgpass","subPath":".pgpass"})");
  CHECK(GoJsonCompact(Get(&Container(r), "env")) ==
        R"([{"name":"PGPASSFILE","value":"/home/appuser/.pgpass"}])");
}

TEST_CASE("podTemplateSpec is merged over the defaults, the user's values winning") {
  // MergePodTemplateSpecs (podtemplatespec.go:396-665); the Deployment's podtemplatespec-hash is
  // sha256 of the template's canonical JSON (deployment.go:247-254, checksum.go:189-203).
  RenderRun r = RunAt044(Registry(
      "  imagePullSecrets: [{name: spec-pull}]\n"
      "  podTemplateSpec:\n    metadata: {labels: {team: platform}}\n"
      "    spec:\n      imagePullSecrets: [{name: pts-pull}]\n"
      "      containers:\n      - name: registry-api\n        args: [serve, --debug]\n"
      "        securityContext: {}\n        ports: [{name: metrics, containerPort: 8080}]\n"
      "        unknownField: dropped\n"));
  INFO((r.errors.empty() ? std::string() : r.errors[0]));
  REQUIRE(r.errors.empty());
  const Value* d = r.Find("Deployment", "r-api");
  CHECK(Get(d, "metadata annotations toolhive.stacklok.io/podtemplatespec-hash").text.size() == 64);
  CHECK(Get(d, "spec template metadata labels team").text == "platform");
  CHECK(Get(d, "spec template metadata labels app.kubernetes.io/name").text == "r-api");
  CHECK(GoJsonCompact(Get(&Container(r), "args")) == R"(["serve","--debug"])");
  CHECK(GoJsonCompact(Get(&Container(r), "securityContext")) == "{}");
  CHECK(Get(&Container(r), "ports").items.size() == 1);  // 8080 taken: the default port goes
  CHECK(Container(r).Find("image")->text == "ghcr.io/stacklok/thv-registry-api:v1.3.0");
  CHECK(!Container(r).Find("unknownField"));
  CHECK(GoJsonCompact(Get(&Pod(r), "imagePullSecrets")) == R"([{"name":"pts-pull"}])");
  // The ServiceAccount keeps spec.imagePullSecrets (rbac.go:86).
  CHECK(GoJsonCompact(Get(r.Find("ServiceAccount", "r-registry-api"), "imagePullSecrets")) ==
        R"([{"name":"spec-pull"}])");
}

TEST_CASE("image pull secrets: the CR's, then the chart's defaults, each once") {
  // imagepullsecrets/defaults.go:44-71, on the ServiceAccount and the pod (rbac.go:86,
  // deployment.go:217).
  RenderOptions options;
  options.default_image_pull_secrets = {" chart ", "a"};
  RenderRun r =
      RunAt044(Registry("  imagePullSecrets: [{name: a}, {name: a}, {name: b}]\n"), false, options);
  const std::string want = R"([{"name":"a"},{"name":"b"},{"name":"chart"}])";
  CHECK(GoJsonCompact(Get(&Pod(r), "imagePullSecrets")) == want);
  CHECK(GoJsonCompact(Get(r.Find("ServiceAccount", "r-registry-api"), "imagePullSecrets")) == want);
}

TEST_CASE("validateReservedNames: the operator's volume names and setup-pgpass") {
  // mcpregistry_controller.go:406-446.
  RenderRun r = RunAt044(Registry("  volumes: [{name: registry-server-config, emptyDir: {}}]\n"));
  CHECK(r.HasError("spec.volumes[0].name: volume name 'registry-server-config' is reserved"));
  CHECK(r.out.empty());
  // pgpass and pgpass-secret only with pgpassSecretRef.
  // A quoted string's lines are not the manifest's: the error stays at the value.
  CHECK(RunAt044("apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPRegistry\nmetadata: {name: "
                 "r, namespace: ns}\nspec:\n  configYAML: \"a: 1\\nb: [\\n\"\n  displayName: x\n")
            .HasError("5:15: spec.configYAML: config.yaml:3:1: YAML syntax error"));
  CHECK(RunAt044(Registry("  volumes: [{name: pgpass, emptyDir: {}}]\n")).errors.empty());
  r =
      RunAt044(Registry("  pgpassSecretRef: {name: p, key: k}\n  podTemplateSpec:\n    spec:\n"
                        "      volumes: [{name: pgpass, emptyDir: {}}]\n"
                        "      initContainers: [{name: setup-pgpass, image: busybox}]\n"));
  CHECK(r.HasError("spec.podTemplateSpec.spec.volumes[0].name: volume name 'pgpass' is reserved"));
  CHECK(
      r.HasError("spec.podTemplateSpec.spec.initContainers[0].name: init container name "
                 "'setup-pgpass' is reserved by the operator when pgpassSecretRef is set"));
}

TEST_CASE("validateMountPathCollisions: /config, the pgpass path, and the user's own") {
  // mcpregistry_controller.go:448-485: exact paths only (a mount below /config is fine).
  CHECK(RunAt044(Registry("  volumes: [{name: v, emptyDir: {}}]\n"
                          "  volumeMounts: [{name: v, mountPath: /config/data}]\n"))
            .errors.empty());
  RenderRun r =
      RunAt044(Registry("  volumes: [{name: v, emptyDir: {}}]\n"
                        "  volumeMounts: [{name: v, mountPath: /config}]\n"));
  CHECK(r.HasError("10:39: spec.volumeMounts[0].mountPath: duplicate mount path '/config'"));
  r =
      RunAt044(Registry("  pgpassSecretRef: {name: p, key: k}\n  volumes: [{name: v, emptyDir: "
                        "{}}]\n  podTemplateSpec:\n    spec:\n      containers:\n"
                        "      - name: registry-api\n"
                        "        volumeMounts: [{name: v, mountPath: /home/appuser/.pgpass}]\n"));
  CHECK(
      r.HasError("spec.podTemplateSpec.spec.containers[0].volumeMounts[0].mountPath: duplicate "
                 "mount path '/home/appuser/.pgpass'"));
}

TEST_CASE("validatePGPassSecretRef: name and key must be non-empty") {
  // mcpregistry_controller.go:392-404; the CRD defaults name to "" and requires key.
  CHECK(RunAt044(Registry("  pgpassSecretRef: {key: .pgpass}\n"))
            .HasError("spec.pgpassSecretRef.name: pgpassSecretRef.name is required"));
  CHECK(RunAt044(Registry("  pgpassSecretRef: {name: p, key: ''}\n"))
            .HasError("spec.pgpassSecretRef.key: pgpassSecretRef.key is required"));
  CHECK(RunAt044(Registry("  pgpassSecretRef: {name: p}\n")).HasError("spec.pgpassSecretRef.key"));
}

TEST_CASE(
    "volumes and volumeMounts unmarshal into corev1 types; the template into PodTemplateSpec") {
  // mcpregistry_types.go:266-292, controller:417-420 and :487-509.
  RenderRun r = RunAt044(Registry("  volumes: [x]\n"));
  CHECK(
      r.HasError("spec.volumes[0]: invalid volumes: failed to unmarshal volumes[0]: json: "
                 "cannot unmarshal string into Go value of type v1.Volume"));
  // Inside an item, json.Unmarshal's type errors (Value mode would marshal nonsense).
  r =
      RunAt044(Registry("  volumes: [{name: v, configMap: {name: c, defaultMode: 'x'}}]\n"
                        "  volumeMounts: [{name: v, mountPath: /x, readOnly: 'yes'}]\n"));
  CHECK(
      r.HasError("9:57: spec.volumes[0].configMap.defaultMode: expected int32, got string; spec "
                 "validation fails (invalid volumes: failed to unmarshal volumes[0])"));
  CHECK(r.HasError("10:53: spec.volumeMounts[0].readOnly: expected boolean, got string"));
  r = RunAt044(
      Registry("  podTemplateSpec: {spec: {containers: [{name: registry-api, args: x}]}}\n"));
  CHECK(
      r.HasError("spec.podTemplateSpec.spec.containers[0].args: expected array, got string; "
                 "json.Unmarshal into corev1.PodTemplateSpec fails"));
  r = RunAt044(Registry("  podTemplateSpec: {spec: {nodeSelector: {x: [1]}}}\n"));
  CHECK(r.HasError("spec.podTemplateSpec.spec.nodeSelector"));
  CHECK(r.out.empty());
  // What the API server would refuse in the Deployment, at the input item (counting the items
  // WithVolume skips), before anything is rendered.
  r =
      RunAt044(Registry("  volumes: [{name: a, emptyDir: {}}, {name: a, emptyDir: {}},\n"
                        "            {name: Bad_Name, emptyDir: {}}]\n"));
  CHECK(r.HasError("10:20: spec.volumes[2].name: Invalid value: \"Bad_Name\""));
  // The template may not take the selector's labels away.
  r = RunAt044(Registry("  podTemplateSpec: {metadata: {labels: {app.kubernetes.io/name: x}}}\n"));
  CHECK(
      r.HasError("spec.podTemplateSpec.metadata.labels.app.kubernetes.io/name: Invalid value: "
                 "\"x\""));
}

TEST_CASE("configYAML: YAML errors at their line in the manifest") {
  // The registry server parses config.yaml at start-up; the operator never does.
  RenderRun r = RunAt044(Registry("    registries:\n      - name: x\n     bad: indent\n"));
  CHECK(r.HasError("11:6: spec.configYAML: config.yaml:6:2: YAML syntax error"));
  CHECK(r.out.empty());
  CHECK(
      RunAt044("apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPRegistry\nmetadata: {name: r, "
               "namespace: ns}\nspec:\n  configYAML: '[1, 2]'\n")
          .HasError("5:15: spec.configYAML: config.yaml: cannot unmarshal !!seq"));
}

TEST_CASE("v1alpha1 is v1beta1's schema with the deprecation warning; the old shape refuses") {
  // cmd/thv-operator/api/v1alpha1/types.go:155-; CRD deprecated: true at both versions.
  RenderRun alpha = RunAt044(Registry("", "v1alpha1"));
  CHECK(alpha.errors.empty());
  CHECK(alpha.HasWarning("MCPRegistry is deprecated and will be removed in a future release"));
  CHECK(alpha.out.size() == 6);
  CHECK(RunAt044(Registry()).HasWarning("MCPRegistry is deprecated"));
  RenderRun old = RunAt044(
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\nmetadata: {name: r, "
      "namespace: ns}\nspec:\n  source: {type: configmap, configmap: {name: c}}\n");
  CHECK(
      old.HasError("spec.source: unknown field \"spec.source\": at v0.44.0 it became "
                   "spec.configYAML"));
  CHECK(old.HasError("--operator-version 7002a239b renders this file as written"));
  CHECK(old.out.empty());
}

}  // namespace t0_44_0
}  // namespace thv
