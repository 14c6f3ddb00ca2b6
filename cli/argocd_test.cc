// The Argo CD generate step's environment as a render command line.
#include "cli/argocd.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace thv {

namespace {

std::vector<std::string> Args(const std::map<std::string, std::string>& env) {
  return ArgoCdRenderArgs([&env](const char* key) -> const char* {
    auto it = env.find(key);
    return it == env.end() ? nullptr : it->second.c_str();
  });
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

}  // namespace thv
