// The operator's environment at v0.44.0 where thv-render's flags leave it unset: the Helm
// chart's values (deploy/charts/operator/values.yaml at the tag: operator.toolhiveRunnerImage
// :71, operator.proxyHost :102, registryAPI.image, operator.env: [] :109,
// defaultImagePullSecrets: [] :41, defaultRedis.addr: "" :58), which templates/deployment.yaml
// :56-137 passes as env.
#pragma once

#include <string>

#include "render/options.h"

namespace thv {
namespace t0_44_0 {

inline constexpr TargetDefaults kDefaults = {"ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0",
                                             "0.0.0.0", "ghcr.io/stacklok/thv-registry-api:v1.3.0"};
// operator.vmcpImage (values.yaml:74), passed as VMCP_IMAGE (getVmcpImage,
// virtualmcpserver_deployment.go:1089-1096; --vmcp-image sets it).
inline constexpr char kVmcpImage[] = "ghcr.io/stacklok/toolhive/vmcp:v0.44.0";
inline constexpr char kOperatorBuild[] = "v0.44.0";
// How messages name the operator whose behaviour they describe.
inline constexpr char kOperator[] = "the operator (v0.44.0)";
// operator.env is empty: no TOOLHIVE_USAGE_METRICS_ENABLED=false, TOOLHIVE_SKIP_UPDATE_CHECK or
// CI variable turns the usagemetrics middleware off (pkg/usagemetrics/collector.go:27-48).
inline constexpr bool kUsageMetrics = true;

// The flag's value, else the chart's.
inline std::string ProxyHost(const RenderOptions& options) {
  // mcpserver_runconfig.go:88-91: an empty TOOLHIVE_PROXY_HOST means 0.0.0.0 too.
  return options.proxy_host && !options.proxy_host->empty() ? *options.proxy_host
                                                            : kDefaults.proxy_host;
}
inline bool UsageMetrics(const RenderOptions& options) {
  return options.usage_metrics.value_or(kUsageMetrics);
}

}  // namespace t0_44_0
}  // namespace thv
