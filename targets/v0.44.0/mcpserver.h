// Typed model of toolhive.stacklok.dev/v1beta1 MCPServer at v0.44.0
// (cmd/thv-operator/api/v1beta1/mcpserver_types.go), decoded from a document that passed CRD
// validation and defaulting. v1alpha1 has the same schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/mcpserver_parts.h"
#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// A reference to another object by name, with where it was written (for messages).
struct NamedRef {
  std::string name;
  Mark mark;  // its name's
};

struct OidcConfigRef {
  NamedRef ref;
  std::string audience;
  std::optional<std::vector<std::string>> scopes;  // unset: Scopes is nil
  std::string resource_url;
};

struct TelemetryConfigRef {
  NamedRef ref;
  std::string service_name;
};

struct AuthServerRef {
  NamedRef ref;
  std::string kind;  // MCPExternalAuthConfig (the only kind the CRD allows)
};

using EnvVar = NameValue;  // the CRD's name for it

// A Secret key the operator references by name (never reads), with where it was written.
struct SecretKeyRef {
  std::string name;
  std::string key;
  Mark mark;
};

// spec.authzConfig (AuthzConfigRef): a ConfigMap holding the configuration, or inline Cedar.
struct AuthzConfig {
  std::string type;  // configMap | inline
  std::string config_map_name;
  std::string config_map_key;  // defaults to authz.json
  bool has_inline = false;
  std::vector<std::string> policies;
  std::string entities_json;
  std::string primary_upstream_provider;
  std::string group_claim_name, role_claim_name, group_entity_type;
  Mark mark;
};

struct MetadataOverrides {
  std::optional<StringMap> labels;
  std::optional<StringMap> annotations;
};

struct ProxyDeploymentOverrides {
  MetadataOverrides metadata;
  std::optional<MetadataOverrides> pod_template;  // podTemplateMetadataOverrides
  std::vector<EnvVar> env;
  std::vector<std::string> image_pull_secrets;
};

struct SessionStorage {
  std::string provider;  // memory | redis
  std::string address;
  int64_t db = 0;
  std::string key_prefix;
  std::optional<SecretKeyRef> password_ref;
};

// transport defaults to stdio, proxy_mode to streamable-http.
struct MCPServer : MCPServerCommon {
  const Object* object = nullptr;  // identity, origin, and the defaulted document
  int64_t generation = 1;          // metadata.generation: 1 for a CR just created
  int proxy_port = 8080;
  int mcp_port = 0;  // 0: unset
  std::optional<ProxyDeploymentOverrides> proxy_deployment;
  std::optional<MetadataOverrides> proxy_service;
  std::optional<Value> pod_template_spec;  // a RawExtension: whatever was written
  std::optional<OidcConfigRef> oidc_config_ref;
  std::optional<NamedRef> authz_config_ref;
  std::optional<AuthzConfig> authz_config;
  std::optional<NamedRef> tool_config_ref;
  std::optional<NamedRef> external_auth_config_ref;
  std::optional<NamedRef> webhook_config_ref;
  std::optional<AuthServerRef> auth_server_ref;
  std::optional<TelemetryConfigRef> telemetry_config_ref;
  std::optional<NamedRef> group_ref;
  std::string session_affinity;  // ClientIP | None
  std::optional<int> replicas;
  std::optional<int> backend_replicas;
  std::optional<SessionStorage> session_storage;
  const Value* rate_limiting = nullptr;  // spec.rateLimiting, into the RunConfig as written
  std::string endpoint_prefix;
  bool trust_proxy_headers = false;
};

// Reads the typed model out of a validated, defaulted MCPServer object, which must outlive it.
MCPServer DecodeMCPServer(const Object& object);

// http://mcp-<name>-proxy.<ns>.svc.cluster.local:<proxyPort> with the transport's path (/mcp, or
// /sse#<name>): the operator's status.url (pkg/transport/url.go GenerateMCPServerURL).
std::string ServiceUrl(const MCPServer& server);

}  // namespace t0_44_0
}  // namespace thv
