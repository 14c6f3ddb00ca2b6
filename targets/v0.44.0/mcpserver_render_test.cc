// The v0.44.0 operator's objects for an MCPServer: one test per fact of
// ../shared/spec/operator-v0.44.0-mcpserver.md (§1-§5, §8) and of the plan's corrections C1-C20,
// each named after it. file:line citations are at tag v0.44.0 (ctl = mcpserver_controller.go).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_writer.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "targets/v0.44.0/runconfig.h"
#include "targets/v0.44.0/testing.h"
#include "targets/v0.44.0/webhooks.h"

namespace thv {
namespace t0_44_0 {

namespace {

// The spec's §8 seed, its proxyPort read as spec.proxyPort, permission profile as the spec's §6
// seed sets it.
const char kSeed[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata: {name: fetch}
spec:
  image: docker.io/mcp/fetch
  transport: stdio
  proxyPort: 8080
  permissionProfile: {type: builtin, name: network}
)";

// §8's runconfig.json, byte for byte.
const char kSeedRunConfig[] = R"({
  "schema_version": "v0.1.0",
  "mcpserver_generation": 1,
  "image": "docker.io/mcp/fetch",
  "name": "fetch",
  "container_name": "fetch",
  "base_name": "fetch",
  "transport": "stdio",
  "host": "0.0.0.0",
  "port": 8080,
  "target_port": 8080,
  "permission_profile_name_or_path": "network",
  "permission_profile": {
    "name": "network",
    "network": {
      "outbound": {
        "insecure_allow_all": true
      },
      "inbound": {}
    }
  },
  "env_vars": {
    "MCP_TRANSPORT": "stdio"
  },
  "container_labels": {
    "toolhive": "true",
    "toolhive-basename": "fetch",
    "toolhive-name": "fetch",
    "toolhive-port": "8080",
    "toolhive-transport": "stdio"
  },
  "proxy_mode": "streamable-http",
  "middleware_configs": [
    {
      "type": "bodylimit",
      "parameters": {
        "max_bytes": 8388608
      }
    },
    {
      "type": "auth",
      "parameters": {}
    },
    {
      "type": "mcp-parser",
      "parameters": {}
    },
    {
      "type": "usagemetrics",
      "parameters": {}
    },
    {
      "type": "recovery",
      "parameters": null
    }
  ]
})";

// An MCPServer s in namespace ns with spec lines (two-space indented) after its image.
std::string Server(const std::string& spec, const std::string& name = "s") {
  return "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: " + name +
         ", namespace: ns}\nspec:\n  image: ghcr.io/example/mcp:1\n" + spec;
}

std::string Doc(const std::string& kind, const std::string& name, const std::string& spec,
                const std::string& version = "v1beta1") {
  return "---\napiVersion: toolhive.stacklok.dev/" + version + "\nkind: " + kind +
         "\nmetadata: {name: " + name + ", namespace: ns}\nspec:\n" + spec;
}

// The node at a dotted path with [i] indices ("spec.template.spec.containers[0].env"), or
// nullptr.
const Value* At(const Value* v, const std::string& path) {
  return v ? ValueAtPath(*v, path) : nullptr;
}

std::string Text(const Value* v, const std::string& path) {
  const Value* node = At(v, path);
  return node ? node->text : "<absent>";
}

std::vector<std::string> Keys(const Value* v) {
  std::vector<std::string> keys;
  for (const Member& m : v ? v->members : std::vector<Member>{}) keys.push_back(m.key);
  return keys;
}

// "name" of each item, or "name=value" for plain env vars.
std::vector<std::string> Names(const Value* list) {
  std::vector<std::string> names;
  for (const Value& item : list ? list->items : std::vector<Value>{}) {
    const Value* value = item.Find("value");
    names.push_back(Text(&item, "name") + (value ? "=" + value->text : ""));
  }
  return names;
}

struct Rendered {
  RenderRun run;
  Value run_config;  // runconfig.json parsed, in its order
  const Value* deployment = nullptr;
  const Value* service = nullptr;

  const Value* Container() const { return At(deployment, "spec.template.spec.containers[0]"); }
  const Value* PodSpec() const { return At(deployment, "spec.template.spec"); }
  std::string Json() const {
    const Value* data = At(config_map, "data");
    const Value* json = data ? data->Find("runconfig.json") : nullptr;  // a key with a dot
    return json ? json->text : "";
  }
  std::vector<std::string> Middlewares() const {
    std::vector<std::string> types;
    for (const Value& m : At(&run_config, "middleware_configs")->items)
      types.push_back(Text(&m, "type"));
    return types;
  }
  const Value* Middleware(const std::string& type) const {
    for (const Value& m : At(&run_config, "middleware_configs")->items)
      if (Text(&m, "type") == type) return m.Find("parameters");
    return nullptr;
  }
  const Value* config_map = nullptr;

  // A node of the RunConfig (valid as long as this Rendered is).
  const Value* Rc(const std::string& path) const { return At(&run_config, path); }
  std::string RcText(const std::string& path) const { return Text(&run_config, path); }
};

Rendered Render(const std::string& yaml, const RenderOptions& options = {},
                const std::string& name = "s") {
  Rendered r;
  r.run = RunAt044(yaml, false, options);
  r.deployment = r.run.Find("Deployment", name);
  r.service = r.run.Find("Service", "mcp-" + name + "-proxy");
  r.config_map = r.run.Find("ConfigMap", name + "-runconfig");
  if (r.config_map) {
    Diagnostics diags;
    std::vector<Value> docs;
    ReadYamlDocuments("runconfig.json", r.Json(), &docs, &diags);
    if (docs.size() == 1) r.run_config = docs[0];
  }
  return r;
}

std::vector<std::string> ObjectList(const RenderRun& run) {
  std::vector<std::string> list;
  for (const Value& doc : run.out)
    list.push_back(Text(&doc, "kind") + "/" + Text(&doc, "metadata.name"));
  return list;
}

const std::vector<std::string> kLabels = {"app", "app.kubernetes.io/instance",
                                          "app.kubernetes.io/name", "toolhive", "toolhive-name"};

}  // namespace

// ---- §8: the seed ----

TEST_CASE("§8 seed: runconfig.json byte for byte and its content checksum") {
  Rendered r = Render(kSeed, {}, "fetch");
  REQUIRE(r.run.errors.empty());
  CHECK(r.Json() == kSeedRunConfig);
  const std::string checksum = "d21bdc668000876b948e14d391c198148b0f21d59765eca4a21d25cba766618a";
  CHECK(At(r.config_map, "metadata.annotations")
            ->Find("toolhive.stacklok.dev/content-checksum")
            ->text == checksum);
  CHECK(At(r.deployment, "spec.template.metadata.annotations")
            ->Find("toolhive.stacklok.dev/runconfig-checksum")
            ->text == checksum);
}

TEST_CASE("§8 seed: usage metrics off drops usagemetrics and gives the second checksum") {
  RenderOptions off;
  off.usage_metrics = false;
  Rendered r = Render(kSeed, off, "fetch");
  CHECK(r.Middlewares() == std::vector<std::string>{"bodylimit", "auth", "mcp-parser", "recovery"});
  CHECK(At(r.config_map, "metadata.annotations")
            ->Find("toolhive.stacklok.dev/content-checksum")
            ->text == "2ebc7dd17f2e79250c1f8896a027a29e764c166b4ccb552600295e6412ca7a27");
}

// ---- §1: objects ----

TEST_CASE("§1 objects: creation order, names; no -sa with spec.serviceAccount") {
  Rendered r = Render(Server(""));
  CHECK(ObjectList(r.run) ==
        std::vector<std::string>{"ServiceAccount/s-proxy-runner", "Role/s-proxy-runner",
                                 "RoleBinding/s-proxy-runner", "ServiceAccount/s-sa",
                                 "ConfigMap/s-runconfig", "Deployment/s", "Service/mcp-s-proxy"});
  Rendered own = Render(Server("  serviceAccount: mine\n"));
  CHECK(own.run.Find("ServiceAccount", "s-sa") == nullptr);
  CHECK(own.run.out.size() == 6);
}

TEST_CASE("§1 objects: <name>-authz-inline only for inline authzConfig, before the runconfig") {
  Rendered r =
      Render(Server("  authzConfig:\n    type: inline\n    inline: {policies: ['permit(principal, "
                    "action, resource);']}\n"));
  CHECK(ObjectList(r.run)[4] == "ConfigMap/s-authz-inline");
  CHECK(ObjectList(r.run)[5] == "ConfigMap/s-runconfig");
}

// ---- §2: Deployment ----

TEST_CASE("§2 Deployment: labels on it, its selector and pods; overrides never replace them") {
  Rendered r = Render(
      Server("  resourceOverrides:\n    proxyDeployment:\n      labels: {team: a, app: x}\n"
             "      podTemplateMetadataOverrides: {labels: {tier: proxy, toolhive: 'no'}}\n"));
  CHECK(Keys(At(r.deployment, "spec.selector.matchLabels")) == kLabels);
  CHECK(Text(r.deployment, "metadata.labels.app") == "mcpserver");
  CHECK(Text(r.deployment, "metadata.labels.team") == "a");
  CHECK(At(r.deployment, "metadata.labels.tier") == nullptr);
  CHECK(Text(r.deployment, "spec.template.metadata.labels.tier") == "proxy");
  CHECK(Text(r.deployment, "spec.template.metadata.labels.toolhive") == "true");
}

TEST_CASE("§2 Deployment: annotations only from proxyDeployment.annotations") {
  CHECK(At(Render(Server("")).deployment, "metadata.annotations") == nullptr);
  Rendered r =
      Render(Server("  resourceOverrides:\n    proxyDeployment:\n      annotations: {a: b}\n"));
  CHECK(Keys(At(r.deployment, "metadata.annotations")) == std::vector<std::string>{"a"});
  CHECK(Keys(At(r.deployment, "spec.template.metadata.annotations")) ==
        std::vector<std::string>{"toolhive.stacklok.dev/mcpserver-generation",
                                 "toolhive.stacklok.dev/runconfig-checksum"});
}

TEST_CASE("§2 Deployment: pod annotations checksum and generation win over overrides") {
  Rendered r = Render(
      Server("  resourceOverrides:\n    proxyDeployment:\n      podTemplateMetadataOverrides:\n"
             "        annotations: {toolhive.stacklok.dev/mcpserver-generation: '9', extra: x}\n"));
  const Value* a = At(r.deployment, "spec.template.metadata.annotations");
  CHECK(a->Find("toolhive.stacklok.dev/mcpserver-generation")->text == "1");
  CHECK(a->Find("extra")->text == "x");
}

TEST_CASE("§2 Deployment: replicas omitted when unset, copied when set, stdio capped at 1") {
  CHECK(At(Render(Server("")).deployment, "spec.replicas") == nullptr);
  CHECK(Text(Render(Server("  transport: sse\n  replicas: 3\n")).deployment, "spec.replicas") ==
        "3");
  CHECK(Text(Render(Server("  replicas: 0\n")).deployment, "spec.replicas") == "0");
  Rendered stdio = Render(Server("  replicas: 3\n"));
  CHECK(Text(stdio.deployment, "spec.replicas") == "1");
  CHECK(stdio.run.HasWarning("stdio transport requires exactly 1 replica"));
}

TEST_CASE("§2 Deployment: pod spec fields in Go order, grace period 30, runner SA") {
  Rendered r = Render(Server(""));
  CHECK(Keys(r.PodSpec()) == std::vector<std::string>{"volumes", "containers",
                                                      "terminationGracePeriodSeconds",
                                                      "serviceAccountName", "securityContext"});
  CHECK(Text(r.PodSpec(), "terminationGracePeriodSeconds") == "30");
  CHECK(Text(r.PodSpec(), "serviceAccountName") == "s-proxy-runner");
}

TEST_CASE("§2 Deployment: one container toolhive; image from the chart, else the flag") {
  Rendered r = Render(Server(""));
  CHECK(Text(r.Container(), "name") == "toolhive");
  CHECK(Text(r.Container(), "image") == "ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0");
  RenderOptions flag;
  flag.proxy_image = "registry.example.com/proxyrunner:1";
  CHECK(Text(Render(Server(""), flag).Container(), "image") ==
        "registry.example.com/proxyrunner:1");
}

TEST_CASE("§2 Deployment: args are run, the pod patch, the image") {
  Rendered r = Render(Server("  args: [--x]\n"));
  REQUIRE(r.deployment);
  const Value* args = At(r.Container(), "args");
  REQUIRE(args->items.size() == 3);
  CHECK(args->items[0].text == "run");
  CHECK(args->items[1].text ==
        "--k8s-pod-patch={\"metadata\":{},\"spec\":{\"containers\":[],\"serviceAccountName\":\"s-"
        "sa\"}}");
  CHECK(args->items[2].text == "ghcr.io/example/mcp:1");
}

TEST_CASE("§2 Deployment: pod patch carries spec.secrets on container mcp, SA from the spec") {
  Rendered r = Render(
      Server("  serviceAccount: custom\n  secrets: [{name: keys, key: token}, {name: more, key: b, "
             "targetEnvName: B}]\n"));
  REQUIRE(r.deployment);
  CHECK(
      At(r.Container(), "args")->items[1].text ==
      "--k8s-pod-patch={\"metadata\":{},\"spec\":{\"containers\":[{\"name\":\"mcp\",\"env\":[{"
      "\"name\":\"token\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"keys\",\"key\":\"token\"}}},"
      "{\"name\":\"B\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"more\",\"key\":\"b\"}}}],"
      "\"resources\":{}}],\"serviceAccountName\":\"custom\"}}");
  // Secrets never reach the RunConfig.
  CHECK(r.Json().find("keys") == std::string::npos);
}

TEST_CASE(
    "§2 Deployment: env order: otel, token exchange, OIDC, overrides, redis, generation, "
    "defaults") {
  Rendered r = Render(
      Server("  telemetryConfigRef: {name: otel}\n"
             "  externalAuthConfigRef: {name: te}\n"
             "  oidcConfigRef: {name: idp, audience: a}\n"
             "  sessionStorage: {provider: redis, address: 'r:6379', passwordRef: {name: rp, key: "
             "k}}\n"
             "  resourceOverrides: {proxyDeployment: {env: [{name: CUSTOM, value: v}]}}\n") +
      Doc("MCPTelemetryConfig", "otel",
          "  openTelemetry:\n    enabled: true\n    endpoint: otel:4318\n    tracing: {enabled: "
          "true}\n    sensitiveHeaders: [{name: x-api-key, secretKeyRef: {name: o, key: k}}]\n") +
      Doc("MCPExternalAuthConfig", "te",
          "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://t/token', audience: a, "
          "clientSecretRef: {name: cs, key: k}}\n") +
      Doc("MCPOIDCConfig", "idp",
          "  type: inline\n  inline: {issuer: 'https://idp', clientSecretRef: {name: ocs, key: "
          "k}}\n"));
  REQUIRE(r.deployment);
  CHECK(Names(At(r.Container(), "env")) ==
        std::vector<std::string>{
            "OTEL_RESOURCE_ATTRIBUTES=service.name=s,service.namespace=ns",
            "TOOLHIVE_OTEL_HEADER_X_API_KEY", "TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET",
            "TOOLHIVE_OIDC_CLIENT_SECRET", "CUSTOM=v", "THV_SESSION_REDIS_PASSWORD",
            "THV_MCPSERVER_GENERATION", "XDG_CONFIG_HOME=/tmp", "HOME=/tmp",
            "TOOLHIVE_RUNTIME=kubernetes", "UNSTRUCTURED_LOGS=false"});
  CHECK(r.run.HasWarning("Secret ns/cs (client secret) is not among the inputs"));
}

TEST_CASE(
    "§2 Deployment: EnsureRequiredEnvVars adds only what is absent, and the secrets provider") {
  Rendered r =
      Render(Server("  resourceOverrides: {proxyDeployment: {env: [{name: HOME, value: /h}, {name: "
                    "TOOLHIVE_SECRET_x, value: zz}]}}\n"));
  CHECK(Names(At(r.Container(), "env")) ==
        std::vector<std::string>{"HOME=/h", "TOOLHIVE_SECRET_x=zz", "THV_MCPSERVER_GENERATION",
                                 "XDG_CONFIG_HOME=/tmp", "TOOLHIVE_RUNTIME=kubernetes",
                                 "UNSTRUCTURED_LOGS=false",
                                 "TOOLHIVE_SECRETS_PROVIDER=environment"});
}

TEST_CASE("§2 Deployment: THV_MCPSERVER_GENERATION from the annotation, generation 1 by default") {
  Rendered r = Render(Server(""));
  const Value* env = At(r.Container(), "env[0]");
  CHECK(Text(env, "name") == "THV_MCPSERVER_GENERATION");
  CHECK(Text(env, "valueFrom.fieldRef.apiVersion") == "v1");
  CHECK(At(env, "valueFrom.fieldRef")->Find("fieldPath")->text ==
        "metadata.annotations['toolhive.stacklok.dev/mcpserver-generation']");
  CHECK(Text(&r.run_config, "mcpserver_generation") == "1");
}

TEST_CASE("§2 Deployment: metadata.generation, when the input has it, everywhere") {
  const std::string yaml =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\n"
      "metadata: {name: s, namespace: ns, generation: 7}\nspec: {image: x}\n";
  Rendered r = Render(yaml);
  CHECK(Text(&r.run_config, "mcpserver_generation") == "7");
  CHECK(At(r.deployment, "spec.template.metadata.annotations")
            ->Find("toolhive.stacklok.dev/mcpserver-generation")
            ->text == "7");
}

TEST_CASE("§2 Deployment: port http is the proxy port") {
  Rendered r = Render(Server("  proxyPort: 9095\n"));
  CHECK(Keys(At(r.Container(), "ports[0]")) ==
        std::vector<std::string>{"name", "containerPort", "protocol"});
  CHECK(Text(r.Container(), "ports[0].containerPort") == "9095");
  CHECK(Text(r.Container(), "ports[0].name") == "http");
}

TEST_CASE("§2 Deployment: startup, liveness and readiness probes per ctl:1461-1495") {
  Rendered r = Render(Server(""));
  const Value* c = r.Container();
  CHECK(Keys(At(c, "startupProbe")) ==
        std::vector<std::string>{"httpGet", "timeoutSeconds", "periodSeconds", "failureThreshold"});
  CHECK(Text(c, "startupProbe.periodSeconds") == "5");
  CHECK(Text(c, "startupProbe.timeoutSeconds") == "3");
  CHECK(Text(c, "startupProbe.failureThreshold") == "18");
  CHECK(Text(c, "livenessProbe.initialDelaySeconds") == "30");
  CHECK(Text(c, "livenessProbe.periodSeconds") == "10");
  CHECK(Text(c, "livenessProbe.timeoutSeconds") == "5");
  CHECK(Text(c, "readinessProbe.initialDelaySeconds") == "5");
  CHECK(Text(c, "readinessProbe.periodSeconds") == "5");
  CHECK(Text(c, "readinessProbe.failureThreshold") == "3");
  CHECK(Text(c, "readinessProbe.httpGet.path") == "/health");
  CHECK(Text(c, "readinessProbe.httpGet.port") == "http");
  // Go field order of corev1.Container.
  CHECK(Keys(c) == std::vector<std::string>{"name", "image", "args", "ports", "env", "resources",
                                            "volumeMounts", "livenessProbe", "readinessProbe",
                                            "startupProbe", "securityContext"});
}

TEST_CASE("§2 Deployment: spec.resources on the proxy container, canonical; never the RunConfig") {
  Rendered r =
      Render(Server("  resources: {limits: {cpu: '0.5', memory: 128Mi}, requests: {cpu: 100m}}\n"));
  CHECK(Text(r.Container(), "resources.limits.cpu") == "500m");
  CHECK(Text(r.Container(), "resources.limits.memory") == "128Mi");
  CHECK(Text(r.Container(), "resources.requests.cpu") == "100m");
  CHECK(r.Json().find("128Mi") == std::string::npos);
  CHECK(At(Render(Server("")).Container(), "resources")->IsEmpty());
}

TEST_CASE("§2 Deployment: security contexts, Kubernetes and OpenShift") {
  Rendered k = Render(Server(""));
  CHECK(Keys(At(k.PodSpec(), "securityContext")) ==
        std::vector<std::string>{"runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup",
                                 "seccompProfile"});
  CHECK(Keys(At(k.Container(), "securityContext")) ==
        std::vector<std::string>{"capabilities", "privileged", "runAsUser", "runAsGroup",
                                 "runAsNonRoot", "readOnlyRootFilesystem",
                                 "allowPrivilegeEscalation", "seccompProfile"});
  CHECK(Text(k.Container(), "securityContext.capabilities.drop[0]") == "ALL");
  CHECK(Text(k.Container(), "securityContext.seccompProfile.type") == "RuntimeDefault");
  RenderOptions openshift;
  openshift.openshift = true;
  Rendered o = Render(Server(""), openshift);
  CHECK(Keys(At(o.PodSpec(), "securityContext")) ==
        std::vector<std::string>{"runAsNonRoot", "seccompProfile"});
  CHECK(Keys(At(o.Container(), "securityContext")) ==
        std::vector<std::string>{"capabilities", "privileged", "runAsNonRoot",
                                 "readOnlyRootFilesystem", "allowPrivilegeEscalation",
                                 "seccompProfile"});
}

TEST_CASE("§2 Deployment: imagePullSecrets = CR list deduplicated, then the chart's; on both SAs") {
  RenderOptions chart;
  chart.default_image_pull_secrets = {"b", " c ", ""};
  Rendered r =
      Render(Server("  resourceOverrides: {proxyDeployment: {imagePullSecrets: [{name: a}, "
                    "{name: b}, {name: a}]}}\n"),
             chart);
  const std::vector<std::string> want = {"a", "b", "c"};
  CHECK(Names(At(r.PodSpec(), "imagePullSecrets")) == want);
  CHECK(Names(At(r.run.Find("ServiceAccount", "s-proxy-runner"), "imagePullSecrets")) == want);
  CHECK(Names(At(r.run.Find("ServiceAccount", "s-sa"), "imagePullSecrets")) == want);
  CHECK(At(Render(Server("")).PodSpec(), "imagePullSecrets") == nullptr);
}

// ---- §3: Service ----

TEST_CASE("§3 Service: mcp-<name>-proxy, ClientIP by default, the proxy port, no type") {
  Rendered r = Render(Server("  proxyPort: 9000\n"));
  CHECK(Keys(At(r.service, "spec")) ==
        std::vector<std::string>{"ports", "selector", "sessionAffinity"});
  CHECK(Text(r.service, "spec.sessionAffinity") == "ClientIP");
  CHECK(Keys(At(r.service, "spec.ports[0]")) ==
        std::vector<std::string>{"name", "protocol", "port", "targetPort"});
  CHECK(Text(r.service, "spec.ports[0].port") == "9000");
  CHECK(Text(r.service, "spec.ports[0].targetPort") == "9000");
  CHECK(Keys(At(r.service, "spec.selector")) == kLabels);
  CHECK(Text(Render(Server("  sessionAffinity: None\n")).service, "spec.sessionAffinity") ==
        "None");
}

TEST_CASE("§3 Service: label and annotation overrides, operator labels win") {
  Rendered r = Render(Server(
      "  resourceOverrides: {proxyService: {labels: {app: x, team: t}, annotations: {a: b}}}\n"));
  CHECK(Text(r.service, "metadata.labels.app") == "mcpserver");
  CHECK(Text(r.service, "metadata.labels.team") == "t");
  CHECK(Text(r.service, "metadata.annotations.a") == "b");
}

// ---- §4: RBAC ----

TEST_CASE("§4 RBAC: the Role has no apply; binding to the runner SA; no labels") {
  Rendered r = Render(Server(""));
  const Value* role = r.run.Find("Role", "s-proxy-runner");
  REQUIRE(role);
  CHECK(At(role, "metadata.labels") == nullptr);
  const std::vector<std::string> write = {"get",    "list",  "watch", "create",
                                          "update", "patch", "delete"};
  std::vector<std::string> verbs;
  for (const Value& v : At(role, "rules[0].verbs")->items) verbs.push_back(v.text);
  CHECK(verbs == write);
  CHECK(Text(role, "rules[1].resources[0]") == "services");
  CHECK(Text(role, "rules[4].resources[0]") == "pods/attach");
  CHECK(Text(role, "rules[5].resources[0]") == "configmaps");
  const Value* binding = r.run.Find("RoleBinding", "s-proxy-runner");
  CHECK(Text(binding, "roleRef.name") == "s-proxy-runner");
  CHECK(Text(binding, "subjects[0].namespace") == "ns");
}

// ---- §5: RunConfig ConfigMap ----

TEST_CASE("§5 RunConfig: ConfigMap name, labels, one key, no trailing newline") {
  Rendered r = Render(Server(""));
  CHECK(Keys(At(r.config_map, "metadata.labels")) ==
        std::vector<std::string>{"toolhive.stacklok.io/component",
                                 "toolhive.stacklok.io/managed-by",
                                 "toolhive.stacklok.io/mcp-server"});
  CHECK(Keys(At(r.config_map, "data")) == std::vector<std::string>{"runconfig.json"});
  CHECK(r.Json().back() == '}');
}

TEST_CASE("§5 RunConfig: fields in runner.RunConfig order") {
  Rendered r = Render(
      Server("  transport: sse\n  args: [a]\n  env: [{name: E, value: v}]\n"
             "  volumes: [{name: d, hostPath: /h, mountPath: /m}]\n  trustProxyHeaders: true\n"
             "  endpointPrefix: /p\n  backendReplicas: 2\n  audit: {enabled: true}\n"));
  CHECK(Keys(&r.run_config) == std::vector<std::string>{"schema_version",
                                                        "mcpserver_generation",
                                                        "image",
                                                        "cmd_args",
                                                        "name",
                                                        "container_name",
                                                        "base_name",
                                                        "transport",
                                                        "host",
                                                        "port",
                                                        "target_port",
                                                        "permission_profile",
                                                        "env_vars",
                                                        "volumes",
                                                        "container_labels",
                                                        "audit_config",
                                                        "trust_proxy_headers",
                                                        "proxy_mode",
                                                        "middleware_configs",
                                                        "endpoint_prefix",
                                                        "scaling_config"});
}

TEST_CASE("§5 RunConfig: host from --proxy-host, else 0.0.0.0") {
  RenderOptions host;
  host.proxy_host = "127.0.0.1";
  CHECK(Render(Server(""), host).RcText("host") == "127.0.0.1");
  CHECK(Render(Server("")).RcText("host") == "0.0.0.0");
}

TEST_CASE("§5 RunConfig: env_vars are spec.env, MCP_TRANSPORT, and MCP/FASTMCP_PORT over HTTP") {
  Rendered http = Render(Server(
      "  transport: streamable-http\n  mcpPort: 3000\n  env: [{name: MCP_PORT, value: '1'}]\n"));
  CHECK(Keys(At(&http.run_config, "env_vars")) ==
        std::vector<std::string>{"FASTMCP_PORT", "MCP_PORT", "MCP_TRANSPORT"});
  CHECK(Text(&http.run_config, "env_vars.MCP_PORT") == "3000");
  CHECK(Keys(Render(Server("")).Rc("env_vars")) == std::vector<std::string>{"MCP_TRANSPORT"});
}

TEST_CASE("§5 RunConfig: proxy_mode is the transport, or stdio's proxy mode") {
  CHECK(Render(Server("  transport: sse\n")).RcText("proxy_mode") == "sse");
  CHECK(Render(Server("  proxyMode: sse\n")).RcText("proxy_mode") == "sse");
  CHECK(Render(Server("  transport: streamable-http\n  proxyMode: sse\n")).RcText("proxy_mode") ==
        "streamable-http");
}

TEST_CASE("§5 RunConfig: middleware order of PopulateMiddlewareConfigs") {
  Rendered r = Render(
      Server("  audit: {enabled: true}\n  oidcConfigRef: {name: idp, audience: a}\n"
             "  externalAuthConfigRef: {name: te}\n  toolConfigRef: {name: tools}\n"
             "  telemetryConfigRef: {name: otel}\n  webhookConfigRef: {name: hooks}\n"
             "  sessionStorage: {provider: redis, address: 'r:6379'}\n"
             "  rateLimiting: {shared: {maxTokens: 1, refillPeriod: 1s}}\n"
             "  authzConfigRef: {name: authz}\n") +
      Doc("MCPOIDCConfig", "idp",
          "  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n") +
      Doc("MCPExternalAuthConfig", "te",
          "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://t', audience: a}\n") +
      Doc("MCPToolConfig", "tools", "  toolsFilter: [a]\n") +
      Doc("MCPTelemetryConfig", "otel", "  prometheus: {enabled: true}\n") +
      Doc("MCPWebhookConfig", "hooks",
          "  validating: [{name: v, url: 'https://v'}]\n  mutating: [{name: m, url: "
          "'https://m'}]\n",
          "v1alpha1") +
      Doc("MCPAuthzConfig", "authz",
          "  type: cedarv1\n  config: {policies: ['permit(principal, action, resource);']}\n"));
  REQUIRE(r.run.errors.empty());
  CHECK(r.Middlewares() == std::vector<std::string>{"bodylimit", "audit", "auth", "tokenexchange",
                                                    "tool-filter", "tool-call-filter", "mcp-parser",
                                                    "telemetry", "ratelimit", "mutating-webhook",
                                                    "validating-webhook", "usagemetrics",
                                                    "authorization", "recovery"});
}

TEST_CASE("§5 RunConfig: scaling_config only with backendReplicas, redis or a default redis") {
  CHECK(Render(Server("")).Rc("scaling_config") == nullptr);
  CHECK(Render(Server("  backendReplicas: 0\n")).RcText("scaling_config.backend_replicas") == "0");
  RenderOptions redis;
  redis.default_redis_addr = "redis:6379";
  Rendered r = Render(Server(""), redis);
  CHECK(Keys(At(&r.run_config, "scaling_config.session_redis")) ==
        std::vector<std::string>{"address"});
  Rendered own = Render(
      Server("  sessionStorage: {provider: redis, address: 'a:1', db: 3, keyPrefix: k}\n"), redis);
  CHECK(Text(&own.run_config, "scaling_config.session_redis.address") == "a:1");
  CHECK(Text(&own.run_config, "scaling_config.session_redis.db") == "3");
}

// ---- Corrections C1-C20 ----

TEST_CASE("C1 volumes: runconfig, webhook Secrets, hostPath, authz, OIDC CA, telemetry CA") {
  Rendered r = Render(
      Server("  volumes: [{name: data, hostPath: /h, mountPath: /m, readOnly: true}]\n"
             "  webhookConfigRef: {name: hooks}\n  oidcConfigRef: {name: idp, audience: a}\n"
             "  telemetryConfigRef: {name: otel}\n"
             "  authzConfig: {type: inline, inline: {policies: [p]}}\n") +
      Doc("MCPWebhookConfig", "hooks",
          "  validating: [{name: v, url: 'https://v', hmacSecretRef: {name: h, key: k}}]\n",
          "v1alpha1") +
      Doc("MCPOIDCConfig", "idp",
          "  type: inline\n  inline: {issuer: 'https://i', caBundleRef: {configMapRef: {name: "
          "idp-ca, key: ca.crt}}}\n") +
      Doc("MCPTelemetryConfig", "otel",
          "  openTelemetry: {enabled: true, endpoint: 'o:1', tracing: {enabled: true}, "
          "caBundleRef: {configMapRef: {name: otel-ca, key: b.pem}}}\n"));
  REQUIRE(r.deployment);
  std::vector<std::string> names = Names(At(r.PodSpec(), "volumes"));
  REQUIRE(names.size() == 6);
  CHECK(names[0] == "runconfig");
  CHECK(names[1].rfind("whsec-", 0) == 0);
  CHECK(std::vector<std::string>(names.begin() + 2, names.end()) ==
        std::vector<std::string>{"data", "authz-config", "oidc-ca-bundle-idp-ca",
                                 "otel-ca-bundle-otel-ca"});
  CHECK(Names(At(r.Container(), "volumeMounts")) == names);
  CHECK(Text(r.Container(), "volumeMounts[4].mountPath") == "/config/certs/idp-ca");
  CHECK(Text(r.Container(), "volumeMounts[5].mountPath") == "/config/certs/otel/otel-ca");
}

TEST_CASE("C2 no permissionProfile default: no name_or_path, the network profile") {
  Rendered r = Render(Server(""));
  CHECK(At(&r.run_config, "permission_profile_name_or_path") == nullptr);
  CHECK(GoJsonCompact(*At(&r.run_config, "permission_profile")) ==
        R"({"name":"network","network":{"outbound":{"insecure_allow_all":true},"inbound":{}}})");
  Rendered none = Render(Server("  permissionProfile: {type: builtin, name: none}\n"));
  CHECK(GoJsonCompact(*At(&none.run_config, "permission_profile")) ==
        R"({"name":"none","network":{"outbound":{},"inbound":{}}})");
}

TEST_CASE("C2 volumes join the profile's read or write list, a repeated target once") {
  Rendered r = Render(Server(
      "  volumes: [{name: a, hostPath: /a, mountPath: /m, readOnly: true}, {name: b, hostPath: /b, "
      "mountPath: /w}, {name: c, hostPath: /c, mountPath: /m}]\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "permission_profile")) ==
      R"({"name":"network","read":["/a:/m"],"write":["/b:/w"],"network":{"outbound":{"insecure_allow_all":true},"inbound":{}}})");
}

TEST_CASE("C2 a configmap or unknown permission profile: the operator cannot read the file") {
  Rendered r = Render(Server("  permissionProfile: {type: configmap, name: prof, key: p.json}\n"));
  CHECK(r.run.HasError("open /etc/toolhive/profiles/p.json: no such file or directory"));
  CHECK(r.run.out.empty());
}

TEST_CASE("C3 vault: pod template annotations only, no env_file_dir") {
  Rendered r = Render(
      Server("  resourceOverrides: {proxyDeployment: {podTemplateMetadataOverrides: {annotations: "
             "{vault.hashicorp.com/agent-inject: 'true'}}}}\n"));
  CHECK(At(r.deployment, "spec.template.metadata.annotations")
            ->Find("vault.hashicorp.com/agent-inject")
            ->text == "true");
  CHECK(r.Json().find("env_file_dir") == std::string::npos);
}

TEST_CASE("C4 OIDC: ResourceURL defaults to the CR name's URL; TokenValidatorConfig untagged") {
  Rendered r =
      Render(Server("  proxyPort: 9000\n  oidcConfigRef: {name: idp, audience: aud}\n") +
             Doc("MCPOIDCConfig", "idp", "  type: inline\n  inline: {issuer: 'https://i'}\n"));
  CHECK(Keys(At(&r.run_config, "oidc_config")) ==
        std::vector<std::string>{"Issuer", "Audience", "JWKSURL", "ClientID", "ClientSecret",
                                 "CACertPath", "AuthTokenFile", "AllowPrivateIP",
                                 "InsecureAllowHTTP", "IntrospectionURL", "ResourceURL", "Scopes"});
  CHECK(Text(&r.run_config, "oidc_config.ResourceURL") == "http://s.ns.svc.cluster.local:9000");
  CHECK(At(&r.run_config, "oidc_config.Scopes")->IsNull());
  CHECK(GoJsonCompact(*At(r.Middleware("auth"), "oidc_config")) ==
        GoJsonCompact(*At(&r.run_config, "oidc_config")));
}

TEST_CASE("C4 OIDC: thv_ca_bundle and jwks_auth_token_file copy the CA and token paths") {
  Rendered r = Render(Server("  oidcConfigRef: {name: idp, audience: a}\n") +
                      Doc("MCPOIDCConfig", "idp",
                          "  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n"));
  CHECK(Text(&r.run_config, "thv_ca_bundle") ==
        "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
  CHECK(Text(&r.run_config, "jwks_auth_token_file") ==
        "/var/run/secrets/kubernetes.io/serviceaccount/token");
}

TEST_CASE("C5 groupRef: a missing MCPGroup is a warning and changes nothing") {
  Rendered with = Render(Server("  groupRef: {name: g}\n"));
  CHECK(with.run.errors.empty());
  CHECK(with.run.HasWarning("MCPGroup ns/g not found among the inputs"));
  CHECK(with.Json() == Render(Server("")).Json());
}

TEST_CASE("C6 pod patch: the template as corev1.PodTemplateSpec, unknown fields dropped") {
  Rendered r = Render(Server(
      "  podTemplateSpec:\n    metadata: {labels: {a: b}}\n    spec:\n      nodeSelector: {x: zz}\n"
      "      unknownField: 1\n"));
  CHECK(At(r.Container(), "args")->items[1].text ==
        "--k8s-pod-patch={\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":null,"
        "\"nodeSelector\":{\"x\":\"zz\"},\"serviceAccountName\":\"s-sa\"}}");
}

TEST_CASE("C6 pod patch at k8s.io/api v0.35.3: PodSpec.workloadRef is kept") {
  Rendered r = Render(Server("  podTemplateSpec: {spec: {workloadRef: {name: w, podGroup: g}}}\n"));
  REQUIRE(r.deployment);
  CHECK(At(r.Container(), "args")->items[1].text ==
        "--k8s-pod-patch={\"metadata\":{},\"spec\":{\"containers\":null,\"serviceAccountName\":"
        "\"s-sa\",\"workloadRef\":{\"name\":\"w\",\"podGroup\":\"g\"}}}");
}

TEST_CASE("C7 telemetry: no serviceVersion at v0.44.0") {
  Rendered r = Render(Server("  telemetryConfigRef: {name: otel}\n") +
                      Doc("MCPTelemetryConfig", "otel", "  prometheus: {enabled: true}\n"));
  CHECK(r.Json().find("serviceVersion") == std::string::npos);
}

TEST_CASE("C8 telemetry_config: OTLP only when enabled, endpoint stripped, sampling rate string") {
  Rendered r =
      Render(Server("  telemetryConfigRef: {name: otel, serviceName: svc}\n") +
             Doc("MCPTelemetryConfig", "otel",
                 "  openTelemetry:\n    enabled: true\n    endpoint: 'https://o:4318'\n"
                 "    insecure: true\n    headers: {a: b}\n    resourceAttributes: {k: v}\n"
                 "    tracing: {enabled: true, samplingRate: '0.10'}\n"
                 "    metrics: {enabled: true}\n  prometheus: {enabled: true}\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "telemetry_config")) ==
      R"({"endpoint":"o:4318","serviceName":"svc","tracingEnabled":true,"metricsEnabled":true,"samplingRate":"0.1","headers":{"a":"b"},"insecure":true,"enablePrometheusMetricsPath":true,"customAttributes":{"k":"v"},"useLegacyAttributes":true})");
  CHECK(GoJsonCompact(*r.Middleware("telemetry")) ==
        R"({"config":)" + GoJsonCompact(*At(&r.run_config, "telemetry_config")) +
            R"(,"server_name":"s","transport":"stdio"})");
  // Disabled OTLP and no Prometheus: still written.
  Rendered off = Render(Server("  telemetryConfigRef: {name: otel}\n") +
                        Doc("MCPTelemetryConfig", "otel", "  openTelemetry: {enabled: false}\n"));
  CHECK(
      GoJsonCompact(*At(&off.run_config, "telemetry_config")) ==
      R"({"serviceName":"s","tracingEnabled":false,"metricsEnabled":false,"useLegacyAttributes":false})");
}

TEST_CASE("C8 sampling rate: strconv.FormatFloat(clamp(rate), 'f', -1)") {
  CHECK(FormatFloatShortest(0.1) == "0.1");
  CHECK(FormatFloatShortest(0.05) == "0.05");
  CHECK(FormatFloatShortest(1) == "1");
  CHECK(FormatFloatShortest(0) == "0");
  CHECK(FormatFloatShortest(1e-7) == "0.0000001");
}

TEST_CASE(
    "C9 OIDC via MCPOIDCConfig: kubernetesServiceAccount defaults; audience, scopes from the ref") {
  Rendered r = Render(Server("  oidcConfigRef: {name: k8s, audience: aud, scopes: [openid]}\n") +
                      Doc("MCPOIDCConfig", "k8s",
                          "  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "oidc_config")) ==
      R"({"Issuer":"https://kubernetes.default.svc","Audience":"aud","JWKSURL":"","ClientID":"","ClientSecret":"","CACertPath":"/var/run/secrets/kubernetes.io/serviceaccount/ca.crt","AuthTokenFile":"/var/run/secrets/kubernetes.io/serviceaccount/token","AllowPrivateIP":true,"InsecureAllowHTTP":false,"IntrospectionURL":"","ResourceURL":"http://s.ns.svc.cluster.local:8080","Scopes":["openid"]})");
}

TEST_CASE("C9 OIDC client secret: env only when the Secret has the key; never in the RunConfig") {
  const std::string server = Server("  oidcConfigRef: {name: idp, audience: a}\n") +
                             Doc("MCPOIDCConfig", "idp",
                                 "  type: inline\n  inline: {issuer: 'https://i', clientId: c, "
                                 "clientSecretRef: {name: oidc, key: secret}}\n");
  Rendered present = Render(server +
                            "---\napiVersion: v1\nkind: Secret\nmetadata: {name: oidc, "
                            "namespace: ns}\nstringData: {secret: planted}\n");
  CHECK(Names(At(present.Container(), "env"))[0] == "TOOLHIVE_OIDC_CLIENT_SECRET");
  CHECK(present.Json().find("planted") == std::string::npos);
  CHECK(Text(&present.run_config, "oidc_config.ClientSecret").empty());
  Rendered no_key = Render(server +
                           "---\napiVersion: v1\nkind: Secret\nmetadata: {name: oidc, "
                           "namespace: ns}\ndata: {other: eA==}\n");
  CHECK(no_key.run.errors.empty());
  CHECK(no_key.run.HasWarning("leaves TOOLHIVE_OIDC_CLIENT_SECRET out"));
  CHECK(Names(At(no_key.Container(), "env"))[0] == "THV_MCPSERVER_GENERATION");
  Rendered absent = Render(server);
  CHECK(absent.run.HasWarning("Secret ns/oidc (OIDC client secret) is not among the inputs"));
  CHECK(Names(At(absent.Container(), "env"))[0] == "TOOLHIVE_OIDC_CLIENT_SECRET");
}

TEST_CASE(
    "C10 tokenExchange: token_exchange_config, custom header strategy, middleware after auth") {
  Rendered r =
      Render(Server("  externalAuthConfigRef: {name: te}\n") +
             Doc("MCPExternalAuthConfig", "te",
                 "  type: tokenExchange\n  tokenExchange:\n    tokenUrl: 'https://t/token'\n"
                 "    clientId: c\n    audience: aud\n    scopes: [a, b]\n"
                 "    subjectTokenType: id_token\n    externalTokenHeaderName: X-Up\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "token_exchange_config")) ==
      R"({"token_url":"https://t/token","client_id":"c","client_secret":"","audience":"aud","scopes":["a","b"],"subject_token_type":"urn:ietf:params:oauth:token-type:id_token","header_strategy":"custom","external_token_header_name":"X-Up"})");
  CHECK(r.Middlewares()[2] == "tokenexchange");
}

TEST_CASE("C10 tokenExchange client Secret: present without the key refuses; absent warns") {
  const std::string server =
      Server("  externalAuthConfigRef: {name: te}\n") +
      Doc("MCPExternalAuthConfig", "te",
          "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://t', audience: a, "
          "clientSecretRef: {name: cs, key: k}}\n");
  Rendered bad = Render(server +
                        "---\napiVersion: v1\nkind: Secret\nmetadata: {name: cs, "
                        "namespace: ns}\nstringData: {other: x}\n");
  CHECK(bad.run.HasError("client secret ns/cs is missing key \"k\""));
  CHECK(bad.run.out.size() == 1);  // only the Secret, passed through
  Rendered absent = Render(server);
  CHECK(absent.run.errors.empty());
  CHECK(absent.run.HasWarning("Secret ns/cs (client secret) is not among the inputs"));
}

TEST_CASE("C11 snake_case token exchange fields are pruned: tokenUrl required") {
  RenderRun r = RunAt044(Doc("MCPExternalAuthConfig", "te",
                             "  type: tokenExchange\n  tokenExchange: {token_url: 'https://t'}\n"));
  CHECK(r.HasError("spec.tokenExchange.tokenUrl: Required value"));
  CHECK(r.HasWarning("unknown field \"spec.tokenExchange.token_url\""));
}

TEST_CASE("C12 authz inline: ConfigMap content and labels, RunConfig authz_config, mounted") {
  Rendered r =
      Render(Server("  authzConfig:\n    type: inline\n    inline: {policies: ['permit(principal, "
                    "action, resource);']}\n    groupClaimName: g\n"));
  const Value* cm = r.run.Find("ConfigMap", "s-authz-inline");
  CHECK(
      At(cm, "data")->Find("authz.json")->text ==
      R"({"cedar":{"entities_json":"[]","policies":["permit(principal, action, resource);"]},"type":"cedarv1","version":"1.0"})");
  CHECK(At(cm, "metadata.labels")->Find("toolhive.stacklok.io/authz")->text == "inline");
  CHECK(
      GoJsonCompact(*At(&r.run_config, "authz_config")) ==
      R"({"version":"1.0","type":"cedarv1","cedar":{"policies":["permit(principal, action, resource);"],"entities_json":"[]","group_claim_name":"g"}})");
  CHECK(GoJsonCompact(*r.Middleware("authorization")) ==
        R"({"config_data":)" + GoJsonCompact(*At(&r.run_config, "authz_config")) + "}");
  CHECK(Text(r.Container(), "volumeMounts[1].mountPath") == "/etc/toolhive/authz");
}

TEST_CASE(
    "C12 authz configMap: the ConfigMap's YAML as sorted JSON, claim overrides re-marshalled") {
  const std::string cm =
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: pol, namespace: ns}\ndata:\n"
      "  authz.json: |\n    {\"version\": \"1.0\", \"type\": \"cedarv1\", \"cedar\": "
      "{\"policies\": [\"p\"], "
      "\"entities_json\": \"[]\"}}\n";
  Rendered plain =
      Render(Server("  authzConfig: {type: configMap, configMap: {name: pol}}\n") + cm);
  CHECK(GoJsonCompact(*At(&plain.run_config, "authz_config")) ==
        R"({"cedar":{"entities_json":"[]","policies":["p"]},"type":"cedarv1","version":"1.0"})");
  Rendered claims = Render(
      Server("  authzConfig: {type: configMap, configMap: {name: pol}, roleClaimName: r}\n") + cm);
  CHECK(
      GoJsonCompact(*At(&claims.run_config, "authz_config")) ==
      R"({"version":"1.0","type":"cedarv1","cedar":{"policies":["p"],"entities_json":"[]","role_claim_name":"r"}})");
  Rendered missing = Render(Server("  authzConfig: {type: configMap, configMap: {name: pol}}\n"));
  CHECK(missing.run.HasError("ConfigMap ns/pol not found among the inputs"));
}

TEST_CASE("C12 authzConfigRef: sorted {<key>, type, version}, not mounted") {
  Rendered r =
      Render(Server("  authzConfigRef: {name: a}\n") +
             Doc("MCPAuthzConfig", "a",
                 "  type: httpv1\n  config: {http: {url: 'https://pdp'}, claim_mapping: mpe}\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "authz_config")) ==
      R"({"pdp":{"claim_mapping":"mpe","http":{"url":"https://pdp"}},"type":"httpv1","version":"1.0"})");
  CHECK(Names(At(r.PodSpec(), "volumes")) == std::vector<std::string>{"runconfig"});
}

TEST_CASE("C12 primaryUpstreamProvider on inline authz: a warning only") {
  Rendered r = Render(Server(
      "  authzConfig: {type: inline, inline: {policies: [p], primaryUpstreamProvider: github}}\n"));
  CHECK(r.run.errors.empty());
  CHECK(r.run.HasWarning("primaryUpstreamProvider is ignored"));
  CHECK(r.Json().find("github") == std::string::npos);
}

TEST_CASE("C13 tools: filter and overrides; middlewares carry every override field") {
  Rendered r =
      Render(Server("  toolConfigRef: {name: t}\n") +
             Doc("MCPToolConfig", "t",
                 "  toolsFilter: [a]\n  toolsOverride: {b: {name: bee}, a: {description: d}}\n"));
  CHECK(GoJsonCompact(*At(&r.run_config, "tools_filter")) == R"(["a"])");
  CHECK(GoJsonCompact(*At(&r.run_config, "tools_override")) ==
        R"({"a":{"description":"d"},"b":{"name":"bee"}})");
  const std::string params =
      R"({"filter_tools":["a"],"tools_override":{"a":{"name":"","description":"d"},"b":{"name":"bee","description":""}}})";
  CHECK(GoJsonCompact(*r.Middleware("tool-filter")) == params);
  CHECK(GoJsonCompact(*r.Middleware("tool-call-filter")) == params);
  Rendered only_filter = Render(Server("  toolConfigRef: {name: t}\n") +
                                Doc("MCPToolConfig", "t", "  toolsFilter: [x]\n"));
  CHECK(GoJsonCompact(*only_filter.Middleware("tool-filter")) ==
        R"({"filter_tools":["x"],"tools_override":{}})");
}

TEST_CASE("C13 tools: a missing MCPToolConfig or an override renaming nothing refuses") {
  CHECK(
      Render(Server("  toolConfigRef: {name: t}\n")).run.HasError("MCPToolConfig ns/t not found"));
  Rendered r = Render(Server("  toolConfigRef: {name: t}\n") +
                      Doc("MCPToolConfig", "t", "  toolsOverride: {a: {}}\n"));
  CHECK(r.run.HasError("tool override for a must have either name or description set"));
}

TEST_CASE(
    "C14 webhooks: CalculateConfigHash vectors from Go (dump.ForHash, go-spew d8f796af33cc)") {
  // Go 1.19 running k8s.io/apimachinery v0.35.3 dump.ForHash's spew config, then FNV-1a 32 with
  // %x: the identifier's hash, and the volume name's hash, unpadded when it has leading zeros.
  CHECK(ConfigHashOfString("hmac-secret/key") == "a326e02d");
  CHECK(ConfigHashOfString("hook-hmac/secret") == "76a58633");
  CHECK(ConfigHashOfString("WEBHOOK_VALIDATING_POLICY_HMAC_76A58633") == "6da3ccd5");
  CHECK(ConfigHashOfString("WEBHOOK_VALIDATING_POLICY_TLS_CLIENT_CERT_F58E5A35") == "e93003f");
  CHECK(ConfigHashOfString("a\"b\\\\c") == "82fc0fd5");
}

TEST_CASE("C14 webhooks: webhook.Config entries and Secret files under /etc/toolhive/webhooks") {
  Rendered r = Render(Server("  webhookConfigRef: {name: hooks}\n") +
                      Doc("MCPWebhookConfig", "hooks",
                          "  validating: [{name: policy, url: 'https://p', timeout: 5s, "
                          "hmacSecretRef: {name: hook-hmac, key: secret}}]\n",
                          "v1alpha1"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "validating_webhooks")) ==
      R"([{"name":"policy","url":"https://p","timeout":5000000000,"failure_policy":"fail","hmac_secret_ref":"/etc/toolhive/webhooks/webhook_validating_policy_hmac_76a58633/hmac"}])");
  CHECK(Text(r.PodSpec(), "volumes[1].name") == "whsec-6da3ccd5");
  CHECK(Text(r.PodSpec(), "volumes[1].secret.secretName") == "hook-hmac");
  CHECK(Text(r.Container(), "volumeMounts[1].subPath") == "hmac");
  CHECK(GoJsonCompact(*r.Middleware("validating-webhook")) ==
        R"({"webhooks":)" + GoJsonCompact(*At(&r.run_config, "validating_webhooks")) +
            R"(,"server_name":"s","transport":"stdio"})");
}

TEST_CASE("C14 webhooks: a missing MCPWebhookConfig or an invalid one refuses") {
  CHECK(Render(Server("  webhookConfigRef: {name: h}\n"))
            .run.HasError("MCPWebhookConfig ns/h not found"));
  Rendered r = Render(
      Server("  webhookConfigRef: {name: h}\n") +
      Doc("MCPWebhookConfig", "h", "  validating: [{name: v, url: 'http://plain'}]\n", "v1alpha1"));
  CHECK(r.run.HasError("webhook URL must use HTTPS"));
  CHECK(r.Json().empty());
}

// The embedded auth server's own facts: authserver_test.cc.
TEST_CASE("C15 embedded auth server: without oidcConfigRef validate and render refuse it") {
  const std::string yaml =
      Server("  authServerRef: {kind: MCPExternalAuthConfig, name: as}\n") +
      Doc("MCPExternalAuthConfig", "as",
          "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: 'https://as'\n"
          "    upstreamProviders: [{name: up, type: oidc, oidcConfig: {issuerUrl: 'https://up', "
          "clientId: c}}]\n");
  // cu/authserver.go:594-596.
  for (bool validating : {true, false})
    CHECK(RunAt044(yaml, validating)
              .HasError("spec.oidcConfigRef: failed to process authServerRef: OIDC config is "
                        "required for embedded auth server: OIDCConfigRef must be set on the "
                        "MCPServer"));
}

TEST_CASE(
    "C16 sessionStorage and rateLimiting: scaling_config, rate_limit_config, ratelimit params") {
  Rendered r = Render(Server(
      "  sessionStorage: {provider: redis, address: 'r:6379', db: 1, passwordRef: {name: p, key: "
      "k}}\n"
      "  rateLimiting: {shared: {maxTokens: 5, refillPeriod: 90s}, tools: [{name: t, shared: "
      "{maxTokens: 1, refillPeriod: 1h}}]}\n"));
  CHECK(
      GoJsonCompact(*At(&r.run_config, "rate_limit_config")) ==
      R"({"shared":{"maxTokens":5,"refillPeriod":"1m30s"},"tools":[{"name":"t","shared":{"maxTokens":1,"refillPeriod":"1h0m0s"}}]})");
  CHECK(Text(&r.run_config, "rate_limit_namespace") == "ns");
  CHECK(GoJsonCompact(*r.Middleware("ratelimit")) ==
        R"({"namespace":"ns","server_name":"s","config":)" +
            GoJsonCompact(*At(&r.run_config, "rate_limit_config")) +
            R"(,"redis_addr":"r:6379","redis_db":1})");
}

TEST_CASE("C16 warnings only: replicas > 1 without redis, perUser without authentication") {
  Rendered r = Render(Server("  transport: sse\n  replicas: 2\n"));
  CHECK(r.run.errors.empty());
  CHECK(r.run.HasWarning("sessions are not shared across replicas"));
}

TEST_CASE("C17 refusals write nothing; warnings leave every object") {
  Rendered refused = Render(Server("  telemetryConfigRef: {name: absent}\n"));
  CHECK(refused.run.HasError("creates nothing for the MCPServer"));
  CHECK(refused.run.out.empty());
  Rendered warned = Render(Server("  groupRef: {name: absent}\n"));
  CHECK(warned.run.out.size() == 7);
}

TEST_CASE("C17 an invalid referenced config refuses, with its controller's words") {
  Rendered r = Render(
      Server("  telemetryConfigRef: {name: otel}\n") +
      Doc("MCPTelemetryConfig", "otel", "  openTelemetry: {enabled: true, endpoint: 'o:1'}\n"));
  CHECK(r.run.HasError("endpoint requires at least one of tracing or metrics to be enabled"));
  CHECK(r.Json().empty());
}

TEST_CASE("C18 chart defaults: proxy image, usage metrics on, no pull secrets, no redis") {
  Rendered r = Render(Server(""));
  CHECK(Text(r.Container(), "image") == "ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0");
  CHECK(r.Middlewares() ==
        std::vector<std::string>{"bodylimit", "auth", "mcp-parser", "usagemetrics", "recovery"});
  CHECK(At(r.PodSpec(), "imagePullSecrets") == nullptr);
  CHECK(At(&r.run_config, "scaling_config") == nullptr);
}

TEST_CASE("C19 output order: creation order, Go field order of each object") {
  Rendered r = Render(Server(""));
  CHECK(Keys(r.deployment) == std::vector<std::string>{"apiVersion", "kind", "metadata", "spec"});
  CHECK(Keys(At(r.deployment, "spec")) == std::vector<std::string>{"selector", "template"});
  CHECK(Keys(At(r.run.Find("RoleBinding", "s-proxy-runner"), "")) ==
        std::vector<std::string>{"apiVersion", "kind", "metadata", "subjects", "roleRef"});
  CHECK(Keys(At(r.Container(), "volumeMounts[0]")) ==
        std::vector<std::string>{"name", "readOnly", "mountPath"});
}

TEST_CASE("C20 podTemplateSpec is a RawExtension: its metadata survives; a non-object refuses") {
  Rendered r = Render(Server("  podTemplateSpec: {metadata: {annotations: {a: b}}}\n"));
  CHECK(At(r.Container(), "args")->items[1].text.find("\"annotations\":{\"a\":\"b\"}") !=
        std::string::npos);
  Rendered bad = Render(Server("  podTemplateSpec: {spec: {nodeSelector: {x: [1]}}}\n"));
  CHECK(bad.run.HasError("spec.podTemplateSpec.spec.nodeSelector"));
  CHECK(bad.run.out.empty());
}

}  // namespace t0_44_0
}  // namespace thv
