// MCPServer -> the Kubernetes objects the operator creates for it. Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "render/options.h"
#include "targets/7002a239b/mcpserver.h"
#include "targets/7002a239b/references.h"

namespace thv {
namespace t7002a239b {

// Objects in output order: ServiceAccounts, Role, RoleBinding, ConfigMaps, Service, Deployment.
// Problems the operator would hit at reconcile time are reported to diags (as errors, or as
// warnings where the operator still creates most objects).
std::vector<Value> RenderMCPServer(const MCPServer& server, const ServerRefs& refs,
                                   const RenderOptions& options, Diagnostics* diags);

// The proxy container's args, exactly as the operator builds them.
std::vector<std::string> ProxyArgs(const MCPServer& server, const ServerRefs& refs,
                                   const RenderOptions& options);

// --k8s-pod-patch content (Go json.Marshal of the PodTemplateSpec); empty when no patch.
std::string PodPatchJson(const MCPServer& server, bool with_service_account);

// http://mcp-<name>-proxy.<ns>.svc.cluster.local:<port>, the operator's status.url.
std::string ServiceUrl(const MCPServer& server);

}  // namespace t7002a239b
}  // namespace thv
