// The operator's environment at v0.44.0 where thv-render's flags leave it unset: the Helm
// chart's values (deploy/charts/operator/values.yaml at the tag: operator.toolhiveRunnerImage,
// operator.proxyHost, registryAPI.image), which templates/deployment.yaml passes as env.
#pragma once

namespace thv {
namespace t0_44_0 {

inline constexpr char kProxyImage[] = "ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0";
inline constexpr char kProxyHost[] = "0.0.0.0";
inline constexpr char kRegistryApiImage[] = "ghcr.io/stacklok/thv-registry-api:v1.3.0";
inline constexpr char kOperatorBuild[] = "v0.44.0";

}  // namespace t0_44_0
}  // namespace thv
