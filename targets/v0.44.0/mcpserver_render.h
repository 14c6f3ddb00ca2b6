// The v0.44.0 MCPServerReconciler (cmd/thv-operator/controllers/mcpserver_controller.go): the
// objects it creates for an MCPServer, in creation order, after the same checks.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "model/object.h"
#include "render/options.h"
#include "targets/target.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/refs.h"

namespace thv {

class GoTypes;

namespace t0_44_0 {

// ServiceAccount <name>-proxy-runner, Role, RoleBinding, ServiceAccount <name>-sa (unless
// spec.serviceAccount), ConfigMap <name>-authz-inline (inline authz), ConfigMap <name>-runconfig,
// Deployment <name>, Service mcp-<name>-proxy; nothing when the operator would refuse.
void RenderServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                  const Emit& emit);

// --k8s-pod-patch: json.Marshal of the PodTemplateSpecBuilder's result
// (cu/podtemplatespec_builder.go:27-139), empty when it made no customization.
std::string PodPatchJson(const MCPServer& server);

// k8s.io/api v0.35.3 core/v1 (targets/v0.44.0/k8s_go_types.inc), as the operator's types.
const GoTypes& CoreV1Types044();

}  // namespace t0_44_0
}  // namespace thv
