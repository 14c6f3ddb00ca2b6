// Registry data from raw source bytes to the storage ConfigMap's registry.json: parse the
// declared format, validate ToolHive data against its schema, convert upstream data, filter by
// names and tags, and write it as Go's json.Marshal does.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/mcpregistry.h"

namespace thv {

// Parses raw bytes in `format` (toolhive | upstream) into a ToolHive registry; errors are
// complete sentences naming fields; warnings are for skipped upstream servers.
bool ParseRegistryData(const std::string& raw, const std::string& format, Value* registry,
                       std::vector<std::string>* warnings, std::vector<std::string>* errors);

// pkg/filtering: exclude first, include restricts; servers and remote servers alike.
bool FilterRegistry(const Value& registry, const NameTagFilter& filter, Value* out,
                    std::string* err);

// The registry as Go's json.Marshal(registry.Registry) writes it.
std::string MarshalRegistry(const Value& registry);

size_t CountServers(const Value& registry);

}  // namespace thv
