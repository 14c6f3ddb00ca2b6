// A VirtualMCPServer's outgoing auth at v0.44.0: config.yaml's outgoingAuth, the backends static
// mode leaves out for it, and the Secret env vars of its Deployment. Three operator paths meet
// here (file:line at tag v0.44.0):
// - the converter (cmd/thv-operator/pkg/vmcpconfig/converter.go:609-741, "cv"): spec.outgoingAuth
//   through the strategy converters (pkg/vmcp/auth/converters); its errors stop the operator;
// - the controller's buildOutgoingAuthConfig (controllers/virtualmcpserver_controller.go:
//   2280-2690, "vc"): the same plus auth discovered from the group's workloads'
//   externalAuthConfigRef; its errors only set conditions, and in static mode its result replaces
//   the converter's and the backends whose auth failed are left out (virtualmcpserver_vmcpconfig.go
//   :420-509, "vv");
// - the Deployment's buildOutgoingAuthEnvVars (virtualmcpserver_deployment.go:496-533, 683-921).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

struct VmcpOutgoingAuth {
  Value config = Value::Null();    // config.outgoingAuth (pkg/vmcp/config.OutgoingAuthConfig)
  std::set<std::string> left_out;  // static mode: backends the operator does not serve
  Value env = Value::Sequence();   // the Deployment's outgoing auth env vars, in order
};

// The outgoing auth of vmcp over the group's workloads (GroupWorkloads). Where the operator
// creates nothing: errors naming the field; where it only sets a condition: warnings.
VmcpOutgoingAuth ResolveVmcpOutgoingAuth(const Object& vmcp,
                                         const std::vector<const Object*>& workloads,
                                         const RenderContext& context, Diagnostics* diags);

// One strategy converter's ConvertToStrategy (pkg/vmcp/auth/converters/*.go) of an
// MCPExternalAuthConfig, with the Secret env var names the operator adds (cv:725-738; the
// controller also names XAA's, vc:2314-2321): a BackendAuthStrategy value, or null and *error
// for the types without a converter (bearerToken, embeddedAuthServer) and obo.
Value ExternalAuthStrategy(const Object& config, bool controller, std::string* error);

// authtypes.DefaultSubjectProviderName (pkg/vmcp/auth/types/defaults.go:31-66) as
// injectSubjectProviderIfNeeded (vc:2659-2672) calls it with spec.authServerConfig (null: none):
// token_exchange, aws_sts and xaa without a subjectProviderName take the first upstream's name
// ("default" when unnamed). False and *error for xaa when that is ambiguous.
bool InjectSubjectProvider(const Value& auth_server_config, Value* strategy, std::string* error);

}  // namespace t0_44_0
}  // namespace thv
