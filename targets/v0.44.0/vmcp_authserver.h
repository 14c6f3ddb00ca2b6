// The embedded auth server of a VirtualMCPServer at v0.44.0: spec.authServerConfig, an inline
// EmbeddedAuthServerConfig. The operator checks it before anything else is created
// (runAuthValidations, virtualmcpserver_controller.go:463-504, "vc"), builds its
// authserver.RunConfig with the builder MCPServer uses (convertAuthServerConfig,
// cmd/thv-operator/pkg/vmcpconfig/converter.go:546-559, "cv"), cross-checks it against
// config.yaml (config.ValidateAuthServerIntegration, pkg/vmcp/config/validator.go:630-661) and
// writes it into <name>-vmcp-config as authserver-config.yaml
// (virtualmcpserver_vmcpconfig.go:115-121); the Deployment mounts its Secrets
// (virtualmcpserver_deployment.go:176-180, 389-391).
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// spec.authServerConfig, or nullptr.
const Value* VmcpAuthServerConfig(const Object& vmcp);

// runAuthValidations: the IdentitySynthesized advisory (vc:648-676, a warning),
// validateAuthServerConfig (vc:542-640) and validateAuthzUpstreamAvailable (vc:770-876, with the
// deprecation event and the AuthzUpstreamSelectionWarning advisory as warnings). A failed check
// stops the reconcile before any object exists: an error. False when one was reported.
bool CheckVmcpAuthServer(const Object& vmcp, Diagnostics* diags);

// resolvePrimaryUpstreamProvider (cv:394-426): the authz primaryUpstreamProvider config.yaml
// carries ("" for none), its refusals reported (the converter's, which CheckVmcpAuthServer
// pre-empts for spec.incomingAuth.authzConfig).
std::string VmcpPrimaryUpstreamProvider(const Object& vmcp, Diagnostics* diags);

// convertAuthServerConfig: the authserver.RunConfig of spec.authServerConfig, its audiences,
// scopes and redirect default taken from config.yaml's incomingAuth.oidc (cv:562-606). Null when
// there is none or the operator refuses it (reported).
Value VmcpAuthServerRunConfig(const Object& vmcp, const Value& config, Diagnostics* diags);

// config.ValidateAuthServerIntegration(config, run_config) as vv:86-99 refuses it, for an auth
// server (run_config not null); its upstream_inject rules are the outgoing auth's
// (vmcp_outgoing_auth.h). False when it fails (reported).
bool CheckAuthServerIntegration(const Object& vmcp, const Value& config, const Value& run_config,
                                Diagnostics* diags);

// yaml.Marshal(authServerRC) (vv:116), byte for byte.
std::string AuthServerConfigYaml(const Value& run_config);

}  // namespace t0_44_0
}  // namespace thv
