#include "migrate/migrate.h"

#include <doctest/doctest.h>

#include "core/testing.h"
#include "migrate/migrate_testing.h"

namespace thv {

TEST_CASE("migrate: port and targetPort renamed, apiVersion v1beta1, comments and quoting kept") {
  const std::string in =
      "# A server.\n"
      "apiVersion: \"toolhive.stacklok.dev/v1alpha1\"  # old\n"
      "kind: MCPServer\n"
      "metadata: {name: fetch, namespace: tools}\n"
      "spec:\n"
      "  image: 'docker.io/mcp/fetch'   # pinned below\n"
      "  transport: streamable-http\n"
      "  # the proxy\n"
      "  \"port\": 9090  # proxy\n"
      "  targetPort:   8081\n";
  std::string want = in;
  for (auto [from, to] : {std::pair{"v1alpha1", "v1beta1"},
                          {"\"port\"", "\"proxyPort\""},
                          {"targetPort:", "mcpPort:"}})
    want.replace(want.find(from), std::string(from).size(), to);
  Diagnostics diags;
  CHECK(MigrateText(in, &diags) == want);
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("migrate: stdio keeps sse explicitly, with a note; flow spec renames only") {
  Diagnostics diags;
  CHECK(MigrateText("apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\n"
                    "metadata:\n  name: a\nspec:\n    image: x\n    port: 8080\n",
                    &diags) ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\n"
        "metadata:\n  name: a\nspec:\n    image: x\n    proxyMode: sse\n    proxyPort: 8080\n");
  CHECK(Mentions(diags, "note: the stdio proxy mode default changed"));
  Diagnostics flow;
  CHECK(MigrateText("apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\n"
                    "metadata: {name: a}\nspec: {image: x, transport: sse, port: 1, "
                    "targetPort: 2}\n",
                    &flow) ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\n"
        "metadata: {name: a}\nspec: {image: x, transport: sse, proxyPort: 1, mcpPort: 2}\n");
  CHECK_FALSE(flow.HasErrors());
  Diagnostics stdio_flow;
  MigrateText(
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\n"
      "metadata: {name: a}\nspec: {image: x}\n",
      &stdio_flow);
  CHECK(Mentions(stdio_flow, "cannot insert proxyMode: sse"));
}

TEST_CASE(
    "migrate: inline oidcConfig, telemetry and tools become config documents after "
    "their server, shared when identical") {
  const std::string server =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\n"
      "kind: MCPServer\n"
      "metadata:\n"
      "  name: NAME\n"
      "  namespace: ns\n"
      "spec:\n"
      "  image: x\n"
      "  transport: sse\n"
      "  targetPort: 8080\n"
      "  oidcConfig:  # who may call\n"
      "    type: inline\n"
      "    resourceUrl: https://mcp.example.com/fetch\n"
      "    inline:\n"
      "      # the IdP\n"
      "      issuer: https://idp.example.com\n"
      "      audience: fetch\n"
      "      clientId: fetch-client\n"
      "  telemetry:\n"
      "    openTelemetry:\n"
      "      enabled: true\n"
      "      endpoint: otel:4318\n"
      "      serviceName: fetch-svc\n"
      "      headers: [\"a=1\", \"b=x=y\"]\n"
      "      tracing: {enabled: true, samplingRate: \"0.1\"}\n"
      "    prometheus:\n"
      "      enabled: true\n"
      "  tools: [fetch, get]\n";
  auto named = [&](const std::string& name) {
    std::string s = server;
    s.replace(s.find("NAME"), 4, name);
    return s;
  };
  Diagnostics diags;
  const std::string out = MigrateText(named("one") + "---\n" + named("two"), &diags);
  CHECK_FALSE(diags.HasErrors());
  const std::string one_server =
      "apiVersion: toolhive.stacklok.dev/v1beta1\n"
      "kind: MCPServer\n"
      "metadata:\n"
      "  name: one\n"
      "  namespace: ns\n"
      "spec:\n"
      "  image: x\n"
      "  transport: sse\n"
      "  mcpPort: 8080\n"
      "      # the IdP\n"
      "  oidcConfigRef:  # who may call\n"
      "    name: one-oidc\n"
      "    audience: fetch\n"
      "    resourceUrl: \"https://mcp.example.com/fetch\"\n"
      "  telemetryConfigRef:\n"
      "    name: one-telemetry\n"
      "    serviceName: fetch-svc\n"
      "  toolConfigRef:\n"
      "    name: one-tools\n";
  const std::string configs =
      "---\n"
      "apiVersion: toolhive.stacklok.dev/v1beta1\n"
      "kind: MCPOIDCConfig\n"
      "metadata:\n"
      "  name: one-oidc\n"
      "  namespace: ns\n"
      "spec:\n"
      "  type: inline\n"
      "  inline:\n"
      "    issuer: https://idp.example.com\n"
      "    clientId: fetch-client\n"
      "---\n"
      "apiVersion: toolhive.stacklok.dev/v1beta1\n"
      "kind: MCPTelemetryConfig\n"
      "metadata:\n"
      "  name: one-telemetry\n"
      "  namespace: ns\n"
      "spec:\n"
      "  openTelemetry:\n"
      "    enabled: true\n"
      "    endpoint: otel:4318\n"
      "    headers:\n"
      "      a: '1'\n"
      "      b: x=y\n"
      "    tracing:\n"
      "      enabled: true\n"
      "      samplingRate: '0.1'\n"
      "  prometheus:\n"
      "    enabled: true\n"
      "---\n"
      "apiVersion: toolhive.stacklok.dev/v1beta1\n"
      "kind: MCPToolConfig\n"
      "metadata:\n"
      "  name: one-tools\n"
      "  namespace: ns\n"
      "spec:\n"
      "  toolsFilter:\n"
      "  - fetch\n"
      "  - get\n";
  std::string two_server = one_server;
  two_server.replace(two_server.find("name: one"), 9, "name: two");
  CHECK(out == one_server + configs + "---\n" + two_server);
  // Migrated output is left alone.
  Diagnostics again;
  CHECK(MigrateText(out, &again) == out);
  CHECK_FALSE(again.HasErrors());
}

TEST_CASE(
    "migrate: an OpenTelemetry endpoint keeps exporting (7002a239b's flags ignored enabled)") {
  Diagnostics diags;
  const std::string out = MigrateText(
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: t\n"
      "spec:\n  image: x\n  proxyMode: sse\n  telemetry:\n    openTelemetry:\n"
      "      endpoint: otel:4318\n      enabled: false\n",
      &diags);
  CHECK(out.find("  openTelemetry:\n    endpoint: otel:4318\n    enabled: true\n") !=
        std::string::npos);
  CHECK(Mentions(diags, "note: 7002a239b's proxy exported to the endpoint"));
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("migrate: kubernetes OIDC (the 7002a239b default type) keeps its audience default") {
  Diagnostics diags;
  const std::string out = MigrateText(
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: k\n"
      "spec:\n  image: x\n  proxyMode: sse\n  oidcConfig:\n    kubernetes:\n"
      "      serviceAccount: sa\n      useClusterAuth: false\n",
      &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(out ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata:\n  name: k\n"
        "spec:\n  image: x\n  proxyMode: sse\n  oidcConfigRef:\n    name: k-oidc\n"
        "    audience: toolhive\n"
        "    resourceUrl: \"http://mcp-k-proxy.default.svc.cluster.local:8080\"\n"
        "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPOIDCConfig\nmetadata:\n"
        "  name: k-oidc\nspec:\n  type: kubernetesServiceAccount\n  kubernetesServiceAccount:\n"
        "    serviceAccount: sa\n    useClusterAuth: false\n");
}

TEST_CASE("migrate: what v0.44.0 cannot keep is refused at the field") {
  const std::string head =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: r\n"
      "spec:\n  image: x\n  proxyMode: sse\n";
  struct Case {
    const char* spec;
    const char* says;
  } cases[] = {
      {"  oidcConfig:\n    type: configMap\n    configMap: {name: c}\n", "not among the inputs"},
      {"  oidcConfig:\n    type: inline\n    inline: {issuer: https://i, audience: a, "
       "clientSecret: s}\n",
       "clientSecretRef"},
      {"  oidcConfig:\n    type: inline\n    inline: {issuer: https://i, audience: a, "
       "thvCABundlePath: /ca}\n",
       "caBundleRef"},
      {"  oidcConfig:\n    type: inline\n    inline: {issuer: https://i}\n",
       "requires an audience"},
      {"  tools: [a]\n  toolConfigRef: {name: t}\n", "both tools and toolConfigRef"},
      {"  permissionProfile: {type: configmap, name: p, key: k}\n", "configmap permission"},
      {"  telemetry:\n    openTelemetry: {headers: [novalue]}\n", "not KEY=VALUE"},
      {"  telemetry:\n    openTelemetry: {headers: [a=1, a=2]}\n", "given twice"},
      {"  port: 0\n", "refused: not a valid object"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.spec);
    Diagnostics diags;
    const std::string in = head + c.spec;
    MigrateText(in, &diags);
    CHECK(diags.HasErrors());
    CHECK(Mentions(diags, c.says));
  }
}

TEST_CASE("migrate: spec fields merged from elsewhere are refused; empty ones removed") {
  Diagnostics merged;
  MigrateText(
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n"
      "  name: r\n  labels: &l\n    image: x\nspec:\n  <<: *l\n  proxyMode: sse\n",
      &merged);
  CHECK(Mentions(merged, "YAML merge key or alias"));
  Diagnostics empty;
  CHECK(MigrateText("apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n"
                    "  name: r\nspec:\n  image: x\n  proxyMode: sse\n  tools:\n  telemetry:\n",
                    &empty) ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata:\n"
        "  name: r\nspec:\n  image: x\n  proxyMode: sse\n");
  CHECK_FALSE(empty.HasErrors());
}

TEST_CASE("migrate: a config name taken by other settings is refused; identical ones reused") {
  const std::string server =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: s\n"
      "spec:\n  image: x\n  proxyMode: sse\n  tools: [a]\n";
  Diagnostics taken;
  MigrateText(server +
                  "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPToolConfig\n"
                  "metadata:\n  name: s-tools\nspec:\n  toolsFilter: [b]\n",
              &taken);
  CHECK(Mentions(taken, "MCPToolConfig s-tools already exists with other settings"));
  Diagnostics reused;
  const std::string existing =
      "---\napiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPToolConfig\n"
      "metadata:\n  name: shared\nspec:\n  toolsFilter: [a]\n";
  CHECK(MigrateText(server + existing, &reused) ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata:\n  name: s\n"
        "spec:\n  image: x\n  proxyMode: sse\n  toolConfigRef:\n    name: shared\n"
        "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPToolConfig\n"
        "metadata:\n  name: shared\nspec:\n  toolsFilter: [a]\n");
}

TEST_CASE("migrate: other objects, v1beta1 documents and --from v0.44.0 are left alone") {
  const std::string in =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {port: \"1\"}\n---\n"
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: b}\n"
      "spec: {image: x}\n";
  Diagnostics diags;
  CHECK(MigrateText(in, &diags) == in);
  CHECK(diags.items().empty());
  Diagnostics wrong;
  MigrateText(
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: b}\n"
      "spec: {image: x, port: 1}\n",
      &wrong);
  CHECK(Mentions(wrong, "refused: not a valid object at 7002a239b or v0.44.0"));
  MigrateOptions from_old;
  from_old.from = FindTarget("7002a239b");
  Diagnostics migrated_again;
  CHECK(MigrateText(in, &migrated_again, from_old) == in);
  CHECK_FALSE(migrated_again.HasErrors());
  MigrateOptions same;
  same.from = FindTarget("v0.44.0");
  const std::string old =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\n"
      "metadata: {name: b}\nspec: {image: x, port: 1}\n";
  Diagnostics none;
  CHECK(MigrateText(old, &none, same) == old);
}

TEST_CASE("migrate: CRLF files get CRLF in what migrate writes") {
  std::string in = ReadTestdata("migrate/full.yaml");
  Diagnostics lf, crlf;
  std::string want = MigrateText(in, &lf);
  auto to_crlf = [](std::string s) {
    for (size_t at = 0; (at = s.find('\n', at)) != std::string::npos; at += 2) s.insert(at, "\r");
    return s;
  };
  CHECK(MigrateText(to_crlf(in), &crlf) == to_crlf(want));
  CHECK_FALSE(crlf.HasErrors());
}

TEST_CASE("migrate: input that is not plain UTF-8 with LF ends is refused, not guessed at") {
  Diagnostics diags;
  MigrateText("a: 1\rb: 2\r", &diags);
  CHECK(Mentions(diags, "LF or CRLF"));
}

}  // namespace thv
