// The objects the v0.44.0 operator creates for a VirtualMCPServer, one test per fact; file:line
// at tag v0.44.0 (vc = controllers/virtualmcpserver_controller.go, vd = ..._deployment.go).
#include <doctest/doctest.h>

#include <string>

#include "core/json_text.h"
#include "core/sha256.h"
#include "model/decode.h"
#include "targets/v0.44.0/list.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kOidcDoc[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPOIDCConfig
metadata: {name: o, namespace: ns}
spec:
  type: inline
  inline:
    issuer: https://idp.example.com
    clientId: c
    clientSecretRef: {name: s, key: k}
---
)";

const char kSpecDoc[] = R"(  incomingAuth:
    type: oidc
    oidcConfigRef: {name: o, audience: a}
)";

const Value& PodSpec(const RenderRun& r) {
  return ValueAt(r.Find("Deployment", "v"), {"spec", "template", "spec"});
}

std::vector<std::string> Kinds(const RenderRun& r) {
  std::vector<std::string> kinds;
  for (const Value& doc : r.out)
    kinds.push_back(GetString(doc, "kind") + "/" + GetString(*GetObject(doc, "metadata"), "name"));
  return kinds;
}

}  // namespace

TEST_CASE("VirtualMCPServer: objects in creation order (vc:1099-1190), group Ready offline") {
  RenderRun r = RunAt044(VirtualServerDoc(""));
  REQUIRE(r.errors.empty());
  CHECK(Kinds(r) == std::vector<std::string>{"ServiceAccount/v-vmcp", "Role/v-vmcp",
                                             "RoleBinding/v-vmcp", "ConfigMap/v-vmcp-config",
                                             "Deployment/v", "Service/vmcp-v"});
  // Discovered mode reads the group's workloads and their configs (vd:106-130).
  CHECK(
      GoJsonCompact(ValueAt(r.Find("Role", "v-vmcp"), {"rules"})) ==
      R"([{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["configmaps","secrets"]},)"
      R"({"verbs":["get","list","watch"],"apiGroups":["toolhive.stacklok.dev"],"resources":)"
      R"(["mcpgroups","mcpservers","mcpremoteproxies","mcpserverentries",)"
      R"("mcpexternalauthconfigs","mcptoolconfigs"]},)"
      R"({"verbs":["get"],"apiGroups":["toolhive.stacklok.dev"],"resources":["virtualmcpservers"]},)"
      R"({"verbs":["update","patch"],"apiGroups":["toolhive.stacklok.dev"],)"
      R"("resources":["virtualmcpservers/status"]}])");
  CHECK(GetString(PodSpec(r), "serviceAccountName") == "v-vmcp");
  // A missing group blocks everything (validateGroupRef).
  RenderRun no_group = RunAt044(
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
      "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth: {type: anonymous}\n");
  CHECK(no_group.HasError("spec.groupRef.name: MCPGroup ns/g not found among the inputs"));
  CHECK(no_group.out.empty());
}

TEST_CASE("VirtualMCPServer: the image is VMCP_IMAGE, else the chart's (vd:1089-1096)") {
  const auto image = [](const RenderRun& r) {
    return GetString(PodSpec(r).Find("containers")->items[0], "image");
  };
  CHECK(image(RunAt044(VirtualServerDoc(""))) == "ghcr.io/stacklok/toolhive/vmcp:v0.44.0");
  RenderOptions options;
  options.vmcp_image = "registry.example.com/vmcp:1";
  CHECK(image(RunAt044(VirtualServerDoc(""), false, options)) == "registry.example.com/vmcp:1");
}

TEST_CASE("VirtualMCPServer: replicas without Redis only set a condition (vc:470-485)") {
  RenderRun r = RunAt044(VirtualServerDoc("  replicas: 2\n"));
  REQUIRE(r.errors.empty());
  CHECK(r.HasWarning("spec.replicas: replicas > 1 but sessionStorage.provider is not redis"));
  CHECK(ValueAt(r.Find("Deployment", "v"), {"spec", "replicas"}).text == "2");
}

TEST_CASE("VirtualMCPServer: spec.serviceAccount means no RBAC (vc:1266-1268)") {
  RenderRun r = RunAt044(VirtualServerDoc("  serviceAccount: mine\n"));
  REQUIRE(r.errors.empty());
  CHECK(Kinds(r) ==
        std::vector<std::string>{"ConfigMap/v-vmcp-config", "Deployment/v", "Service/vmcp-v"});
  CHECK(GetString(PodSpec(r), "serviceAccountName") == "mine");
}

TEST_CASE("VirtualMCPServer: the HMAC Secret is referenced, never invented (vd:438-452)") {
  RenderRun r = RunAt044(VirtualServerDoc(""));
  REQUIRE(r.errors.empty());
  CHECK(
      r.HasWarning("kubectl create secret generic v-hmac-secret -n ns "
                   "--from-literal=hmac-secret=$(openssl rand -base64 32)"));
  CHECK(r.Find("Secret", "v-hmac-secret") == nullptr);
  const Value& env = ValueAt(&PodSpec(r).Find("containers")->items[0], {"env"});
  CHECK(GoJsonCompact(env.items[2]) ==
        R"({"name":"VMCP_SESSION_HMAC_SECRET","valueFrom":{"secretKeyRef":)"
        R"({"name":"v-hmac-secret","key":"hmac-secret"}}})");
  // Given among the inputs with its key: no warning, and it passes through.
  RenderRun given = RunAt044(VirtualServerDoc(
      "",
      "apiVersion: v1\nkind: Secret\nmetadata: {name: v-hmac-secret, namespace: ns}\n"
      "stringData: {hmac-secret: x}\n---\n"));
  REQUIRE(given.errors.empty());
  CHECK(given.warnings.empty());
}

TEST_CASE("VirtualMCPServer: Service type and affinity from the spec (vd:1024-1073)") {
  RenderRun r =
      RunAt044(VirtualServerDoc("  serviceType: LoadBalancer\n  sessionAffinity: None\n"));
  REQUIRE(r.errors.empty());
  CHECK(GoJsonCompact(ValueAt(r.Find("Service", "vmcp-v"), {"spec"})) ==
        R"({"ports":[{"name":"http","protocol":"TCP","port":4483,"targetPort":4483}],)"
        R"("selector":{"app":"virtualmcpserver","app.kubernetes.io/instance":"v",)"
        R"("app.kubernetes.io/name":"virtualmcpserver","toolhive":"true","toolhive-name":"v"},)"
        R"("type":"LoadBalancer","sessionAffinity":"None"})");
}

TEST_CASE("VirtualMCPServer: podTemplateSpec merged, its hash and the pull secrets' hash") {
  RenderRun r = RunAt044(
      VirtualServerDoc("  imagePullSecrets: [{name: b}, {name: a}]\n  podTemplateSpec:\n    spec:\n"
                       "      nodeSelector: {disk: ssd}\n      containers:\n      - name: vmcp\n"
                       "        resources: {limits: {memory: 1Gi}}\n"));
  REQUIRE(r.errors.empty());
  const Value& c = PodSpec(r).Find("containers")->items[0];
  CHECK(GoJsonCompact(ValueAt(&c, {"resources"})) ==
        R"({"limits":{"cpu":"500m","memory":"1Gi"},"requests":{"cpu":"100m","memory":"128Mi"}})");
  CHECK(GoJsonCompact(ValueAt(&PodSpec(r), {"nodeSelector"})) == R"({"disk":"ssd"})");
  const Value& annotations = ValueAt(r.Find("Deployment", "v"), {"metadata", "annotations"});
  CHECK(GetString(annotations, "toolhive.stacklok.io/podtemplatespec-hash") ==
        Sha256Hex(R"({"spec":{"containers":[{"name":"vmcp","resources":{"limits":)"
                  R"({"memory":"1Gi"}}}],"nodeSelector":{"disk":"ssd"}}})"));
  CHECK(GetString(annotations, "toolhive.stacklok.io/imagepullsecrets-hash") ==
        Sha256Hex(R"([{"name":"a"},{"name":"b"}])"));
  // The CR's names in order on the pod and the ServiceAccount.
  CHECK(GoJsonCompact(ValueAt(&PodSpec(r), {"imagePullSecrets"})) ==
        R"([{"name":"b"},{"name":"a"}])");
  CHECK(GoJsonCompact(ValueAt(r.Find("ServiceAccount", "v-vmcp"), {"imagePullSecrets"})) ==
        R"([{"name":"b"},{"name":"a"}])");
  // One that does not decode blocks the Deployment (vc:1046-1090).
  CHECK(RunAt044(VirtualServerDoc("  podTemplateSpec:\n    spec: {containers: 3}\n"))
            .HasError("spec.podTemplateSpec: Invalid PodTemplateSpec"));
  // $-directives are refused by the shared pod_template_patch check, named without an article.
  CHECK(RunAt044(VirtualServerDoc("  podTemplateSpec:\n    spec: {containers: [{name: vmcp, "
                                  "$patch: delete}]}\n"))
            .HasError("spec.podTemplateSpec.spec.containers[0].$patch: strategic merge patch "
                      "directives in the VirtualMCPServer podTemplateSpec are not supported at "
                      "v0.44.0 yet"));
}

TEST_CASE("VirtualMCPServer: an inline MCPOIDCConfig's client secret (vd:397-433, 1212-1239)") {
  auto doc = [&](const std::string& others) {
    return std::string(kTestGroupDoc) + kOidcDoc + others +
           "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: "
           "v, namespace: ns}\nspec:\n  groupRef: {name: g}\n" +
           kSpecDoc;
  };
  RenderRun r = RunAt044(doc(""));
  REQUIRE(r.errors.empty());
  CHECK(r.HasWarning("OIDC client secret Secret ns/s is not among the inputs"));
  const Value& env = ValueAt(&PodSpec(r).Find("containers")->items[0], {"env"});
  CHECK(
      GoJsonCompact(env.items[2]) ==
      R"({"name":"VMCP_OIDC_CLIENT_SECRET","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}})");
  CHECK(RunAt044(doc("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\n"
                     "stringData: {other: x}\n---\n"))
            .HasError("secret ns/s is missing key \"k\""));
}

TEST_CASE("VirtualMCPServer: static mode lists the group's backends as they end up (vv:476-509)") {
  const char kMembers[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata: {name: sse-server, namespace: ns, annotations: {team: a, kubernetes.io/x: z}}
spec: {image: img, transport: sse, proxyPort: 9000, groupRef: {name: g}}
---
{apiVersion: v1, kind: ConfigMap, metadata: {name: ca, namespace: ns}, data: {ca.crt: x}}
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServerEntry
metadata: {name: remote, namespace: ns}
spec:
  remoteUrl: https://mcp.example.com/mcp
  transport: streamable-http
  groupRef: {name: g}
  caBundleRef: {configMapRef: {name: ca, key: ca.crt}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPServerEntry, metadata: {name: internal, namespace: ns},
 spec: {remoteUrl: 'http://10.0.0.1/mcp', transport: sse, groupRef: {name: g}}}
---
)";
  RenderRun r = RunAt044(VirtualServerDoc("  outgoingAuth: {source: inline}\n", kMembers));
  REQUIRE(r.errors.empty());
  const Value* cm = r.Find("ConfigMap", "v-vmcp-config");
  REQUIRE(cm);
  // By name; the entry with an internal URL is not Valid and left out (k8s.go:481-485); an
  // MCPServer's URL is its Service's with the transport's path (transport/url.go).
  CHECK(GetString(*GetObject(*cm, "data"), "config.yaml").find(R"(backends:
    - name: remote
      url: https://mcp.example.com/mcp
      transport: streamable-http
      caBundlePath: /etc/toolhive/ca-bundles/remote/ca.crt
      metadata:
        group: g
        namespace: ns
        remote_url: https://mcp.example.com/mcp
        tool_type: mcp
        workload_status: Valid
        workload_type: server_entry
    - name: sse-server
      url: http://mcp-sse-server-proxy.ns.svc.cluster.local:9000/sse#sse-server
      transport: streamable-http
      metadata:
        group: g
        namespace: ns
        team: a
        tool_type: mcp
        workload_status: Ready
        workload_type: mcp_server
)") == 20);  // after name and groupRef
  // Inline mode reads only its own object (vd:89-100).
  CHECK(ValueAt(r.Find("Role", "v-vmcp"), {"rules"}).items.size() == 2);
  // The entry's CA bundle is mounted in either mode (vd:1333-1400).
  CHECK(GoJsonCompact(PodSpec(r).Find("volumes")->items[1]) ==
        R"({"name":"ca-bundle-remote","configMap":{"name":"ca","items":[{"key":"ca.crt",)"
        R"("path":"ca.crt"}]}})");
}

TEST_CASE("VirtualMCPServer: an MCPRemoteProxy of the group in static mode (k8s.go:412-456)") {
  RenderRun r = RunAt044(VirtualServerDoc("  outgoingAuth: {source: inline}\n",
                                          R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata: {name: rp, namespace: ns}
spec: {remoteUrl: 'https://mcp.example.com/mcp', groupRef: {name: g}, proxyPort: 9090}
---
)"));
  REQUIRE(r.errors.empty());
  const Value* cm = r.Find("ConfigMap", "v-vmcp-config");
  REQUIRE(cm);
  // status.url is the proxy Service's, without a path (createProxyServiceURL).
  CHECK(GetString(*GetObject(*cm, "data"), "config.yaml").find(R"(backends:
    - name: rp
      url: http://mcp-rp-remote-proxy.ns.svc.cluster.local:9090
      transport: streamable-http
      metadata:
        group: g
        namespace: ns
        remote_url: https://mcp.example.com/mcp
        tool_type: mcp
        workload_status: Ready
        workload_type: remote_proxy
)") != std::string::npos);
}

TEST_CASE("VirtualMCPServer: static backends' workload_status is the converged phase (k8s.go)") {
  const char kMembers[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata: {name: stopped, namespace: ns}
spec: {image: example.com/s:1, transport: streamable-http, groupRef: {name: g}, replicas: 0}
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata: {name: idle, namespace: ns}
spec: {remoteUrl: 'https://mcp.example.com/mcp', groupRef: {name: g}, replicas: 0}
---
{apiVersion: v1, kind: ConfigMap, metadata: {name: ca, namespace: ns}, data: {other: x}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPServerEntry, metadata: {name: no-ca-key,
 namespace: ns}, spec: {remoteUrl: 'https://mcp.example.com/mcp', transport: streamable-http,
 groupRef: {name: g}, caBundleRef: {configMapRef: {name: ca, key: ca.crt}}}}
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServerEntry
metadata: {name: secret-elsewhere, namespace: ns}
spec:
  remoteUrl: https://mcp.example.com/mcp
  transport: streamable-http
  groupRef: {name: g}
  headerForward:
    addHeadersFromSecret:
    - {headerName: Authorization, valueSecretRef: {name: token, key: t}}
---
)";
  RenderRun r = RunAt044(VirtualServerDoc("  outgoingAuth: {source: inline}\n", kMembers));
  REQUIRE(r.errors.empty());
  const std::string config =
      GetString(*GetObject(*r.Find("ConfigMap", "v-vmcp-config"), "data"), "config.yaml");
  // Scaled to zero: the MCPServer controller reports Stopped (mcpserver_controller.go:1638-1648),
  // the MCPRemoteProxy's Pending (no pods, mcpremoteproxy_controller.go:1547-1556); both keep
  // their status.url and stay backends.
  CHECK(config.find("    - name: stopped\n      url: "
                    "http://mcp-stopped-proxy.ns.svc.cluster.local:8080/mcp") != std::string::npos);
  CHECK(config.find("workload_status: Stopped\n        workload_type: mcp_server") !=
        std::string::npos);
  CHECK(config.find("workload_status: Pending\n        workload_type: remote_proxy") !=
        std::string::npos);
  // A Valid entry whose CA bundle ConfigMap lacks the key is no backend (fetchCABundleData,
  // k8s.go:565-577, 659-682); one whose header Secret is not among the inputs is Valid (Secrets
  // are named, never required), with the warning.
  CHECK(config.find("no-ca-key") == std::string::npos);
  CHECK(config.find("    - name: secret-elsewhere\n") != std::string::npos);
  CHECK(r.HasWarning("Secret ns/token (header \"Authorization\") is not among the inputs"));
  CHECK(config.find("workload_status: Ready") == std::string::npos);
}

TEST_CASE("VirtualMCPServer: an entry's forwarded headers become env vars (vd:554-679)") {
  RenderRun r = RunAt044(VirtualServerDoc("", R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServerEntry
metadata: {name: internal-api, namespace: ns}
spec:
  remoteUrl: https://mcp.example.com/mcp
  transport: sse
  groupRef: {name: g}
  headerForward:
    addPlaintextHeaders: {X-Tenant-ID: tenant-123}
    addHeadersFromSecret:
    - headerName: Authorization
      valueSecretRef: {name: api-token, key: token}
---
)"));
  REQUIRE(r.errors.empty());
  const Value& env = ValueAt(&PodSpec(r).Find("containers")->items[0], {"env"});
  // Sorted by name, before the HMAC Secret; a TOOLHIVE_SECRET_* adds the secrets provider.
  CHECK(GoJsonCompact(env.items[2]) ==
        R"({"name":"TOOLHIVE_HEADER_FORWARD_INTERNAL_API","value":"{\"addPlaintextHeaders\":)"
        R"({\"X-Tenant-ID\":\"tenant-123\"},\"addHeadersFromSecret\":{\"Authorization\":)"
        R"(\"HEADER_FORWARD_AUTHORIZATION_INTERNAL_API\"}}"})");
  CHECK(GoJsonCompact(env.items[3]) ==
        R"({"name":"TOOLHIVE_SECRET_HEADER_FORWARD_AUTHORIZATION_INTERNAL_API","valueFrom":)"
        R"({"secretKeyRef":{"name":"api-token","key":"token"}}})");
  CHECK(GetString(env.items[4], "name") == "VMCP_SESSION_HMAC_SECRET");
  CHECK(GetString(env.items.back(), "name") == "TOOLHIVE_SECRETS_PROVIDER");
}

TEST_CASE("VirtualMCPServer: list shows the URL its controller sets (vc:1687-1695)") {
  Diagnostics diags;
  const std::vector<Object> objects = ObjectsAt044(VirtualServerDoc(""), &diags);
  REQUIRE(objects.size() == 2);
  CHECK(kVirtualServerList.cells(objects[1], objects) ==
        std::vector<std::string>{"", "http://vmcp-v.ns.svc.cluster.local:4483", "", ""});
}

}  // namespace t0_44_0
}  // namespace thv
