// RegistryData (render.thv-render.stacklok.dev/v1alpha1): thv-render's own kind that feeds a
// v0.44.0 registry server pinned data (README, "Pinned data for the v0.44.0 registry server").
// The registry stage (registry/resolve.cc) fetches, locks, filters and converts its source like
// a 7002a239b MCPRegistry's; here it becomes one ConfigMap, and an MCPRegistry that mounts it is
// checked against its configYAML.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// The key holding the data, in toolhive-core's UpstreamRegistry format.
constexpr const char kRegistryDataKey[] = "registry.json";

// The TargetKind render of RegistryData: ConfigMap <name> in its namespace, data
// registry.json = the resolved UpstreamRegistry JSON; labels app.kubernetes.io/component:
// registry-data, app.kubernetes.io/managed-by: thv-render, app.kubernetes.io/name: <name>;
// annotation render.thv-render.stacklok.dev/source-sha256: the sha256 of the source bytes (as
// in thv-render.lock). Nothing when its data could not be resolved (reported there).
void RenderRegistryData(const Object& object, const RenderContext& context, Diagnostics* diags,
                        const Emit& emit);

// An MCPRegistry's spec.volumes naming a RegistryData's ConfigMap: `items` that leave out
// registry.json are an error at them (the file would be missing, and the server's file source
// fails); a registry.json that no configYAML `file` source path reads (mountPath + item path, or
// a subPath mount) is a warning naming the path to use.
void CheckRegistryDataVolumes(const Object& registry, const RenderContext& context,
                              Diagnostics* diags);

}  // namespace t0_44_0
}  // namespace thv
