// Typed model of toolhive.stacklok.dev/v1alpha1 MCPServer
// (cmd/thv-operator/api/v1alpha1/mcpserver_types.go). Decoded from a document that already passed
// CRD validation and defaulting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/mcpserver_parts.h"
#include "model/object.h"

namespace thv {
namespace t7002a239b {

struct ProxyDeploymentOverrides {
  std::optional<StringMap> labels;
  std::optional<StringMap> annotations;
  bool has_pod_template_metadata = false;
  std::optional<StringMap> pod_template_labels;
  std::optional<StringMap> pod_template_annotations;
  std::vector<NameValue> env;
};

struct ServiceOverrides {
  std::optional<StringMap> labels;
  std::optional<StringMap> annotations;
};

struct KubernetesOidc {
  std::string service_account, namespace_, audience, issuer, jwks_url, introspection_url;
  std::optional<bool> use_cluster_auth;  // nil means true
};

struct ConfigMapRef {
  std::string name;
  std::string key;
  Mark mark;
};

struct InlineOidc {
  std::string issuer, audience, jwks_url, introspection_url, client_id, client_secret,
      thv_ca_bundle_path, jwks_auth_token_path;
  bool jwks_allow_private_ip = false;
};

struct OidcConfig {
  std::string type;  // kubernetes | configMap | inline
  std::string resource_url;
  std::optional<KubernetesOidc> kubernetes;
  std::optional<ConfigMapRef> config_map;
  std::optional<InlineOidc> inline_;
  Mark mark;
};

struct InlineAuthz {
  std::vector<std::string> policies;
  std::string entities_json;
};

struct AuthzConfig {
  std::string type;  // configMap | inline
  std::optional<ConfigMapRef> config_map;
  std::optional<InlineAuthz> inline_;
  Mark mark;
};

struct OpenTelemetry {
  bool enabled = false;
  std::string endpoint;
  std::string service_name;
  std::vector<std::string> headers;
  bool insecure = false;
  std::optional<bool> metrics_enabled;  // set when spec.telemetry.openTelemetry.metrics exists
  std::optional<bool> tracing_enabled;  // set when ...tracing exists
  std::string sampling_rate;
};

struct Telemetry {
  std::optional<OpenTelemetry> open_telemetry;
  std::optional<bool> prometheus_enabled;  // set when telemetry.prometheus exists
};

struct MCPServer : MCPServerCommon {
  Object object;  // identity, origin, and the defaulted document
  int port = 8080;
  int target_port = 0;
  std::optional<Value> pod_template_spec;
  std::optional<ProxyDeploymentOverrides> proxy_deployment;
  std::optional<ServiceOverrides> proxy_service;
  std::optional<OidcConfig> oidc;
  std::optional<AuthzConfig> authz;
  std::vector<std::string> tools;
  std::optional<std::string> tool_config_ref;
  Mark tool_config_ref_mark;
  std::optional<Telemetry> telemetry;
};

// Reads the typed model out of a validated, defaulted MCPServer object.
MCPServer DecodeMCPServer(Object object);

}  // namespace t7002a239b
}  // namespace thv
