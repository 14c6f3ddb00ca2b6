// Parity facts from the operator's unit tests (cmd/thv-operator/controllers/*_test.go at
// 7002a239b, listed in spec/mcpserver.md section 5), one case each.
#include "targets/7002a239b/mcpserver_render.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/json_writer.h"
#include "render/render_all.h"
#include "targets/7002a239b/runconfig.h"
#include "targets/testing.h"

namespace thv {
namespace t7002a239b {

namespace {

const char kMinimal[] = R"(
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata: {name: test-server, namespace: default}
spec:
  image: test-image:latest
)";

std::string WithSpec(const std::string& name, const std::string& ns, const std::string& spec) {
  return "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata: {name: " + name +
         ", namespace: " + ns + "}\nspec:\n" + spec;
}

std::vector<Value> Render(const std::string& yaml, RenderOptions options = {}) {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsFromYaml(yaml, &diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), FormatDiagnostic(diags.items().front()));
  RenderAllOptions all;
  all.render = options;
  std::vector<Value> out = RenderAll(objects, all, &diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), FormatDiagnostic(diags.items().front()));
  return out;
}

const Value& Get(const std::vector<Value>& docs, const std::string& kind, const std::string& name) {
  for (const Value& d : docs)
    if (d.Find("kind")->text == kind && d.Find("metadata")->Find("name")->text == name) return d;
  FAIL("no " << kind << " " << name);
  static Value none;
  return none;
}

const Value& Container(const std::vector<Value>& docs, const std::string& name) {
  return Get(docs, "Deployment", name)
      .Find("spec")
      ->Find("template")
      ->Find("spec")
      ->Find("containers")
      ->items.at(0);
}

std::vector<std::string> Strings(const Value* list) {
  std::vector<std::string> out;
  if (list)
    for (const Value& v : list->items) out.push_back(v.text);
  return out;
}

std::vector<std::string> Args(const std::vector<Value>& docs, const std::string& name) {
  return Strings(Container(docs, name).Find("args"));
}

// test-server's proxy args from the first that is want's first on, as many as want has (fewer
// when they run out; none when that arg is absent): compared with want, whether want is a run.
std::vector<std::string> ArgsLike(const std::vector<Value>& docs,
                                  const std::vector<std::string>& want) {
  const std::vector<std::string> args = Args(docs, "test-server");
  auto first = std::find(args.begin(), args.end(), want.front());
  return {first, first + std::min(want.size(), static_cast<size_t>(args.end() - first))};
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Patch(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a.rfind("--k8s-pod-patch=", 0) == 0) return a.substr(16);
  return "";
}

std::string RunConfigJson(const std::vector<Value>& docs, const std::string& name) {
  return Get(docs, "ConfigMap", name + "-runconfig").Find("data")->Find("runconfig.json")->text;
}

std::map<std::string, std::string> EnvMap(const Value& container) {
  std::map<std::string, std::string> out;
  for (const Value& e : container.Find("env")->items)
    out[e.Find("name")->text] = e.Find("value")->text;
  return out;
}

std::string LabelsText(const Value* labels) {
  std::string out;
  if (labels)
    for (const Member& m : labels->members) out += m.key + "=" + m.value.text + ";";
  return out;
}

const char kCommonLabels[] =
    "app=mcpserver;app.kubernetes.io/instance=test-server;app.kubernetes.io/name=mcpserver;"
    "toolhive=true;toolhive-name=test-server;";

}  // namespace

TEST_CASE("fact 1-3: proxy RBAC objects share the <name>-proxy-runner name and exact rules") {
  auto docs = Render(kMinimal);
  const Value& sa = Get(docs, "ServiceAccount", "test-server-proxy-runner");
  CHECK(sa.Find("metadata")->Find("namespace")->text == "default");
  CHECK(sa.Find("metadata")->Find("labels") == nullptr);
  const Value& role = Get(docs, "Role", "test-server-proxy-runner");
  CHECK(
      GoJsonCompact(*role.Find("rules")) ==
      R"([{"verbs":["get","list","watch","create","update","patch","delete","apply"],"apiGroups":["apps"],"resources":["statefulsets"]},)"
      R"({"verbs":["get","list","watch","create","update","patch","delete","apply"],"apiGroups":[""],"resources":["services"]},)"
      R"({"verbs":["get","list","watch"],"apiGroups":[""],"resources":["pods"]},)"
      R"({"verbs":["get"],"apiGroups":[""],"resources":["pods/log"]},)"
      R"({"verbs":["create","get"],"apiGroups":[""],"resources":["pods/attach"]},)"
      R"({"verbs":["get","list","watch"],"apiGroups":[""],"resources":["configmaps"]}])");
  const Value& rb = Get(docs, "RoleBinding", "test-server-proxy-runner");
  CHECK(
      GoJsonCompact(*rb.Find("roleRef")) ==
      R"({"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"test-server-proxy-runner"})");
  CHECK(GoJsonCompact(*rb.Find("subjects")) ==
        R"([{"kind":"ServiceAccount","name":"test-server-proxy-runner","namespace":"default"}])");
}

TEST_CASE("fact 4: rendering is idempotent and namespaces get their own copies") {
  auto a = Render(WithSpec("s", "ns-a", "  image: i\n"));
  auto b = Render(WithSpec("s", "ns-a", "  image: i\n"));
  CHECK(a == b);
  auto c = Render(WithSpec("s", "ns-a", "  image: i\n") + "---\n" +
                  WithSpec("s", "ns-b", "  image: i\n"));
  CHECK(Get(c, "Role", "s-proxy-runner").Find("metadata")->Find("namespace")->text == "ns-a");
  int roles = 0;
  for (const Value& d : c) roles += d.Find("kind")->text == "Role";
  CHECK(roles == 2);
}

TEST_CASE("fact 5: no overrides gives the five common labels and no annotations") {
  auto docs = Render(kMinimal);
  const Value& dep = Get(docs, "Deployment", "test-server");
  CHECK(LabelsText(dep.Find("metadata")->Find("labels")) == kCommonLabels);
  CHECK(dep.Find("metadata")->Find("annotations") == nullptr);
  const Value& svc = Get(docs, "Service", "mcp-test-server-proxy");
  CHECK(LabelsText(svc.Find("metadata")->Find("labels")) == kCommonLabels);
  CHECK(svc.Find("metadata")->Find("annotations") == nullptr);
}

TEST_CASE("fact 6-7: override labels cannot replace operator labels; annotations verbatim") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  resourceOverrides:
    proxyDeployment:
      labels: {app: should-be-overridden, extra: "1"}
      annotations: {a.example.com/x: "y"}
    proxyService:
      labels: {toolhive: "false", svc: "2"}
      annotations: {b.example.com/z: "w"}
)"));
  const Value& dep = Get(docs, "Deployment", "test-server");
  CHECK(dep.Find("metadata")->Find("labels")->Find("app")->text == "mcpserver");
  CHECK(dep.Find("metadata")->Find("labels")->Find("extra")->text == "1");
  CHECK(LabelsText(dep.Find("metadata")->Find("annotations")) == "a.example.com/x=y;");
  const Value& svc = Get(docs, "Service", "mcp-test-server-proxy");
  CHECK(svc.Find("metadata")->Find("labels")->Find("toolhive")->text == "true");
  CHECK(svc.Find("metadata")->Find("labels")->Find("svc")->text == "2");
  CHECK(LabelsText(svc.Find("metadata")->Find("annotations")) == "b.example.com/z=w;");
  // Selectors never take overrides.
  CHECK(LabelsText(svc.Find("spec")->Find("selector")) == kCommonLabels);
}

TEST_CASE("fact 8 and 20: proxy env is the overrides plus exactly the four defaults") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  resourceOverrides:
    proxyDeployment:
      env: [{name: HTTP_PROXY, value: "http://proxy:8080"}, {name: HOME, value: /home/x}]
)"));
  auto env = EnvMap(Container(docs, "test-server"));
  CHECK(env == std::map<std::string, std::string>{{"HTTP_PROXY", "http://proxy:8080"},
                                                  {"HOME", "/home/x"},
                                                  {"XDG_CONFIG_HOME", "/tmp"},
                                                  {"TOOLHIVE_RUNTIME", "kubernetes"},
                                                  {"UNSTRUCTURED_LOGS", "false"}});
  CHECK(Container(docs, "test-server").Find("env")->items.at(0).Find("name")->text == "HTTP_PROXY");
}

TEST_CASE("fact 9: vault agent injection adds --env-file-dir last and template annotations") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  resourceOverrides:
    proxyDeployment:
      podTemplateMetadataOverrides:
        annotations: {vault.hashicorp.com/agent-inject: "true", vault.hashicorp.com/role: r}
)"));
  auto args = Args(docs, "test-server");
  CHECK(args.back() == "--env-file-dir=/vault/secrets");
  const Value& dep = Get(docs, "Deployment", "test-server");
  CHECK(LabelsText(dep.Find("spec")->Find("template")->Find("metadata")->Find("annotations")) ==
        "vault.hashicorp.com/agent-inject=true;vault.hashicorp.com/role=r;");
  CHECK(dep.Find("metadata")->Find("annotations") == nullptr);
  CHECK(RunConfigJson(docs, "test-server").find(R"("env_file_dir": "/vault/secrets")") !=
        std::string::npos);
}

TEST_CASE("fact 10: on a conflict the operator's map wins, override-only keys stay") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  resourceOverrides:
    proxyDeployment:
      annotations: {shared: from-deployment}
      podTemplateMetadataOverrides:
        annotations: {shared: from-template, only: template}
)"));
  const Value& tmpl = *Get(docs, "Deployment", "test-server").Find("spec")->Find("template");
  CHECK(LabelsText(tmpl.Find("metadata")->Find("annotations")) ==
        "only=template;shared=from-deployment;");
}

TEST_CASE("fact 11 and 35: identical input renders byte-identical output") {
  auto a = Render(kMinimal);
  auto b = Render(kMinimal);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(GoJsonCompact(a[i]) == GoJsonCompact(b[i]));
  CHECK(RunConfigJson(a, "test-server").find(R"("schema_version": "v0.1.0")") == 4);
}

TEST_CASE("fact 12 and 15: tools are sorted in --tools, env becomes --env args") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  tools: [zeta, alpha, mid]
  env: [{name: API_KEY, value: secret-ish}, {name: B, value: "2"}]
)"));
  auto args = Args(docs, "test-server");
  CHECK(Has(args, "--tools=alpha,mid,zeta"));
  CHECK(Has(args, "--env=API_KEY=secret-ish"));
  CHECK(Has(args, "--env=B=2"));
  CHECK(EnvMap(Container(docs, "test-server")).count("API_KEY") == 0);
  // RunConfig keeps the spec order.
  CHECK(RunConfigJson(docs, "test-server")
            .find("\"tools_filter\": [\n    \"zeta\",\n    \"alpha\",") != std::string::npos);
}

TEST_CASE("fact 13: podTemplateSpec goes into the pod patch, not the proxy pod") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  podTemplateSpec:
    spec:
      containers: [{name: mcp}]
      nodeSelector: {disktype: ssd}
      tolerations: [{key: k, operator: Exists}]
)"));
  std::string patch = Patch(Args(docs, "test-server"));
  CHECK(patch.find(R"("nodeSelector":{"disktype":"ssd"})") != std::string::npos);
  CHECK(patch.find(R"("tolerations":[{"key":"k","operator":"Exists"}])") != std::string::npos);
  const Value& pod =
      *Get(docs, "Deployment", "test-server").Find("spec")->Find("template")->Find("spec");
  CHECK(pod.Find("nodeSelector") == nullptr);
  CHECK(pod.Find("tolerations") == nullptr);
}

TEST_CASE("fact 14 and 21: secrets become secretKeyRef env of container mcp, never args") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  secrets:
  - {name: github-token, key: token, targetEnvName: GITHUB_TOKEN}
  - {name: other, key: api-token}
)"));
  auto args = Args(docs, "test-server");
  CHECK(
      Patch(args) ==
      R"({"metadata":{},"spec":{"containers":[{"name":"mcp","env":[)"
      R"({"name":"GITHUB_TOKEN","valueFrom":{"secretKeyRef":{"name":"github-token","key":"token"}}},)"
      R"({"name":"api-token","valueFrom":{"secretKeyRef":{"name":"other","key":"api-token"}}}],)"
      R"("resources":{}}],"serviceAccountName":"test-server-sa"}})");
  for (const std::string& a : args) CHECK(a.rfind("--secret", 0) != 0);
  CHECK(RunConfigJson(docs, "test-server").find("secrets") == std::string::npos);
}

TEST_CASE("fact 16: proxyMode streamable-http is passed through") {
  auto docs =
      Render(WithSpec("test-server", "default", "  image: i\n  proxyMode: streamable-http\n"));
  CHECK(Has(Args(docs, "test-server"), "--proxy-mode=streamable-http"));
  CHECK(RunConfigJson(docs, "test-server").find(R"("toolhive-transport": "streamable-http")") !=
        std::string::npos);
}

TEST_CASE("fact 17 and 19: Kubernetes security contexts") {
  auto docs = Render(kMinimal);
  const Value& pod =
      *Get(docs, "Deployment", "test-server").Find("spec")->Find("template")->Find("spec");
  CHECK(GoJsonCompact(*pod.Find("securityContext")) ==
        R"({"runAsUser":1000,"runAsGroup":1000,"runAsNonRoot":true,"fsGroup":1000})");
  CHECK(GoJsonCompact(*Container(docs, "test-server").Find("securityContext")) ==
        R"({"privileged":false,"runAsUser":1000,"runAsGroup":1000,"runAsNonRoot":true,)"
        R"("readOnlyRootFilesystem":true,"allowPrivilegeEscalation":false})");
}

TEST_CASE("fact 18: OpenShift security contexts") {
  RenderOptions options;
  options.openshift = true;
  auto docs = Render(kMinimal, options);
  const Value& pod =
      *Get(docs, "Deployment", "test-server").Find("spec")->Find("template")->Find("spec");
  CHECK(GoJsonCompact(*pod.Find("securityContext")) ==
        R"({"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}})");
  CHECK(GoJsonCompact(*Container(docs, "test-server").Find("securityContext")) ==
        R"({"capabilities":{"drop":["ALL"]},"privileged":false,"runAsNonRoot":true,)"
        R"("readOnlyRootFilesystem":true,"allowPrivilegeEscalation":false,)"
        R"("seccompProfile":{"type":"RuntimeDefault"}})");
}

TEST_CASE("fact 21: no secrets, no template, no service account leaves only the SA in the patch") {
  auto docs = Render(kMinimal);
  CHECK(Patch(Args(docs, "test-server")) ==
        R"({"metadata":{},"spec":{"containers":[],"serviceAccountName":"test-server-sa"}})");
  RenderOptions configmap_mode;
  configmap_mode.runconfig_mode = true;
  auto short_args = Args(Render(kMinimal, configmap_mode), "test-server");
  CHECK(short_args == std::vector<std::string>{"run", "--foreground=true",
                                               "--from-configmap=default/test-server-runconfig",
                                               "test-image:latest"});
}

TEST_CASE("fact 22: secrets append to an existing mcp container; the SA overrides the user's") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  serviceAccount: custom-sa
  secrets: [{name: s, key: k}]
  podTemplateSpec:
    spec:
      serviceAccountName: users-own
      containers:
      - name: mcp
        env: [{name: EXISTING, value: v}]
)"));
  std::string patch = Patch(Args(docs, "test-server"));
  CHECK(patch.find(R"("env":[{"name":"EXISTING","value":"v"},{"name":"k","valueFrom")") !=
        std::string::npos);
  CHECK(patch.find(R"("serviceAccountName":"custom-sa")") != std::string::npos);
  for (const Value& d : docs) CHECK(d.Find("metadata")->Find("name")->text != "test-server-sa");
}

TEST_CASE("fact 23: kubernetes OIDC defaults") {
  auto docs =
      Render(WithSpec("test-server", "default", "  image: i\n  oidcConfig: {type: kubernetes}\n"));
  const std::vector<std::string> want = {
      "--oidc-issuer=https://kubernetes.default.svc",
      "--oidc-audience=toolhive",
      "--thv-ca-bundle=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
      "--jwks-auth-token-file=/var/run/secrets/kubernetes.io/serviceaccount/token",
      "--jwks-allow-private-ip",
      "--oidc-client-id=default.default.svc.cluster.local",
      "--resource-url=http://mcp-test-server-proxy.default.svc.cluster.local:8080"};
  CHECK(ArgsLike(docs, want) == want);
}

TEST_CASE("fact 24: custom kubernetes OIDC") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  oidcConfig:
    type: kubernetes
    resourceUrl: https://mcp.example.com
    kubernetes:
      serviceAccount: custom-sa
      namespace: custom-namespace
      audience: custom-audience
      issuer: https://custom-issuer.com
      jwksUrl: https://custom-issuer.com/jwks
      useClusterAuth: false
)"));
  const std::vector<std::string> want = {
      "--oidc-issuer=https://custom-issuer.com", "--oidc-audience=custom-audience",
      "--oidc-jwks-url=https://custom-issuer.com/jwks",
      "--oidc-client-id=custom-sa.custom-namespace.svc.cluster.local",
      "--resource-url=https://mcp.example.com"};
  CHECK(ArgsLike(docs, want) == want);
}

TEST_CASE("fact 25: inline and configMap OIDC arg order") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  oidcConfig:
    type: inline
    inline: {issuer: https://i, audience: aud, jwksUrl: https://i/jwks, clientId: cid}
)"));
  const std::vector<std::string> want = {"--oidc-issuer=https://i", "--oidc-audience=aud",
                                         "--oidc-jwks-url=https://i/jwks", "--oidc-client-id=cid"};
  CHECK(ArgsLike(docs, want) == want);
  CHECK(RunConfigJson(docs, "test-server").find(R"("oidc_config": {
    "Issuer": "https://i",
    "Audience": "aud",
    "JWKSURL": "https://i/jwks",
    "ClientID": "cid",
    "ClientSecret": "",
    "CACertPath": "",
    "AuthTokenFile": "",
    "AllowPrivateIP": false,
    "IntrospectionURL": "",
    "ResourceURL": ""
  })") != std::string::npos);

  auto cm_docs = Render(WithSpec("test-server", "default", R"(  image: i
  oidcConfig: {type: configMap, configMap: {name: oidc}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: oidc, namespace: default}
data: {issuer: https://i, audience: aud, jwksUrl: https://i/jwks, clientId: cid, jwksAllowPrivateIP: "true"}
)"));
  const std::vector<std::string> cm_want = {"--oidc-issuer=https://i", "--oidc-audience=aud",
                                            "--oidc-jwks-url=https://i/jwks",
                                            "--oidc-client-id=cid", "--jwks-allow-private-ip"};
  CHECK(ArgsLike(cm_docs, cm_want) == cm_want);
}

TEST_CASE("fact 26-28: authz args, inline ConfigMap content and volumes") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  authzConfig:
    type: inline
    inline:
      policies: ["permit(principal, action, resource);"]
)"));
  CHECK(Has(Args(docs, "test-server"), "--authz-config=/etc/toolhive/authz/authz.json"));
  const Value& cm = Get(docs, "ConfigMap", "test-server-authz-inline");
  CHECK(
      cm.Find("data")->Find("authz.json")->text ==
      R"({"cedar":{"entities_json":"[]","policies":["permit(principal, action, resource);"]},"type":"cedarv1","version":"1.0"})");
  CHECK(cm.Find("metadata")->Find("labels")->Find("toolhive.stacklok.io/authz")->text == "inline");
  const Value& pod =
      *Get(docs, "Deployment", "test-server").Find("spec")->Find("template")->Find("spec");
  CHECK(
      GoJsonCompact(*pod.Find("volumes")) ==
      R"([{"name":"authz-config","configMap":{"name":"test-server-authz-inline","items":[{"key":"authz.json","path":"authz.json"}]}}])");
  CHECK(RunConfigJson(docs, "test-server").find(R"("version": "v1",
    "type": "cedarv1")") != std::string::npos);

  auto cm_docs = Render(WithSpec("test-server", "default", R"(  image: i
  authzConfig: {type: configMap, configMap: {name: my-authz, key: policy.yaml}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: my-authz, namespace: default}
data:
  policy.yaml: |
    version: "1.0"
    type: cedarv1
    cedar:
      policies: ["permit(principal, action, resource);"]
)"));
  const Value& cm_pod =
      *Get(cm_docs, "Deployment", "test-server").Find("spec")->Find("template")->Find("spec");
  CHECK(
      GoJsonCompact(*cm_pod.Find("volumes")) ==
      R"([{"name":"authz-config","configMap":{"name":"my-authz","items":[{"key":"policy.yaml","path":"authz.json"}]}}])");
  CHECK(Has(Args(cm_docs, "test-server"), "--authz-config=/etc/toolhive/authz/authz.json"));
}

TEST_CASE("fact 29-30: OpenTelemetry and Prometheus args and env") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  telemetry:
    openTelemetry:
      enabled: true
      endpoint: https://otel:4317
      headers: [a=b, c=d]
      insecure: true
      tracing: {enabled: true, samplingRate: "0.1"}
    prometheus: {enabled: true}
)"));
  auto args = Args(docs, "test-server");
  for (const char* a : {"--otel-endpoint=https://otel:4317", "--otel-headers=a=b",
                        "--otel-headers=c=d", "--otel-insecure", "--otel-tracing-enabled=true",
                        "--otel-tracing-sampling-rate=0.1", "--enable-prometheus-metrics-path"})
    CHECK(Has(args, a));
  CHECK(EnvMap(Container(docs, "test-server"))["OTEL_RESOURCE_ATTRIBUTES"] ==
        "service.name=test-server,service.namespace=default");
  std::string rc = RunConfigJson(docs, "test-server");
  CHECK(rc.find(R"("endpoint": "otel:4317")") != std::string::npos);
  CHECK(rc.find(R"("samplingRate": 0.1)") != std::string::npos);
  CHECK(rc.find("\"headers\": {\n      \"a\": \"b\",\n      \"c\": \"d\"\n    }") !=
        std::string::npos);
}

TEST_CASE("fact 31: minimal RunConfig") {
  auto docs = Render(kMinimal);
  CHECK(RunConfigJson(docs, "test-server") == R"({
  "schema_version": "v0.1.0",
  "image": "test-image:latest",
  "name": "test-server",
  "container_name": "test-server",
  "base_name": "test-server",
  "transport": "stdio",
  "host": "0.0.0.0",
  "port": 8080,
  "permission_profile": {
    "name": "network",
    "network": {
      "outbound": {
        "insecure_allow_all": true
      }
    }
  },
  "env_vars": {
    "MCP_TRANSPORT": "stdio"
  },
  "container_labels": {
    "toolhive": "true",
    "toolhive-basename": "test-server",
    "toolhive-name": "test-server",
    "toolhive-port": "8080",
    "toolhive-tool-type": "mcp",
    "toolhive-transport": "stdio"
  },
  "proxy_mode": "sse"
})");
}

TEST_CASE("fact 32: streamable-http env vars") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  transport: streamable-http
  port: 9090
  targetPort: 8080
  env: [{name: A, value: "1"}, {name: B, value: "2"}, {name: C, value: "3"}]
)"));
  std::string rc = RunConfigJson(docs, "test-server");
  CHECK(rc.find(R"("env_vars": {
    "A": "1",
    "B": "2",
    "C": "3",
    "FASTMCP_PORT": "8080",
    "MCP_PORT": "8080",
    "MCP_TRANSPORT": "streamable-http"
  })") != std::string::npos);
}

TEST_CASE("fact 33: volumes in RunConfig and the permission profile") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  volumes:
  - {name: v1, hostPath: /host/path1, mountPath: /mount/path1}
  - {name: v2, hostPath: /host/path2, mountPath: /mount/path2, readOnly: true}
)"));
  std::string rc = RunConfigJson(docs, "test-server");
  CHECK(rc.find("\"volumes\": [\n    \"/host/path1:/mount/path1\",\n    "
                "\"/host/path2:/mount/path2:ro\"\n  ]") != std::string::npos);
  CHECK(rc.find("\"read\": [\n      \"/host/path2:/mount/path2\"\n    ],\n    \"write\": [\n      "
                "\"/host/path1:/mount/path1\"") != std::string::npos);
}

TEST_CASE("fact 34: telemetry endpoint stripped, sampling rate parsed, headers mapped") {
  auto docs = Render(WithSpec("test-server", "default", R"(  image: i
  telemetry:
    openTelemetry:
      enabled: true
      endpoint: http://collector:4318
      tracing: {enabled: true, samplingRate: "0.25"}
)"));
  std::string rc = RunConfigJson(docs, "test-server");
  CHECK(rc.find(R"("endpoint": "collector:4318")") != std::string::npos);
  CHECK(rc.find(R"("samplingRate": 0.25)") != std::string::npos);
  CHECK(rc.find(R"("serviceName": "test-server")") != std::string::npos);
  auto defaults = Render(WithSpec("test-server", "default", R"(  image: i
  telemetry:
    openTelemetry: {enabled: true, endpoint: collector:4318}
)"));
  CHECK(RunConfigJson(defaults, "test-server").find(R"("samplingRate": 0.05)") !=
        std::string::npos);
}

TEST_CASE("worked example: fetch RunConfig checksum matches the spec") {
  auto docs = Render(R"(
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata: {name: fetch, namespace: toolhive-system}
spec:
  image: docker.io/mcp/fetch
  transport: stdio
  port: 8080
  permissionProfile: {type: builtin, name: network}
  resources:
    limits: {cpu: 100m, memory: 128Mi}
    requests: {cpu: 50m, memory: 64Mi}
)");
  const Value& cm = Get(docs, "ConfigMap", "fetch-runconfig");
  CHECK(cm.Find("metadata")
            ->Find("annotations")
            ->Find("toolhive.stacklok.dev/content-checksum")
            ->text == "92a578f5baf328fdc7cbbd1db2e07523de0bf46cd7709f6e99d5d72888877c77");
  CHECK(
      Args(docs, "fetch") ==
      std::vector<std::string>{
          "run", "--foreground=true", "--proxy-port=8080", "--name=fetch", "--transport=stdio",
          "--host=0.0.0.0", "--proxy-mode=sse",
          R"(--k8s-pod-patch={"metadata":{},"spec":{"containers":[],"serviceAccountName":"fetch-sa"}})",
          "--permission-profile=network", "docker.io/mcp/fetch"});
  CHECK(ServiceUrl(DecodeMCPServer(ObjectsFromYaml(R"(
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata: {name: fetch, namespace: toolhive-system}
spec: {image: x}
)")[0])) == "http://mcp-fetch-proxy.toolhive-system.svc.cluster.local:8080");
}

}  // namespace t7002a239b
}  // namespace thv
