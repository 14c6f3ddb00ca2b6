// The rules an embedded auth server's configuration meets at v0.44.0: the MCPExternalAuthConfig
// controller's own (api/v1beta1/mcpexternalauthconfig_types.go validateEmbeddedAuthServer) and
// the URL and address checks of pkg/authserver that the operator runs while building a
// server's RunConfig (authserver.RunConfig.Validate, tokenexchange.ValidateJWKSURL).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "targets/v0.44.0/configs.h"

namespace thv {
namespace t0_44_0 {

// spec.embeddedAuthServer of an MCPExternalAuthConfig (an empty mapping when absent), and a
// list member of it (empty when absent).
const Value& EmbeddedAuthServerSpec(const Object& config);
const std::vector<Value>& AuthServerItems(const Value& parent, const char* key);

// oauthserver.ValidateAudienceURI (pkg/authserver/server/audience.go:29-60): the hint, or "".
std::string AudienceUriProblem(const std::string& uri);

// validateIssuerURLCore for a trusted issuer (pkg/authserver/config.go:1568-1635: no localhost
// exemption, a trailing slash allowed): the problem, or "".
std::string TrustedIssuerUrlProblem(const std::string& url, bool insecure_allow_http);

// tokenexchange.ValidateJWKSURL (multi_issuer_validator.go:886-917), private addresses as
// networking.IsPrivateIP judges them: the problem, or "".
std::string JwksUrlProblem(const std::string& url, bool insecure_allow_http,
                           bool allow_private_ips);

// EmbeddedAuthServerConfig.ValidateConfidentialClientTransport
// (pkg/authserver/config.go:1475-1500): the problem, its path relative to the configuration.
std::optional<Invalid> ConfidentialClientTransport(const Value& embedded);

// Whether an issuer is http:// with a host that is not loopback (networking.IsLocalhost).
bool PlainHttpRemoteIssuer(const std::string& issuer);

// EmbeddedAuthServerConfig.ValidateConfidentialClientTransport and
// ValidateForceConfidentialRedirectURIs as validateEmbeddedAuthServer runs them
// (api/v1beta1/mcpexternalauthconfig_types.go:1879-1894): the first problem, its path relative to
// spec.embeddedAuthServer.
std::optional<Invalid> ConfidentialClientPolicy(const Value& embedded);

// tokenexchange.ValidateTrustedIssuers' checks the CRD does not make (required fields, the
// server's own issuer, duplicates): the entry's index and the problem, or nullopt.
std::optional<std::pair<size_t, std::string>> TrustedIssuerStructure(const Value& embedded);

// The reserved OAuth parameter among an upstream's additionalAuthorizationParams, or "".
std::string ReservedAuthorizationParam(const StringMap& params);

// SyntheticIdentityUpstreams (mcpexternalauthconfig_types.go:2065-2081) of an
// EmbeddedAuthServerConfig as Go's %v prints them ("[a b]"; "" when none), and the index of the
// first such upstream.
std::string SyntheticIdentityUpstreams(const Value& embedded, size_t* first);
// The IdentitySynthesized=True condition's message for them.
std::string SyntheticIdentityMessage(const std::string& upstreams);

// The IdentitySynthesized advisory the MCPExternalAuthConfig controller sets for OAuth 2.0
// upstreams without userInfo or identityFromToken: a warning.
void WarnSyntheticIdentity(const Object& config, Diagnostics* diags);

}  // namespace t0_44_0
}  // namespace thv
