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

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "registry/format_go.h"
#include "registry/registry_json.h"

namespace thv {

struct UpstreamInput {
  std::string description;
  bool is_required = false;
  std::string format;
  std::string value;
  bool is_secret = false;
  std::string default_value;
  std::vector<std::string> choices;
};

struct UpstreamKeyValueInput {
  std::string name;
  std::string description;
  bool is_required = false;
  std::string format;
  std::string value;
  bool is_secret = false;
  std::string default_value;
  std::vector<std::string> choices;
  std::map<std::string, UpstreamInput> variables;
};

struct UpstreamArgument {
  std::string type;  // positional | named
  std::string name;
  std::string value_hint;
  std::string description;
  bool is_required = false;
  bool is_repeated = false;
  std::string format;
  std::string value;
  bool is_secret = false;
  std::string default_value;
  std::vector<std::string> choices;
  std::map<std::string, UpstreamInput> variables;
};

struct UpstreamPackage {
  std::string registry_name;  // draft registry_name; current registryType (oci, npm, ...)
  std::string name;           // draft name; current identifier
  std::string version;
  std::string runtime_hint;
  std::vector<UpstreamArgument> runtime_arguments;
  std::vector<UpstreamArgument> package_arguments;
  std::vector<UpstreamKeyValueInput> environment_variables;
  // kCurrent only
  std::string registry_base_url;
  std::string transport_type;
  std::string transport_url;
};

struct UpstreamRemote {
  std::string transport_type;  // draft transport_type (sse | streamable); current type
  std::string url;
  std::vector<UpstreamKeyValueInput> headers;
};

struct UpstreamRepository {
  std::string url;
  std::string source;
  std::string id;
  std::string subfolder;  // kCurrent only
};

struct UpstreamServer {
  std::string name;
  std::string description;
  std::string status;
  std::optional<UpstreamRepository> repository;
  std::string version;  // draft version_detail.version; current version
  std::vector<UpstreamPackage> packages;
  std::vector<UpstreamRemote> remotes;
  std::string title;  // kCurrent only
};

// x-publisher.x-dev.toolhive (registry.ToolhivePublisherExtension).
struct ToolhivePublisherExtension {
  std::string tier;
  std::string transport;
  std::vector<std::string> tools;
  std::optional<Metadata> metadata;
  std::vector<std::string> tags;
  Value custom_metadata;
  std::optional<PermissionProfile> permissions;
  int64_t target_port = 0;
  std::vector<std::string> docker_tags;
  std::optional<Provenance> provenance;
};

struct UpstreamPublisher {
  std::optional<ToolhivePublisherExtension> x_dev_toolhive;
};

// _meta["io.modelcontextprotocol.registry/publisher-provided"]["io.github.stacklok"][<image or
// url>], the ToolHive data of today's registries (toolhive-core's ServerExtensions).
struct StacklokExtensions {
  std::string status;
  std::string tier;
  std::vector<std::string> tools;
  std::vector<std::string> tags;
  std::optional<Metadata> metadata;
  Value custom_metadata;
  std::optional<PermissionProfile> permissions;
  std::vector<std::string> args;
  std::optional<Provenance> provenance;
  std::vector<std::string> docker_tags;
  std::optional<OAuthConfig> oauth_config;
  std::vector<EnvVar> env_vars;
};

enum class UpstreamShape { kDraft, kCurrent };

struct UpstreamServerDetail {
  UpstreamShape shape = UpstreamShape::kDraft;
  UpstreamServer server;
  std::optional<UpstreamPublisher> x_publisher;  // kDraft
  // kCurrent: from _meta (entry level or inside server)
  std::string official_status;  // active | deprecated | deleted
  std::optional<bool> is_latest;
  std::optional<StacklokExtensions> stacklok;
  Mark mark;  // where the entry starts
};

struct UpstreamDocument {
  std::vector<UpstreamServerDetail> servers;
};

// Parses upstream registry JSON in any accepted shape. Errors name the JSON path and the
// line:column; a ToolHive-format document is rejected with a hint.
bool ParseUpstreamDocument(std::string_view text, const std::string& file, UpstreamDocument* out,
                           Diagnostics* diags);
bool DecodeUpstreamDocument(const Value& doc, const std::string& file, UpstreamDocument* out,
                            Diagnostics* diags);

// json.Marshal([]UpstreamServerDetail) in the draft shape (what the operator's types write).
std::string MarshalUpstreamDraft(const std::vector<UpstreamServerDetail>& servers);

// Building blocks. DecodeUpstreamServer reads detail->server in detail->shape's names.
void DecodeUpstreamServer(const Value& v, const JsonPath& path, UpstreamServerDetail* detail,
                          DecodeContext* ctx);
void DecodeToolhiveExtension(const Value& v, const JsonPath& path, ToolhivePublisherExtension* out,
                             DecodeContext* ctx);
void DecodeStacklokExtensions(const Value& v, const JsonPath& path, StacklokExtensions* out,
                              DecodeContext* ctx);

}  // namespace thv
