// The ToolHive registry format (pkg/registry/types.go at stacklok/toolhive 7002a239b), field for
// field in Go's order. Parsing follows json.Unmarshal and writing follows json.Marshal, because
// the written bytes are the storage ConfigMap's registry.json and must equal the operator's.
//
// Go pointers are std::optional; a []string without omitempty (tools) is optional too, since
// nil marshals as null and empty as []. map[string]any fields hold a normalized Value (null or
// a mapping with sorted keys; numbers as float64 text).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "registry/format_go.h"

namespace thv {

struct Metadata {
  int64_t stars = 0;
  int64_t pulls = 0;
  std::string last_updated;
};

struct EnvVar {
  std::string name;
  std::string description;
  bool required = false;
  std::string default_value;  // "default", omitempty
  bool secret = false;        // omitempty
};

struct Header {
  std::string name;
  std::string description;
  bool required = false;
  std::string default_value;  // omitempty
  bool secret = false;        // omitempty
  std::vector<std::string> choices;
};

// pkg/permissions.Profile and its network parts.
struct OutboundNetworkPermissions {
  bool insecure_allow_all = false;
  std::vector<std::string> allow_host;
  std::vector<int64_t> allow_port;
};

struct NetworkPermissions {
  std::optional<OutboundNetworkPermissions> outbound;
};

struct PermissionProfile {
  std::string name;
  std::vector<std::string> read;
  std::vector<std::string> write;
  std::optional<NetworkPermissions> network;
  bool privileged = false;
};

struct VerifiedAttestation {
  std::string predicate_type;
  std::optional<Value> predicate;  // any, omitempty: only a JSON null is left out
};

struct Provenance {
  std::string sigstore_url;
  std::string repository_uri;
  std::string repository_ref;  // omitempty
  std::string signer_identity;
  std::string runner_environment;
  std::string cert_issuer;
  std::optional<VerifiedAttestation> attestation;
};

struct OAuthConfig {
  std::string issuer;
  std::string authorize_url;
  std::string token_url;
  std::string client_id;
  std::vector<std::string> scopes;
  bool use_pkce = false;
  std::map<std::string, std::string> oauth_params;
  int64_t callback_port = 0;
};

struct BaseServerMetadata {
  std::string name;  // omitempty
  std::string description;
  std::string tier;
  std::string status;
  std::string transport;
  std::optional<std::vector<std::string>> tools;  // not omitempty: nil is null
  std::optional<Metadata> metadata;
  std::string repository_url;
  std::vector<std::string> tags;
  Value custom_metadata;  // map[string]any
};

struct ImageMetadata : BaseServerMetadata {
  std::string image;
  int64_t target_port = 0;
  std::optional<PermissionProfile> permissions;
  std::vector<EnvVar> env_vars;
  std::vector<std::string> args;
  std::vector<std::string> docker_tags;
  std::optional<Provenance> provenance;
};

struct RemoteServerMetadata : BaseServerMetadata {
  std::string url;
  std::vector<Header> headers;
  std::optional<OAuthConfig> oauth_config;
  std::vector<EnvVar> env_vars;
};

using ServerMap = std::map<std::string, ImageMetadata>;
using RemoteServerMap = std::map<std::string, RemoteServerMetadata>;

struct Group {
  std::string name;
  std::string description;
  ServerMap servers;
  RemoteServerMap remote_servers;
};

struct Registry {
  std::string version;
  std::string last_updated;
  std::optional<ServerMap> servers;  // not omitempty: nil is null
  RemoteServerMap remote_servers;
  std::vector<Group> groups;
};

// json.Unmarshal(text, &Registry). Syntax errors carry the byte's line:column; type errors
// carry the JSON path and the node's position. No schema check: see registry_schema.h.
bool ParseToolhiveRegistry(std::string_view text, const std::string& file, Registry* out,
                           Diagnostics* diags);
// The same from an already parsed document (so one parse serves schema check and decoding).
bool DecodeToolhiveRegistry(const Value& doc, const std::string& file, Registry* out,
                            Diagnostics* diags);

// json.Marshal(registry): byte-identical to the operator's storage ConfigMap data.
std::string MarshalToolhiveRegistry(const Registry& registry);

// Building blocks shared with the upstream format's ToolHive extension.
void DecodeMetadata(const Value& v, const JsonPath& path, Metadata* out, DecodeContext* ctx);
void DecodeEnvVar(const Value& v, const JsonPath& path, EnvVar* out, DecodeContext* ctx);
void DecodeHeader(const Value& v, const JsonPath& path, Header* out, DecodeContext* ctx);
void DecodePermissions(const Value& v, const JsonPath& path, PermissionProfile* out,
                       DecodeContext* ctx);
void DecodeProvenance(const Value& v, const JsonPath& path, Provenance* out, DecodeContext* ctx);
void DecodeOAuthConfig(const Value& v, const JsonPath& path, OAuthConfig* out, DecodeContext* ctx);
void DecodeImageMetadata(const Value& v, const JsonPath& path, ImageMetadata* out,
                         DecodeContext* ctx);
void DecodeRemoteServerMetadata(const Value& v, const JsonPath& path, RemoteServerMetadata* out,
                                DecodeContext* ctx);

void AppendMetadataJson(const Metadata& m, std::string* out);
void AppendEnvVarsJson(const std::vector<EnvVar>& v, std::string* out);
void AppendPermissionsJson(const PermissionProfile& p, std::string* out);
void AppendProvenanceJson(const Provenance& p, std::string* out);
void AppendOAuthConfigJson(const OAuthConfig& o, std::string* out);
void AppendImageMetadataJson(const ImageMetadata& s, std::string* out);
void AppendRemoteServerMetadataJson(const RemoteServerMetadata& s, std::string* out);

}  // namespace thv
