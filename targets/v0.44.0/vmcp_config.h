// The vMCP configuration the v0.44.0 operator writes into <name>-vmcp-config (config.yaml):
// vmcpconfig.Converter.Convert (cmd/thv-operator/pkg/vmcpconfig/converter.go:98-186, "cv"
// below), then the controller's own steps (virtualmcpserver_vmcpconfig.go:36-146, "vv"), as a
// Value keyed by the Go struct tags of pkg/vmcp/config.Config, written by the Go engine's
// yaml.v3 marshal (the tables in vmcpconfig_go_types.inc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "render/options.h"
#include "targets/target.h"
#include "targets/v0.44.0/defaults.h"

namespace thv {
namespace t0_44_0 {

// What the converter reads from the cluster, found among the inputs by the caller (every one
// present and valid; nullptr or empty where not referenced).
struct VmcpResolved {
  const Object* oidc_config = nullptr;         // MCPOIDCConfig of spec.incomingAuth.oidcConfigRef
  const Object* telemetry_config = nullptr;    // MCPTelemetryConfig of spec.telemetryConfigRef
  std::vector<const Object*> composite_tools;  // spec.config.compositeToolRefs, in order
  std::map<std::string, const Object*> tool_configs;  // MCPToolConfig by name
  std::string embedding_url;  // the EmbeddingServer's status.url (embeddingServerRef)
  Value static_backends;      // static mode: the group's backends (StaticBackends); else null
  Value outgoing_auth;        // config.outgoingAuth (ResolveVmcpOutgoingAuth)
  // The cedar.ConfigOptions JSON (policies, entities_json, ...) of incomingAuth.authzConfigRef's
  // MCPAuthzConfig (its spec.config) or of a configMap authzConfig's ConfigMap (its "cedar");
  // null otherwise.
  Value authz_options;
};

// spec.config.rateLimiting's refill periods: one Go cannot parse is an error at the field (the
// operator cannot decode the VirtualMCPServer).
void CheckRefillPeriods(const Object& vmcp, Diagnostics* diags);

// config.Config as Convert fills it (and vv's optimizer URL), before yaml.Marshal.
// Refusals of the converter (duplicate composite tool names, ...) are reported to diags.
Value BuildVmcpConfig(const Object& vmcp, const VmcpResolved& resolved,
                      const RenderOptions& options, Diagnostics* diags);

// yaml.Marshal(config) (vv:102), byte for byte.
std::string VmcpConfigYaml(const Value& config);

// The render (vmcp_render.cc): the v0.44.0 VirtualMCPServerReconciler
// (cmd/thv-operator/controllers/virtualmcpserver_*.go): the objects it creates for a
// VirtualMCPServer, in creation order (ensureAllResources,
// virtualmcpserver_controller.go:1099-1190), after the same checks (runValidations, :392-450).
// Everything the operator waits for in the cluster is computed from the inputs: an MCPGroup is
// Ready when it exists, an EmbeddingServer's URL is its Service's, referenced configs must be
// among the inputs and valid.
// ServiceAccount, Role and RoleBinding <name>-vmcp (unless spec.serviceAccount), ConfigMap
// <name>-vmcp-config, Deployment <name>, Service vmcp-<name>; nothing when the operator would
// refuse. The Secret <name>-hmac-secret, which the operator fills with random bytes, is only
// referenced: a warning with the command that creates it when it is not among the inputs.
void RenderVirtualServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                         const Emit& emit);

// The port vmcp serves on: vmcpDefaultPort (virtualmcpserver_deployment.go:53), the
// Service's port and GetProxyPort's (virtualmcpserver_types.go:527).
inline constexpr int kVmcpPort = 4483;
// The end of an error where the operator stops reconciling the VirtualMCPServer.
inline const std::string kVmcpRefuses =
    std::string("; ") + kOperator + " creates nothing for the VirtualMCPServer";

// A mapping member of parent, or an empty mapping when absent or not a mapping.
const Value& MappingAt(const Value& parent, const char* key);

}  // namespace t0_44_0
}  // namespace thv
