// End-to-end through RunCli: exit codes, output that is all or nothing, --output-dir and
// --check, completion, list and validate (goldens: app_golden_test.cc).
#include "cli/app_testing.h"

namespace thv {

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

}  // namespace thv
