// The operator's environment, which thv-render takes as flags (code defaults of 7002a239b).
#pragma once

#include <string>

namespace thv {

struct RenderOptions {
  std::string proxy_image =
      "ghcr.io/stacklok/toolhive/proxyrunner:latest";  // TOOLHIVE_RUNNER_IMAGE
  std::string proxy_host = "0.0.0.0";                  // TOOLHIVE_PROXY_HOST
  bool runconfig_mode = false;  // TOOLHIVE_USE_CONFIGMAP=true: short ConfigMap-mode args
  bool openshift = false;       // platform detection found OpenShift
  // telemetry serviceVersion is the operator's build version; v0.3.5 is the release at 7002a239b.
  std::string operator_version = "v0.3.5";
  std::string registry_api_image = "ghcr.io/stacklok/toolhive/thv-registry-api:latest";
};

}  // namespace thv
