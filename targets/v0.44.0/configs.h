// The config kinds an MCPServer refers to at v0.44.0, as their controllers judge them: each
// controller's own validation (the Valid condition), which a referencing MCPServer's controller
// requires (cmd/thv-operator/controllers/*_controller.go and the types' Validate()).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// Why the controller marks a config Valid=False: its message, and the field it is about.
struct Invalid {
  std::string path;  // dotted from the document root, e.g. "spec.openTelemetry.endpoint"
  std::string message;
};

// The verdict of the controller of object's kind (one of the config kinds): empty when it marks
// it valid, else the reasons (one, as Go returns its first error; MCPWebhookConfig joins one per
// webhook). MCPToolConfig and MCPGroup are always valid.
std::vector<Invalid> ValidateConfig(const Object& object);

// An authorizer backend's configuration (the part under its factory's key: "cedar" for cedarv1,
// "pdp" for httpv1) as the backend factory's ValidateConfig judges it; paths start at `at`.
std::optional<Invalid> ValidateAuthorizer(const std::string& type, const Value* config,
                                          const std::string& at);

// A Value with JSON object keys sorted at every level, as Go marshals a map[string]any (what
// sigs.k8s.io/yaml makes of YAML, and what the API server stores of a RawExtension).
Value SortedKeys(const Value& v);

// LoadAuthzConfigFromConfigMap (cmd/thv-operator/pkg/controllerutil/authz.go:260-283) of the
// text under the ConfigMap's key: not readable when empty or not one JSON/YAML object; else the
// authz.Config as JSON (keys sorted) and, when Validate() refuses it, why.
struct AuthzText {
  bool readable = false;
  Value config;
  std::string invalid;
};
AuthzText LoadAuthzText(const std::string& file, const Value* text);

// oidc.Resolver.ResolveFromConfigRef (cmd/thv-operator/pkg/oidc/resolver.go:74-198) of an
// MCPOIDCConfig's spec, before the per-server audience, scopes and resource URL: the shared
// provider settings. False for an inline type without `inline` (the resolver returns nil).
struct OidcProvider {
  std::string issuer, client_id, jwks_url, introspection_url;
  std::string ca_bundle_path;   // ThvCABundlePath
  std::string jwks_token_path;  // JWKSAuthTokenPath
  bool jwks_allow_private_ip = false, protected_resource_allow_private_ip = false,
       insecure_allow_http = false;
  bool client_secret = false;  // inline with a clientSecretRef
};
bool ResolveOidcProvider(const Object& oidc_config, OidcProvider* out);

// An MCPExternalAuthConfig's spec.type, and for an embedded auth server its number of upstream
// providers (MCPServer accepts one).
std::string ExternalAuthType(const Object& config);
size_t UpstreamProviderCount(const Object& config);

}  // namespace t0_44_0
}  // namespace thv
