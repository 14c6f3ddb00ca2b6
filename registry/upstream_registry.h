// ToolHive registry data -> toolhive-core's UpstreamRegistry, the only format a v0.44.0
// registry server (thv-registry-api v1.3.0, internal/sources/types.go:80-120) reads from a
// `file` source. Exactly what toolhive v0.44.0's `thv registry convert` writes
// (pkg/registry/convert.go ConvertJSON): json.Unmarshal into toolhive-core v0.0.38's
// registry/types.Registry, converters.NewUpstreamRegistryFromToolhiveRegistry, then
// json.MarshalIndent(upstream, "", "  "), all through core/go_json with the tables generated
// from scripts/go_types/upstream_registry.json.
//
// Go ranges over the servers maps in random order; thv-render writes container servers by
// name, then remote servers by name, so the bytes are stable. meta.last_updated is the
// registry data's own last_updated, never the clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry/upstream_registry_types.h"

namespace thv {

// model.CurrentSchemaURL at modelcontextprotocol/registry v1.8.1.
extern const char kServerJsonSchemaUrl[];
// toolhive-core registry/types.UpstreamRegistrySchemaURL.
extern const char kUpstreamRegistrySchemaUrl[];

// converters.ImageMetadataToServerJSON / RemoteServerMetadataToServerJSON. False with *err
// (Go's wording) when name is empty.
bool ImageMetadataToServerJson(const std::string& name, const CoreImageMetadata& image,
                               McpServerJSON* out, std::string* err);
bool RemoteServerMetadataToServerJson(const std::string& name,
                                      const CoreRemoteServerMetadata& remote, McpServerJSON* out,
                                      std::string* err);

// converters.NewUpstreamRegistryFromToolhiveRegistry, servers sorted as said above.
bool NewUpstreamRegistryFromToolhiveRegistry(const CoreRegistry& registry,
                                             CoreUpstreamRegistry* out, std::string* err);

// json.MarshalIndent(v, "", "  ") of an UpstreamRegistry or a ServerJSON.
std::string MarshalIndentUpstreamRegistry(const CoreUpstreamRegistry& registry);
std::string MarshalIndentServerJson(const McpServerJSON& server);

// ConvertJSON: ToolHive-format JSON (as the registry stage stores it) to the upstream
// registry's indented JSON. False with *err when the input does not decode or a server has no
// name. server_problems (if given): CheckUpstreamRegistryForServer's findings.
bool ConvertToolhiveJsonToUpstream(std::string_view toolhive_json, std::string* out,
                                   std::vector<std::string>* server_problems, std::string* err);

// What the registry server's file source refuses (validateUpstreamFormatAndParse) among what
// the conversion can produce, and the upstream schema's rules such data can break: the version
// pattern ^\d+\.\d+\.\d+$, meta.last_updated as a date-time, at least one server, each with a
// name (server.schema.json's pattern and length 3..200) and a description (1..100 characters),
// a title of at most 100. Each problem in the server's wording.
std::vector<std::string> CheckUpstreamRegistryForServer(const CoreUpstreamRegistry& registry);

}  // namespace thv
