#include "registry/upstream_registry.h"

#include <algorithm>
#include <regex>
#include <type_traits>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "registry/registry_schema.h"

namespace thv {

namespace {

#define THV_GO_TABLE "registry/upstream_registry_go_types.inc"
#include "core/go_table.h"

// toolhive_to_upstream.go's constants, and pkg/model's.
const char kDefaultVersion[] = "1.0.0";
const char kRepoSourceGitHub[] = "github";
const char kDefaultStatus[] = "active";
const char kToolHivePublisherNamespace[] = "io.github.stacklok";

// BuildReverseDNSName (converters/utils.go).
std::string BuildReverseDnsName(const std::string& simple) {
  return simple.find('/') != std::string::npos ? simple : "io.github.stacklok/" + simple;
}

std::optional<McpRepository> RepositoryOf(const std::string& url) {
  if (url.empty()) return std::nullopt;
  McpRepository repo;
  repo.url = url;
  repo.source = kRepoSourceGitHub;  // "Assume GitHub"
  return repo;
}

// buildPublisherExtensionsMap + serverExtensionsToMap: the extensions marshalled, unmarshalled
// into map[string]interface{} (sorted keys, float64 numbers) and wrapped under the publisher
// namespace and the server's key (its image or URL).
Value PublisherExtensions(CoreServerExtensions ext, const std::string& inner_key) {
  if (ext.status.empty()) ext.status = kDefaultStatus;
  std::string json;
  UpstreamRegistryGoTypes().Append("CoreServerExtensions", ext, &json);
  Value parsed, normalized;
  JsonSyntaxError syntax;
  std::string err;
  // Our own marshal output always parses (ConvertToolhiveJsonToUpstream bounds the nesting);
  // Go falls back to {"status": ...} if it did not.
  if (!ParseJson(json, &parsed, &syntax) || !NormalizeGoAny(parsed, &normalized, &err)) {
    normalized = Value::Mapping();
    normalized.Set("status", Value::String(ext.status));
  }
  Value by_key = Value::Mapping();
  by_key.Set(inner_key, std::move(normalized));
  Value out = Value::Mapping();
  out.Set(kToolHivePublisherNamespace, std::move(by_key));
  return out;
}

// An EnvVar or Header as the converter writes it: a model.KeyValueInput.
template <typename T>
McpKeyValueInput KeyValueInputOf(const T& v) {
  McpKeyValueInput input;
  // model.Input{Description, IsRequired, IsSecret, Default[, Choices]}
  static_cast<McpInput&>(input) = {v.description, v.required,      "", "",
                                   v.secret,      v.default_value, {}};
  if constexpr (std::is_same_v<T, CoreHeader>) input.choices = v.choices;
  input.name = v.name;
  return input;
}

McpServerJSON BaseServerJson(const std::string& name, const CoreBaseServerMetadata& base) {
  McpServerJSON out;
  out.schema = kServerJsonSchemaUrl;
  out.name = base.name.empty() ? BuildReverseDnsName(name) : base.name;
  out.title = base.title;
  out.description = base.description;
  out.version = kDefaultVersion;  // "TODO: Extract from image tag or metadata"
  out.repository = RepositoryOf(base.repository_url);
  return out;
}

// createImageExtensions / createRemoteExtensions fill ServerExtensions from the server's
// same-named fields ("to ensure field names stay in sync with the type definition"): every field
// the two types share by json name, except an image's env_vars, which become its package's
// environmentVariables. Copied by name through the Go tables, as they are declared.
template <typename T>
CoreServerExtensions ExtensionsOf(const char* type, const T& server) {
  std::string json;
  UpstreamRegistryGoTypes().Append(type, server, &json);
  Value doc;
  JsonSyntaxError syntax;
  ParseJson(json, &doc, &syntax);  // our own output, nesting bounded: always valid
  Diagnostics ignored;
  GoDecodeContext ctx{"", &ignored};
  CoreServerExtensions ext;
  UpstreamRegistryGoTypes().Decode("CoreServerExtensions", doc, JsonPath(), &ext, &ctx);
  return ext;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

const char kServerJsonSchemaUrl[] =
    "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
const char kUpstreamRegistrySchemaUrl[] =
    "https://raw.githubusercontent.com/stacklok/toolhive-core/main/registry/types/data/"
    "upstream-registry.schema.json";

const GoTypes& UpstreamRegistryGoTypes() {
  static const GoTypes types(kGoRows, kGoAliases);
  return types;
}

bool ImageMetadataToServerJson(const std::string& name, const CoreImageMetadata& image,
                               McpServerJSON* out, std::string* err) {
  if (name.empty()) {
    *err = "name cannot be empty";
    return false;
  }
  *out = BaseServerJson(name, image);
  // createPackagesFromImageMetadata: one oci package, stdio unless the transport says otherwise;
  // HTTP transports get a localhost URL (with the target port when set).
  McpPackage package;
  package.registry_type = "oci";
  package.identifier = image.image;
  for (const CoreEnvVar& e : image.env_vars)
    package.environment_variables.push_back(KeyValueInputOf(e));
  package.transport.type = image.transport.empty() ? "stdio" : image.transport;
  if (package.transport.type == "streamable-http" || package.transport.type == "sse")
    package.transport.url = image.target_port > 0
                                ? "http://localhost:" + std::to_string(image.target_port)
                                : "http://localhost";
  out->packages.push_back(std::move(package));
  // createImageExtensions
  CoreServerExtensions ext = ExtensionsOf("CoreImageMetadata", image);
  ext.env_vars.clear();
  out->meta = McpServerMeta{PublisherExtensions(std::move(ext), image.image)};
  return true;
}

bool RemoteServerMetadataToServerJson(const std::string& name,
                                      const CoreRemoteServerMetadata& remote, McpServerJSON* out,
                                      std::string* err) {
  if (name.empty()) {
    *err = "name cannot be empty";
    return false;
  }
  *out = BaseServerJson(name, remote);
  // createRemotesFromRemoteMetadata
  McpTransport transport;
  transport.type = remote.transport;
  transport.url = remote.url;
  for (const CoreHeader& h : remote.headers) transport.headers.push_back(KeyValueInputOf(h));
  out->remotes.push_back(std::move(transport));
  // createRemoteExtensions
  CoreServerExtensions ext = ExtensionsOf("CoreRemoteServerMetadata", remote);
  out->meta = McpServerMeta{PublisherExtensions(std::move(ext), remote.url)};
  return true;
}

bool NewUpstreamRegistryFromToolhiveRegistry(const CoreRegistry& registry,
                                             CoreUpstreamRegistry* out, std::string* err) {
  std::vector<McpServerJSON> servers;  // make([]ServerJSON, 0, ...): [] when empty, never null
  if (registry.servers) {
    for (const auto& [name, image] : *registry.servers) {
      McpServerJSON server;
      if (!ImageMetadataToServerJson(name, image, &server, err)) {
        *err = "failed to convert server " + name + ": " + *err;
        return false;
      }
      servers.push_back(std::move(server));
    }
  }
  for (const auto& [name, remote] : registry.remote_servers) {
    McpServerJSON server;
    if (!RemoteServerMetadataToServerJson(name, remote, &server, err)) {
      *err = "failed to convert remote server " + name + ": " + *err;
      return false;
    }
    servers.push_back(std::move(server));
  }
  out->schema = kUpstreamRegistrySchemaUrl;
  out->version = registry.version;
  out->meta.last_updated = registry.last_updated;
  out->data.servers = std::move(servers);
  return true;
}

namespace {

constexpr int kMaxInputDepth = 990;

int Depth(const Value& v) {
  int deepest = 0;
  for (const Value& item : v.items) deepest = std::max(deepest, Depth(item));
  for (const Member& m : v.members) deepest = std::max(deepest, Depth(m.value));
  return deepest + 1;
}

// json.MarshalIndent = json.Marshal, then json.Indent: the compact bytes re-laid out.
template <typename T>
std::string MarshalIndent(std::string_view type, const T& value) {
  std::string compact;
  UpstreamRegistryGoTypes().Append(type, value, &compact);
  Value parsed;
  JsonSyntaxError syntax;
  ParseJson(compact, &parsed, &syntax);  // our own output, nesting bounded: always valid
  return GoJsonIndent(parsed, "  ");
}

}  // namespace

std::string MarshalIndentUpstreamRegistry(const CoreUpstreamRegistry& registry) {
  return MarshalIndent("CoreUpstreamRegistry", registry);
}

std::string MarshalIndentServerJson(const McpServerJSON& server) {
  return MarshalIndent("McpServerJSON", server);
}

bool ConvertToolhiveJsonToUpstream(std::string_view toolhive_json, std::string* out,
                                   std::vector<std::string>* server_problems, std::string* err) {
  Value doc;
  JsonSyntaxError syntax;
  if (!ParseJson(toolhive_json, &doc, &syntax)) {
    *err = "failed to parse legacy registry data: " + syntax.message;
    return false;
  }
  // The output nests its servers' data five levels deeper than the input does (under
  // data.servers[i]._meta), and thv-render's JSON reader stops at 1000 levels, where Go's
  // stops at 10000: deeper input is refused rather than laid out wrong.
  if (Depth(doc) > kMaxInputDepth) {
    *err = "failed to convert to upstream format: the data nests deeper than " +
           std::to_string(kMaxInputDepth) + " levels";
    return false;
  }
  Diagnostics diags;
  GoDecodeContext ctx{"", &diags};
  CoreRegistry registry;
  UpstreamRegistryGoTypes().Decode("CoreRegistry", doc, JsonPath(), &registry, &ctx);
  if (ctx.errors > 0) {
    *err = "failed to parse legacy registry data: " + diags.items().front().message;
    return false;
  }
  CoreUpstreamRegistry upstream;
  if (!NewUpstreamRegistryFromToolhiveRegistry(registry, &upstream, err)) {
    *err = "failed to convert to upstream format: " + *err;
    return false;
  }
  if (server_problems) *server_problems = CheckUpstreamRegistryForServer(upstream);
  *out = MarshalIndentUpstreamRegistry(upstream);
  return true;
}

std::vector<std::string> CheckUpstreamRegistryForServer(const CoreUpstreamRegistry& registry) {
  static const std::regex kVersion(R"(^[0-9]+\.[0-9]+\.[0-9]+$)");
  static const std::regex kName(R"(^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$)");
  std::vector<std::string> problems;
  if (!std::regex_search(registry.version, kVersion))
    problems.push_back("version: Does not match pattern '^\\d+\\.\\d+\\.\\d+$' (got \"" +
                       registry.version + "\")");
  if (!IsSchemaDateTime(registry.meta.last_updated))
    problems.push_back("meta.last_updated: Does not match format 'date-time' (got \"" +
                       registry.meta.last_updated + "\")");
  const std::vector<McpServerJSON> none;
  const std::vector<McpServerJSON>& servers = registry.data.servers ? *registry.data.servers : none;
  if (servers.empty()) problems.push_back("upstream registry must contain at least one server");
  for (size_t i = 0; i < servers.size(); ++i) {
    const McpServerJSON& s = servers[i];
    const std::string at = "server at index " + std::to_string(i);
    if (s.name.empty()) {
      problems.push_back(at + ": name is required");
    } else if (!std::regex_search(s.name, kName) || s.name.size() < 3 || s.name.size() > 200) {
      problems.push_back(at + ": name \"" + s.name +
                         "\" is not a reverse-DNS name of 3 to 200 characters "
                         "(^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$)");
    }
    if (s.description.empty())
      problems.push_back(at + " (" + s.name + "): description is required");
    else if (CodePoints(s.description) > 100)
      problems.push_back(at + " (" + s.name + "): description is longer than 100 characters");
    if (CodePoints(s.title) > 100)
      problems.push_back(at + " (" + s.name + "): title is longer than 100 characters");
  }
  return problems;
}

}  // namespace thv
