// oidcConfig type configMap: the ConfigMap among the inputs becomes an inline MCPOIDCConfig
// (the render comparison in migrate_render_test.cc checks the meaning:
// migrate/oidc_configmap.yaml).
#include <doctest/doctest.h>

#include "migrate/migrate_testing.h"

namespace thv {

namespace {

const char kServer[] =
    "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: s\n"
    "  namespace: mcp\nspec:\n  image: x\n  transport: sse\n  targetPort: 8080\n"
    "  oidcConfig:\n    type: configMap\n    configMap:\n      name: idp\n";

std::string ConfigMap(const std::string& data, const std::string& ns = "mcp") {
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: idp\n  namespace: " + ns +
         "\ndata:\n" + data;
}

}  // namespace

TEST_CASE("migrate: a configMap OIDC type reads its ConfigMap from another input file") {
  MigrateOptions options;
  options.to = FindTarget("v0.44.0");
  const std::string cm = ConfigMap(
      "  issuer: https://idp\n  audience: api\n  clientId: \"\"\n"
      "  jwksAllowPrivateIP: \"yes\"\n  jwksAuthTokenPath: /t\n  team: a\n");
  Diagnostics diags;
  const std::vector<std::string> out =
      Migrate({{"cm.yaml", cm}, {"server.yaml", kServer}}, options, &diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(out.size() == 2);
  CHECK(out[0] == cm);  // the ConfigMap stays as it was
  // Empty values and a jwksAllowPrivateIP other than "true" passed nothing at 7002a239b.
  CHECK(out[1] ==
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata:\n  name: s\n"
        "  namespace: mcp\nspec:\n  image: x\n  transport: sse\n  mcpPort: 8080\n"
        "  oidcConfigRef:\n    name: s-oidc\n    audience: api\n"
        "    resourceUrl: \"http://mcp-s-proxy.mcp.svc.cluster.local:8080\"\n"
        "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPOIDCConfig\nmetadata:\n"
        "  name: s-oidc\n  namespace: mcp\nspec:\n  type: inline\n  inline:\n"
        "    issuer: https://idp\n    jwksAuthTokenPath: /t\n");
  bool noted = false;
  for (const Diagnostic& d : diags.items())
    noted |= d.file == "cm.yaml" && d.path == "data.team" &&
             d.message.find("did not read this key") != std::string::npos;
  CHECK(noted);
  CHECK(Mentions(diags, "no longer reads the ConfigMap"));
}

TEST_CASE("migrate: a configMap OIDC type without an equivalent at v0.44.0 is refused") {
  struct Case {
    std::string configmap;
    const char* says;
  } cases[] = {
      {"", "not among the inputs"},
      {ConfigMap("  issuer: https://i\n  audience: a\n", "other"), "not among the inputs"},
      {ConfigMap("  issuer: https://i\n  audience: a\n  clientSecret: s\n"), "clientSecretRef"},
      {ConfigMap("  issuer: https://i\n  audience: a\n  thvCABundlePath: /ca\n"), "caBundleRef"},
      {ConfigMap("  issuer: https://i\n  audience: \"\"\n"), "requires an audience"},
      {ConfigMap("  audience: a\n"), "no issuer"},
      {ConfigMap("  issuer: https://i\n  audience: a\n  jwksAllowPrivateIP: true\n"),
       "data values are strings"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.configmap);
    Diagnostics diags;
    const std::string in = c.configmap.empty() ? kServer : c.configmap + "---\n" + kServer;
    CHECK(MigrateText(in, &diags) == in);
    CHECK(diags.HasErrors());
    CHECK(Mentions(diags, c.says));
  }
}

}  // namespace thv
