// End-to-end through RunCli: golden files for the bundled examples, exit codes, and output
// that is all or nothing.
#include "cli/app.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace thv {

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

// Commands that read inputs run pinned to --operator-version 7002a239b unless a test names a
// release: what these tests assert does not move when the default release does.
Result Run(DiskInterface* disk, std::vector<std::string> args, const std::string& stdin_text = "",
           bool tty = false) {
  const bool takes_version =
      !args.empty() && (args[0] == "render" || args[0] == "validate" || args[0] == "list" ||
                        args[0] == "sync" || args[0] == "krm");
  if (takes_version && std::find(args.begin(), args.end(), "--operator-version") == args.end())
    args.insert(args.begin() + 1, {"--operator-version", "7002a239b"});
  args.insert(args.begin(), "thv-render");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  auto read_stdin = [&](size_t max_bytes, std::string* text, std::string* why) {
    if (stdin_text.size() > max_bytes) {
      *why = "standard input is larger than the limit";
      return false;
    }
    *text = stdin_text;
    return true;
  };
  CliIo io{disk, read_stdin, &out, &err, tty};
  int code = RunCli(static_cast<int>(argv.size()), argv.data(), io);
  return {code, out.str(), err.str()};
}

const std::string kSource = THV_SOURCE_DIR;

void CheckGolden(const std::vector<std::string>& inputs, const std::string& golden,
                 std::vector<std::string> args = {"render"}) {
  RealDiskInterface disk;
  for (const std::string& in : inputs) args.push_back(kSource + "/" + in);
  Result r = Run(&disk, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string path = kSource + "/testdata/golden/" + golden;
  std::string expected, err;
  if (std::getenv("THV_UPDATE_GOLDEN")) {
    disk.WriteFile(path, r.out, &err);
    return;
  }
  REQUIRE_MESSAGE(disk.ReadFile(path, &expected, &err), err);
  CHECK(r.out == expected);
}

// A render the operator would refuse: exit 1, nothing on stdout, and stderr (input paths relative
// to the source tree) as reviewed in testdata/golden/<golden>.
void CheckErrorGolden(const std::vector<std::string>& inputs, const std::string& golden,
                      std::vector<std::string> args) {
  RealDiskInterface disk;
  for (const std::string& in : inputs) args.push_back(kSource + "/" + in);
  Result r = Run(&disk, args);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  std::string err = r.err;
  for (size_t at = err.find(kSource + "/"); at != std::string::npos;
       at = err.find(kSource + "/", at))
    err.erase(at, kSource.size() + 1);
  const std::string path = kSource + "/testdata/golden/" + golden;
  std::string expected, read_err;
  if (std::getenv("THV_UPDATE_GOLDEN")) {
    disk.WriteFile(path, err, &read_err);
    return;
  }
  REQUIRE_MESSAGE(disk.ReadFile(path, &expected, &read_err), read_err);
  CHECK(err == expected);
}

const std::vector<std::string> kRenderV044 = {"render", "--operator-version", "v0.44.0"};

const char kServer[] = R"(apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: fetch
spec:
  image: docker.io/mcp/fetch
)";

}  // namespace

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

TEST_CASE("golden v0.44.0: every MCPServer example of the tag renders as the operator creates it") {
  for (const char* name :
       {"mcp-servers/mcpserver_fetch", "mcp-servers/mcpserver_fetch_otel",
        "mcp-servers/mcpserver_fetch_tools_filter", "mcp-servers/mcpserver_github",
        "mcp-servers/mcpserver_mkp", "mcp-servers/mcpserver_with_oidcconfig_ref",
        "mcp-servers/mcpserver_with_pod_template", "mcp-servers/mcpserver_with_resource_overrides",
        "mcp-servers/mcpserver_with_restart_strategy", "mcp-servers/mcpserver_yardstick_sse",
        "mcp-servers/mcpserver_yardstick_stdio", "mcp-servers/mcpserver_yardstick_streamablehttp",
        "vault/mcpserver-github-with-vault", "external-auth-fixed/complete_example",
        "external-auth-fixed/mcpserver_with_external_auth"}) {
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

TEST_CASE("golden v0.44.0: the tag's examples the operator refuses, with their errors") {
  for (const char* name :
       {"mcp-servers/mcpremoteproxy_with_oidcconfig_ref", "external-auth/complete_example",
        "external-auth/mcpexternalauthconfig_basic", "external-auth/mcpexternalauthconfig_minimal",
        "external-auth/mcpserver_with_external_auth",
        "external-auth/mcpremoteproxy_with_bearer_token"}) {
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

TEST_CASE("stdin, namespace defaulting and JSON output") {
  MemoryDiskInterface disk;
  Result r = Run(&disk, {"render", "-n", "team-a", "-o", "json"}, kServer);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\"kind\": \"List\"") != std::string::npos);
  CHECK(r.out.find("\"namespace\": \"team-a\"") != std::string::npos);
  Result yaml = Run(&disk, {"render", "-"}, kServer);
  CHECK(yaml.code == 0);
  CHECK(yaml.out.find("namespace: default\n") != std::string::npos);
}

TEST_CASE("objects come out in the documented order") {
  MemoryDiskInterface disk;
  Result r = Run(&disk, {"render"}, kServer);
  REQUIRE(r.code == 0);
  size_t last = 0;
  for (const char* kind :
       {"kind: ServiceAccount\nmetadata:\n  name: fetch-proxy-runner",
        "kind: ServiceAccount\nmetadata:\n  name: fetch-sa", "kind: Role\n", "kind: RoleBinding\n",
        "kind: ConfigMap\n", "kind: Service\n", "kind: Deployment\n"}) {
    size_t at = r.out.find(kind);
    CAPTURE(kind);
    REQUIRE(at != std::string::npos);
    CHECK(at >= last);
    last = at;
  }
}

TEST_CASE("pass-through objects stay, custom resources go unless kept") {
  MemoryDiskInterface disk;
  disk.files["in/a.yaml"] = std::string(kServer) +
                            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n"
                            "  token: hunter2\n";
  Result r = Run(&disk, {"render", "in"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kind: Secret") != std::string::npos);
  CHECK(r.out.find("kind: MCPServer") == std::string::npos);
  // The secret value appears exactly once: in the Secret itself.
  CHECK(r.out.find("hunter2") == r.out.rfind("hunter2"));
  Result kept = Run(&disk, {"render", "--keep-custom-resources", "in"});
  CHECK(kept.out.find("kind: MCPServer") != std::string::npos);
}

TEST_CASE("bad input: every error reported with file:line:col, exit 1, nothing on stdout") {
  MemoryDiskInterface disk;
  disk.files["bad.yaml"] = R"(apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: Bad_Name
spec:
  image: x
---
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: ok
spec:
  transport: tcp
  port: 70000
)";
  Result r = Run(&disk, {"render", "bad.yaml"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("bad.yaml:4:9: metadata.name: Invalid value: \"Bad_Name\"") !=
        std::string::npos);
  CHECK(r.err.find("spec.transport") != std::string::npos);
  CHECK(r.err.find("spec.port") != std::string::npos);
  CHECK(r.err.find("spec.image") != std::string::npos);
}

TEST_CASE("diagnostics are colored only on a terminal") {
  MemoryDiskInterface disk;
  const std::string bad = std::string(kServer) + "  port: 0\n";
  CHECK(Run(&disk, {"render"}, bad, true).err.find("\033[31m") == 0);
  CHECK(Run(&disk, {"render"}, bad, false).err.find('\033') == std::string::npos);
}

TEST_CASE("usage errors exit 2; help and version exit 0") {
  MemoryDiskInterface disk;
  CHECK(Run(&disk, {}).code == 2);
  CHECK(Run(&disk, {"render", "-o", "xml"}).code == 2);
  CHECK(Run(&disk, {"render", "--no-such-flag"}).code == 2);
  Result help = Run(&disk, {"render", "--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
  CHECK(help.out.find("--output-dir") != std::string::npos);
  CHECK(help.out.find("--proxy-image") != std::string::npos);
  // Each subcommand gets only its own flags, and gets them whichever one runs.
  Result validate_help = Run(&disk, {"validate", "--help"});
  CHECK(validate_help.out.find("--strict") != std::string::npos);
  CHECK(validate_help.out.find("--output-dir") == std::string::npos);
  CHECK(Run(&disk, {"validate", "--output-dir", "x", "in.yaml"}).code == 2);
  CHECK(Run(&disk, {"list", "--lock", "l", "--offline", "in.yaml"}).code == 2);
  Result top_help = Run(&disk, {"--help"});
  CHECK(top_help.code == 0);
  CHECK(top_help.out.find("argocd-generate") != std::string::npos);
  CHECK(Run(&disk, {"version"}).out.find("thv-render") == 0);
}

TEST_CASE("--output-dir writes one file per object and a kustomization, atomically") {
  MemoryDiskInterface disk;
  disk.files["in.yaml"] = kServer;
  Result r = Run(&disk, {"render", "--output-dir", "out", "in.yaml"});
  REQUIRE(r.code == 0);
  CHECK(r.out.empty());
  CHECK(disk.files.count("out/kustomization.yaml") == 1);
  CHECK(disk.files.count("out/default_apps_v1_deployment_fetch.yaml") == 1);
  CHECK(disk.files.count("out/default_v1_configmap_fetch-runconfig.yaml") == 1);
  CHECK(disk.files["out/kustomization.yaml"].find("- default_v1_service_mcp-fetch-proxy.yaml\n") !=
        std::string::npos);

  // A failing render leaves the directory exactly as it was.
  auto before = disk.files;
  disk.files["in.yaml"] = std::string(kServer) + "  port: 0\n";
  Result bad = Run(&disk, {"render", "--output-dir", "out", "in.yaml"});
  CHECK(bad.code == 1);
  disk.files.erase("in.yaml");
  before.erase("in.yaml");
  CHECK(disk.files == before);
}

TEST_CASE("--output-dir writes nothing when the directory already holds the output") {
  struct CountingDisk : MemoryDiskInterface {
    int writes = 0;
    bool WriteFile(const std::string& path, const std::string& contents,
                   std::string* err) override {
      ++writes;
      return MemoryDiskInterface::WriteFile(path, contents, err);
    }
  } disk;
  disk.files["in.yaml"] = kServer;
  REQUIRE(Run(&disk, {"render", "--output-dir", "out", "in.yaml"}).code == 0);
  const int first = disk.writes;
  CHECK(first > 1);
  const auto rendered = disk.files;
  REQUIRE(Run(&disk, {"render", "--output-dir", "out", "in.yaml"}).code == 0);
  CHECK(disk.writes == first);
  CHECK(disk.files == rendered);

  // Any difference, even a stale file (an earlier render wrote and listed it) or one changed
  // byte, replaces the directory; unchanged files are linked from the old one, so only changed
  // files are written.
  disk.files["out/stale.yaml"] = "old\n";
  disk.files["out/kustomization.yaml"] += "- stale.yaml\n";
  REQUIRE(Run(&disk, {"render", "--output-dir", "out", "in.yaml"}).code == 0);
  CHECK(disk.writes == first + 1);  // kustomization.yaml
  CHECK(disk.files == rendered);
  disk.files["out/kustomization.yaml"] += " ";
  disk.files.erase("out/default_v1_service_mcp-fetch-proxy.yaml");
  REQUIRE(Run(&disk, {"render", "--output-dir", "out", "in.yaml"}).code == 0);
  CHECK(disk.writes == first + 3);
  CHECK(disk.files == rendered);

  // A file no render listed is not thv-render's: the directory is left as it is.
  disk.files["out/notes.txt"] = "mine\n";
  const auto with_notes = disk.files;
  Result refused = Run(&disk, {"render", "--output-dir", "out", "in.yaml"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("holds files thv-render did not write (notes.txt)") != std::string::npos);
  CHECK(disk.files == with_notes);
}

TEST_CASE("--check reports drift as a unified diff and writes nothing") {
  MemoryDiskInterface disk;
  disk.files["in.yaml"] = kServer;
  REQUIRE(Run(&disk, {"render", "--output-dir", "out", "in.yaml"}).code == 0);
  auto before = disk.files;
  Result clean = Run(&disk, {"render", "--check", "--output-dir", "out", "in.yaml"});
  CHECK(clean.code == 0);
  CHECK(clean.out.empty());
  disk.files["in.yaml"] = std::string(kServer) + "  port: 9090\n";
  before["in.yaml"] = disk.files["in.yaml"];
  disk.files["out/stale.yaml"] = "old\n";
  before["out/stale.yaml"] = "old\n";
  Result drift = Run(&disk, {"render", "--check", "--output-dir", "out", "in.yaml"});
  CHECK(drift.code == 1);
  CHECK(drift.out.find("--- out/default_apps_v1_deployment_fetch.yaml\n+++ "
                       "out/default_apps_v1_deployment_fetch.yaml\n@@ ") != std::string::npos);
  CHECK(drift.out.find("\n-        - --proxy-port=8080\n") != std::string::npos);
  CHECK(drift.out.find("\n+        - --proxy-port=9090\n") != std::string::npos);
  CHECK(drift.out.find("--- out/stale.yaml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-old\n") !=
        std::string::npos);
  CHECK(disk.files == before);

  disk.files["all.yaml"] = Run(&disk, {"render", "in.yaml"}).out;
  CHECK(Run(&disk, {"render", "--check-file", "all.yaml", "in.yaml"}).code == 0);
  disk.files["all.yaml"] += "# edited\n";
  Result file_drift = Run(&disk, {"render", "--check-file", "all.yaml", "in.yaml"});
  CHECK(file_drift.code == 1);
  CHECK(file_drift.out.find("-# edited") != std::string::npos);
  CHECK(Run(&disk, {"render", "--check", "in.yaml"}).code == 2);
}

TEST_CASE("completion scripts list every subcommand and its flags") {
  MemoryDiskInterface disk;
  Result bash = Run(&disk, {"completion", "bash"});
  CHECK(bash.code == 0);
  CHECK(bash.out.find("complete -o filenames -F _thv_render thv-render") != std::string::npos);
  CHECK(bash.out.find("render) flags=\"--help") != std::string::npos);
  CHECK(bash.out.find("--output-dir") != std::string::npos);
  CHECK(Run(&disk, {"completion", "zsh"}).out.rfind("#compdef thv-render", 0) == 0);
  CHECK(Run(&disk, {"completion", "fish"}).code == 2);
}

TEST_CASE("list shows what kubectl get mcpservers would") {
  MemoryDiskInterface disk;
  disk.files["in.yaml"] = kServer;
  Result r = Run(&disk, {"list", "in.yaml"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "NAME    NAMESPACE   TRANSPORT   PORT   URL\n"
        "fetch   default     stdio       8080   "
        "http://mcp-fetch-proxy.default.svc.cluster.local:8080\n");
}

TEST_CASE("validate checks references without rendering") {
  MemoryDiskInterface disk;
  disk.files["in.yaml"] = std::string(kServer) + "  toolConfigRef: {name: missing}\n";
  Result r = Run(&disk, {"validate", "in.yaml"});
  CHECK(r.code == 1);
  CHECK(r.err.find("spec.toolConfigRef.name: MCPToolConfig default/missing not found") !=
        std::string::npos);
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
  // Their MCPOIDCConfig is not in the file: the operator creates nothing.
  for (const char* name : {"vmcp_inline_incoming_auth", "vmcp_production_full"}) {
    CAPTURE(name);
    CheckErrorGolden({std::string("testdata/examples/v0.44.0/virtual-mcps/") + name + ".yaml"},
                     std::string("v0.44.0/virtual-mcps/") + name + ".err", kRenderV044);
  }
}

TEST_CASE("golden: list at 7002a239b, servers and registries (as main's thv-render printed it)") {
  CheckGolden({"testdata/examples/mcp-registries", "testdata/servers/full"}, "7002a239b/list.txt",
              {"list"});
}

TEST_CASE("golden v0.44.0: list prints a table per kind, with its CRD's printer columns") {
  CheckGolden({"testdata/examples/v0.44.0/embedding-servers",
               "testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_basic.yaml",
               "testdata/examples/v0.44.0/mcp-server-entries/mcpserverentry_with_ca_bundle.yaml",
               "testdata/servers/v0.44.0/full"},
              "v0.44.0/list.txt", {"list", "--operator-version", "v0.44.0"});
}

}  // namespace thv
