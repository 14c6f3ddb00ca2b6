// The embedded auth server of an MCPServer at v0.44.0: one test per fact, named after its source
// (file:line at tag v0.44.0; cu = cmd/thv-operator/pkg/controllerutil, ctl =
// cmd/thv-operator/controllers/mcpserver_controller.go, runner = pkg/runner).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/json_text.h"
#include "core/yaml_reader.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kResource[] = "https://mcp.example.com/s";

// Server s (ns) with spec lines, and the MCPOIDCConfig "oidc" it may name.
std::string Server(const std::string& spec) {
  return "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: s, "
         "namespace: ns}\nspec:\n  image: ghcr.io/example/mcp:1\n  transport: streamable-http\n" +
         spec + Doc("MCPOIDCConfig", "oidc", "  type: inline\n  inline: {issuer: 'https://as'}\n");
}
const std::string kOidcRef = std::string("  oidcConfigRef: {name: oidc, audience: '") + kResource +
                             "', resourceUrl: '" + kResource + "'}\n";
const std::string kAuthServerRef = "  authServerRef: {kind: MCPExternalAuthConfig, name: as}\n";

// MCPExternalAuthConfig "as" of type embeddedAuthServer: an OIDC upstream "up" with a client
// secret, then the extra lines (at the embeddedAuthServer's indentation).
std::string Embedded(const std::string& extra = "", const std::string& name = "as") {
  return Doc("MCPExternalAuthConfig", name,
             "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://as'\n"
             "    upstreamProviders:\n    - name: up-idp\n      type: oidc\n      oidcConfig:\n"
             "        issuerUrl: 'https://idp'\n        clientId: c\n"
             "        clientSecretRef: {name: idp, key: secret}\n" +
                 extra);
}

struct Out {
  RenderRun run;
  Value rc;  // runconfig.json of s, parsed in its order
  const Value* deployment = nullptr;

  const Value* Container() const {
    const Value* spec =
        deployment ? deployment->Find("spec")->Find("template")->Find("spec") : nullptr;
    return spec ? &spec->Find("containers")->items.at(0) : nullptr;
  }
  const Value* PodSpec() const {
    return deployment ? deployment->Find("spec")->Find("template")->Find("spec") : nullptr;
  }
  std::vector<std::string> Middlewares() const {
    std::vector<std::string> types;
    for (const Value& m : rc.Find("middleware_configs")->items)
      types.push_back(m.Find("type")->text);
    return types;
  }
  std::string Params(const std::string& type) const {
    for (const Value& m : rc.Find("middleware_configs")->items)
      if (m.Find("type")->text == type) return GoJsonCompact(*m.Find("parameters"));
    return "<absent>";
  }
  std::string Compact(const char* key) const {
    const Value* v = rc.Find(key);
    return v ? GoJsonCompact(*v) : "<absent>";
  }
};

Out Render(const std::string& yaml, bool validating = false) {
  Out o;
  o.run = RunAt044(yaml, validating);
  o.deployment = o.run.Find("Deployment", "s");
  if (const Value* cm = o.run.Find("ConfigMap", "s-runconfig")) {
    std::vector<Value> docs;
    Diagnostics diags;
    if (ReadYamlDocuments("rc", cm->Find("data")->Find("runconfig.json")->text, &docs, &diags))
      o.rc = docs.at(0);
  }
  return o;
}

// Rendered without errors (each shown when not).
void RequireRendered(const Out& o) {
  for (const std::string& e : o.run.errors) MESSAGE(e);
  REQUIRE(o.run.errors.empty());
}

std::vector<std::string> EnvNames(const Value* container) {
  std::vector<std::string> names;
  for (const Value& e : container->Find("env")->items) names.push_back(e.Find("name")->text);
  return names;
}

}  // namespace

TEST_CASE("cu/authserver.go:626-717 BuildAuthServerRunConfig: embedded_auth_server_config") {
  Out o = Render(Server(kOidcRef + kAuthServerRef) +
                 Embedded("    authorizationEndpointBaseUrl: 'https://login'\n"
                          "    signingKeySecretRefs: [{name: k, key: a}, {name: k, key: b}, "
                          "{name: k2, key: c}]\n"
                          "    hmacSecretRefs: [{name: h, key: a}]\n"
                          "    tokenLifespans: {authCodeLifespan: 5m}\n"
                          "    baselineClientScopes: [openid]\n"
                          "    insecureAllowHTTP: true\n"
                          "    cimd: {enabled: true}\n"));
  RequireRendered(o);
  // pkg/authserver/config.go:39-210 field order; upstream redirect defaulted to
  // <resourceUrl>/oauth/callback (cu/authserver.go:906-908); allowed_audiences = [resourceUrl]
  // (:565); the OIDC reference names no scopes, so scopes_supported is omitted (:645).
  CHECK(
      o.Compact("embedded_auth_server_config") ==
      R"({"schema_version":"v0.1.0","issuer":"https://as","authorization_endpoint_base_url":"https://login",)"
      R"("signing_key_config":{"key_dir":"/etc/toolhive/authserver/keys","signing_key_file":"key-0.pem",)"
      R"("fallback_key_files":["key-1.pem","key-2.pem"]},"hmac_secret_files":["/etc/toolhive/authserver/hmac/hmac-0"],)"
      R"("token_lifespans":{"auth_code_lifespan":"5m"},"upstreams":[{"name":"up-idp","type":"oidc","oidc_config":)"
      R"({"issuer_url":"https://idp","client_id":"c","client_secret_env_var":"TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP",)"
      R"("redirect_uri":"https://mcp.example.com/s/oauth/callback"}}],"baseline_client_scopes":["openid"],)"
      R"("allowed_audiences":["https://mcp.example.com/s"],"cimd":{"enabled":true},"insecure_allow_http":true})");
  // runner/config.go:303: the RunConfig's one-but-last field, after middleware_configs.
  std::vector<std::string> keys;
  for (const Member& m : o.rc.members) keys.push_back(m.key);
  CHECK(keys.back() == "embedded_auth_server_config");
  CHECK(o.rc.Find("upstream_swap_config") == nullptr);  // the operator never sets it
}

TEST_CASE("runner/config_builder.go:1045-1053: the proxy's OIDC scopes follow the auth server") {
  // No scopes on the reference: registration.DefaultScopes (registration/client.go:109).
  Out none = Render(Server(kOidcRef + kAuthServerRef) + Embedded());
  REQUIRE(none.run.errors.empty());
  const std::string defaults = R"(["openid","profile","email","offline_access"])";
  CHECK(GoJsonCompact(*none.rc.Find("oidc_config")->Find("Scopes")) == defaults);
  // The auth middleware holds the same OIDC config (runner/middleware.go:102-104).
  CHECK(none.Params("auth").find(defaults) != std::string::npos);
  // Scopes on the reference: kept, and advertised by the auth server (cu/authserver.go:565).
  std::string scoped = kOidcRef;
  scoped.insert(scoped.size() - 2, ", scopes: [openid, repo]");
  Out some = Render(Server(scoped + kAuthServerRef) + Embedded());
  REQUIRE(some.run.errors.empty());
  CHECK(GoJsonCompact(*some.rc.Find("oidc_config")->Find("Scopes")) == R"(["openid","repo"])");
  CHECK(GoJsonCompact(*some.rc.Find("embedded_auth_server_config")->Find("scopes_supported")) ==
        R"(["openid","repo"])");
}

TEST_CASE("runner/middleware.go:111-118,412-473: upstreamswap right after auth, or strip-auth") {
  Out swap = Render(Server(kOidcRef + kAuthServerRef) + Embedded());
  REQUIRE(swap.run.errors.empty());
  CHECK(swap.Middlewares() == std::vector<std::string>{"bodylimit", "auth", "upstreamswap",
                                                       "mcp-parser", "usagemetrics", "recovery"});
  // ResolveFirstUpstreamName (pkg/authserver/config.go:492-497).
  CHECK(swap.Params("upstreamswap") == R"({"config":{"provider_name":"up-idp"}})");
  // disableUpstreamTokenInjection: strip-auth, parameters of struct{}{} (middleware.go:502-510).
  Out strip = Render(Server(kOidcRef + kAuthServerRef) +
                     Embedded("    disableUpstreamTokenInjection: true\n"));
  REQUIRE(strip.run.errors.empty());
  CHECK(strip.Middlewares()[2] == "strip-auth");
  CHECK(strip.Params("strip-auth") == "{}");
  CHECK(strip.Params("upstreamswap") == "<absent>");
}

TEST_CASE("runner/middleware.go:218-231,480-495: Cedar authz gets the upstream as primary") {
  Out o = Render(Server(kOidcRef + kAuthServerRef +
                        "  authzConfig: {type: inline, inline: {policies: ['permit(principal, "
                        "action, resource);']}}\n") +
                 Embedded());
  REQUIRE(o.run.errors.empty());
  // cedar.InjectUpstreamProvider (pkg/authz/authorizers/cedar/core.go:80-97) on the middleware's
  // copy only: the RunConfig's authz_config keeps the inline configuration.
  CHECK(o.Params("authorization").find(R"("primary_upstream_provider":"up-idp")") !=
        std::string::npos);
  CHECK(o.Compact("authz_config").find("primary_upstream_provider") == std::string::npos);
  // A config without Cedar options (httpv1's "pdp") is returned unchanged (core.go:85-93).
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments(
      "authz", R"({"pdp":{"http":{"url":"https://pdp"}},"type":"httpv1","version":"1.0"})", &docs,
      &diags));
  CHECK(GoJsonCompact(InjectUpstreamProvider(docs[0], "up")) == GoJsonCompact(docs[0]));
  // Cedar options are re-marshalled in cedar.ConfigOptions order, unknown members dropped.
  docs.clear();
  REQUIRE(ReadYamlDocuments("authz",
                            R"({"cedar":{"extra":1,"group_claim_name":"g","policies":["p"]},)"
                            R"("type":"cedarv1","version":"1.0"})",
                            &docs, &diags));
  CHECK(GoJsonCompact(InjectUpstreamProvider(docs[0], "up")) ==
        R"({"version":"1.0","type":"cedarv1","cedar":{"policies":["p"],"entities_json":"",)"
        R"("primary_upstream_provider":"up","group_claim_name":"g"}})");
}

TEST_CASE("cu/authserver.go:323-439 + ctl:1335-1347: Secret volumes after the CA bundles") {
  Out o = Render(Server(kOidcRef + kAuthServerRef) +
                 Embedded("    signingKeySecretRefs: [{name: k, key: pem}]\n"
                          "    hmacSecretRefs: [{name: h, key: a}]\n"
                          "    storage:\n      type: redis\n      redis:\n"
                          "        sentinelConfig: {masterName: m, sentinelAddrs: ['s:26379']}\n"
                          "        aclUserConfig: {passwordSecretRef: {name: r, key: p}}\n"
                          "        tls: {caCertSecretRef: {name: ca, key: m.crt}}\n"
                          "        sentinelTls: {caCertSecretRef: {name: ca, key: s.crt}}\n"));
  REQUIRE(o.run.errors.empty());
  const Value& volumes = *o.PodSpec()->Find("volumes");
  REQUIRE(volumes.items.size() == 5);
  CHECK(
      GoJsonCompact(volumes.items[1]) ==
      R"({"name":"authserver-signing-key-0","secret":{"secretName":"k","items":[{"key":"pem","path":"key-0.pem"}],"defaultMode":256}})");
  CHECK(
      GoJsonCompact(volumes.items[4]) ==
      R"({"name":"redis-tls-ca-sentinel","secret":{"secretName":"ca","items":[{"key":"s.crt","path":"sentinel-ca.crt"}],"defaultMode":256}})");
  const Value& mounts = *o.Container()->Find("volumeMounts");
  std::vector<std::string> paths;
  for (const Value& m : mounts.items) paths.push_back(m.Find("mountPath")->text);
  CHECK(paths == std::vector<std::string>{"/etc/runconfig",
                                          "/etc/toolhive/authserver/keys/key-0.pem",
                                          "/etc/toolhive/authserver/hmac/hmac-0",
                                          "/etc/toolhive/authserver/redis-tls/ca.crt",
                                          "/etc/toolhive/authserver/redis-tls/sentinel-ca.crt"});
  CHECK(
      GoJsonCompact(mounts.items[1]) ==
      R"({"name":"authserver-signing-key-0","readOnly":true,"mountPath":"/etc/toolhive/authserver/keys/key-0.pem","subPath":"key-0.pem"})");
  // convertRedisTLSConfig (cu/authserver.go:854-869) points the RunConfig at the same files.
  const Value* redis =
      o.rc.Find("embedded_auth_server_config")->Find("storage")->Find("redis_config");
  CHECK(GoJsonCompact(*redis->Find("tls")) ==
        R"({"ca_cert_file":"/etc/toolhive/authserver/redis-tls/ca.crt"})");
  CHECK(GoJsonCompact(*redis->Find("sentinel_tls")) ==
        R"({"ca_cert_file":"/etc/toolhive/authserver/redis-tls/sentinel-ca.crt"})");
}

TEST_CASE("cu/authserver.go:447-508 + ctl:1337-1347: secret env vars after the generation") {
  Out o = Render(
      Server(kOidcRef + kAuthServerRef) +
      Doc("MCPExternalAuthConfig", "as",
          "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://as'\n"
          "    upstreamProviders:\n    - name: my-app\n      type: oauth2\n      oauth2Config:\n"
          "        authorizationEndpoint: 'https://idp/a'\n        tokenEndpoint: 'https://idp/t'\n"
          "        dcrConfig: {discoveryUrl: 'https://idp/.well-known/oauth-authorization-server', "
          "initialAccessTokenRef: {name: dcr, key: t}}\n"
          "    delegateClients: [{clientId: bot, clientSecretRef: {name: b, key: s}, scopes: "
          "[openid], audiences: ['https://mcp.example.com/s']}]\n"
          "    storage:\n      type: redis\n      redis:\n        addr: 'r:6379'\n"
          "        aclUserConfig: {usernameSecretRef: {name: r, key: u}, passwordSecretRef: "
          "{name: r, key: p}}\n"));
  RequireRendered(o);
  // Names from the provider name (cu/authserver.go:133-146) and the delegate's position
  // (:218-220); Redis names from pkg/authserver/runner/embeddedauthserver.go:34-38.
  CHECK(EnvNames(o.Container()) ==
        std::vector<std::string>{
            "THV_MCPSERVER_GENERATION", "TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_MY_APP",
            "TOOLHIVE_DELEGATE_CLIENT_SECRET_0", "TOOLHIVE_AUTH_SERVER_REDIS_USERNAME",
            "TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD", "XDG_CONFIG_HOME", "HOME", "TOOLHIVE_RUNTIME",
            "UNSTRUCTURED_LOGS"});
  const Value* as = o.rc.Find("embedded_auth_server_config");
  // buildDCRUpstreamRunConfig (cu/authserver.go:1049-1063): the token by env var name; client_id
  // has no omitempty (pkg/authserver/config.go).
  CHECK(
      GoJsonCompact(*as->Find("upstreams")->items.at(0).Find("oauth2_config")) ==
      R"({"authorization_endpoint":"https://idp/a","token_endpoint":"https://idp/t","client_id":"",)"
      R"("redirect_uri":"https://mcp.example.com/s/oauth/callback","dcr_config":)"
      R"({"discovery_url":"https://idp/.well-known/oauth-authorization-server",)"
      R"("initial_access_token_env_var":"TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_MY_APP"}})");
  CHECK(GoJsonCompact(*as->Find("delegate_clients")) ==
        R"([{"client_id":"bot","client_secret_env_var":"TOOLHIVE_DELEGATE_CLIENT_SECRET_0",)"
        R"("scopes":["openid"],"audiences":["https://mcp.example.com/s"]}])");
  // buildStorageRunConfig (cu/authserver.go:780-850): key prefix from DeriveKeyPrefix
  // (pkg/authserver/storage/redis_keys.go:78-80), the CRD's default timeouts.
  CHECK(
      GoJsonCompact(*as->Find("storage")) ==
      R"({"type":"redis","redis_config":{"addr":"r:6379","auth_type":"aclUser","acl_user_config":)"
      R"({"username_env_var":"TOOLHIVE_AUTH_SERVER_REDIS_USERNAME","password_env_var":)"
      R"("TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD"},"key_prefix":"thv:auth:{ns:s}:","dial_timeout":"5s",)"
      R"("read_timeout":"3s","write_timeout":"3s"}})");
}

TEST_CASE("cu/authserver.go:872-901: a Sentinel Service becomes its cluster DNS name") {
  Out o = Render(Server(kOidcRef + kAuthServerRef) +
                 Embedded("    storage:\n      type: redis\n      redis:\n"
                          "        sentinelConfig: {masterName: m, db: 2, sentinelService: "
                          "{name: sentinel}}\n"
                          "        aclUserConfig: {passwordSecretRef: {name: r, key: p}}\n"));
  REQUIRE(o.run.errors.empty());
  const Value* redis =
      o.rc.Find("embedded_auth_server_config")->Find("storage")->Find("redis_config");
  // The server's namespace and the CRD's default port 26379; no username: "" (no omitempty).
  CHECK(GoJsonCompact(*redis->Find("sentinel_config")) ==
        R"({"master_name":"m","sentinel_addrs":["sentinel.ns.svc.cluster.local:26379"],"db":2})");
  CHECK(GoJsonCompact(*redis->Find("acl_user_config")) ==
        R"({"username_env_var":"","password_env_var":"TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD"})");
  // No username: only the password env var (cu/authserver.go:478-504).
  CHECK(EnvNames(o.Container())[2] == "TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD");
}

TEST_CASE("cu/authserver.go:906-908: the default redirect URI trims the resource's '/'") {
  Out o = Render(Server("  oidcConfigRef: {name: oidc, audience: 'https://x/mcp/', resourceUrl: "
                        "'https://x/mcp/'}\n" +
                        kAuthServerRef) +
                 Embedded());
  REQUIRE(o.run.errors.empty());
  CHECK(o.rc.Find("embedded_auth_server_config")
            ->Find("upstreams")
            ->items.at(0)
            .Find("oidc_config")
            ->Find("redirect_uri")
            ->text == "https://x/mcp/oauth/callback");
}

TEST_CASE("cu/tokenexchange.go:247-248: externalAuthConfigRef of type embeddedAuthServer") {
  Out o = Render(Server(kOidcRef + "  externalAuthConfigRef: {name: as}\n") + Embedded());
  REQUIRE(o.run.errors.empty());
  CHECK(o.rc.Find("embedded_auth_server_config") != nullptr);
  CHECK(o.Middlewares()[2] == "upstreamswap");
  CHECK(EnvNames(o.Container())[1] == "TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP");
}

TEST_CASE("cu/authserver.go:269-280: authServerRef's config, next to an outgoing token exchange") {
  Out o = Render(Server(kOidcRef + kAuthServerRef + "  externalAuthConfigRef: {name: te}\n") +
                 Embedded("    hmacSecretRefs: [{name: h, key: a}]\n") +
                 Doc("MCPExternalAuthConfig", "te",
                     "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://sts/t', "
                     "audience: b, clientId: x, clientSecretRef: {name: te, key: s}}\n"));
  REQUIRE(o.run.errors.empty());
  // runner/middleware.go:111-126: upstream swap first, then the token exchange.
  CHECK(o.Middlewares() == std::vector<std::string>{"bodylimit", "auth", "upstreamswap",
                                                    "tokenexchange", "mcp-parser", "usagemetrics",
                                                    "recovery"});
  CHECK(EnvNames(o.Container()) ==
        std::vector<std::string>{"TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET",
                                 "THV_MCPSERVER_GENERATION",
                                 "TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP", "XDG_CONFIG_HOME",
                                 "HOME", "TOOLHIVE_RUNTIME", "UNSTRUCTURED_LOGS"});
  CHECK(o.PodSpec()->Find("volumes")->items.at(1).Find("name")->text == "authserver-hmac-secret-0");
}

TEST_CASE("cu/authserver.go:593-615: the OIDC configuration the auth server needs") {
  // No oidcConfigRef at all (:594-596), on either path.
  CHECK(Render(Server(kAuthServerRef) + Embedded())
            .run.HasError("spec.oidcConfigRef: failed to process authServerRef: OIDC config is "
                          "required for embedded auth server"));
  CHECK(Render(Server("  externalAuthConfigRef: {name: as}\n") + Embedded())
            .run.HasError("spec.oidcConfigRef: failed to process ExternalAuthConfig: OIDC config "
                          "is required for embedded auth server"));
  // No audience (:600-606) cannot reach the controller: the CRD requires one (minLength 1).
  CHECK(Render(Server("  oidcConfigRef: {name: oidc}\n" + kAuthServerRef) + Embedded())
            .run.HasError("spec.oidcConfigRef.audience: Required value"));
  // Audience and resource URL differ (:607-613).
  CHECK(Render(Server("  oidcConfigRef: {name: oidc, audience: a, resourceUrl: 'https://r'}\n" +
                      kAuthServerRef) +
               Embedded())
            .run.HasError("oidcConfigRef.audience \"a\" must match resourceUrl \"https://r\""));
  // validate says the same: the operator refuses it.
  CHECK(Render(Server(kAuthServerRef) + Embedded(), true).run.HasError("OIDC config is required"));
}

TEST_CASE("cu/authserver.go:1099-1114: authServerRef and an embedded externalAuthConfigRef") {
  Out o = Render(Server(kOidcRef + kAuthServerRef + "  externalAuthConfigRef: {name: as2}\n") +
                 Embedded() + Embedded("", "as2"));
  CHECK(
      o.run.HasError("spec.externalAuthConfigRef.name: failed to process authServerRef: "
                     "conflict: both authServerRef and externalAuthConfigRef reference an "
                     "embedded auth server"));
  CHECK(o.run.out.empty());
  // The externalAuthConfigRef option runs first and the builder stops at its error
  // (mcpserver_runconfig.go:250-263): without OIDC that one, not the conflict.
  Out first = Render(Server(kAuthServerRef + "  externalAuthConfigRef: {name: as2}\n") +
                     Embedded() + Embedded("", "as2"));
  CHECK(first.run.errors.size() == 1);
  CHECK(first.run.HasError("failed to process ExternalAuthConfig: OIDC config is required"));
}

TEST_CASE("runner/middleware.go:432-440: no strip-auth with a token exchange behind it") {
  Out o = Render(Server(kOidcRef + kAuthServerRef + "  externalAuthConfigRef: {name: te}\n") +
                 Embedded("    disableUpstreamTokenInjection: true\n") +
                 Doc("MCPExternalAuthConfig", "te",
                     "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://sts/t', "
                     "audience: b}\n"));
  CHECK(o.run.HasError("disableUpstreamTokenInjection cannot be combined with token exchange"));
  CHECK(o.run.out.empty());
}

TEST_CASE("cu/authserver.go:780-850: Redis storage the operator cannot build") {
  // Neither sentinelAddrs nor sentinelService (:885-887); the CRD lets it through.
  Out o = Render(Server(kOidcRef + kAuthServerRef) +
                 Embedded("    storage:\n      type: redis\n      redis:\n"
                          "        sentinelConfig: {masterName: m}\n"
                          "        aclUserConfig: {passwordSecretRef: {name: r, key: p}}\n"));
  CHECK(o.run.HasError(
      "spec.embeddedAuthServer.storage.redis.sentinelConfig: failed to process authServerRef: "
      "failed to build embedded auth server config: failed to build storage config: failed to "
      "resolve sentinel addresses: either sentinelAddrs or sentinelService must be specified"));
  CHECK(o.run.out.empty());
  // type redis without redis (:793-796).
  CHECK(Render(Server(kOidcRef + kAuthServerRef) + Embedded("    storage: {type: redis}\n"))
            .run.HasError("redis config is required when storage type is redis"));
}

TEST_CASE("cu/authserver.go:758-776: delegate clients within the server's scopes and audience") {
  auto delegate = [](const std::string& scopes, const std::string& audiences) {
    return "    delegateClients: [{clientId: bot, clientSecretRef: {name: b, key: s}, scopes: " +
           scopes + ", audiences: " + audiences + "}]\n";
  };
  // pkg/authserver/config.go:347-351: audiences must be allowed_audiences = [resourceUrl].
  CHECK(Render(Server(kOidcRef + kAuthServerRef) +
               Embedded(delegate("[openid]", "['https://other']")))
            .run.HasError("spec.embeddedAuthServer.delegateClients[0]: failed to process "
                          "authServerRef: failed to build embedded auth server config: invalid "
                          "embedded auth server delegate clients or trusted issuers: "
                          "delegate_clients: client_id \"bot\": audience \"https://other\" is not "
                          "in allowed_audiences"));
  // :340-343: scopes within scopes_supported, registration.DefaultScopes when none.
  CHECK(Render(Server(kOidcRef + kAuthServerRef) +
               Embedded(delegate("[repo]", std::string("['") + kResource + "']")))
            .run.HasError("delegate_clients[bot].scopes contains \"repo\" which is not in "
                          "scopes_supported"));
  // :1475-1500: no confidential client over insecureAllowHTTP; the config's own validation says
  // so first (api/v1beta1/mcpexternalauthconfig_types.go:1881-1883).
  CHECK(Render(Server(kOidcRef + kAuthServerRef) +
               Embedded(delegate("[openid]", std::string("['") + kResource + "']") +
                        "    insecureAllowHTTP: true\n"))
            .run.HasError("allow_confidential_client_registration cannot be combined with "
                          "insecure_allow_http"));
}

TEST_CASE("cu/authserver.go:248-264,758-776: trusted issuers in the RunConfig, checked") {
  auto with = [](const std::string& issuer) {
    return Server(kOidcRef + kAuthServerRef) +
           Embedded("    trustedIssuers:\n    - {" + issuer +
                    ", expectedAudience: a, allowedDelegateClients: ['*']}\n");
  };
  Out o =
      Render(with("issuerUrl: 'https://corp.example.com/', jwksUrl: "
                  "'https://10.0.0.5/jwks', allowPrivateIPs: true, actorClaim: azp, "
                  "allowedActors: [agent]"));
  RequireRendered(o);
  // tokenexchange.TrustedIssuer field order (multi_issuer_validator.go:108-200); a trailing '/'
  // is fine for a trusted issuer (pkg/authserver/config.go:1568-1570).
  CHECK(
      GoJsonCompact(*o.rc.Find("embedded_auth_server_config")->Find("trusted_issuers")) ==
      R"([{"issuer_url":"https://corp.example.com/","expected_audience":"a","jwks_url":"https://10.0.0.5/jwks",)"
      R"("allow_private_ips":true,"actor_claim":"azp","allowed_actors":["agent"],"allowed_delegate_clients":["*"]}])");
  const std::string why =
      "failed to build embedded auth server config: invalid embedded auth server delegate "
      "clients or trusted issuers: trusted_issuers: ";
  // validateIssuerURLCore without the localhost exemption (config.go:1578-1635).
  CHECK(Render(with("issuerUrl: 'http://localhost:9000'"))
            .run.HasError("spec.embeddedAuthServer.trustedIssuers[0].issuerUrl: failed to process "
                          "authServerRef: " +
                          why +
                          "issuer_url \"http://localhost:9000\": http scheme is only allowed for "
                          "localhost, use https for localhost"));
  CHECK(Render(with("issuerUrl: 'https://corp.example.com?tenant=1'"))
            .run.HasError("must not contain query component"));
  CHECK(
      Render(with("issuerUrl: 'http://idp.internal', insecureAllowHTTP: true")).run.errors.empty());
  // tokenexchange.ValidateJWKSURL (multi_issuer_validator.go:886-917): no private IP literal
  // unless allowPrivateIPs.
  CHECK(Render(with("issuerUrl: 'https://corp', jwksUrl: 'https://192.168.1.9:8443/keys'"))
            .run.HasError("trusted_issuers: jwks_url \"https://192.168.1.9:8443/keys\": must not "
                          "point to a private or loopback address"));
  CHECK(Render(with("issuerUrl: 'https://corp', jwksUrl: 'http://keys.corp/jwks'"))
            .run.HasError("must use HTTPS, got \"http\""));
  CHECK(Render(with("issuerUrl: 'https://corp', jwksUrl: 'https://8.8.8.8/jwks'"))
            .run.errors.empty());
  // IPv6 literals as networking.IsPrivateIP judges them (pkg/networking/utilities.go:146-246):
  // unique local, IPv4-mapped and 6to4 by their IPv4; a public NAT64 or global address passes.
  for (const char* host : {"[fd00::1]", "[::ffff:10.0.0.1]", "[2002:c0a8:101::1]", "[::1]:8443",
                           "[fe80::1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]"}) {
    CAPTURE(host);
    CHECK(
        Render(with(std::string("issuerUrl: 'https://corp', jwksUrl: 'https://") + host + "/jwks'"))
            .run.HasError("must not point to a private or loopback address"));
  }
  for (const char* host : {"[2606:4700:4700::1111]", "[64:ff9b::808:808]", "[2002:808:808::1]"}) {
    CAPTURE(host);
    CHECK(
        Render(with(std::string("issuerUrl: 'https://corp', jwksUrl: 'https://") + host + "/jwks'"))
            .run.errors.empty());
  }
  // tokenexchange.ValidateTrustedIssuers in the config's own validity
  // (mcpexternalauthconfig_types.go:1896-1898, multi_issuer_validator.go:933-950).
  CHECK(
      Render(with("issuerUrl: 'https://as'"))
          .run.HasError("spec.embeddedAuthServer.trustedIssuers[0]: MCPExternalAuthConfig as is "
                        "not valid: trustedIssuers: issuer_url \"https://as\": must not equal the "
                        "authorization server's own issuer"));
  CHECK(Render(Server(kOidcRef + kAuthServerRef) +
               Embedded("    trustedIssuers:\n"
                        "    - {issuerUrl: 'https://x', expectedAudience: a, "
                        "allowedDelegateClients: ['*']}\n"
                        "    - {issuerUrl: 'https://x', expectedAudience: b, "
                        "allowedDelegateClients: ['*']}\n"))
            .run.HasError("spec.embeddedAuthServer.trustedIssuers[1]: MCPExternalAuthConfig as is "
                          "not valid: trustedIssuers: issuer_url \"https://x\": configured more "
                          "than once"));
}

TEST_CASE("mcpexternalauthconfig_types.go:1863-1913: the auth server config's own validity") {
  auto config = [](const std::string& issuer, const std::string& extra) {
    return Doc("MCPExternalAuthConfig", "as",
               "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: '" + issuer +
                   "'\n    upstreamProviders: [{name: up, type: oidc, oidcConfig: {issuerUrl: "
                   "'https://idp', clientId: c}}]\n" +
                   extra)
        .substr(4);  // without the leading "---\n"
  };
  // ValidateConfidentialClientTransport (pkg/authserver/config.go:1488-1497): a plain-HTTP
  // loopback issuer only with the explicit opt-in.
  const std::string dcr = "    allowConfidentialClientRegistration: true\n";
  CHECK(RunAt044(config("http://localhost:8080", dcr), true)
            .HasError("spec.embeddedAuthServer.issuer: MCPExternalAuthConfig as is not valid: "
                      "allow_confidential_client_registration cannot be combined with a "
                      "plain-HTTP loopback issuer (\"http://localhost:8080\")"));
  CHECK(RunAt044(config("http://127.0.0.1:8080",
                        dcr + "    insecureAllowConfidentialOverLoopbackHTTP: true\n"),
                 true)
            .errors.empty());
  CHECK(RunAt044(config("http://auth.internal", dcr), true).errors.empty());  // not loopback
  // ValidateForceConfidentialRedirectURIs (config.go:1510-1535): https, not loopback.
  CHECK(RunAt044(config("https://as", dcr + "    forceConfidentialRedirectUris: "
                                            "['https://client.example.com/cb']\n"),
                 true)
            .errors.empty());
  // A plain-HTTP entry never reaches the controller: the CRD's pattern wants https.
  CHECK(RunAt044(config("https://as", dcr + "    forceConfidentialRedirectUris: "
                                            "['http://client.example.com/cb']\n"),
                 true)
            .HasError("should match '^https://[^\\s?#]+$'"));
  CHECK(RunAt044(config("https://as", dcr + "    forceConfidentialRedirectUris: "
                                            "['https://[::1]/cb']\n"),
                 true)
            .HasError("must not be a loopback redirect URI"));
  // oauthparams.Validate (pkg/authserver/oauthparams/reserved.go) on either upstream type.
  CHECK(RunAt044(Doc("MCPExternalAuthConfig", "as",
                     "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://as'\n"
                     "    upstreamProviders: [{name: up, type: oauth2, oauth2Config: "
                     "{authorizationEndpoint: 'https://i/a', tokenEndpoint: 'https://i/t', "
                     "clientId: c, additionalAuthorizationParams: {nonce: abc}}}]\n")
                     .substr(4),
                 true)
            .HasError("upstreamProviders[0].additionalAuthorizationParams: reserved parameter "
                      "\"nonce\" is managed by the framework and cannot be overridden"));
}

TEST_CASE("mcpexternalauthconfig_controller.go:189-221: IdentitySynthesized is a warning") {
  auto oauth2 = [](const std::string& name, const std::string& extra) {
    return "    - {name: " + name +
           ", type: oauth2, oauth2Config: {authorizationEndpoint: 'https://i/a', tokenEndpoint: "
           "'https://i/t', clientId: c" +
           extra + "}}\n";
  };
  const std::string head =
      "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://as'\n"
      "    upstreamProviders:\n";
  RenderRun run = RunAt044(
      Doc("MCPExternalAuthConfig", "as",
          head + oauth2("zeta", "") +
              oauth2("with-info",
                     ", userInfo: {endpointUrl: "
                     "'https://i/u'}") +
              oauth2("alpha", "") + oauth2("from-token", ", identityFromToken: {subjectPath: sub}"))
          .substr(4),
      true);
  CHECK(run.errors.empty());
  // Sorted names (SyntheticIdentityUpstreams, mcpexternalauthconfig_types.go:2065-2081), at the
  // first such upstream.
  REQUIRE(run.warnings.size() == 1);
  CHECK(
      run.HasWarning("spec.embeddedAuthServer.upstreamProviders[0].oauth2Config: OAuth2 "
                     "upstream(s) [alpha zeta] have no userInfo configured"));
  CHECK(RunAt044(Doc("MCPExternalAuthConfig", "as",
                     head + oauth2("a", ", userInfo: {endpointUrl: 'https://i/u'}"))
                     .substr(4),
                 true)
            .warnings.empty());
}

}  // namespace t0_44_0
}  // namespace thv
