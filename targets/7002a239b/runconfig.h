// The RunConfig JSON the operator stores in <name>-runconfig (pkg/runner.RunConfig, Go field
// order).
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "render/options.h"
#include "targets/7002a239b/mcpserver.h"
#include "targets/7002a239b/references.h"

namespace thv {
namespace t7002a239b {

Value BuildRunConfig(const MCPServer& server, const ServerRefs& refs, const RenderOptions& options);

// The RunConfig ConfigMap, with the operator's labels and content checksum.
Value RunConfigConfigMap(const MCPServer& server, const Value& run_config);

// The proxy's view of the MCP server's transport label (stdio with streamable-http proxy mode is
// labelled streamable-http).
std::string TransportLabel(const MCPServer& server);

// Whether the annotations ask for Vault Agent injection.
bool HasVaultAgentInjection(const StringMap* annotations);

}  // namespace t7002a239b
}  // namespace thv
