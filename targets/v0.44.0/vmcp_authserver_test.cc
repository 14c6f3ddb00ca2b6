// A VirtualMCPServer's inline spec.authServerConfig at v0.44.0, one test per fact; file:line at tag
// v0.44.0 (vc = controllers/virtualmcpserver_controller.go, vd = ..._deployment.go,
// vv = ..._vmcpconfig.go, cv = pkg/vmcpconfig/converter.go). Expected yaml bytes were checked
// against Go's yaml.v3 Marshal of the same values (notes/vmcpauthsrv.md).
#include <doctest/doctest.h>

#include <string>

#include "core/sha256.h"
#include "model/decode.h"
#include "targets/v0.44.0/testing.h"
#include "targets/v0.44.0/vmcp_authserver.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kUpstream[] = R"(    upstreamProviders:
    - name: idp
      type: oidc
      oidcConfig: {issuerUrl: 'https://idp.example.com', clientId: c}
)";

const char kOidcIncoming[] =
    "    type: oidc\n    oidcConfigRef: {name: o, audience: "
    "'http://v.ns.svc.cluster.local:4483'}\n";

// The group g, the MCPOIDCConfig o (issuer https://auth.example.com) and VirtualMCPServer v in ns;
// auth is the body of spec.authServerConfig (four-space indented), spec more spec lines,
// incoming the body of spec.incomingAuth (by default OIDC whose audience is the derived resource
// URL), others more documents.
std::string VmcpDoc(const std::string& auth, const std::string& spec = "",
                    const std::string& incoming = kOidcIncoming, const std::string& others = "") {
  return kTestGroupDoc + others +
         "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPOIDCConfig\nmetadata: {name: o, "
         "namespace: ns}\nspec:\n  type: inline\n  inline: {issuer: 'https://auth.example.com'}\n"
         "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: "
         "{name: v, namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth:\n" +
         incoming + spec + (auth.empty() ? "" : "  authServerConfig:\n" + auth);
}
const char kIssuer[] = "    issuer: https://auth.example.com\n";

std::string Data(const RenderRun& r, const char* key) {
  return GetString(ValueAt(r.Find("ConfigMap", "v-vmcp-config"), {"data"}), key);
}
const Value& Container(const RenderRun& r) {
  return ValueAt(r.Find("Deployment", "v"), {"spec", "template", "spec", "containers"}).items[0];
}
std::vector<std::string> Names(const Value& list) {
  std::vector<std::string> names;
  for (const Value& v : list.items) names.push_back(GetString(v, "name"));
  return names;
}

}  // namespace

TEST_CASE(
    "authserver-config.yaml: yaml.Marshal of the RunConfig next to config.yaml (vv:102-137)") {
  RenderRun r = RunAt044(VmcpDoc(std::string(kIssuer) + kUpstream));
  REQUIRE(r.errors.empty());
  // BuildAuthServerRunConfig (cu:626-717) with the audiences, scopes and redirect base derived
  // from config.yaml's incomingAuth.oidc (cv:546-606); yaml.v3's four-space indentation.
  CHECK(Data(r, "authserver-config.yaml") ==
        "schema_version: v0.1.0\n"
        "issuer: https://auth.example.com\n"
        "upstreams:\n"
        "    - name: idp\n"
        "      type: oidc\n"
        "      oidc_config:\n"
        "        issuer_url: https://idp.example.com\n"
        "        client_id: c\n"
        "        redirect_uri: http://v.ns.svc.cluster.local:4483/oauth/callback\n"
        "allowed_audiences:\n"
        "    - http://v.ns.svc.cluster.local:4483\n");
  // The content checksum covers both keys in sorted order, then the labels (checksum.go); the
  // pod template carries it (vc:1491-1532).
  const Value& cm = *r.Find("ConfigMap", "v-vmcp-config");
  const std::string checksum =
      Sha256Hex("authserver-config.yaml" + Data(r, "authserver-config.yaml") + "config.yaml" +
                Data(r, "config.yaml") +
                "toolhive.stacklok.io/componentvmcp-configtoolhive.stacklok.io/managed-by"
                "toolhive-operatortoolhive.stacklok.io/virtual-mcp-serverv");
  CHECK(GetString(ValueAt(&cm, {"metadata", "annotations"}),
                  "toolhive.stacklok.dev/content-checksum") == checksum);
  CHECK(
      GetString(ValueAt(r.Find("Deployment", "v"), {"spec", "template", "metadata", "annotations"}),
                "toolhive.stacklok.dev/runconfig-checksum") == checksum);
  CHECK(ValueAt(&cm, {"data"}).members.front().key == "authserver-config.yaml");
  // Without spec.authServerConfig the key is absent (vv:115).
  RenderRun plain = RunAt044(VmcpDoc(""));
  REQUIRE(plain.errors.empty());
  CHECK(
      !ValueAt(plain.Find("ConfigMap", "v-vmcp-config"), {"data"}).Find("authserver-config.yaml"));
}

TEST_CASE(
    "authserver-config.yaml: scopes, nil delegate lists as [], redis key prefix (cu:225-264)") {
  RenderRun r =
      RunAt044(VmcpDoc(std::string(kIssuer) + kUpstream +
                           "    delegateClients:\n"
                           "    - clientId: ci\n"
                           "      clientSecretRef: {name: ci, key: s}\n"
                           "      scopes: [tools]\n"
                           "      audiences: ['https://mcp.example.com/v']\n"
                           "    storage:\n"
                           "      type: redis\n"
                           "      redis:\n"
                           "        addr: redis:6379\n"
                           "        aclUserConfig: {passwordSecretRef: {name: r, key: p}}\n",
                       "",
                       "    type: oidc\n    oidcConfigRef: {name: o, audience: "
                       "'https://mcp.example.com/v', "
                       "resourceUrl: 'https://mcp.example.com/v', scopes: [openid, tools]}\n"));
  REQUIRE(r.errors.empty());
  const std::string yaml = Data(r, "authserver-config.yaml");
  CHECK(yaml.find("scopes_supported:\n    - openid\n    - tools\n") != std::string::npos);
  CHECK(yaml.find("        redirect_uri: https://mcp.example.com/v/oauth/callback\n") !=
        std::string::npos);
  // ACLUserRunConfig.username_env_var has no omitempty; the key prefix names the VirtualMCPServer.
  CHECK(yaml.find("        acl_user_config:\n"
                  "            username_env_var: \"\"\n"
                  "            password_env_var: TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD\n"
                  "        key_prefix: 'thv:auth:{ns:v}:'\n") != std::string::npos);
  CHECK(yaml.find("delegate_clients:\n"
                  "    - client_id: ci\n"
                  "      client_secret_env_var: TOOLHIVE_DELEGATE_CLIENT_SECRET_0\n"
                  "      scopes:\n"
                  "        - tools\n") != std::string::npos);
}

TEST_CASE(
    "Deployment: the auth server's Secret volumes after the others, env before the "
    "required ones (vd:176-180, 389-391)") {
  RenderRun r = RunAt044(VmcpDoc(std::string(kIssuer) +
                                 "    signingKeySecretRefs: [{name: keys, key: k0}]\n"
                                 "    hmacSecretRefs: [{name: hmac, key: h0}]\n"
                                 "    upstreamProviders:\n"
                                 "    - name: corp-idp\n"
                                 "      type: oidc\n"
                                 "      oidcConfig:\n"
                                 "        issuerUrl: https://idp.example.com\n"
                                 "        clientId: c\n"
                                 "        clientSecretRef: {name: idp, key: secret}\n"));
  REQUIRE(r.errors.empty());
  const Value& pod = ValueAt(r.Find("Deployment", "v"), {"spec", "template", "spec"});
  CHECK(Names(*pod.Find("volumes")) == std::vector<std::string>{"vmcp-config",
                                                                "authserver-signing-key-0",
                                                                "authserver-hmac-secret-0"});
  CHECK(GetInt(ValueAt(&pod.Find("volumes")->items[1], {"secret"}), "defaultMode") == 0400);
  CHECK(GetString(Container(r).Find("volumeMounts")->items[2], "mountPath") ==
        "/etc/toolhive/authserver/hmac/hmac-0");
  CHECK(Names(*Container(r).Find("env")) ==
        std::vector<std::string>{"VMCP_NAME", "VMCP_NAMESPACE", "VMCP_SESSION_HMAC_SECRET",
                                 "TOOLHIVE_UPSTREAM_CLIENT_SECRET_CORP_IDP", "XDG_CONFIG_HOME",
                                 "HOME", "TOOLHIVE_RUNTIME", "UNSTRUCTURED_LOGS"});
  const Value& secret_env = Container(r).Find("env")->items[3];
  CHECK(GetString(ValueAt(&secret_env, {"valueFrom", "secretKeyRef"}), "name") == "idp");
  CHECK(!secret_env.Find("value"));  // a reference only
}

TEST_CASE("delegate client Secrets are checked before anything is created (vd:1136-1145)") {
  const std::string auth = std::string(kIssuer) + kUpstream +
                           "    delegateClients:\n"
                           "    - clientId: ci\n"
                           "      clientSecretRef: {name: ci-secret, key: s}\n"
                           "      scopes: [openid]\n"
                           "      audiences: ['http://v.ns.svc.cluster.local:4483']\n";
  RenderRun absent = RunAt044(VmcpDoc(auth));
  CHECK(absent.errors.empty());
  CHECK(
      absent.HasWarning("spec.authServerConfig.delegateClients[0].clientSecretRef.name: the "
                        "delegate client \"ci\" Secret ns/ci-secret is not among the inputs"));
  const std::string secret =
      "apiVersion: v1\nkind: Secret\nmetadata: {name: ci-secret, namespace: ns}\n"
      "stringData: {other: x}\n---\n";
  RenderRun missing = RunAt044(VmcpDoc(auth, "", kOidcIncoming, secret));
  CHECK(missing.HasError("delegate client \"ci\" secret ns/ci-secret is missing key \"s\""));
  CHECK(!missing.Find("ConfigMap", "v-vmcp-config"));  // the input Secret passes through
}

TEST_CASE(
    "authz primaryUpstreamProvider: explicit, deprecated, first upstream (cv:392-426, "
    "vc:752-876)") {
  const std::string two = std::string(kIssuer) +
                          "    upstreamProviders:\n"
                          "    - {name: first, type: oidc, oidcConfig: {issuerUrl: "
                          "'https://a.example.com', clientId: a}}\n"
                          "    - {name: second, type: oidc, oidcConfig: {issuerUrl: "
                          "'https://b.example.com', clientId: b}}\n";
  const std::string incoming =
      std::string(kOidcIncoming) +
      "    authzConfig:\n      type: inline\n      inline:\n        policies: [p]\n";
  auto primary = [](const RenderRun& r) {
    const std::string yaml = Data(r, "config.yaml");
    const size_t at = yaml.find("primaryUpstreamProvider: ");
    return at == std::string::npos ? std::string()
                                   : yaml.substr(at + 25, yaml.find('\n', at) - at - 25);
  };
  // No explicit choice: the first upstream, with the AuthzUpstreamSelectionWarning advisory.
  RenderRun first = RunAt044(VmcpDoc(two, "", incoming));
  REQUIRE(first.errors.empty());
  CHECK(primary(first) == "first");
  CHECK(
      first.HasWarning("multiple upstreamProviders configured; Cedar policies will evaluate "
                       "claims from the first upstream (\"first\")"));
  // The canonical field: no advisory.
  RenderRun pinned = RunAt044(VmcpDoc(two + "    primaryUpstreamProvider: second\n", "", incoming));
  REQUIRE(pinned.errors.empty());
  CHECK(primary(pinned) == "second");
  CHECK(pinned.warnings.size() == 1);  // the HMAC Secret's
  // The deprecated inline field still counts, with the deprecation event as a warning.
  RenderRun deprecated =
      RunAt044(VmcpDoc(two, "", incoming + "        primaryUpstreamProvider: second\n"));
  REQUIRE(deprecated.errors.empty());
  CHECK(primary(deprecated) == "second");
  CHECK(deprecated.HasWarning("inline.primaryUpstreamProvider is deprecated"));
  // A name no upstream has: rejected at admission, nothing created.
  RenderRun unknown = RunAt044(VmcpDoc(two + "    primaryUpstreamProvider: third\n", "", incoming));
  CHECK(
      unknown.HasError("spec.authServerConfig.primaryUpstreamProvider: primaryUpstreamProvider="
                       "\"third\" does not match any upstream declared on "
                       "spec.authServerConfig.upstreamProviders"));
  CHECK(unknown.out.empty());
  // Without an auth server the deprecated field is rejected (vc:774-800).
  RenderRun alone =
      RunAt044(VmcpDoc("", "", incoming + "        primaryUpstreamProvider: second\n"));
  CHECK(
      alone.HasError("primaryUpstreamProvider=\"second\" is set but spec.authServerConfig is "
                     "not configured"));
  CHECK(alone.out.empty());
  // Without authz nothing names a provider.
  RenderRun no_authz = RunAt044(VmcpDoc(two + "    primaryUpstreamProvider: third\n"));
  REQUIRE(no_authz.errors.empty());
  CHECK(primary(no_authz).empty());
}

TEST_CASE(
    "authz from an MCPAuthzConfig or a ConfigMap also names the primary upstream (cv:285, "
    "cv:363)") {
  const char kConfigs[] = R"({apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPAuthzConfig,
 metadata: {name: shared, namespace: ns}, spec: {type: cedarv1, config: {policies: [p]}}}
---
{apiVersion: v1, kind: ConfigMap, metadata: {name: cm, namespace: ns}, data: {authz.json:
 '{"version": "1.0", "type": "cedarv1", "cedar": {"policies": ["p"]}}'}}
---
)";
  for (const char* authz : {"    authzConfigRef: {name: shared}\n",
                            "    authzConfig: {type: configMap, configMap: {name: cm}}\n"}) {
    CAPTURE(authz);
    RenderRun r = RunAt044(VmcpDoc(std::string(kIssuer) + kUpstream, "",
                                   std::string(kOidcIncoming) + authz, kConfigs));
    REQUIRE(r.errors.empty());
    CHECK(Data(r, "config.yaml").find("        primaryUpstreamProvider: idp\n") !=
          std::string::npos);
  }
}

TEST_CASE("resolvePrimaryUpstreamProvider, the converter's own check (cv:392-426)") {
  // Reached through spec.incomingAuth.authzConfigRef (resolveAuthzConfigRef, cv:241-290), where
  // validateAuthzUpstreamAvailable does not run first.
  auto resolve = [](const std::string& auth, const std::string& inline_provider,
                    Diagnostics* diags) {
    const std::string yaml =
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
        "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth:\n    type: anonymous\n"
        "    authzConfig:\n      type: inline\n      inline:\n        policies: [p]\n" +
        inline_provider + (auth.empty() ? "" : "  authServerConfig:\n" + auth);
    Diagnostics read;
    std::vector<Object> objects = ObjectsAt044(yaml, &read);
    REQUIRE(!read.HasErrors());
    return VmcpPrimaryUpstreamProvider(objects.at(0), diags);
  };
  const std::string auth = std::string(kIssuer) + kUpstream;
  Diagnostics diags;
  CHECK(resolve(auth, "", &diags) == "idp");  // the first upstream
  CHECK(resolve(auth + "    primaryUpstreamProvider: idp\n", "", &diags) == "idp");
  CHECK(resolve("", "", &diags).empty());
  CHECK(diags.error_count() == 0);
  CHECK(resolve("", "        primaryUpstreamProvider: gh\n", &diags).empty());
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().back().message.find(
            "failed to convert incoming auth: authz primaryUpstreamProvider \"gh\" set without an "
            "embedded auth server (spec.authServerConfig must be configured)") !=
        std::string::npos);
  CHECK(resolve(auth, "        primaryUpstreamProvider: gh\n", &diags).empty());
  CHECK(diags.items().back().path ==
        "spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider");
  CHECK(diags.items().back().message.find("does not match any upstream declared") !=
        std::string::npos);
}

TEST_CASE("validateAuthServerConfig refuses before anything exists (vc:542-640)") {
  const std::string up = kUpstream;
  // An http:// issuer off localhost needs insecureAllowHTTP.
  RenderRun http = RunAt044(VmcpDoc("    issuer: http://auth.example.com\n" + up));
  CHECK(
      http.HasError("spec.authServerConfig.issuer: spec.authServerConfig.issuer "
                    "\"http://auth.example.com\" uses http:// with a non-localhost host"));
  CHECK(http.out.empty());
  // Confidential clients over a plain-HTTP loopback issuer.
  RenderRun loopback =
      RunAt044(VmcpDoc("    issuer: http://localhost:8080\n"
                       "    allowConfidentialClientRegistration: true\n" +
                       up));
  CHECK(
      loopback.HasError("spec.authServerConfig.issuer: spec.authServerConfig: "
                        "allow_confidential_client_registration cannot be combined with a "
                        "plain-HTTP loopback issuer"));
  // Reserved authorization parameters.
  RenderRun reserved = RunAt044(VmcpDoc(std::string(kIssuer) +
                                        "    upstreamProviders:\n"
                                        "    - name: idp\n"
                                        "      type: oidc\n"
                                        "      oidcConfig:\n"
                                        "        issuerUrl: https://idp.example.com\n"
                                        "        clientId: c\n"
                                        "        additionalAuthorizationParams: {state: x}\n"));
  CHECK(
      reserved.HasError("spec.authServerConfig.upstreamProviders[0].oidcConfig."
                        "additionalAuthorizationParams.state: spec.authServerConfig."
                        "upstreamProviders[0].additionalAuthorizationParams: reserved parameter "
                        "\"state\" is managed by the framework and cannot be overridden"));
  // The IdentitySynthesized advisory: an OAuth 2.0 upstream without userInfo (vc:648-676).
  RenderRun synthesized = RunAt044(
      VmcpDoc(std::string(kIssuer) + "    upstreamProviders:\n"
                                     "    - name: gh\n"
                                     "      type: oauth2\n"
                                     "      oauth2Config:\n"
                                     "        authorizationEndpoint: https://gh.example.com/a\n"
                                     "        tokenEndpoint: https://gh.example.com/t\n"
                                     "        clientId: c\n"));
  CHECK(synthesized.errors.empty());
  CHECK(synthesized.HasWarning("OAuth2 upstream(s) [gh] have no userInfo configured"));
}

TEST_CASE("the converter and ValidateAuthServerIntegration refuse the ConfigMap (vv:49-99)") {
  const std::string auth = std::string(kIssuer) + kUpstream;
  // Anonymous incoming auth: no resource, so no allowed audience (validator.go:665-680).
  RenderRun anonymous = RunAt044(VmcpDoc(auth, "", "    type: anonymous\n"));
  CHECK(
      anonymous.HasError("invalid auth server integration: auth server requires at least one "
                         "allowed audience"));
  CHECK(anonymous.out.empty());
  // The MCPOIDCConfig's issuer must be the auth server's.
  RenderRun issuer =
      RunAt044(VmcpDoc("    issuer: https://other.example.com\n" + std::string(kUpstream)));
  CHECK(
      issuer.HasError("spec.authServerConfig.issuer: invalid auth server integration: auth "
                      "server issuer mismatch: auth server issuer \"https://other.example.com\" "
                      "!= incomingAuth.oidc.issuer \"https://auth.example.com\""));
  // The incoming audience must be the resource the auth server issues tokens for.
  RenderRun audience =
      RunAt044(VmcpDoc(auth, "", "    type: oidc\n    oidcConfigRef: {name: o, audience: a}\n"));
  CHECK(
      audience.HasError("invalid auth server integration: incomingAuth.oidc.audience \"a\" not "
                        "in auth server's allowed audiences "
                        "[http://v.ns.svc.cluster.local:4483]"));
  // The builder's own errors: wrapped, or as a delegate client error when there are any.
  RenderRun storage = RunAt044(VmcpDoc(auth + "    storage: {type: redis}\n"));
  CHECK(
      storage.HasError("spec.authServerConfig.storage: failed to create vmcp Config from "
                       "VirtualMCPServer: failed to convert auth server config: failed to build "
                       "storage config: redis config is required when storage type is redis"));
  RenderRun delegate =
      RunAt044(VmcpDoc(auth + "    delegateClients:\n"
                              "    - clientId: ci\n"
                              "      clientSecretRef: {name: ci, key: s}\n"
                              "      scopes: [admin]\n"
                              "      audiences: ['http://v.ns.svc.cluster.local:4483']\n"));
  CHECK(
      delegate.HasError("spec.authServerConfig.delegateClients[0]: invalid delegate clients in "
                        "spec.authServerConfig: invalid embedded auth server delegate clients "
                        "or trusted issuers: delegate_clients[ci].scopes contains \"admin\" "
                        "which is not in scopes_supported"));
  CHECK(delegate.out.empty());
}

TEST_CASE(
    "static mode: token exchange strategies take the first upstream as subject provider "
    "(vc:2566-2683)") {
  const std::string exchange =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPExternalAuthConfig\nmetadata: {name: "
      "tx, namespace: ns}\nspec:\n  type: tokenExchange\n  tokenExchange: {tokenUrl: "
      "'https://sts.example.com/token', audience: backend}\n---\n"
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServerEntry\nmetadata: {name: e, "
      "namespace: ns}\nspec: {remoteUrl: 'https://e.example.com/mcp', transport: "
      "streamable-http, groupRef: {name: g}}\n---\n";
  const std::string incoming = kOidcIncoming;
  auto outgoing = [&](const std::string& source) {
    return "  outgoingAuth:\n    source: " + source +
           "\n    default: {type: externalAuthConfigRef, externalAuthConfigRef: {name: tx}}\n";
  };
  RenderRun inline_ =
      RunAt044(VmcpDoc(std::string(kIssuer) + kUpstream, outgoing("inline"), incoming, exchange));
  REQUIRE(inline_.errors.empty());
  CHECK(Data(inline_, "config.yaml").find("            subjectProviderName: idp\n") !=
        std::string::npos);
  // Discovered mode keeps the converter's strategy (vv:476-480 replaces it in static mode only).
  RenderRun discovered = RunAt044(
      VmcpDoc(std::string(kIssuer) + kUpstream, outgoing("discovered"), incoming, exchange));
  REQUIRE(discovered.errors.empty());
  CHECK(Data(discovered, "config.yaml").find("subjectProviderName") == std::string::npos);
}

}  // namespace t0_44_0
}  // namespace thv
