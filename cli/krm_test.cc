#include "cli/krm.h"

#include <doctest/doctest.h>

#include "core/sha256.h"
#include "registry/lock_file.h"
#include "targets/targets.h"

namespace thv {

namespace {

// Pinned to a release, so that what these tests assert does not move with the default.
KrmOptions Pinned() {
  KrmOptions options;
  options.target = FindTarget("7002a239b");
  return options;
}

}  // namespace

TEST_CASE("KRM function: items kept, rendered objects appended, tool config found among items") {
  const char* in = R"(apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPToolConfig
  metadata: {name: tools, namespace: default}
  spec: {toolsFilter: [fetch]}
functionConfig:
  apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPServer
  metadata:
    name: fetch
    annotations: {config.kubernetes.io/path: fetch.yaml}
  spec:
    image: ghcr.io/stackloklabs/gofetch/server
    toolConfigRef: {name: tools}
)";
  std::string out;
  CHECK(RunKrmFunction(in, Pinned(), &out) == 0);
  CHECK(out.rfind("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n", 0) == 0);
  CHECK(out.find("kind: MCPToolConfig") != std::string::npos);
  CHECK(out.find("name: fetch-runconfig") != std::string::npos);
  CHECK(out.find("\"tools_filter\": [") != std::string::npos);
  CHECK(out.find("results:") == std::string::npos);
}

TEST_CASE("KRM function: errors become results with field and file, and a non-zero exit") {
  const char* in = R"(apiVersion: config.kubernetes.io/v1
kind: ResourceList
items: []
functionConfig:
  apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPServer
  metadata:
    name: bad
    annotations: {internal.config.kubernetes.io/path: servers/bad.yaml}
  spec: {image: x, port: 0}
)";
  std::string out;
  CHECK(RunKrmFunction(in, Pinned(), &out) == 1);
  CHECK(out.find("results:\n- message: ") != std::string::npos);
  CHECK(out.find("severity: error") != std::string::npos);
  CHECK(out.find("path: spec.port") != std::string::npos);
  CHECK(out.find("path: servers/bad.yaml") != std::string::npos);
  CHECK(out.find("kind: Deployment") == std::string::npos);
  // Messages quote input values; kustomize prints them on a terminal as they are.
  std::string escaped;
  CHECK(RunKrmFunction(std::string(in).replace(std::string(in).find("image: x, port: 0"), 17,
                                               "image: \"x\\e[2J\""),
                       {}, &escaped) == 1);
  CHECK(escaped.find("^[[2J") != std::string::npos);
  CHECK(escaped.find("\\e") == std::string::npos);
  std::string garbage;
  CHECK(RunKrmFunction("kind: Something\n", {}, &garbage) == 1);
  CHECK(garbage.find("expected one ResourceList") != std::string::npos);
}

namespace {

const char kRegistryJson[] =
    R"({"version": "1.0.0", "last_updated": "2025-09-19T00:17:19Z", "servers": {"fetch": {)"
    R"("description": "Fetches web pages", "tier": "Community", "status": "Active", "transport": "stdio",)"
    R"("tools": ["fetch"], "image": "ghcr.io/stackloklabs/gofetch/server:1.0.0"}}})";

std::string RegistryList(const std::string& items, const std::string& source) {
  return "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:" + items +
         "\nfunctionConfig:\n"
         "  apiVersion: toolhive.stacklok.dev/v1alpha1\n"
         "  kind: MCPRegistry\n"
         "  metadata:\n"
         "    name: reg\n"
         "    namespace: mcp\n"
         "    annotations: {config.kubernetes.io/path: registry.yaml}\n"
         "  spec:\n"
         "    source:\n" +
         source;
}

}  // namespace

TEST_CASE("KRM function: an MCPRegistry renders from a ConfigMap among the items") {
  const std::string items = std::string(R"(
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: reg-data, namespace: mcp}
  data:
    registry.json: |
      )") + kRegistryJson;
  std::string out;
  CHECK(RunKrmFunction(RegistryList(items,
                                    "      type: configmap\n"
                                    "      configmap: {name: reg-data}\n"),
                       Pinned(), &out) == 0);
  CHECK(out.find("name: reg-data") != std::string::npos);  // the item is kept
  CHECK(out.find("name: reg-registry-storage") != std::string::npos);
  CHECK(out.find("kind: Deployment") != std::string::npos);
  CHECK(out.find("gofetch") != std::string::npos);
  CHECK(out.find("results:") == std::string::npos);

  // The ConfigMap missing: an error result at the source, no rendered objects.
  CHECK(RunKrmFunction(RegistryList(" []",
                                    "      type: configmap\n"
                                    "      configmap: {name: reg-data}\n"),
                       Pinned(), &out) == 1);
  CHECK(out.find("path: spec.source.configmap.name") != std::string::npos);
  CHECK(out.find("path: registry.yaml") != std::string::npos);
  CHECK(out.find("registry-storage") == std::string::npos);
}

TEST_CASE("KRM function: a remote MCPRegistry source renders from the lock file, offline") {
  const std::string source =
      "      type: url\n"
      "      url: {endpoint: 'https://registry.example.com/registry.json'}\n";
  MemoryDiskInterface disk;
  KrmOptions options = Pinned();
  options.disk = &disk;
  options.lock_path = "thv-render.lock";

  // Nothing locked: an error result naming the lock file's remedy, exit 3 as for render.
  std::string out;
  CHECK(RunKrmFunction(RegistryList(" []", source), options, &out) == 3);
  CHECK(out.find("is not in the lock file and --offline forbids fetching") != std::string::npos);
  CHECK(out.find("registry-storage") == std::string::npos);

  LockFile lock;
  const std::string sha = Sha256Hex(kRegistryJson);
  lock.entries["mcp/reg"] = {"url", "url https://registry.example.com/registry.json",
                             "https://registry.example.com/registry.json", sha,
                             "2026-01-02T03:04:05Z"};
  disk.files["thv-render.lock"] = SerializeLockFile(lock);
  disk.files[LockContentPath("thv-render.lock", sha)] = kRegistryJson;
  CHECK(RunKrmFunction(RegistryList(" []", source), options, &out) == 0);
  CHECK(out.find("name: reg-registry-storage") != std::string::npos);
  CHECK(out.find("toolhive.stacklok.dev/config-hash: " + sha) != std::string::npos);

  // Locked content that does not match its sha256 is refused, not rendered.
  disk.files[LockContentPath("thv-render.lock", sha)] = "{}";
  CHECK(RunKrmFunction(RegistryList(" []", source), options, &out) == 3);
  CHECK(out.find("does not match its sha256") != std::string::npos);

  // A lock file that is not valid: the result names that file, not the functionConfig's.
  disk.files["thv-render.lock"] = "[]";
  CHECK(RunKrmFunction(RegistryList(" []", source), options, &out) != 0);
  CHECK(out.find("path: thv-render.lock") != std::string::npos);

  // No disk (no lock file at all): an error, never silently nothing.
  CHECK(RunKrmFunction(RegistryList(" []", source), Pinned(), &out) == 3);
  CHECK(out.find("severity: error") != std::string::npos);
}

TEST_CASE("KRM function: malformed ResourceLists are error results with a non-zero exit") {
  const std::string server =
      "functionConfig:\n"
      "  apiVersion: toolhive.stacklok.dev/v1alpha1\n"
      "  kind: MCPServer\n"
      "  metadata: {name: fetch}\n"
      "  spec: {image: ghcr.io/stackloklabs/gofetch/server}\n";
  const std::string head = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n";
  std::string out;
  // items as a mapping: not silently replaced by an empty list.
  CHECK(RunKrmFunction(head + "items: {a: b}\n" + server, Pinned(), &out) == 1);
  CHECK(out.find("path: items") != std::string::npos);
  CHECK(out.find("must be a list") != std::string::npos);
  CHECK(out.find("kind: Deployment") == std::string::npos);
  // items absent or null: an empty list.
  CHECK(RunKrmFunction(head + server, Pinned(), &out) == 0);
  CHECK(RunKrmFunction(head + "items:\n" + server, Pinned(), &out) == 0);
  CHECK(out.find("kind: Deployment") != std::string::npos);
  // functionConfig missing, or of a kind this function does not render.
  CHECK(RunKrmFunction(head + "items: []\n", Pinned(), &out) == 1);
  CHECK(out.find("path: functionConfig") != std::string::npos);
  for (const char* config : {"  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n",
                             "  apiVersion: toolhive.stacklok.dev/v1alpha1\n  kind: MCPToolConfig\n"
                             "  metadata: {name: t}\n  spec: {toolsFilter: [a]}\n",
                             "  kind: MCPServer\n  metadata: {name: no-api-version}\n"}) {
    CAPTURE(config);
    CHECK(RunKrmFunction(head + "items: []\nfunctionConfig:\n" + config, Pinned(), &out) == 1);
    CHECK(out.find("severity: error") != std::string::npos);
    CHECK(out.find("items: []") != std::string::npos);
  }
  CHECK(RunKrmFunction(head + "items: []\nfunctionConfig: {apiVersion: v1, kind: ConfigMap, "
                              "metadata: {name: c}}\n",
                       Pinned(), &out) == 1);
  CHECK(out.find("Unsupported value: kind \"ConfigMap\", apiVersion \"v1\": expected an "
                 "MCPServer or MCPRegistry") != std::string::npos);
}

TEST_CASE(
    "KRM function at v0.44.0: an EmbeddingServer functionConfig becomes its StatefulSet and "
    "Service") {
  const char* in =
      "{apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [], functionConfig: "
      "{apiVersion: toolhive.stacklok.dev/v1beta1, kind: EmbeddingServer, metadata: {name: emb, "
      "namespace: ml}, spec: {modelCache: {enabled: true}}}}";
  KrmOptions options;
  options.target = FindTarget("v0.44.0");
  std::string out;
  CHECK(RunKrmFunction(in, options, &out) == 0);
  // The CRD's defaults: the model, the TEI image, 8080, a 10Gi ReadWriteOnce cache.
  for (const char* want :
       {"kind: StatefulSet", "kind: Service", "serviceName: emb", "- BAAI/bge-small-en-v1.5",
        "image: ghcr.io/huggingface/text-embeddings-inference:cpu-latest", "storage: 10Gi",
        "- ReadWriteOnce", "value: /data"}) {
    CAPTURE(want);
    CHECK(out.find(want) != std::string::npos);
  }
  CHECK(out.find("results:") == std::string::npos);
}

}  // namespace thv
