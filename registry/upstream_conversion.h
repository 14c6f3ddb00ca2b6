// Upstream MCP registry format <-> ToolHive registry format, with the rules of toolhive's
// pkg/registry/upstream_conversion.go (7002a239b). Both the operator-era server.json draft
// (snake_case, x-publisher) and today's registry API shape (camelCase, packages[].registryType,
// _meta) are read; today's is normalized to the draft first.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

// servers: a JSON array of server details, or an API page {servers: [...]}. Returns the ToolHive
// registry (version "1.0", empty last_updated). Servers that cannot run in the proxy are skipped
// with a warning naming them; an empty list or a server without name/description is an error.
bool UpstreamToToolhive(const Value& servers, Value* registry, std::vector<std::string>* warnings,
                        std::string* err);

// The operator-era upstream array for a ToolHive registry (servers, then remote servers, by name).
Value ToolhiveToUpstream(const Value& registry);

}  // namespace thv
