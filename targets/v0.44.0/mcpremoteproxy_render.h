// The v0.44.0 MCPRemoteProxyReconciler (cmd/thv-operator/controllers/mcpremoteproxy_controller.go,
// mcpremoteproxy_deployment.go, mcpremoteproxy_runconfig.go): the objects it creates for an
// MCPRemoteProxy, in creation order, after the same checks.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// ServiceAccount, Role and RoleBinding <name>-remote-proxy-runner (unless spec.serviceAccount),
// ConfigMap <name>-authz-inline (inline authz), ConfigMap <name>-runconfig, Deployment <name>,
// Service mcp-<name>-remote-proxy; nothing when the operator would refuse.
void RenderRemoteProxy(const Object& object, const RenderContext& context, Diagnostics* diags,
                       const Emit& emit);

}  // namespace t0_44_0
}  // namespace thv
