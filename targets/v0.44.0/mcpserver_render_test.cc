// The v0.44.0 operator's objects for an MCPServer: one test per fact of
// ../shared/spec/operator-v0.44.0-mcpserver.md (§1-§5, §8) and of the plan's corrections C1-C20,
// each named after it. file:line citations are at tag v0.44.0 (ctl = mcpserver_controller.go).
#include <doctest/doctest.h>

#include "targets/v0.44.0/mcpserver_render_testing.h"

namespace thv {
namespace t0_44_0 {

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

}  // namespace t0_44_0
}  // namespace thv
