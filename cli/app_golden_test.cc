// Golden files through RunCli: every bundled example of both releases, as reviewed, and the
// examples the operator refuses with their errors.
#include "cli/app_testing.h"

namespace thv {

TEST_CASE("golden: every bundled MCPServer example renders as reviewed") {
  for (const char* name : {"mcpserver_fetch", "mcpserver_fetch_tools_filter", "mcpserver_github",
                           "mcpserver_with_pod_template", "mcpserver_with_resource_overrides",
                           "mcpserver_yardstick_sse", "mcpserver_yardstick_stdio"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/examples/mcp-servers/") + name + ".yaml"},
                std::string("7002a239b/mcp-servers/") + name + ".yaml");
  }
}

TEST_CASE("golden: every feature of the MCPServer CRD at once") {
  CheckGolden({"testdata/servers/full"}, "7002a239b/servers/full.yaml");
}

TEST_CASE("golden: the bundled MCPRegistry examples, the git one from its lock file") {
  CheckGolden({"testdata/examples/mcp-registries"}, "7002a239b/mcp-registries/all.yaml",
              {"render", "--offline"});
}

TEST_CASE(
    "golden v0.44.0: every MCPRegistry example of the tag, and every field through v1alpha1") {
  for (const char* name : {"mcpregistry-configyaml-api", "mcpregistry-configyaml-configmap",
                           "mcpregistry-configyaml-git-auth", "mcpregistry-configyaml-minimal",
                           "mcpregistry-configyaml-oauth", "mcpregistry-configyaml-pgpass"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/examples/v0.44.0/mcp-registries/") + name + ".yaml"},
                std::string("v0.44.0/mcp-registries/") + name + ".yaml", kRenderV044);
  }
  CheckGolden({"testdata/registries/v0.44.0/full.yaml"}, "v0.44.0/mcp-registries/full.yaml",
              kRenderV044);
}

TEST_CASE(
    "golden v0.44.0: every MCPServer and MCPRemoteProxy example of the tag renders as the operator "
    "creates it") {
  for (const char* name :
       {"mcp-servers/mcpserver_fetch", "mcp-servers/mcpserver_fetch_otel",
        "mcp-servers/mcpserver_fetch_tools_filter", "mcp-servers/mcpserver_github",
        "mcp-servers/mcpserver_mkp", "mcp-servers/mcpserver_with_oidcconfig_ref",
        "mcp-servers/mcpserver_with_pod_template", "mcp-servers/mcpserver_with_resource_overrides",
        "mcp-servers/mcpserver_with_restart_strategy", "mcp-servers/mcpserver_yardstick_sse",
        "mcp-servers/mcpserver_yardstick_stdio", "mcp-servers/mcpserver_yardstick_streamablehttp",
        "vault/mcpserver-github-with-vault", "external-auth-fixed/complete_example",
        "external-auth-fixed/mcpserver_with_external_auth",
        "mcp-servers/mcpremoteproxy_with_oidcconfig_ref",
        "external-auth/mcpremoteproxy_with_bearer_token"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/examples/v0.44.0/") + name + ".yaml"},
                std::string("v0.44.0/") + name + ".yaml", kRenderV044);
  }
}

TEST_CASE(
    "golden v0.44.0: config kinds render nothing, themselves when kept, or a server's config") {
  for (const char* name :
       {"tool-configs/toolconfig_basic", "tool-configs/toolconfig_with_overrides",
        "external-auth-fixed/mcpexternalauthconfig_basic",
        "external-auth-fixed/mcpexternalauthconfig_minimal"}) {
    CAPTURE(name);
    const std::string input = std::string("testdata/examples/v0.44.0/") + name + ".yaml";
    CheckGolden({input}, "v0.44.0/empty.yaml", kRenderV044);
    std::vector<std::string> keep = kRenderV044;
    keep.push_back("--keep-custom-resources");
    CheckGolden({input}, std::string("v0.44.0/") + name + ".kept.yaml", keep);
  }
  CheckGolden({"testdata/examples/v0.44.0/tool-configs/toolconfig_with_overrides.yaml",
               "testdata/servers/v0.44.0/tool-overrides.yaml"},
              "v0.44.0/tool-configs/with-server.yaml", kRenderV044);
}

TEST_CASE("golden v0.44.0: every reference and setting of an MCPServer at once") {
  CheckGolden({"testdata/servers/v0.44.0/full"}, "v0.44.0/servers/full.yaml", kRenderV044);
}

TEST_CASE("golden v0.44.0: every reference and setting of an MCPRemoteProxy at once") {
  CheckGolden({"testdata/servers/v0.44.0/remote-proxies"}, "v0.44.0/servers/remote-proxies.yaml",
              kRenderV044);
}

TEST_CASE(
    "golden v0.44.0: the embedded auth server, through authServerRef and externalAuthConfigRef, "
    "of MCPServers and MCPRemoteProxies, inline in VirtualMCPServers") {
  const std::string dir = "testdata/servers/v0.44.0/authserver/";
  CheckGolden({dir + "10-authserver-ref.yaml"}, "v0.44.0/authserver/authserver-ref.yaml",
              kRenderV044);
  CheckGolden({dir + "20-external-auth-ref.yaml"}, "v0.44.0/authserver/external-auth-ref.yaml",
              kRenderV044);
  // The tag's Redis Sentinel example renders nothing itself, and as a server's auth server.
  const std::string example =
      "testdata/examples/v0.44.0/redis-storage/mcpexternalauthconfig-redis-storage.yaml";
  CheckGolden({example}, "v0.44.0/empty.yaml", kRenderV044);
  CheckGolden({example, dir + "30-redis-example.yaml"}, "v0.44.0/authserver/redis-example.yaml",
              kRenderV044);
  // MCPRemoteProxies with one, through either reference.
  CheckGolden({dir + "40-remote-proxies.yaml"}, "v0.44.0/authserver/remote-proxies.yaml",
              kRenderV044);
  // VirtualMCPServers with an inline spec.authServerConfig (authserver-config.yaml): static mode,
  // every field, Cedar pinned to the second upstream (compared byte for byte with Go's
  // yaml.Marshal of the same values, notes/vmcpauthsrv.md); discovered mode, the smallest
  // configuration, the derived resource URL.
  CheckGolden({dir + "50-virtual-mcp.yaml"}, "v0.44.0/virtual-mcps-extra/authserver-static.yaml",
              kRenderV044);
  CheckGolden({dir + "60-virtual-mcp-minimal.yaml"},
              "v0.44.0/virtual-mcps-extra/authserver-minimal.yaml", kRenderV044);
}

TEST_CASE("golden v0.44.0: the tag's examples the operator refuses, with their errors") {
  for (const char* name :
       {"external-auth/complete_example", "external-auth/mcpexternalauthconfig_basic",
        "external-auth/mcpexternalauthconfig_minimal",
        "external-auth/mcpserver_with_external_auth"}) {
    CAPTURE(name);
    CheckErrorGolden({std::string("testdata/examples/v0.44.0/") + name + ".yaml"},
                     std::string("v0.44.0/") + name + ".err", kRenderV044);
  }
  // The snake_case configuration with its server: the config's errors, not a missing reference.
  CheckErrorGolden({"testdata/examples/v0.44.0/external-auth/mcpexternalauthconfig_basic.yaml",
                    "testdata/examples/v0.44.0/external-auth/mcpserver_with_external_auth.yaml"},
                   "v0.44.0/external-auth/basic-with-server.err", kRenderV044);
}

TEST_CASE(
    "--operator-version: the flag, else THV_RENDER_OPERATOR_VERSION; unknown is a usage error") {
  MemoryDiskInterface disk;
  Result r = Run(&disk, {"render", "--operator-version", "v0.43.0", "-"}, kServer);
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--operator-version: Unsupported value: \"v0.43.0\": supported values: "
                   "\"v0.44.0\", \"7002a239b\"") != std::string::npos);
  for (const char* command : {"validate", "list", "sync", "krm"}) {
    CAPTURE(command);
    CHECK(Run(&disk, {command, "--operator-version", "nope", "-"}).code == 2);
  }
  ::setenv("THV_RENDER_OPERATOR_VERSION", "nope", 1);
  Result env = Run(&disk, {"validate", "--operator-version", "7002a239b", "-"}, kServer);
  CHECK(env.code == 0);  // the flag wins over the environment
  ::unsetenv("THV_RENDER_OPERATOR_VERSION");
  Result version = Run(&disk, {"version"});
  CHECK(version.code == 0);
  CHECK(version.out.find("  v0.44.0 (default): github.com/stacklok/toolhive@v0.44.0 (b3df9689b)") !=
        std::string::npos);
  CHECK(version.out.find("\n  7002a239b: github.com/stacklok/toolhive@7002a239b") !=
        std::string::npos);
  CHECK(version.out.find("registry API image ghcr.io/stacklok/thv-registry-api:v1.3.0\n") !=
        std::string::npos);
}

TEST_CASE("--operator-version: unpinned, render follows the default release, v0.44.0") {
  MemoryDiskInterface disk;
  const std::string server =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: fetch}\n"
      "spec: {image: docker.io/mcp/fetch}\n";
  std::ostringstream out, err;
  auto read_stdin = [&server](size_t, std::string* text, std::string*) {
    *text = server;
    return true;
  };
  CliIo io{&disk, read_stdin, &out, &err, false};
  const char* argv[] = {"thv-render", "render", "-"};  // Run() would pin 7002a239b
  CHECK(RunCli(3, argv, io) == 0);
  CHECK(out.str().find("image: ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0") !=
        std::string::npos);
  CHECK(out.str().find("startupProbe:") != std::string::npos);
}

TEST_CASE("golden v0.44.0: EmbeddingServer examples render their StatefulSet and Service") {
  for (const char* name :
       {"embedding-servers/basic-embedding", "embedding-servers/embedding-advanced",
        "embedding-servers/embedding-with-cache"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/examples/v0.44.0/") + name + ".yaml"},
                std::string("v0.44.0/") + name + ".yaml", kRenderV044);
  }
}

TEST_CASE("golden v0.44.0: MCPGroup and MCPServerEntry render nothing, themselves when kept") {
  for (const char* name : {"mcp-server-entries/mcpserverentry_basic",
                           "mcp-server-entries/mcpserverentry_with_ca_bundle",
                           "mcp-server-entries/mcpserverentry_with_header_forward",
                           "mcp-server-entries/mcpserverentry_with_token_exchange"}) {
    CAPTURE(name);
    const std::string input = std::string("testdata/examples/v0.44.0/") + name + ".yaml";
    std::vector<std::string> keep = kRenderV044;
    keep.push_back("--keep-custom-resources");
    CheckGolden({input}, std::string("v0.44.0/") + name + ".kept.yaml", keep);
  }
  // Its ConfigMap passes through; the group and the entry go.
  CheckGolden({"testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_basic.yaml"},
              "v0.44.0/empty.yaml", kRenderV044);
  // The VirtualMCPServer beside the group in static mode: the group's backends in config.yaml.
  CheckGolden({"testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_mixed_group.yaml"},
              "v0.44.0/mcp-server-entries/mcpserverentry_mixed_group.yaml", kRenderV044);
}

TEST_CASE(
    "golden v0.44.0: VirtualMCPServer examples render RBAC, config.yaml, Deployment, Service") {
  for (const char* name :
       {"composite_tool_complex", "composite_tool_simple", "composite_tool_with_elicitations",
        "vmcp_codemode", "vmcp_conflict_resolution", "vmcp_optimizer_all_options",
        "vmcp_optimizer_openai", "vmcp_optimizer_quickstart", "vmcp_simple_discovered",
        "vmcp_with_oidcconfig_ref", "vmcp_with_telemetry_ref"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/examples/v0.44.0/virtual-mcps/") + name + ".yaml"},
                std::string("v0.44.0/virtual-mcps/") + name + ".yaml", kRenderV044);
  }
  // Their MCPOIDCConfig is not in the file: the operator creates nothing. The copies completed
  // with one (virtual-mcps-completed) render.
  for (const char* name : {"vmcp_inline_incoming_auth", "vmcp_production_full"}) {
    CAPTURE(name);
    CheckErrorGolden({std::string("testdata/examples/v0.44.0/virtual-mcps/") + name + ".yaml"},
                     std::string("v0.44.0/virtual-mcps/") + name + ".err", kRenderV044);
    CheckGolden({std::string("testdata/examples/v0.44.0/virtual-mcps-completed/") + name + ".yaml"},
                std::string("v0.44.0/virtual-mcps-completed/") + name + ".yaml", kRenderV044);
  }
}

TEST_CASE(
    "golden v0.44.0: VirtualMCPServer authz from an MCPAuthzConfig or a ConfigMap, and rate "
    "limits") {
  for (const char* name : {"authz-ref", "authz-configmap", "ratelimit-buckets"}) {
    CAPTURE(name);
    CheckGolden({std::string("testdata/servers/v0.44.0/virtual-mcps-extra/") + name + ".yaml"},
                std::string("v0.44.0/virtual-mcps-extra/") + name + ".yaml", kRenderV044);
  }
}

TEST_CASE("golden: list at 7002a239b, servers and registries (as main's thv-render printed it)") {
  CheckGolden({"testdata/examples/mcp-registries", "testdata/servers/full"}, "7002a239b/list.txt",
              {"list"});
}

TEST_CASE("golden v0.44.0: list prints a table per kind, with its CRD's printer columns") {
  CheckGolden({"testdata/examples/v0.44.0/embedding-servers",
               "testdata/examples/v0.44.0/mcp-registries/mcpregistry-configyaml-minimal.yaml",
               "testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_basic.yaml",
               "testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_with_ca_bundle.yaml",
               "testdata/servers/v0.44.0/full"},
              "v0.44.0/list.txt", {"list", "--operator-version", "v0.44.0"});
}

}  // namespace thv
