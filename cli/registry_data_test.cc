// RegistryData through the whole CLI: registry stage (ConfigMap source, lock), render, list,
// and the refusals (targets/v0.44.0/registry_data.h, registry/upstream_registry.h).
#include <doctest/doctest.h>

#include "cli/app_testing.h"
#include "core/disk_interface.h"

namespace thv {

namespace {

const std::vector<std::string> kRender = {"render", "--operator-version", "v0.44.0"};

// A RegistryData reading ConfigMap src; registry_json: the ToolHive data in it.
std::string Inputs(const std::string& registry_json) {
  return R"(apiVersion: render.thv-render.stacklok.dev/v1alpha1
kind: RegistryData
metadata: {name: data, namespace: ns}
spec:
  source: {type: configmap, format: toolhive, configmap: {name: src, key: registry.json}}
  filter: {names: {exclude: [skip-*]}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: src, namespace: ns}
data:
  registry.json: ')" +
         registry_json + "'\n";
}

const char kToolhive[] =
    R"({"version": "1.0.0", "last_updated": "2025-01-01T00:00:00Z", "servers": {)"
    R"("fetch": {"description": "Fetches a URL", "image": "ghcr.io/f:1", "tier": "Official", "status": "Active", "transport": "stdio", "tools": ["fetch"]},)"
    R"("skip-me": {"description": "Skipped server", "image": "ghcr.io/s:1", "tier": "Official", "status": "Active", "transport": "stdio", "tools": ["s"]}}})";

}  // namespace

TEST_CASE("RegistryData renders ConfigMap <name> with registry.json in the upstream format") {
  MemoryDiskInterface disk;
  disk.files["in/a.yaml"] = Inputs(kToolhive);
  std::vector<std::string> args = kRender;
  args.push_back("in");
  Result r = Run(&disk, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kind: RegistryData") == std::string::npos);
  CHECK(r.out.find("  name: data\n  namespace: ns\n  labels:\n"
                   "    app.kubernetes.io/component: registry-data\n") != std::string::npos);
  CHECK(r.out.find("render.thv-render.stacklok.dev/source-sha256: ") != std::string::npos);
  CHECK(r.out.find("\"name\": \"io.github.stacklok/fetch\"") != std::string::npos);
  CHECK(r.out.find("stacklok/skip-me") == std::string::npos);  // filtered
  CHECK(r.out.find("upstream-registry.schema.json") != std::string::npos);
  // Never emitted, not even when ToolHive resources are kept.
  args.insert(args.begin() + 1, "--keep-custom-resources");
  Result kept = Run(&disk, args);
  REQUIRE(kept.code == 0);
  CHECK(kept.out.find("kind: RegistryData") == std::string::npos);
  // list: the registry table, as a 7002a239b MCPRegistry
  Result list = Run(&disk, {"list", "--operator-version", "v0.44.0", "in"});
  CHECK(list.out.find("RegistryData\nNAMESPACE   NAME   SOURCE") != std::string::npos);
  CHECK(list.out.find("configmap src/registry.json   toolhive   1         -") != std::string::npos);
}

TEST_CASE("RegistryData: a ConfigMap of the same name among the inputs is an error") {
  MemoryDiskInterface disk;
  disk.files["in/a.yaml"] =
      Inputs(kToolhive) +
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: data, namespace: ns}\n";
  Result r = Run(&disk, {"render", "--operator-version", "v0.44.0", "in"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("ConfigMap ns/data, which in/a.yaml:1 also defines or renders") !=
        std::string::npos);
}

TEST_CASE("RegistryData: data the v0.44.0 registry server would refuse is an error") {
  MemoryDiskInterface disk;
  disk.files["in/a.yaml"] = Inputs(
      R"({"version": "1.0.0", "last_updated": "2025-01-01T00:00:00Z", "servers": {"skip-all": {"description": "Skipped server", "image": "i", "tier": "Official", "status": "Active", "transport": "stdio", "tools": ["t"]}}})");
  Result r = Run(&disk, {"render", "--operator-version", "v0.44.0", "in"});
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  // Every server filtered out: the server's file source needs at least one.
  CHECK(r.err.find("RegistryData ns/data: registry data from configmap src/registry.json for a "
                   "v0.44.0 registry server: the server would refuse it: upstream registry must "
                   "contain at least one server") != std::string::npos);
}

TEST_CASE("RegistryData at 7002a239b is refused: the MCPRegistry has the source there") {
  MemoryDiskInterface disk;
  disk.files["in/a.yaml"] = Inputs(kToolhive);
  Result r = Run(&disk, {"render", "--operator-version", "7002a239b", "in"});
  CHECK(r.code == 1);
  CHECK(r.err.find("in/a.yaml:2:7: kind: RegistryData (render.thv-render.stacklok.dev/v1alpha1) "
                   "is not supported at 7002a239b: it feeds a v0.44.0 registry server's file "
                   "source; at 7002a239b the MCPRegistry itself has spec.source") !=
        std::string::npos);
}

TEST_CASE("the README's RegistryData example is testdata/registry-data/readme/registry.yaml") {
  RealDiskInterface disk;
  std::string readme, example, err;
  REQUIRE(disk.ReadFile(kSource + "/README.md", &readme, &err));
  REQUIRE(disk.ReadFile(kSource + "/testdata/registry-data/readme/registry.yaml", &example, &err));
  const size_t section = readme.find("### Pinned registry data at v0.44.0 (RegistryData)");
  REQUIRE(section != std::string::npos);
  const size_t begin = readme.find("```yaml\n", section) + 8;
  const size_t end = readme.find("```\n", begin);
  CHECK(readme.substr(begin, end - begin) == example);
}

TEST_CASE("golden: the README's RegistryData example, offline from its lock") {
  CheckGolden({"testdata/registry-data/readme/registry.yaml"}, "v0.44.0/registry-data-readme.yaml",
              {"render", "--operator-version", "v0.44.0", "--offline"});
}

TEST_CASE("krm: a RegistryData functionConfig renders its ConfigMap from the lock, offline") {
  RealDiskInterface disk;
  std::string example, err;
  const std::string dir = kSource + "/testdata/registry-data/readme/";
  REQUIRE(disk.ReadFile(dir + "registry.yaml", &example, &err));
  std::string config =
      "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n"
      "functionConfig:\n";
  for (size_t at = 0, end; at < example.size() && example.compare(at, 4, "---\n"); at = end + 1) {
    end = example.find('\n', at);
    config += "  " + example.substr(at, end - at + 1);
  }
  Result r = Run(&disk, {"krm", "--operator-version", "v0.44.0", "--lock", dir + "thv-render.lock"},
                 config);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("    name: prod-registry\n") != std::string::npos);
  CHECK(r.out.find("\"name\": \"io.github.stacklok/notion\"") != std::string::npos);
  CHECK(r.out.find("kind: RegistryData") == std::string::npos);
}

}  // namespace thv
