// Typed model of toolhive.stacklok.dev/v1beta1 MCPServer at v0.44.0
// (cmd/thv-operator/api/v1beta1/mcpserver_types.go), decoded from a document that passed CRD
// validation and defaulting. v1alpha1 has the same schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
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
  std::vector<std::string> scopes;
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

struct EnvVar {
  std::string name;
  std::string value;
};

struct SecretRef {
  std::string name;
  std::string key;
  std::string target_env_name;  // defaults to key
};

struct MCPServer {
  const Object* object = nullptr;  // identity, origin, and the defaulted document
  std::string image;
  std::string transport;   // stdio | streamable-http | sse (default stdio)
  std::string proxy_mode;  // sse | streamable-http (default streamable-http)
  int proxy_port = 8080;
  int mcp_port = 0;  // 0: unset
  std::vector<std::string> args;
  std::vector<EnvVar> env;
  std::vector<SecretRef> secrets;
  std::optional<std::string> service_account;
  std::optional<Value> pod_template_spec;  // a RawExtension: whatever was written
  std::optional<OidcConfigRef> oidc_config_ref;
  std::optional<NamedRef> authz_config_ref;
  bool has_inline_authz = false;  // spec.authzConfig
  std::optional<NamedRef> tool_config_ref;
  std::optional<NamedRef> external_auth_config_ref;
  std::optional<NamedRef> webhook_config_ref;
  std::optional<AuthServerRef> auth_server_ref;
  std::optional<TelemetryConfigRef> telemetry_config_ref;
  std::optional<NamedRef> group_ref;
  std::optional<int> replicas;
  std::optional<int> backend_replicas;
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
