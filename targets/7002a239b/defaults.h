// The operator's environment at 7002a239b where thv-render's flags leave it unset: the code
// defaults of cmd/thv-operator (no Helm chart values change them at that commit).
#pragma once

#include <string>

#include "render/options.h"

namespace thv {
namespace t7002a239b {

inline constexpr TargetDefaults kDefaults = {"ghcr.io/stacklok/toolhive/proxyrunner:latest",
                                             "0.0.0.0",
                                             "ghcr.io/stacklok/toolhive/thv-registry-api:latest"};
// The operator's build version, which it reports as telemetry serviceVersion: 7002a239b is
// between the v0.3.5 and v0.3.6 releases and builds as v0.3.5.
inline constexpr char kOperatorBuild[] = "v0.3.5";

// The flag's value (even empty), else the default.
inline std::string ProxyHost(const RenderOptions& options) {
  return options.proxy_host.value_or(kDefaults.proxy_host);
}

}  // namespace t7002a239b
}  // namespace thv
