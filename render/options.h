// The operator's environment, which thv-render takes as flags. Unset values are the target's
// defaults (Target::defaults), which its controllers apply.
#pragma once

#include <optional>
#include <string>

namespace thv {

struct RenderOptions {
  std::optional<std::string> proxy_image;         // TOOLHIVE_RUNNER_IMAGE
  std::optional<std::string> proxy_host;          // TOOLHIVE_PROXY_HOST
  std::optional<std::string> registry_api_image;  // TOOLHIVE_REGISTRY_API_IMAGE
  bool runconfig_mode = false;  // TOOLHIVE_USE_CONFIGMAP=true: short ConfigMap-mode args
  bool openshift = false;       // platform detection found OpenShift
};

}  // namespace thv
