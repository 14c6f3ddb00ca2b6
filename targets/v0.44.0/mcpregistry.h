// The v0.44.0 MCPRegistryReconciler (cmd/thv-operator/controllers/mcpregistry_controller.go) and
// its registryapi.Manager (cmd/thv-operator/pkg/registryapi/): an MCPRegistry's spec.configYAML
// becomes the registry server's config file; the operator fetches nothing itself.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

// dump.ForHash of the MCPRegistrySpec decoded from spec (as the API server serves it): the input
// of the pod template's toolhive.stacklok.dev/config-hash (deployment.go:206).
std::string RegistrySpecDump(const Value& spec);

// dump.ForHash of []byte(s): "([]uint8)[b0 b1 ...]" (raw_config.go:32 hashes configYAML so).
std::string ByteSliceDump(const std::string& s);

// The TargetKind render of MCPRegistry. After the controller's checks (PodTemplateSpec, reserved
// names, mount paths, pgpassSecretRef; and configYAML read as YAML, as the registry server reads
// it at start-up): ConfigMap <name>-registry-server-config, ServiceAccount, Role and RoleBinding
// <name>-registry-api, Deployment and Service <name>-api (manager.go:56-127); nothing when the
// operator would refuse.
void RenderRegistry(const Object& object, const RenderContext& context, Diagnostics* diags,
                    const Emit& emit);

}  // namespace t0_44_0
}  // namespace thv
