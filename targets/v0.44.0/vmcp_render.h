// The v0.44.0 VirtualMCPServerReconciler (cmd/thv-operator/controllers/virtualmcpserver_*.go):
// the objects it creates for a VirtualMCPServer, in creation order (ensureAllResources,
// virtualmcpserver_controller.go:1099-1190), after the same checks (runValidations, :392-450).
// Everything the operator waits for in the cluster is computed from the inputs: an MCPGroup is
// Ready when it exists, an EmbeddingServer's URL is its Service's, referenced configs must be
// among the inputs and valid.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// ServiceAccount, Role and RoleBinding <name>-vmcp (unless spec.serviceAccount), ConfigMap
// <name>-vmcp-config, Deployment <name>, Service vmcp-<name>; nothing when the operator would
// refuse. The Secret <name>-hmac-secret, which the operator fills with random bytes, is only
// referenced: a warning with the command that creates it when it is not among the inputs.
void RenderVirtualServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                         const Emit& emit);

}  // namespace t0_44_0
}  // namespace thv
