// Checks of MCPServer fields whose values land in objects the operator or the proxy runner
// creates, by the rules the API server applies to those objects, reported where the user wrote
// them. The MCPServer fields checked here have the same names and meaning in every target.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"

namespace thv {

// spec.image, env names, secrets, serviceAccount, resources and (when pod_template)
// podTemplateSpec of an MCPServer.
void CheckServerFieldsThatReachObjects(const Object& server, Diagnostics* diags,
                                       bool pod_template = true);

}  // namespace thv
