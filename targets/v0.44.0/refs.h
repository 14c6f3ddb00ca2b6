// What the v0.44.0 controllers check before they create anything: an MCPServer's references to
// config kinds (the handle* steps of MCPServerReconciler.Reconcile, mcpserver_controller.go
// :263-366) and each config kind's own validity.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// MCPServer: each reference resolved among the inputs (and --context), with the operator's
// verdict: a missing or invalid referenced config refuses the whole MCPServer (an error); a
// missing MCPGroup or CA bundle ConfigMap only sets a status condition (a warning).
void CheckServer(const Object& server, const RenderContext& context, Diagnostics* diags);

// A config kind: the error its controller's validation reports (Valid=False), if any.
void CheckConfig(const Object& config, const RenderContext& context, Diagnostics* diags);

}  // namespace t0_44_0
}  // namespace thv
