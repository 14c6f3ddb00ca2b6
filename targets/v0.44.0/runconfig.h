// The RunConfig the v0.44.0 operator stores in <name>-runconfig (createRunConfigFromMCPServer,
// cmd/thv-operator/controllers/mcpserver_runconfig.go:80-305): runner.NewOperatorRunConfigBuilder,
// populateScalingConfig, then runner.PopulateMiddlewareConfigs. The JSON is built as a Value
// whose members follow the Go structs' field order (each builder says which struct, file:line),
// so json.MarshalIndent's bytes come out of GoJsonIndent.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/value.h"
#include "render/options.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/refs.h"

namespace thv {
namespace t0_44_0 {

// What an MCPRemoteProxy adds to the fields it shares with an MCPServer
// (createRunConfigFromMCPRemoteProxy, mcpremoteproxy_runconfig.go:74-192): the remote URL in
// place of an image, no MCP port, the forwarded headers, its own scaling defaults.
struct RemoteProxyRun {
  std::string remote_url;
  StringMap plaintext_headers;  // headerForward.addPlaintextHeaders
  StringMap secret_headers;     // header name -> its secret identifier (wirefmt.SecretEnvVarName)
};

// The RunConfig, or null with the operator's refusal reported (the builder's errors, and
// validateRunConfig's, mcpserver_runconfig.go:354-577). With remote, an MCPRemoteProxy's
// (server then holds the fields the two kinds share).
Value BuildRunConfig(const MCPServer& server, const ServerRefs& refs, const RenderOptions& options,
                     Diagnostics* diags, const RemoteProxyRun* remote = nullptr);

// addAWSStsConfig (cu/tokenexchange.go): awssts.Config {region, service, fallback_role_arn,
// role_mappings, role_claim, session_duration, session_name_claim}
// (pkg/auth/awssts/config.go:17-95), RoleMapping {claim, matcher, role_arn, priority}, from an
// MCPExternalAuthConfig of type awsSts; null without spec.awsSts.
Value AwsStsConfig(const Object& external_auth);

// runner.HeaderForwardConfig {add_plaintext_headers, add_headers_from_secret}, both omitempty
// (pkg/runner/config.go:835-850), as addHeaderForwardConfigOptions sets it
// (mcpremoteproxy_runconfig.go:321-347); null without headers.
Value HeaderForwardConfig(const RemoteProxyRun& remote);

// A telemetry.Config from an MCPTelemetryConfig, as NormalizeMCPTelemetryConfig makes it
// (cmd/thv-operator/pkg/spectoconfig/telemetry.go:19-60), service name resolved.
Value TelemetryConfig(const Object& telemetry, const std::string& service_name);

// strconv.FormatFloat(rate, 'f', -1, 64): the shortest decimal that reads back as rate.
std::string FormatFloatShortest(double rate);

}  // namespace t0_44_0
}  // namespace thv
