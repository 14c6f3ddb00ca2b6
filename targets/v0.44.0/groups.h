// MCPGroup and MCPServerEntry at v0.44.0: config kinds that create nothing. MCPGroup's spec is
// only a description and its controller only writes status (mcpgroup_controller.go:87-147);
// MCPServerEntry's controller is "validation-only" (mcpserverentry_controller.go:42-47, "sec"
// below): every problem it finds is a status condition and phase Failed, never a refusal, so
// thv-render warns. A VirtualMCPServer skips an entry whose phase is not Valid
// (pkg/vmcp/workloads/k8s.go:481-485).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// ValidateRemoteURL (pkg/validation/url_validation.go:61-115): why the operator refuses rawURL
// as a remote MCP server (malformed, not http(s), no host, an internal address or hostname), or
// "" when it accepts it. No DNS: hostnames off the blocklist pass.
std::string RemoteUrlProblem(const std::string& raw);

// MCPServerEntry: the checks of sec:57-114 (remote URL, groupRef, externalAuthConfigRef,
// caBundleRef ConfigMap, headerForward Secrets and their keys), each a warning.
void CheckServerEntry(const Object& entry, const RenderContext& context, Diagnostics* diags);
// Whether those checks leave the entry's phase Valid (sec:453-478); a Secret not among the inputs
// counts as there.
bool ServerEntryValid(const Object& entry, const RenderContext& context);

// spec.groupRef.name of a workload or entry ("" without one).
std::string GroupOf(const Object& o);

// The objects that name group by spec.groupRef (MCPServers, MCPRemoteProxies, MCPServerEntries
// in its namespace: what MCPGroup's status counts, mcpgroup_controller.go:87-147), as
// "<kind>/<name>" in input order.
std::vector<std::string> GroupMembers(const Object& group, const std::vector<Object>& objects);

// `thv-render list`: MCPGroup SERVERS PHASE CHECKED (status only, so empty) and MEMBERS (the
// objects naming it, which its status would list); MCPServerEntry PHASE TRANSPORT REMOTE URL
// GROUP.
extern const KindLister kGroupList;
extern const KindLister kServerEntryList;

}  // namespace t0_44_0
}  // namespace thv
