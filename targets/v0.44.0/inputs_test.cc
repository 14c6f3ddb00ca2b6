// v0.44.0 inputs: served versions, renamed fields, kinds not supported yet, config kinds as their
// controllers judge them, and an MCPServer's references (issue 18 items 2, 5, 6; plan C5, C17).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/testing.h"
#include "render/render_all.h"
#include "targets/testing.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/target.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

using Result = RenderRun;

std::vector<Object> Objects(const std::string& yaml, Diagnostics* diags) {
  return ObjectsAt044(yaml, diags);
}

Result Run(const std::string& yaml, bool validating = true) { return RunAt044(yaml, validating); }

std::string Server(const std::string& spec, const std::string& version = "v1beta1") {
  return "apiVersion: toolhive.stacklok.dev/" + version +
         "\nkind: MCPServer\nmetadata: {name: s, namespace: ns}\nspec:\n  image: "
         "ghcr.io/example/mcp:1\n" +
         spec;
}

std::string Config(const std::string& kind, const std::string& name, const std::string& spec,
                   const std::string& version = "v1beta1") {
  return "---\napiVersion: toolhive.stacklok.dev/" + version + "\nkind: " + kind +
         "\nmetadata: {name: " + name + ", namespace: ns}\nspec:\n" + spec;
}

}  // namespace

TEST_CASE("v0.44.0: v1beta1 and the deprecated v1alpha1 both read, with the CRD's defaults") {
  Result beta = Run(Server(""));
  CHECK(beta.errors.empty());
  CHECK(beta.warnings.empty());
  Result alpha = Run(Server("", "v1alpha1"));
  CHECK(alpha.errors.empty());
  REQUIRE(alpha.warnings.size() == 1);
  // As the API server warns for the version: the CRD's deprecationWarning, verbatim.
  CHECK(alpha.warnings[0] ==
        "1:13: apiVersion: toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1");

  Diagnostics diags;
  std::vector<Object> objects = Objects(Server(""), &diags);
  REQUIRE(objects.size() == 1);
  const MCPServer s = DecodeMCPServer(objects[0]);
  CHECK(s.transport == "stdio");
  CHECK(s.proxy_mode == "streamable-http");
  CHECK(s.proxy_port == 8080);
  CHECK(s.mcp_port == 0);
  CHECK(ServiceUrl(s) == "http://mcp-s-proxy.ns.svc.cluster.local:8080/mcp");
  CHECK(std::string(kTarget.name) == "v0.44.0");
  // `list` at v0.44.0 shows the CRD's printer columns, all from status for an MCPServer: only
  // the URL, which the controller derives from the spec, is known.
  CHECK_FALSE(static_cast<bool>(kTarget.list_server));
  REQUIRE(objects[0].toolhive->list);
  CHECK(objects[0].toolhive->list->cells(objects[0], objects) ==
        std::vector<std::string>{"", "", "", ServiceUrl(s)});
}

TEST_CASE("v0.44.0: the transport decides the URL path, stdio through its proxy mode") {
  Diagnostics diags;
  std::vector<Object> objects = Objects(
      Server("  transport: sse\n  proxyPort: 9000\n") +
          "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: t, "
          "namespace: ns}\nspec: {image: x, proxyMode: sse}\n",
      &diags);
  REQUIRE(objects.size() == 2);
  CHECK(ServiceUrl(DecodeMCPServer(objects[0])) ==
        "http://mcp-s-proxy.ns.svc.cluster.local:9000/sse#s");
  CHECK(ServiceUrl(DecodeMCPServer(objects[1])) ==
        "http://mcp-t-proxy.ns.svc.cluster.local:8080/sse#t");
}

TEST_CASE("v0.44.0: MCPWebhookConfig is served as v1alpha1 only") {
  Result r = Run(Config("MCPWebhookConfig", "w", "  validating: [{name: a, url: 'https://x/v'}]"));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "2:13: apiVersion: Unsupported value: \"toolhive.stacklok.dev/v1beta1\": supported "
        "values: \"toolhive.stacklok.dev/v1alpha1\" (operator v0.44.0)");
  CHECK(Run(Config("MCPWebhookConfig", "w", "  validating: [{name: a, url: 'https://x/v'}]",
                   "v1alpha1"))
            .errors.empty());
}

TEST_CASE("v0.44.0: no kind of the release is refused as not supported") {
  // Every kind of the release renders or is read now: none is refused as a kind.
  for (const char* kind : {"VirtualMCPServer", "VirtualMCPCompositeToolDefinition"}) {
    CAPTURE(kind);
    CHECK_FALSE(Run(Config(kind, "x", "  {}\n")).HasError("is not supported at v0.44.0 yet"));
  }
  CHECK(Run(Config("MCPRegistry", "r", "  configYAML: 'a: 1'\n")).errors.empty());  // renders now
}

TEST_CASE("v0.44.0: 7002a239b's renamed fields are errors saying what they became") {
  Result r =
      Run(Server("  port: 9090\n  targetPort: 8080\n  tools: [fetch]\n"
                 "  oidcConfig: {type: kubernetes}\n  telemetry: {prometheus: {}}\n",
                 "v1alpha1"));
  CHECK(r.errors.size() == 5);
  CHECK(
      r.HasError("6:3: spec.port: unknown field \"spec.port\": at v0.44.0 it became "
                 "spec.proxyPort; --operator-version 7002a239b renders this file as written"));
  CHECK(
      r.HasError("spec.targetPort: unknown field \"spec.targetPort\": at v0.44.0 it became "
                 "spec.mcpPort;"));
  CHECK(
      r.HasError("spec.tools: unknown field \"spec.tools\": at v0.44.0 it became an "
                 "MCPToolConfig resource (spec.toolsFilter) named by spec.toolConfigRef;"));
  CHECK(r.HasError("it became an MCPOIDCConfig resource named by spec.oidcConfigRef"));
  CHECK(r.HasError("it became an MCPTelemetryConfig resource named by spec.telemetryConfigRef"));
  // Other unknown fields stay warnings, as the API server prunes them.
  Result other = Run(Server("  colour: blue\n"));
  CHECK(other.errors.empty());
  CHECK(other.HasWarning("spec.colour: unknown field \"spec.colour\""));
  Result registry =
      Run(Config("MCPRegistry", "r", "  source: {type: configmap}\n  syncPolicy: {}\n"));
  CHECK(
      registry.HasError("spec.source: unknown field \"spec.source\": at v0.44.0 it became "
                        "spec.configYAML"));
  CHECK(registry.HasError("spec.syncPolicy: unknown field"));
}

TEST_CASE("v0.44.0: validate checks an MCPServer, render renders it") {
  CHECK(Run(Server(""), true).errors.empty());
  Result r = Run(Server(""), false);
  CHECK(r.errors.empty());
  CHECK(r.out.size() == 7);
  // Config kinds render nothing, at render too.
  Result config = Run(Config("MCPToolConfig", "t", "  toolsFilter: [a]\n"), false);
  CHECK(config.errors.empty());
  CHECK(config.out.empty());
}

TEST_CASE("v0.44.0: a missing referenced config refuses the MCPServer, naming the reference") {
  const struct {
    const char* spec;
    const char* error;
  } kRefs[] = {
      {"  toolConfigRef: {name: tools}\n",
       "6:25: spec.toolConfigRef.name: MCPToolConfig ns/tools not found among the inputs; the "
       "operator (v0.44.0) creates nothing for the MCPServer until then"},
      {"  telemetryConfigRef: {name: otel}\n",
       "spec.telemetryConfigRef.name: MCPTelemetryConfig ns/otel not found"},
      {"  externalAuthConfigRef: {name: ext}\n",
       "spec.externalAuthConfigRef.name: MCPExternalAuthConfig ns/ext not found"},
      {"  webhookConfigRef: {name: hooks}\n",
       "spec.webhookConfigRef.name: MCPWebhookConfig ns/hooks not found"},
      {"  authServerRef: {kind: MCPExternalAuthConfig, name: as}\n",
       "spec.authServerRef.name: MCPExternalAuthConfig ns/as not found"},
      {"  oidcConfigRef: {name: oidc, audience: a}\n",
       "spec.oidcConfigRef.name: MCPOIDCConfig ns/oidc not found"},
      {"  authzConfigRef: {name: authz}\n",
       "spec.authzConfigRef.name: MCPAuthzConfig ns/authz not found"},
  };
  for (const auto& ref : kRefs) {
    CAPTURE(ref.spec);
    Result r = Run(Server(ref.spec));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].find(ref.error) != std::string::npos);
  }
  // All present: clean.
  Result all = Run(
      Server("  toolConfigRef: {name: tools}\n  telemetryConfigRef: {name: otel}\n"
             "  oidcConfigRef: {name: oidc, audience: a}\n  authzConfigRef: {name: authz}\n"
             "  webhookConfigRef: {name: hooks}\n  groupRef: {name: team}\n") +
      Config("MCPToolConfig", "tools", "  toolsFilter: [a]\n") +
      Config("MCPTelemetryConfig", "otel", "  prometheus: {enabled: true}\n") +
      Config("MCPOIDCConfig", "oidc", "  type: inline\n  inline: {issuer: 'https://idp'}\n") +
      Config("MCPAuthzConfig", "authz",
             "  type: cedarv1\n  config: {policies: ['permit(principal, action, resource);']}\n") +
      Config("MCPWebhookConfig", "hooks", "  validating: [{name: a, url: 'https://x/v'}]\n",
             "v1alpha1") +
      Config("MCPGroup", "team", "  {}\n"));
  CHECK(all.errors.empty());
  CHECK(all.warnings.empty());
}

TEST_CASE("v0.44.0: a missing MCPGroup or CA bundle only sets a condition: warnings") {
  Result group = Run(Server("  groupRef: {name: team}\n"));
  CHECK(group.errors.empty());
  REQUIRE(group.warnings.size() == 1);
  CHECK(group.warnings[0] ==
        "6:20: spec.groupRef.name: MCPGroup ns/team not found among the inputs; the operator "
        "(v0.44.0) sets GroupRefValidated=False and creates the MCPServer's objects all the same");
  const std::string oidc = Config("MCPOIDCConfig", "oidc",
                                  "  type: inline\n  inline:\n    issuer: 'https://idp'\n"
                                  "    caBundleRef: {configMapRef: {name: ca, key: bundle.pem}}\n");
  Result ca = Run(Server("  oidcConfigRef: {name: oidc, audience: a}\n") + oidc);
  CHECK(ca.errors.empty());
  CHECK(
      ca.HasWarning("spec.inline.caBundleRef.configMapRef: CA bundle ConfigMap ns/ca not found "
                    "among the inputs (MCPOIDCConfig oidc, used by MCPServer s)"));
  Result key = Run(Server("  oidcConfigRef: {name: oidc, audience: a}\n") + oidc +
                   "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: ns}\n"
                   "data: {ca.crt: x}\n");
  CHECK(key.HasWarning("Key 'bundle.pem' not found in ConfigMap 'ca'"));
}

TEST_CASE("v0.44.0: authServerRef takes one embedded auth server with one upstream") {
  const std::string embedded =
      "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://auth'\n"
      "    upstreamProviders:\n";
  auto provider = [](const std::string& name) {
    return "      - name: " + name +
           "\n        type: oidc\n        oidcConfig: {issuerUrl: 'https://idp', clientId: c}\n";
  };
  const std::string ref = "  authServerRef: {kind: MCPExternalAuthConfig, name: as}\n";
  // The auth server needs the server's OIDC configuration, its audience the resource URL
  // (cu/authserver.go:593-615).
  const std::string oidc =
      "  oidcConfigRef: {name: oidc, audience: 'http://s.ns.svc.cluster.local:8080'}\n";
  Result one =
      Run(Server(ref + oidc) + Config("MCPExternalAuthConfig", "as", embedded + provider("a")) +
          Config("MCPOIDCConfig", "oidc", "  type: inline\n  inline: {issuer: 'https://a'}\n"));
  CHECK(one.errors.empty());
  Result two = Run(Server(ref) +
                   Config("MCPExternalAuthConfig", "as", embedded + provider("a") + provider("b")));
  CHECK(
      two.HasError("spec.authServerRef.name: MCPExternalAuthConfig ns/as has 2 upstream "
                   "providers, but an MCPServer supports only 1; use VirtualMCPServer"));
  Result neither = Run(Config(
      "MCPExternalAuthConfig", "as",
      embedded + "      - name: a\n        type: oauth2\n        oauth2Config: "
                 "{authorizationEndpoint: 'https://idp/a', tokenEndpoint: 'https://idp/t'}\n"));
  // The CRD's rule refuses it before the controller sees it.
  CHECK(
      neither.HasError("spec.embeddedAuthServer.upstreamProviders[0].oauth2Config: Invalid "
                       "value: exactly one of clientId or dcrConfig must be set"));
  Result wrong_type =
      Run(Server(ref) + Config("MCPExternalAuthConfig", "as", "  type: unauthenticated\n"));
  CHECK(
      wrong_type.HasError("authServerRef 'as' has type \"unauthenticated\", but only "
                          "embeddedAuthServer is supported"));
}

TEST_CASE("v0.44.0: a config from --context is judged where an MCPServer refers to it") {
  Diagnostics diags;
  std::vector<Object> objects = Objects(
      Server("  telemetryConfigRef: {name: otel}\n") +
          Config("MCPTelemetryConfig", "otel", "  openTelemetry: {endpoint: 'otel:4317'}\n"),
      &diags);
  REQUIRE(objects.size() == 2);
  objects[1].context_only = true;  // as --context and KRM items add them
  RenderAllOptions options;
  options.validating = true;
  RenderAll(objects, options, &diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().back().message ==
        "MCPTelemetryConfig ns/otel (test.yaml:8) is not valid: endpoint requires at least one "
        "of tracing or metrics to be enabled; the operator (v0.44.0) creates nothing for the "
        "MCPServer until then");
  CHECK(diags.items().back().path == "spec.telemetryConfigRef.name");
}

TEST_CASE("v0.44.0: a tool override that renames nothing refuses the RunConfig") {
  Result r = Run(
      Server("  toolConfigRef: {name: tools}\n") +
      Config("MCPToolConfig", "tools", "  toolsOverride:\n    fetch: {annotations: {title: x}}\n"));
  CHECK(
      r.HasError("spec.toolsOverride.fetch: tool override for fetch must have either name or "
                 "description set; the operator (v0.44.0) refuses the RunConfig of MCPServer "
                 "ns/s, which refers to it"));
  // Unreferenced, the controller has nothing to say (MCPToolConfig is always Valid).
  CHECK(Run(Config("MCPToolConfig", "tools", "  toolsOverride:\n    fetch: {annotations: {}}\n"))
            .errors.empty());
}

TEST_CASE("v0.44.0: each config kind's controller validation, with the operator's words") {
  const struct {
    std::string doc;
    const char* error;
  } kCases[] = {
      {Config("MCPOIDCConfig", "o", "  type: inline\n  inline: {issuer: 'http://idp'}\n"),
       "spec.inline.issuer: MCPOIDCConfig o is not valid: OIDC issuer URL \"http://idp\" uses "
       "HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development "
       "only"},
      {Config("MCPOIDCConfig", "o", "  type: inline\n  inline: {issuer: 'idp.example.com'}\n"),
       "OIDC issuer URL \"idp.example.com\" is malformed: missing scheme or host"},
      {Config("MCPOIDCConfig", "o",
              "  type: inline\n  inline: {issuer: 'https://idp', jwksUrl: 'ftp://idp/keys'}\n"),
       "JWKS URL \"ftp://idp/keys\" has unsupported scheme \"ftp\"; must be http or https"},
      {Config("MCPTelemetryConfig", "t",
              "  openTelemetry:\n    insecure: true\n    caBundleRef: {configMapRef: {name: ca, "
              "key: k}}\n"),
       "openTelemetry.caBundleRef cannot be specified when insecure is true"},
      {Config("MCPAuthzConfig", "a", "  type: opa\n  config: {}\n"),
       "spec.type: MCPAuthzConfig a is not valid: type \"opa\" is not a registered authorizer "
       "backend (registered: [cedarv1 httpv1])"},
      {Config("MCPAuthzConfig", "a", "  type: httpv1\n  config: {http: {url: 'https://pdp'}}\n"),
       "claim_mapping is required (valid values: mpe, standard)"},
      {Config("MCPAuthzConfig", "a", "  type: cedarv1\n  config: {policies: 'permit'}\n"),
       "failed to parse configuration: json: cannot unmarshal string into Go struct field "
       "ConfigOptions.cedar.policies of type []string"},
      {Config("MCPExternalAuthConfig", "e", "  type: obo\n  obo: {}\n"),
       "on-behalf-of (OBO) external auth type requires an enterprise build"},
      {Config("MCPExternalAuthConfig", "e", "  type: awsSts\n  awsSts: {region: us-east-1}\n"),
       "awsSts: at least one of fallbackRoleArn or roleMappings must be configured"},
      {Config("MCPWebhookConfig", "w", "  mutating: [{name: m, url: 'https://x/m', timeout: 2m}]\n",
              "v1alpha1"),
       "spec.mutating[0].timeout: MCPWebhookConfig w is not valid: mutating webhook[0] \"m\": "
       "webhook timeout 2m0s exceeds maximum 30s"},
      {Config("MCPWebhookConfig", "w", "  validating: [{name: v, url: 'http://x/v'}]\n",
              "v1alpha1"),
       "webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for "
       "development/in-cluster use)"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.doc);
    Result r = Run(c.doc);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].find(c.error) != std::string::npos);
    CHECK(r.errors[0].find("the operator (v0.44.0) marks it Valid=False and refuses every "
                           "MCPServer and MCPRemoteProxy that refers to it") != std::string::npos);
  }
  // Where the CRD has a rule for the same thing, the API server refuses the object first, with
  // the rule's message.
  const Case kRuleFirst[] = {
      {Config("MCPOIDCConfig", "o",
              "  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n"
              "  inline: {issuer: 'https://idp'}\n"),
       "6:3: spec: Invalid value: inline must be set when type is 'inline', and must not be set "
       "otherwise"},
      {Config("MCPTelemetryConfig", "t",
              "  openTelemetry:\n    headers: {x-key: a}\n    sensitiveHeaders: [{name: "
              "x-key, secretKeyRef: {name: s, key: k}}]\n"),
       "7:5: spec.openTelemetry: Invalid value: a header name cannot appear in both headers and "
       "sensitiveHeaders"},
  };
  for (const Case& c : kRuleFirst) CHECK(Run(c.input).errors == std::vector<std::string>{c.want});
  // What the checks allow.
  for (const std::string& ok :
       {Config("MCPOIDCConfig", "o",
               "  type: inline\n  inline: {issuer: 'http://idp', insecureAllowHTTP: true}\n"),
        Config("MCPOIDCConfig", "o",
               "  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n"),
        Config("MCPWebhookConfig", "w",
               "  validating: [{name: v, url: 'http://x/v', tlsConfig: {insecureSkipVerify: "
               "true}, timeout: 30s}]\n",
               "v1alpha1"),
        Config("MCPExternalAuthConfig", "e", "  type: unauthenticated\n")}) {
    CAPTURE(ok);
    CHECK(Run(ok).errors.empty());
  }
}

}  // namespace t0_44_0
}  // namespace thv
