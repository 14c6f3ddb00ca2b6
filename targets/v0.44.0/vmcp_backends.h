// A VirtualMCPServer's view of its MCPGroup's workloads at v0.44.0 (pkg/vmcp/workloads/k8s.go,
// "k8s" below; controllers/virtualmcpserver_*.go): which workloads are in the group, the CA
// bundles of its MCPServerEntries, and, in static mode (outgoingAuth.source inline), the
// backends config.yaml lists. A workload's status is the state the operator converges to:
// an MCPServer is Ready at its Service's URL, an MCPServerEntry is Valid when its controller's
// checks pass (otherwise it is left out, as the operator does).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// ListWorkloadsInGroup (k8s): the MCPServers, MCPRemoteProxies and MCPServerEntries of the
// namespace naming group, kind by kind, each kind in name order (as the API lists them).
std::vector<const Object*> GroupWorkloads(const std::string& group, const std::string& ns,
                                          const RenderContext& context);

// buildHeaderForwardEnvVarsForEntries (vd:554-679): per entry with headerForward, the manifest
// TOOLHIVE_HEADER_FORWARD_<ENTRY> (JSON of vmcp.HeaderForwardConfig) and a Secret reference per
// header from a Secret, all sorted by name.
void AppendEntryHeaderForwardEnv(const std::vector<const Object*>& workloads, Value* env);

// buildCABundleVolumesForEntries (virtualmcpserver_deployment.go:1333-1400): each entry's CA
// bundle ConfigMap key mounted at /etc/toolhive/ca-bundles/<entry>.
void AddEntryCaBundleVolumes(const std::vector<const Object*>& workloads, Value* volumes,
                             Value* mounts);

// convertBackendsToStaticBackends (virtualmcpserver_controller.go:2691-2734) of the discovered
// backends (aggregator/discoverer.go Discover: sorted by name, metadata.group added): a list of
// StaticBackendConfig values, entries that would not be Valid and the backends in left_out
// (whose outgoing auth failed, VmcpOutgoingAuth) left out.
Value StaticBackends(const std::string& group, const std::vector<const Object*>& workloads,
                     const std::set<std::string>& left_out, const RenderContext& context);

}  // namespace t0_44_0
}  // namespace thv
