// The Argo CD generate step's environment as a render command line.
#include "cli/argocd.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <string>

#include "core/testing.h"

namespace thv {

namespace {

Getenv From(const std::map<std::string, std::string>& env) {
  return [&env](const char* key) -> const char* {
    auto it = env.find(key);
    return it == env.end() ? nullptr : it->second.c_str();
  };
}

std::vector<std::string> Args(const std::map<std::string, std::string>& env) {
  return ArgoCdRenderArgs(From(env));
}

bool HasPair(const std::vector<std::string>& args, const std::string& flag,
             const std::string& value) {
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == flag && args[i + 1] == value) return true;
  return false;
}

}  // namespace

TEST_CASE("argocd: the operator-version parameter, or the Application's plugin env, pins it") {
  CHECK(
      HasPair(Args({{"PARAM_OPERATOR_VERSION", "7002a239b"}}), "--operator-version", "7002a239b"));
  CHECK(
      HasPair(Args({{"ARGOCD_ENV_OPERATOR_VERSION", "v0.44.0"}}), "--operator-version", "v0.44.0"));
  // The parameter wins over the env entry of the same name.
  CHECK(HasPair(
      Args({{"PARAM_OPERATOR_VERSION", "v0.44.0"}, {"ARGOCD_ENV_OPERATOR_VERSION", "7002a239b"}}),
      "--operator-version", "v0.44.0"));
  // Unset: no flag, so THV_RENDER_OPERATOR_VERSION or the default decides.
  for (const std::string& arg : Args({})) CHECK(arg != "--operator-version");
}

TEST_CASE(
    "argocd discover: claims directories with ToolHive resources, not Helm or kustomize ones") {
  RealDiskInterface disk;
  const std::string app = MakeTempDir();
  std::string err;
  const std::map<std::string, std::string> none;
  REQUIRE(disk.WriteFile(app + "/a.yaml", "apiVersion: v1\nkind: ConfigMap\n", &err));
  CHECK(ArgoCdDiscover(&disk, app, From(none)) == "");
  REQUIRE(disk.MakeDirs(app + "/sub", &err));
  REQUIRE(disk.WriteFile(app + "/sub/s.yml",
                         "---\napiVersion: \"toolhive.stacklok.dev/v1beta1\"\nkind: MCPServer\n",
                         &err));
  CHECK(ArgoCdDiscover(&disk, app, From(none)) == app + "/sub/s.yml");
  // Argo CD builds a kustomization itself, unless the user asks for the plugin.
  for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
    REQUIRE(disk.WriteFile(app + "/" + name, "resources: []\n", &err));
    CHECK(ArgoCdDiscover(&disk, app, From(none)) == "");
    for (const char* key :
         {"PARAM_KUSTOMIZE_DIRS", "ARGOCD_ENV_KUSTOMIZE_DIRS", "THV_RENDER_KUSTOMIZE_DIRS"}) {
      const std::map<std::string, std::string> asked = {{key, "true"}};
      CHECK(ArgoCdDiscover(&disk, app, From(asked)) == app + "/sub/s.yml");
    }
    // The parameter wins over the sidecar's environment.
    const std::map<std::string, std::string> refused = {{"PARAM_KUSTOMIZE_DIRS", "false"},
                                                        {"THV_RENDER_KUSTOMIZE_DIRS", "true"}};
    CHECK(ArgoCdDiscover(&disk, app, From(refused)) == "");
    REQUIRE(std::remove((app + "/" + name).c_str()) == 0);
  }
  // A Helm chart's templates are not manifests yet.
  REQUIRE(disk.WriteFile(app + "/Chart.yaml", "name: x\n", &err));
  const std::map<std::string, std::string> asked = {{"PARAM_KUSTOMIZE_DIRS", "true"}};
  CHECK(ArgoCdDiscover(&disk, app, From(asked)) == "");
  REQUIRE(disk.RemoveTree(app, &err));
}

}  // namespace thv
