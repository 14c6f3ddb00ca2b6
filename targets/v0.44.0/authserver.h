// The embedded OAuth 2.0/OIDC authorization server of an MCPServer or MCPRemoteProxy at v0.44.0:
// what the operator makes of an MCPExternalAuthConfig of type embeddedAuthServer reached through
// spec.authServerRef or spec.externalAuthConfigRef
// (cmd/thv-operator/pkg/controllerutil/authserver.go): the RunConfig's embedded_auth_server_config,
// the middleware it adds, the Deployment's Secret volumes and env, and every check on the way.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/refs.h"

namespace thv {
namespace t0_44_0 {

// What oidc.Resolver.ResolveFromConfigRef made of spec.oidcConfigRef
// (cmd/thv-operator/pkg/oidc/resolver.go:74-175), as far as the auth server reads it.
struct ResolvedOidc {
  std::string resource_url;  // spec.oidcConfigRef.resourceUrl, else the proxy Service URL
  std::string audience;
  std::optional<std::vector<std::string>> scopes;
};

// The embedded auth server the RunConfig carries.
struct EmbeddedAuthServer {
  Value run_config;           // authserver.RunConfig (pkg/authserver/config.go:39-210)
  std::string provider_name;  // ResolveFirstUpstreamName of its upstreams (config.go:492-497)
  bool disable_upstream_token_injection = false;
};

// EmbeddedAuthServerConfigName + GenerateAuthServerConfigByName (authserver.go:269-313): the
// MCPExternalAuthConfig of authServerRef, else of externalAuthConfigRef, when its type is
// embeddedAuthServer; nullptr otherwise. Its Secrets become the Deployment's volumes and env.
const Object* EmbeddedAuthServerSource(const MCPServer& server, const ServerRefs& refs);

// AddExternalAuthConfigOptions' embeddedAuthServer case (AddEmbeddedAuthServerConfigOptions,
// authserver.go:526-579) and ValidateAndAddAuthServerRefOptions (authserver.go:1089-1186): the
// config, or nullopt when there is none or the operator refuses it (reported). oidc is nullptr
// when the server has no resolved OIDC configuration.
std::optional<EmbeddedAuthServer> BuildEmbeddedAuthServer(const MCPServer& server,
                                                          const ServerRefs& refs,
                                                          const ResolvedOidc* oidc,
                                                          Diagnostics* diags);

// BuildAuthServerRunConfig's arguments besides the CRD configuration (authserver.go:626-633):
// the owner (the Redis key prefix), the audiences and scopes each controller derives from its
// resolved OIDC configuration, and the resource URL that defaults the upstreams' redirect URIs.
struct AuthServerRunConfigInputs {
  std::string ns, name;
  std::vector<std::string> allowed_audiences;  // empty: nil
  std::optional<std::vector<std::string>> scopes_supported;
  std::string resource_url;
};

// Reports an error of BuildAuthServerRunConfig about a field, its path relative to the
// EmbeddedAuthServerConfig ("" for the configuration as a whole).
using AuthServerRefusal = std::function<void(const std::string& path, const std::string& why)>;

// BuildAuthServerRunConfig (authserver.go:626-717): authserver.RunConfig
// (pkg/authserver/config.go:39-210) as a Value in Go field order, or null when the operator's
// builder refuses embedded (reported through refuse, the builder's first error only).
Value BuildAuthServerRunConfig(const Value& embedded, const AuthServerRunConfigInputs& inputs,
                               const AuthServerRefusal& refuse);

// registration.DefaultScopes (pkg/authserver/server/registration/client.go:109): the proxy's
// OIDC scopes when neither it nor the auth server names any (runner/config_builder.go:1045-1053).
std::vector<std::string> DefaultAuthServerScopes();

// addUpstreamSwapMiddleware (runner/middleware.go:412-473): the entry after `auth`, its type
// ("upstreamswap", or "strip-auth" when upstream token injection is disabled) and parameters.
struct MiddlewareEntry {
  std::string type;
  Value parameters;
};
MiddlewareEntry UpstreamSwapMiddleware(const EmbeddedAuthServer& server);

// injectUpstreamProviderIfNeeded (runner/middleware.go:480-495) with cedar.InjectUpstreamProvider
// (pkg/authz/authorizers/cedar/core.go:80-97): the authz middleware's config_data with the Cedar
// options' primary_upstream_provider set; a config without Cedar options is unchanged.
Value InjectUpstreamProvider(const Value& authz_config, const std::string& provider_name);

// GenerateAuthServerVolumes (authserver.go:323-439): signing keys, HMAC secrets and Redis CA
// certificates as Secret volumes (mode 0400), each mounted by subPath. embedded is an
// EmbeddedAuthServerConfig (an MCPExternalAuthConfig's spec.embeddedAuthServer, a
// VirtualMCPServer's spec.authServerConfig).
void AddAuthServerVolumes(const Value& embedded, Value* volumes, Value* mounts);

// GenerateAuthServerEnvVars (authserver.go:447-508): upstream client secrets, DCR initial access
// tokens, delegate client secrets and Redis ACL credentials as secretKeyRef env vars.
void AppendAuthServerEnv(const Value& embedded, Value* env);

}  // namespace t0_44_0
}  // namespace thv
