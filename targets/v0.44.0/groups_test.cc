// MCPGroup and MCPServerEntry at v0.44.0; file:line at tag v0.44.0 (sec =
// cmd/thv-operator/controllers/mcpserverentry_controller.go).
#include "targets/v0.44.0/groups.h"

#include <doctest/doctest.h>

#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

std::string Entry(const std::string& name, const std::string& spec) {
  return "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServerEntry\nmetadata: {name: " +
         name + ", namespace: ns}\nspec:\n  transport: sse\n" + spec;
}

const char kGroup[] =
    "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPGroup\nmetadata: {name: g, "
    "namespace: ns}\nspec: {description: team}\n";

}  // namespace

TEST_CASE("ValidateRemoteURL: the operator's own test vectors (url_validation_test.go:22-230)") {
  for (const char* ok :
       {"https://mcp.example.com", "http://mcp.example.com", "https://203.0.113.50:443/mcp",
        "https://mcp.example.com/v1/server", "http://172.15.255.255/"}) {
    CAPTURE(ok);
    CHECK(RemoteUrlProblem(ok).empty());
  }
  struct Bad {
    const char* url;
    const char* contains;
  };
  for (const Bad& b : std::initializer_list<Bad>{
           {"", "remote URL must not be empty"},
           {"mcp.example.com", "must use http or https scheme, got \"\""},
           {"ftp://mcp.example.com", "must use http or https scheme, got \"ftp\""},
           {"https://", "remote URL must have a valid host"},
           {"http://127.0.0.1:8080/",
            "IP address 127.0.0.1 falls within blocked range 127.0.0.0/8"},
           {"http://127.0.0.2/", "blocked range 127.0.0.0/8"},
           {"http://[::1]:8080/", "IP address ::1 falls within blocked range ::1/128"},
           {"http://localhost:8080/", "hostname \"localhost\" matches blocked internal hostname"},
           {"http://something.localhost/", "blocked internal hostname \"localhost\""},
           {"http://169.254.169.254/latest/meta-data/", "blocked range 169.254.0.0/16"},
           {"http://169.254.0.1/", "blocked range 169.254.0.0/16"},
           {"http://10.0.0.1/", "blocked range 10.0.0.0/8"},
           {"http://172.16.0.1/", "blocked range 172.16.0.0/12"},
           {"http://192.168.1.1/", "blocked range 192.168.0.0/16"},
           {"http://[fe80::1]/", "blocked range fe80::/10"},
           {"http://[fd12:3456::1]/", "blocked range fc00::/7"},
           {"http://[::ffff:127.0.0.1]:8080/", "blocked range 127.0.0.0/8"},
           {"http://[::ffff:169.254.169.254]/", "blocked range 169.254.0.0/16"},
           {"http://0.0.0.0:8080/", "blocked range 0.0.0.0/8"},
           {"http://[::]/", "blocked range ::/128"},
           {"http://kubernetes.default.svc/",
            "blocked internal hostname \"kubernetes.default.svc\""},
           {"http://kubernetes.default.svc.cluster.local/", "blocked internal hostname"},
           {"http://api.kubernetes.default.svc/", "\"kubernetes.default.svc\""},
           {"http://kubernetes.default/api", "\"kubernetes.default\""},
           {"http://my-svc.my-ns.svc.cluster.local/", "\"cluster.local\""},
           {"http://metadata.google.internal/computeMetadata/v1/", "\"metadata.google.internal\""},
       }) {
    CAPTURE(b.url);
    CHECK(RemoteUrlProblem(b.url).find(b.contains) != std::string::npos);
  }
}

TEST_CASE("MCPServerEntry: every finding is a warning, never a refusal (sec:42-114)") {
  // A valid entry with its group: nothing to say, nothing rendered.
  RenderRun ok = RunAt044(kGroup + Entry("e",
                                         "  remoteUrl: https://mcp.example.com/mcp\n"
                                         "  groupRef: {name: g}\n"));
  CHECK(ok.errors.empty());
  CHECK(ok.warnings.empty());
  CHECK(ok.out.empty());
  // The group missing (sec:216-226), the URL blocked (sec:428-440): warnings, still no output.
  RenderRun bad =
      RunAt044(Entry("e", "  remoteUrl: http://localhost/mcp\n  groupRef: {name: x}\n"));
  CHECK(bad.errors.empty());
  CHECK(bad.HasWarning("spec.groupRef.name: MCPGroup 'x' not found in namespace 'ns'"));
  CHECK(bad.HasWarning("spec.remoteUrl: remote URL host is not allowed: hostname \"localhost\""));
  CHECK(bad.out.empty());
}

TEST_CASE("MCPServerEntry: header Secrets are checked for their key when among the inputs") {
  // sec:376-403: secret.Data[key]; stringData becomes data on the API server.
  const std::string entry = Entry(
      "e",
      "  remoteUrl: https://mcp.example.com\n  groupRef: {name: g}\n  headerForward:\n"
      "    addHeadersFromSecret:\n    - {headerName: X-Key, valueSecretRef: {name: s, key: k}}\n");
  const std::string secret =
      "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n";
  CHECK(RunAt044(kGroup + entry + secret + "stringData: {k: v}\n").warnings.empty());
  CHECK(RunAt044(kGroup + entry + secret + "data: {k: dg==}\n").warnings.empty());
  CHECK(RunAt044(kGroup + entry + secret + "data: {other: dg==}\n")
            .HasWarning("Secret \"s\" has no key \"k\" referenced for header \"X-Key\""));
  CHECK(RunAt044(kGroup + entry)
            .HasWarning("Secret ns/s (header \"X-Key\") is not among the inputs"));
}

TEST_CASE("MCPGroup: its members are what name it by groupRef, in its namespace") {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsAt044(
      kGroup + Entry("a", "  remoteUrl: https://a.example.com\n  groupRef: {name: g}\n") +
          Entry("b", "  remoteUrl: https://b.example.com\n  groupRef: {name: other}\n") +
          "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: s, "
          "namespace: ns}\nspec: {image: img, groupRef: {name: g}}\n",
      &diags);
  REQUIRE(objects.size() == 4);
  CHECK(GroupMembers(objects[0], objects) ==
        std::vector<std::string>{"MCPServerEntry/a", "MCPServer/s"});
  CHECK(kGroupList.cells(objects[0], objects) ==
        std::vector<std::string>{"", "", "", "MCPServerEntry/a,MCPServer/s"});
  CHECK(kServerEntryList.cells(objects[1], objects) ==
        std::vector<std::string>{"", "sse", "https://a.example.com", "g"});
}

}  // namespace t0_44_0
}  // namespace thv
