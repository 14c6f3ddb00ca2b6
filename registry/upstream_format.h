// The upstream MCP registry format, in both shapes thv-render meets:
//
// - kDraft: the operator-era server.json draft (2025-07-09) as pkg/registry/upstream.go at
//   7002a239b declares it: a JSON array of {server: {name, description, status, repository,
//   version_detail, packages[{registry_name, name, version, ...}], remotes[{transport_type,
//   url, headers}]}, x-publisher: {x-dev.toolhive: {...}}}, snake_case throughout.
// - kCurrent: today's registry API (camelCase): {servers: [{server: {...}, _meta: {...}}],
//   metadata: {...}}, a plain array of such entries or of bare server.json objects, or one
//   server.json. Packages carry registryType/identifier/transport{type,url}; inputs use
//   isRequired/isSecret; `_meta` holds io.modelcontextprotocol.registry/official (status,
//   isLatest) and .../publisher-provided, where ToolHive data sits under io.github.stacklok.
//
// The shape is decided per entry: $schema, _meta, a string version or camelCase package and
// remote keys mean kCurrent; version_detail, x-publisher and snake_case keys mean kDraft (the
// operator's reading, and the default).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "registry/registry_json.h"

namespace thv {

enum class UpstreamShape { kDraft, kCurrent };

// One server entry, decoded into its shape's Go types (registry_types.h).
struct UpstreamEntry {
  UpstreamShape shape = UpstreamShape::kDraft;
  UpstreamServerDetail draft;  // kDraft: toolhive's pkg/registry/upstream.go
  ApiServer server;            // kCurrent: scripts/go_types/thv_current.go
  // kCurrent, from _meta (entry level or inside server)
  std::string official_status;  // active | deprecated | deleted
  std::optional<bool> is_latest;
  std::optional<ServerExtensions> stacklok;  // io.github.stacklok's entry for this server
  Mark mark;                                 // where the entry starts

  const ApiServer* current() const { return shape == UpstreamShape::kCurrent ? &server : nullptr; }
  const std::string& name() const { return current() ? server.name : draft.server.name; }
  const std::string& description() const {
    return current() ? server.description : draft.server.description;
  }
};

struct UpstreamDocument {
  std::vector<UpstreamEntry> servers;
};

// Parses upstream registry JSON in any accepted shape. Errors name the JSON path and the
// line:column; a ToolHive-format document is rejected with a hint.
bool ParseUpstreamDocument(std::string_view text, const std::string& file, UpstreamDocument* out,
                           Diagnostics* diags);
bool DecodeUpstreamDocument(const Value& doc, const std::string& file, UpstreamDocument* out,
                            Diagnostics* diags);

}  // namespace thv
