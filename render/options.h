// The operator's environment, which thv-render takes as flags. Unset values are the target's
// defaults (Target::defaults), which its controllers apply.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace thv {

// The operator's environment where the flags leave it unset: what one release's Helm chart or
// code sets (targets/<release>/defaults.h).
struct TargetDefaults {
  const char* proxy_image;         // TOOLHIVE_RUNNER_IMAGE
  const char* proxy_host;          // TOOLHIVE_PROXY_HOST
  const char* registry_api_image;  // TOOLHIVE_REGISTRY_API_IMAGE
};

struct RenderOptions {
  std::optional<std::string> proxy_image;         // TOOLHIVE_RUNNER_IMAGE
  std::optional<std::string> proxy_host;          // TOOLHIVE_PROXY_HOST
  std::optional<std::string> registry_api_image;  // TOOLHIVE_REGISTRY_API_IMAGE
  std::optional<std::string> vmcp_image;          // VMCP_IMAGE
  bool runconfig_mode = false;  // TOOLHIVE_USE_CONFIGMAP=true: short ConfigMap-mode args
  bool openshift = false;       // platform detection found OpenShift
  // Read by releases that have them (v0.44.0); never taken from thv-render's own environment.
  std::optional<bool> usage_metrics;  // false: TOOLHIVE_USAGE_METRICS_ENABLED=false (or a CI var)
  std::vector<std::string> default_image_pull_secrets;  // TOOLHIVE_DEFAULT_IMAGE_PULL_SECRETS
  std::optional<std::string> default_redis_addr;        // TOOLHIVE_DEFAULT_REDIS_ADDR
  std::optional<std::string> default_redis_secret;      // TOOLHIVE_DEFAULT_REDIS_SECRET_NAME
  std::optional<std::string> default_redis_secret_key;  // TOOLHIVE_DEFAULT_REDIS_SECRET_KEY
};

// --proxy-image, else the release's default.
inline std::string ProxyImage(const RenderOptions& options, const TargetDefaults& defaults) {
  return options.proxy_image.value_or(defaults.proxy_image);
}

}  // namespace thv
