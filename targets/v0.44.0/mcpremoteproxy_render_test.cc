// The v0.44.0 operator's objects for an MCPRemoteProxy: one test per controller fact, each
// citing the source at tag v0.44.0 (ctl =
// cmd/thv-operator/controllers/mcpremoteproxy_controller.go, dep = mcpremoteproxy_deployment.go, rc
// = mcpremoteproxy_runconfig.go, cu = cmd/thv-operator/pkg/controllerutil).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/json_text.h"
#include "core/value.h"
#include "model/decode.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/mcpremoteproxy.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

using Strings = std::vector<std::string>;

// An MCPRemoteProxy p in namespace ns with spec lines (two-space indented) after its remoteUrl.
std::string Proxy(const std::string& spec, const std::string& version = "v1beta1") {
  return "apiVersion: toolhive.stacklok.dev/" + version +
         "\nkind: MCPRemoteProxy\nmetadata: {name: p, namespace: ns}\nspec:\n"
         "  remoteUrl: https://mcp.example.com/mcp\n" +
         spec;
}

Rendered Render(const std::string& yaml, const RenderOptions& options = {}) {
  return RenderWorkload(yaml, options, "p", "mcp-p-remote-proxy");
}

const Strings kLabels = {"app", "app.kubernetes.io/instance", "app.kubernetes.io/name", "toolhive",
                         "toolhive-name"};

const char kOidc[] =
    "---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPOIDCConfig\nmetadata: {name: idp, "
    "namespace: ns}\nspec:\n  type: inline\n  inline:\n    issuer: https://idp.example.com\n"
    "    clientId: c\n    clientSecretRef: {name: oidc, key: k}\n"
    "    caBundleRef: {configMapRef: {name: ca, key: ca.crt}}\n";

}  // namespace

TEST_CASE(
    "objects: RBAC, runconfig, Deployment, Service in ensureAllResources order (ctl:335-372)") {
  Rendered r = Render(Proxy(""));
  REQUIRE(r.run.errors.empty());
  CHECK(ObjectList(r.run) == Strings{"ServiceAccount/p-remote-proxy-runner",
                                     "Role/p-remote-proxy-runner",
                                     "RoleBinding/p-remote-proxy-runner", "ConfigMap/p-runconfig",
                                     "Deployment/p", "Service/mcp-p-remote-proxy"});
  // remoteProxyRBACRules (mcpserver_controller.go:102-113): read access to ConfigMaps and Secrets.
  const Value* role = r.run.Find("Role", "p-remote-proxy-runner");
  REQUIRE(role);
  CHECK(Text(role, "rules[0].resources[0]") == "configmaps");
  CHECK(Text(role, "rules[1].resources[0]") == "secrets");
  for (const char* rule : {"rules[0]", "rules[1]"}) {
    CHECK(Text(role, std::string(rule) + ".apiGroups[0]") == "");
    CHECK(At(role, std::string(rule) + ".verbs")->items.size() == 3);
    CHECK(Text(role, std::string(rule) + ".verbs[0]") == "get");
    CHECK(Text(role, std::string(rule) + ".verbs[2]") == "watch");
  }
  CHECK(At(role, "rules")->items.size() == 2);
  CHECK(Text(r.PodSpec(), "serviceAccountName") == "p-remote-proxy-runner");
}

TEST_CASE(
    "objects: spec.serviceAccount means no RBAC objects and that account "
    "(ctl:1450-1454,1584-1589)") {
  Rendered r = Render(Proxy("  serviceAccount: mine\n"));
  CHECK(ObjectList(r.run) ==
        Strings{"ConfigMap/p-runconfig", "Deployment/p", "Service/mcp-p-remote-proxy"});
  CHECK(Text(r.PodSpec(), "serviceAccountName") == "mine");
}

TEST_CASE(
    "objects: inline authz gets <name>-authz-inline with the proxy's labels, before the runconfig "
    "(ctl:379-385)") {
  Rendered r =
      Render(Proxy("  authzConfig: {type: inline, inline: {policies: ['permit(principal, action, "
                   "resource);']}}\n"));
  REQUIRE(r.run.errors.empty());
  CHECK(ObjectList(r.run)[3] == "ConfigMap/p-authz-inline");
  const Value* cm = r.run.Find("ConfigMap", "p-authz-inline");
  CHECK(Text(cm, "metadata.labels.app") == "mcpremoteproxy");
  CHECK(At(cm, "metadata.labels")->Find("toolhive.stacklok.io/authz")->text == "inline");
  // Mounted as authz.json (cu GenerateAuthzVolumeConfig) and in the RunConfig (cu/authz.go).
  CHECK(Names(At(r.PodSpec(), "volumes")) == Strings{"runconfig", "authz-config"});
  CHECK(r.RcText("authz_config.type") == "cedarv1");
}

TEST_CASE(
    "labels: labelsForMCPRemoteProxy on the Deployment, selector, pods and Service "
    "(ctl:1566-1574)") {
  Rendered r = Render(Proxy(
      "  resourceOverrides:\n    proxyDeployment: {labels: {app: x, team: t}, annotations: {a: b},"
      " podTemplateMetadataOverrides: {labels: {tier: e}, annotations: {"
      "toolhive.stacklok.dev/runconfig-checksum: forged, c: d}}}\n"
      "    proxyService: {labels: {app: z, s: v}, annotations: {e: f}}\n"));
  REQUIRE(r.deployment);
  CHECK(Keys(At(r.deployment, "spec.selector.matchLabels")) == kLabels);
  CHECK(Text(r.deployment, "metadata.labels.app") == "mcpremoteproxy");  // MergeStringMaps
  CHECK(Text(r.deployment, "metadata.labels.team") == "t");
  CHECK(Keys(At(r.deployment, "metadata.annotations")) == Strings{"a"});
  CHECK(Text(r.deployment, "spec.template.metadata.labels.tier") == "e");
  // The checksum annotation wins over an override of it (dep:462-486).
  const Value* annotations = At(r.deployment, "spec.template.metadata.annotations");
  CHECK(annotations->Find("toolhive.stacklok.dev/runconfig-checksum")->text ==
        At(r.config_map, "metadata.annotations")
            ->Find("toolhive.stacklok.dev/content-checksum")
            ->text);
  CHECK(Text(r.service, "metadata.labels.app") == "mcpremoteproxy");
  CHECK(Text(r.service, "metadata.labels.s") == "v");
  CHECK(Keys(At(r.service, "metadata.annotations")) == Strings{"e"});
}

TEST_CASE("runconfig ConfigMap: labelled mcp-remote-proxy (rc:309-316), one key") {
  Rendered r = Render(Proxy(""));
  REQUIRE(r.config_map);
  CHECK(Keys(At(r.config_map, "metadata.labels")) ==
        Strings{"toolhive.stacklok.io/component", "toolhive.stacklok.io/managed-by",
                "toolhive.stacklok.io/mcp-remote-proxy"});
  CHECK(Keys(At(r.config_map, "data")) == Strings{"runconfig.json"});
}

TEST_CASE(
    "Deployment: container toolhive, the runner image, run --foreground=true placeholder "
    "(dep:89-129)") {
  Rendered r = Render(Proxy("  proxyPort: 9000\n"));
  CHECK(Text(r.Container(), "name") == "toolhive");
  CHECK(Text(r.Container(), "image") == "ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0");
  REQUIRE(At(r.Container(), "args")->items.size() == 3);
  CHECK(At(r.Container(), "args")->items[0].text == "run");
  CHECK(At(r.Container(), "args")->items[1].text == "--foreground=true");
  CHECK(At(r.Container(), "args")->items[2].text == "placeholder-for-remote-proxy");
  CHECK(Text(r.Container(), "ports[0].containerPort") == "9000");
  CHECK(Text(r.Container(), "ports[0].name") == "http");
  RenderOptions options;
  options.proxy_image = "registry.local/runner:1";
  CHECK(Text(Render(Proxy(""), options).Container(), "image") == "registry.local/runner:1");
  // No terminationGracePeriodSeconds, unlike an MCPServer: PodSpec in Go order.
  CHECK(Keys(r.PodSpec()) ==
        Strings{"volumes", "containers", "serviceAccountName", "securityContext"});
}

TEST_CASE("Deployment: probes BuildHealthProbe(0,5,3,18), (30,10,5,3), (15,5,3,3) (dep:97-99)") {
  Rendered r = Render(Proxy(""));
  CHECK(Text(r.Container(), "startupProbe.initialDelaySeconds") == "<absent>");
  CHECK(Text(r.Container(), "startupProbe.periodSeconds") == "5");
  CHECK(Text(r.Container(), "startupProbe.timeoutSeconds") == "3");
  CHECK(Text(r.Container(), "startupProbe.failureThreshold") == "18");
  CHECK(Text(r.Container(), "livenessProbe.initialDelaySeconds") == "30");
  CHECK(Text(r.Container(), "livenessProbe.periodSeconds") == "10");
  CHECK(Text(r.Container(), "livenessProbe.timeoutSeconds") == "5");
  CHECK(Text(r.Container(), "readinessProbe.initialDelaySeconds") == "15");
  CHECK(Text(r.Container(), "readinessProbe.periodSeconds") == "5");
  CHECK(Text(r.Container(), "readinessProbe.timeoutSeconds") == "3");
  CHECK(Text(r.Container(), "readinessProbe.httpGet.path") == "/health");
}

TEST_CASE(
    "Deployment: replicas only when set, never capped; >1 without redis warns (dep:74-77, "
    "ctl:1419-1445)") {
  CHECK(Text(Render(Proxy("")).deployment, "spec.replicas") == "<absent>");
  Rendered r = Render(Proxy("  replicas: 3\n"));
  CHECK(Text(r.deployment, "spec.replicas") == "3");
  CHECK(r.run.HasWarning("sets SessionStorageWarning=True"));
  Rendered redis =
      Render(Proxy("  replicas: 3\n  sessionStorage: {provider: redis, address: 'r:6379'}\n"));
  CHECK(redis.run.warnings.empty());
}

TEST_CASE(
    "Deployment: security contexts and image pull secrets as for an MCPServer (dep:488-504, "
    "ctl:1477-1485)") {
  RenderOptions options;
  options.default_image_pull_secrets = {"chart", "cr"};
  Rendered r = Render(
      Proxy("  resourceOverrides: {proxyDeployment: {imagePullSecrets: [{name: cr}]}}\n"), options);
  CHECK(Names(At(r.PodSpec(), "imagePullSecrets")) == Strings{"cr", "chart"});
  const Value* sa = r.run.Find("ServiceAccount", "p-remote-proxy-runner");
  CHECK(Names(At(sa, "imagePullSecrets")) == Strings{"cr", "chart"});
  CHECK(Text(r.PodSpec(), "securityContext.runAsUser") == "1000");
  options.openshift = true;
  CHECK(Text(Render(Proxy(""), options).PodSpec(), "securityContext.runAsUser") == "<absent>");
}

TEST_CASE(
    "Service: mcp-<name>-remote-proxy, ClientIP unless sessionAffinity (dep:516-557, "
    "ctl:1593-1595)") {
  Rendered r = Render(Proxy("  proxyPort: 9000\n"));
  REQUIRE(r.service);
  CHECK(Text(r.service, "spec.sessionAffinity") == "ClientIP");
  CHECK(Text(r.service, "spec.ports[0].port") == "9000");
  CHECK(Text(r.service, "spec.ports[0].targetPort") == "9000");
  CHECK(Keys(At(r.service, "spec.selector")) == kLabels);
  CHECK(Text(Render(Proxy("  sessionAffinity: None\n")).service, "spec.sessionAffinity") == "None");
}

TEST_CASE(
    "RunConfig: remote_url for image, no generation, no target port, transport env only "
    "(rc:96-106)") {
  Rendered r = Render(Proxy(""));
  CHECK(Keys(&r.run_config) == Strings{"schema_version", "image", "remote_url", "name",
                                       "container_name", "base_name", "transport", "host", "port",
                                       "permission_profile", "env_vars", "container_labels",
                                       "proxy_mode", "middleware_configs"});
  CHECK(r.RcText("image") == "");  // json:"image", no omitempty (pkg/runner/config.go:59)
  CHECK(r.RcText("remote_url") == "https://mcp.example.com/mcp");
  // The CRD's default transport; WithPorts(port, 0) in the operator context (config.go:555-562).
  CHECK(r.RcText("transport") == "streamable-http");
  CHECK(r.RcText("proxy_mode") == "streamable-http");
  CHECK(Keys(r.Rc("env_vars")) == Strings{"MCP_TRANSPORT"});
  // WithContainerName for a remote server: the name itself (config.go:783-787).
  CHECK(r.RcText("container_name") == "p");
  CHECK(Render(Proxy("  transport: sse\n")).RcText("proxy_mode") == "sse");
  RenderOptions options;
  options.proxy_host = "127.0.0.1";  // TOOLHIVE_PROXY_HOST (rc:78-81)
  CHECK(Render(Proxy(""), options).RcText("host") == "127.0.0.1");
}

TEST_CASE(
    "RunConfig: header forward, plaintext and by secret identifier; header-forward middleware "
    "(rc:321-347)") {
  Rendered r = Render(Proxy(
      "  headerForward:\n    addPlaintextHeaders: {X-Tenant: acme}\n"
      "    addHeadersFromSecret: [{headerName: X-Api-Key, valueSecretRef: {name: k, key: v}}]\n"));
  REQUIRE(r.run.errors.empty());
  CHECK(r.RcText("header_forward.add_plaintext_headers.X-Tenant") == "acme");
  CHECK(r.RcText("header_forward.add_headers_from_secret.X-Api-Key") ==
        "HEADER_FORWARD_X_API_KEY_P");
  // pkg/runner/middleware.go:378-391: the plaintext headers only, innermost before recovery.
  const Strings mw = r.Middlewares();
  CHECK(mw[mw.size() - 2] == "header-forward");
  CHECK(Text(r.Middleware("header-forward"), "add_headers.X-Tenant") == "acme");
  // A Secret not among the inputs: the operator requires it to exist (ctl:662-699).
  CHECK(r.run.HasWarning("Secret ns/k (header X-Api-Key) is not among the inputs"));
  // Secret headers alone: add_headers is null (HeaderForwardMiddlewareParams has no omitempty).
  Rendered secret_only = Render(Proxy(
      "  headerForward:\n"
      "    addHeadersFromSecret: [{headerName: X-Api-Key, valueSecretRef: {name: k, key: v}}]\n"));
  CHECK(secret_only.Middleware("header-forward")->Find("add_headers")->IsNull());
}

TEST_CASE(
    "Deployment env: OIDC, token exchange, bearer, header secrets, overrides, redis, defaults "
    "(dep:227-313)") {
  Rendered r = Render(
      Proxy("  oidcConfigRef: {name: idp, audience: a}\n  externalAuthConfigRef: {name: te}\n"
            "  headerForward: {addHeadersFromSecret: [{headerName: x-key, valueSecretRef: {name: "
            "h, key: v}}]}\n"
            "  sessionStorage: {provider: redis, address: 'r:6379', passwordRef: {name: rp, key: "
            "k}}\n  resourceOverrides: {proxyDeployment: {env: [{name: CUSTOM, value: v}]}}\n") +
      kOidc +
      Doc("MCPExternalAuthConfig", "te",
          "  type: tokenExchange\n  tokenExchange: {tokenUrl: 'https://t/token', audience: a, "
          "clientSecretRef: {name: cs, key: k}}\n"));
  REQUIRE(r.run.errors.empty());
  // EnsureRequiredEnvVars (cu/resources.go) appends the provider again after the header block.
  CHECK(Names(At(r.Container(), "env")) ==
        Strings{"TOOLHIVE_OIDC_CLIENT_SECRET", "TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET",
                "TOOLHIVE_SECRETS_PROVIDER=environment", "TOOLHIVE_SECRET_HEADER_FORWARD_X_KEY_P",
                "CUSTOM=v", "THV_SESSION_REDIS_PASSWORD", "XDG_CONFIG_HOME=/tmp", "HOME=/tmp",
                "TOOLHIVE_RUNTIME=kubernetes", "UNSTRUCTURED_LOGS=false",
                "TOOLHIVE_SECRETS_PROVIDER=environment"});
  // No telemetry env and no generation env on a remote proxy.
  CHECK(r.Json().find("OTEL") == std::string::npos);
}

TEST_CASE(
    "bearer token: remote_auth_config and TOOLHIVE_SECRET_<secret> (cu/tokenexchange.go:416-496)") {
  const std::string auth = Doc("MCPExternalAuthConfig", "bt",
                               "  type: bearerToken\n  bearerToken: {tokenSecretRef: {name: "
                               "tok, key: t}}\n");
  Rendered r = Render(Proxy("  externalAuthConfigRef: {name: bt}\n") + auth);
  REQUIRE(r.run.errors.empty());
  CHECK(r.RcText("remote_auth_config.bearer_token") == "tok,target=bearer_token");
  CHECK(Names(At(r.Container(), "env"))[0] == "TOOLHIVE_SECRET_tok");
  CHECK(Text(r.Container(), "env[0].valueFrom.secretKeyRef.key") == "t");
  CHECK(r.run.HasWarning("Secret ns/tok (bearer token secret) is not among the inputs"));
  // A Secret among the inputs without the key: addBearerTokenConfig refuses.
  Rendered missing = Render(Proxy("  externalAuthConfigRef: {name: bt}\n") + auth +
                            "---\napiVersion: v1\nkind: Secret\nmetadata: {name: tok, namespace: "
                            "ns}\ndata: {other: eA==}\n");
  CHECK(missing.run.HasError("bearer token secret ns/tok is missing key \"t\""));
  CHECK(missing.run.out.empty() == false);  // the Secret passes through; nothing of the proxy
  CHECK(!missing.deployment);
}

TEST_CASE(
    "AWS STS: aws_sts_config and the awssts middleware signing for the remote URL (cu "
    "addAWSStsConfig, middleware.go:515-533)") {
  Rendered r =
      Render(Proxy("  externalAuthConfigRef: {name: aws}\n  authzConfig: {type: inline, inline: "
                   "{policies: ['permit(principal, action, resource);']}}\n  headerForward: "
                   "{addPlaintextHeaders: {X-A: b}}\n") +
             Doc("MCPExternalAuthConfig", "aws",
                 "  type: awsSts\n  awsSts:\n    region: eu-west-1\n    fallbackRoleArn: "
                 "arn:aws:iam::123456789012:role/r\n    roleMappings: [{claim: admins, roleArn: "
                 "'arn:aws:iam::123456789012:role/a', priority: 2}]\n"));
  REQUIRE(r.run.errors.empty());
  CHECK(Keys(r.Rc("aws_sts_config")) == Strings{"region", "service", "fallback_role_arn",
                                                "role_mappings", "role_claim", "session_duration",
                                                "session_name_claim"});
  CHECK(r.RcText("aws_sts_config.service") == "aws-mcp");  // the CRD's default
  CHECK(r.RcText("aws_sts_config.session_duration") == "3600");
  CHECK(Keys(r.Rc("aws_sts_config.role_mappings[0]")) == Strings{"claim", "role_arn", "priority"});
  const Strings mw = r.Middlewares();
  CHECK(Strings(mw.end() - 5, mw.end()) ==
        Strings{"usagemetrics", "authorization", "awssts", "header-forward", "recovery"});
  CHECK(Text(r.Middleware("awssts"), "target_url") == "https://mcp.example.com/mcp");
}

TEST_CASE("volumes: runconfig, authz, telemetry CA, then OIDC CA (dep:35-43,134-224)") {
  Rendered r = Render(
      Proxy("  oidcConfigRef: {name: idp, audience: a}\n  telemetryConfigRef: {name: otel}\n"
            "  authzConfig: {type: inline, inline: {policies: ['permit(principal, action, "
            "resource);']}}\n") +
      kOidc +
      Doc("MCPTelemetryConfig", "otel",
          "  openTelemetry:\n    enabled: true\n    endpoint: otel:4318\n    tracing: {enabled: "
          "true}\n    caBundleRef: "
          "{configMapRef: {name: oca, key: b.pem}}\n"));
  REQUIRE(r.run.errors.empty());
  CHECK(Names(At(r.PodSpec(), "volumes")) ==
        Strings{"runconfig", "authz-config", "otel-ca-bundle-oca", "oidc-ca-bundle-ca"});
  CHECK(Text(r.Container(), "volumeMounts[3].mountPath") == "/config/certs/ca");
  CHECK(r.RcText("thv_ca_bundle") == "/config/certs/ca/ca.crt");
  // The telemetry service name defaults to the proxy's name (ResolveServiceName).
  CHECK(r.RcText("telemetry_config.serviceName") == "p");
}

TEST_CASE("scaling: the default Redis address only without spec.sessionStorage (rc:200-225)") {
  RenderOptions options;
  options.default_redis_addr = "redis.default:6379";
  options.default_redis_secret = "redis";  // only the address is read for a remote proxy
  Rendered r = Render(Proxy(""), options);
  CHECK(r.RcText("scaling_config.session_redis.address") == "redis.default:6379");
  CHECK(Names(At(r.Container(), "env")).size() == 4);  // no password env from the default
  CHECK(!Render(Proxy("  sessionStorage: {provider: memory}\n"), options).Rc("scaling_config"));
  Rendered own =
      Render(Proxy("  sessionStorage: {provider: redis, address: 'mine:6379', db: 3}\n"), options);
  CHECK(own.RcText("scaling_config.session_redis.address") == "mine:6379");
  CHECK(own.RcText("scaling_config.session_redis.db") == "3");
  CHECK(!Render(Proxy("")).Rc("scaling_config"));
}

TEST_CASE(
    "tools: MCPToolConfig filter and overrides; an empty filter entry is refused "
    "(rc:297-302,349-378)") {
  const std::string tools =
      Doc("MCPToolConfig", "t", "  toolsFilter: [a]\n  toolsOverride: {a: {name: b}}\n");
  Rendered r = Render(Proxy("  toolConfigRef: {name: t}\n") + tools);
  REQUIRE(r.run.errors.empty());
  CHECK(r.RcText("tools_override.a.name") == "b");
  CHECK(r.Middlewares()[2] == "tool-filter");
  Rendered empty = Render(Proxy("  toolConfigRef: {name: t}\n") +
                          Doc("MCPToolConfig", "t", "  toolsFilter: ['']\n"));
  CHECK(empty.run.HasError("tool filter cannot contain empty values"));
  CHECK(empty.run.out.empty());
}

TEST_CASE(
    "refused: remote URLs of internal hosts (validation/url_validation.go:19-85, ctl:565-568)") {
  for (const char* url : {"http://localhost:8080/mcp", "https://10.1.2.3/mcp", "http://[::1]:80/",
                          "http://[::ffff:127.0.0.1]/", "https://svc.ns.svc.cluster.local/mcp",
                          "http://169.254.169.254/latest", "https://Metadata.Google.Internal/x",
                          "http://172.20.0.1/", "http://[fd00::1]/"}) {
    CAPTURE(url);
    RenderRun run = RunAt044(
        "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPRemoteProxy\nmetadata: {name: p, "
        "namespace: ns}\nspec:\n  remoteUrl: '" +
        std::string(url) + "'\n");
    CHECK(run.HasError("spec.remoteUrl: remote URL host is not allowed"));
    CHECK(run.out.empty());
  }
  for (const char* url : {"http://172.32.0.1/", "https://example.com/mcp", "http://8.8.8.8:80/",
                          "https://notlocalhost/", "http://[2001:db8::1]/"}) {
    CAPTURE(url);
    CHECK(RunAt044("apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPRemoteProxy\nmetadata: "
                   "{name: p, namespace: ns}\nspec:\n  remoteUrl: '" +
                   std::string(url) + "'\n")
              .errors.empty());
  }
}

TEST_CASE("refused: missing or invalid references, as the handle* steps (ctl:157-237)") {
  struct Case {
    const char* spec;
    const char* error;
  } cases[] = {
      {"  oidcConfigRef: {name: none, audience: a}\n", "MCPOIDCConfig ns/none not found"},
      {"  externalAuthConfigRef: {name: none}\n", "MCPExternalAuthConfig ns/none not found"},
      {"  toolConfigRef: {name: none}\n", "MCPToolConfig ns/none not found"},
      {"  telemetryConfigRef: {name: none}\n", "MCPTelemetryConfig ns/none not found"},
      {"  authzConfigRef: {name: none}\n", "MCPAuthzConfig ns/none not found"},
      {"  authzConfig: {type: configMap, configMap: {name: none}}\n",
       "ConfigMap ns/none not found among the inputs"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.spec);
    RenderRun run = RunAt044(Proxy(c.spec));
    CHECK(run.HasError(c.error));
    CHECK((run.HasError("creates nothing for the MCPRemoteProxy until then") ||
           run.HasError("refuses the RunConfig")));
    CHECK(run.out.empty());
  }
}

TEST_CASE("refused: an authz ConfigMap that is not Cedar (ctl:637-660)") {
  RenderRun run = RunAt044(
      Proxy("  authzConfig: {type: configMap, configMap: {name: a}}\n") +
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ns}\ndata:\n"
      "  authz.json: '{\"version\": \"1.0\", \"type\": \"httpv1\", \"pdp\": {\"http\": {\"url\": "
      "\"https://pdp.example.com\"}}}'\n");
  CHECK(run.HasError("authz ConfigMap \"a\" is not a Cedar config: cedar config is nil"));
  Rendered cedar =
      Render(Proxy("  authzConfig: {type: configMap, configMap: {name: a}}\n") +
             "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ns}\ndata:\n"
             "  authz.json: '{\"version\": \"1.0\", \"type\": \"cedarv1\", \"cedar\": "
             "{\"policies\": [\"permit(principal, action, resource);\"]}}'\n");
  CHECK(cedar.run.errors.empty());
  CHECK(Text(cedar.PodSpec(), "volumes[1].configMap.name") == "a");
}

TEST_CASE(
    "refused: several upstreams, or an authServerRef of another type (ctl:906-921,1022-1050)") {
  const std::string te = Doc("MCPExternalAuthConfig", "te",
                             "  type: tokenExchange\n  tokenExchange: {tokenUrl: "
                             "'https://t/token', audience: a}\n");
  RenderRun run =
      RunAt044(Proxy("  authServerRef: {kind: MCPExternalAuthConfig, name: te}\n") + te);
  CHECK(run.HasError(
      "authServerRef 'te' has type \"tokenExchange\", but only embeddedAuthServer is supported"));
  CHECK(run.out.empty());
}

// MCPExternalAuthConfig "as" of type embeddedAuthServer: an OIDC upstream "up-idp" with a client
// secret and one signing key, then the extra lines (at the embeddedAuthServer's indentation).
std::string AuthServer(const std::string& extra = "", const std::string& name = "as") {
  return Doc(
      "MCPExternalAuthConfig", name,
      "  type: embeddedAuthServer\n  embeddedAuthServer:\n    issuer: https://as.example.com\n"
      "    signingKeySecretRefs: [{name: keys, key: current.pem}]\n"
      "    upstreamProviders:\n    - name: up-idp\n      type: oidc\n      oidcConfig:\n"
      "        issuerUrl: https://idp.example.com\n        clientId: c\n"
      "        clientSecretRef: {name: idp-client, key: secret}\n" +
          extra);
}

// The proxy's oidcConfigRef to kOidc, audience and resource URL alike.
const char kOidcRef[] =
    "  oidcConfigRef: {name: idp, audience: 'https://p.example.com/mcp', resourceUrl: "
    "'https://p.example.com/mcp'}\n";
const char kAuthServerRef[] = "  authServerRef: {kind: MCPExternalAuthConfig, name: as}\n";

TEST_CASE(
    "embedded auth server via authServerRef: RunConfig as an MCPServer's (rc:139-155), Secrets "
    "after the OIDC CA bundle, env after the required variables (dep:46-60)") {
  Rendered r = Render(Proxy(std::string(kOidcRef) + kAuthServerRef +
                            "  authzConfig: {type: inline, inline: {policies: ['permit(principal, "
                            "action, resource);']}}\n") +
                      kOidc + AuthServer());
  for (const std::string& e : r.run.errors) MESSAGE(e);
  REQUIRE(r.run.errors.empty());
  // cu BuildAuthServerRunConfig: the same embedded_auth_server_config an MCPServer gets.
  CHECK(r.RcText("embedded_auth_server_config.issuer") == "https://as.example.com");
  CHECK(r.RcText("embedded_auth_server_config.upstreams[0].name") == "up-idp");
  CHECK(r.RcText("embedded_auth_server_config.upstreams[0].oidc_config.client_secret_env_var") ==
        "TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP");
  CHECK(r.RcText("remote_url") == "https://mcp.example.com/mcp");
  // runner/middleware.go:412-473: upstreamswap right after auth; Cedar reads the upstream's
  // claims (primary_upstream_provider injected, middleware.go:480-495).
  const Strings mw = r.Middlewares();
  const auto auth = std::find(mw.begin(), mw.end(), "auth");
  REQUIRE(auth != mw.end());
  CHECK(*(auth + 1) == "upstreamswap");
  CHECK(r.Middleware("authorization")
            ->Find("config_data")
            ->Find("cedar")
            ->Find("primary_upstream_provider")
            ->text == "up-idp");
  // No scopes on the oidcConfigRef: registration.DefaultScopes (config_builder.go:1045-1053).
  Strings scopes;
  for (const Value& v : r.Rc("oidc_config.Scopes")->items) scopes.push_back(v.text);
  CHECK(scopes == DefaultAuthServerScopes());
  // Volumes: runconfig, authz, OIDC CA bundle, then the signing key (authserver.go:323-439).
  CHECK(Names(At(r.PodSpec(), "volumes")) ==
        Strings{"runconfig", "authz-config", "oidc-ca-bundle-ca", "authserver-signing-key-0"});
  CHECK(Text(r.Container(), "volumeMounts[3].subPath") == "key-0.pem");
  // Env: the upstream's client secret after EnsureRequiredEnvVars' defaults.
  CHECK(Names(At(r.Container(), "env")) ==
        Strings{"TOOLHIVE_OIDC_CLIENT_SECRET", "XDG_CONFIG_HOME=/tmp", "HOME=/tmp",
                "TOOLHIVE_RUNTIME=kubernetes", "UNSTRUCTURED_LOGS=false",
                "TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP"});
  CHECK(Text(r.Container(), "env[5].valueFrom.secretKeyRef.name") == "idp-client");
}

TEST_CASE(
    "embedded auth server via externalAuthConfigRef (the legacy path, dep:46-48): the same "
    "objects; disableUpstreamTokenInjection makes the middleware strip-auth") {
  Rendered legacy = Render(Proxy(std::string(kOidcRef) + "  externalAuthConfigRef: {name: as}\n") +
                           kOidc + AuthServer("    disableUpstreamTokenInjection: true\n"));
  for (const std::string& e : legacy.run.errors) MESSAGE(e);
  REQUIRE(legacy.run.errors.empty());
  CHECK(legacy.RcText("embedded_auth_server_config.issuer") == "https://as.example.com");
  const Strings mw = legacy.Middlewares();
  CHECK(std::find(mw.begin(), mw.end(), "strip-auth") != mw.end());
  CHECK(std::find(mw.begin(), mw.end(), "upstreamswap") == mw.end());
  CHECK(Names(At(legacy.PodSpec(), "volumes")).back() == "authserver-signing-key-0");
  CHECK(Names(At(legacy.Container(), "env")).back() == "TOOLHIVE_UPSTREAM_CLIENT_SECRET_UP_IDP");
}

TEST_CASE(
    "refused: an embedded auth server without oidcConfigRef (cu/authserver.go:593-596), with "
    "its operator's words; validate too") {
  for (const char* ref : {kAuthServerRef, "  externalAuthConfigRef: {name: as}\n"}) {
    CAPTURE(ref);
    for (bool validating : {false, true}) {
      RenderRun run = RunAt044(Proxy(ref) + AuthServer(), validating);
      CHECK(run.HasError(
          "OIDC config is required for embedded auth server: OIDCConfigRef must be set on the "
          "MCPServer; the operator (v0.44.0) refuses the RunConfig"));
      CHECK(run.out.empty());
    }
  }
}

TEST_CASE(
    "refused: authServerRef and externalAuthConfigRef both embedded (cu/authserver.go:1089-1120)") {
  const std::string yaml =
      Proxy(std::string(kOidcRef) + kAuthServerRef + "  externalAuthConfigRef: {name: as2}\n") +
      kOidc + AuthServer() + AuthServer("", "as2");
  for (bool validating : {false, true}) {
    RenderRun run = RunAt044(yaml, validating);
    CHECK(run.HasError(
        "spec.externalAuthConfigRef.name: failed to process authServerRef: conflict: both "
        "authServerRef and externalAuthConfigRef reference an embedded auth server"));
    CHECK(run.out.empty());
  }
}

TEST_CASE("refused: an authServerRef config with two upstreams (ctl:1036-1050)") {
  RenderRun run =
      RunAt044(Proxy(std::string(kOidcRef) + kAuthServerRef) + kOidc +
               AuthServer("    - name: second\n      type: oidc\n      oidcConfig: {issuerUrl: "
                          "'https://two.example.com', clientId: c}\n"));
  CHECK(
      run.HasError("spec.authServerRef.name: MCPExternalAuthConfig ns/as has 2 upstream "
                   "providers, but an MCPRemoteProxy supports only 1"));
  CHECK(run.out.empty());
}

TEST_CASE(
    "podTemplateSpec: strategic-merged into the Deployment's pod template (dep:109,427-452)") {
  // applyPodTemplateSpecToDeployment -> ApplyPodTemplateSpecPatch (cu/podtemplatespec_patch.go:
  // 47-68): containers merge by name (toolhive keeps its fields, env merges by name), a new
  // container is appended, maps merge. Nothing goes to the proxy as --k8s-pod-patch (only the
  // MCPServer passes one, mcpserver_controller.go:1122).
  Rendered r =
      Render(Proxy("  podTemplateSpec:\n    metadata: {labels: {team: a}}\n    spec:\n"
                   "      nodeSelector: {disk: ssd}\n      containers:\n"
                   "      - {name: toolhive, env: [{name: EXTRA, value: '1'}]}\n"
                   "      - {name: sidecar, image: busybox}\n"));
  REQUIRE(r.run.errors.empty());
  const Value* tmpl = At(r.deployment, "spec.template");
  CHECK(At(tmpl, "metadata.labels")->Find("team")->text == "a");
  CHECK(At(tmpl, "metadata.labels")->Find("app")->text == "mcpremoteproxy");
  CHECK(At(tmpl, "spec.nodeSelector")->Find("disk")->text == "ssd");
  const Value* containers = At(tmpl, "spec.containers");
  REQUIRE(containers->items.size() == 2);
  const Value& proxy = containers->items[0];
  CHECK(GetString(proxy, "name") == "toolhive");
  CHECK(GoJsonCompact(*proxy.Find("args")) ==
        R"(["run","--foreground=true","placeholder-for-remote-proxy"])");
  CHECK(proxy.Find("env")->items.front().Find("name")->text == "EXTRA");
  CHECK(proxy.Find("env")->items.back().Find("name")->text == "UNSTRUCTURED_LOGS");
  CHECK(proxy.Find("startupProbe") != nullptr);
  CHECK(GetString(containers->items[1], "image") == "busybox");
  // HashRawJSON (checksum.go:189-203): sha256 of json.Marshal of the unstructured value (keys
  // sorted, compact), on the Deployment only (dep:406-411); the pod template keeps the checksum.
  CHECK(At(r.deployment, "metadata.annotations")
            ->Find("toolhive.stacklok.io/podtemplatespec-hash")
            ->text == "868eb602bbdcc27d675c64e87a907764a7568ac09144eeaea9f66317eac7a0f3");
  CHECK(Keys(At(tmpl, "metadata.annotations")) ==
        Strings{"toolhive.stacklok.dev/runconfig-checksum"});
}

TEST_CASE("podTemplateSpec: one that does not decode, or does not merge, creates nothing") {
  // validateAndUpdatePodTemplateStatus (ctl:277-318): PodTemplateValid=False, reconcile stops.
  RenderRun bad = RunAt044(Proxy("  podTemplateSpec: {spec: {containers: [{name: 7}]}}\n"));
  CHECK(!bad.errors.empty());
  CHECK(RunAt044(Proxy("  podTemplateSpec: {spec: {nodeSelector: ssd}}\n"))
            .HasError("spec.podTemplateSpec: json.Unmarshal into a corev1.PodTemplateSpec fails at "
                      "spec.nodeSelector: expected object, got string; the operator (v0.44.0) "
                      "refuses the MCPRemoteProxy (PodTemplateValid=False)"));
  CHECK(bad.out.empty());
  // A merge-list element without its merge key (imagePullSecrets merge by name, which a
  // LocalObjectReference may omit) where the base has that list: StrategicMergePatch fails, the
  // builder returns nil (dep:109-114), the reconcile errors before the Deployment
  // (ctl:438-441). The CLI prints nothing on an error (tests/bad cases check it).
  RenderOptions pull;
  pull.default_image_pull_secrets = {"reg"};
  RenderRun unmerged =
      RunAt044(Proxy("  podTemplateSpec: {spec: {imagePullSecrets: [{}]}}\n"), false, pull);
  CHECK(
      unmerged.HasError("an element of spec.imagePullSecrets does not contain declared merge "
                        "key: name"));
  CHECK(unmerged.HasError("spec.podTemplateSpec: failed to apply strategic merge patch"));
  CHECK(unmerged.HasError("creates no Deployment for the MCPRemoteProxy"));
  // $-directives are not applied by thv-render yet.
  RenderRun directive = RunAt044(
      Proxy("  podTemplateSpec: {spec: {containers: [{name: toolhive, $patch: delete}]}}\n"));
  CHECK(
      directive.HasError("spec.podTemplateSpec.spec.containers[0].$patch: strategic merge patch "
                         "directives in the MCPRemoteProxy podTemplateSpec are not supported at "
                         "v0.44.0 yet"));
}

TEST_CASE("podTemplateSpec: {} is applied too and changes only the hash annotation (dep:406-421)") {
  // Raw "{}" is not empty, so the merge runs (a no-op) and the hash is sha256("{}"), which
  // proxyDeployment.annotations replace.
  Rendered empty = Render(Proxy("  podTemplateSpec: {}\n"));
  Rendered none = Render(Proxy(""));
  CHECK(empty.run.errors.empty());
  CHECK(GoJsonCompact(*At(empty.deployment, "spec")) ==
        GoJsonCompact(*At(none.deployment, "spec")));
  CHECK(At(empty.deployment, "metadata.annotations")
            ->Find("toolhive.stacklok.io/podtemplatespec-hash")
            ->text == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  Rendered replaced = Render(Proxy(
      "  podTemplateSpec: {}\n  resourceOverrides: {proxyDeployment: {annotations: {a: b}}}\n"));
  CHECK(Keys(At(replaced.deployment, "metadata.annotations")) == Strings{"a"});
}

TEST_CASE(
    "warnings only: missing MCPGroup, ignored primaryUpstreamProvider (ctl:1221-1260,1396-1411)") {
  RenderRun run = RunAt044(Proxy(
      "  groupRef: {name: g}\n  authzConfig: {type: inline, inline: {policies: ['permit(principal, "
      "action, resource);'], primaryUpstreamProvider: github}}\n"));
  CHECK(run.errors.empty());
  CHECK(run.HasWarning("MCPGroup ns/g not found among the inputs"));
  CHECK(run.HasWarning("primaryUpstreamProvider=\"github\" has no effect on MCPRemoteProxy"));
  CHECK(!run.out.empty());
}

TEST_CASE("v1alpha1: the same objects, with the CRD's deprecation warning") {
  Rendered alpha = Render(Proxy("  transport: sse\n", "v1alpha1"));
  Rendered beta = Render(Proxy("  transport: sse\n"));
  CHECK(alpha.run.HasWarning(
      "apiVersion: toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1"));
  CHECK(ObjectList(alpha.run) == ObjectList(beta.run));
  CHECK(alpha.Json() == beta.Json());
}

TEST_CASE("wirefmt.SecretEnvVarName: upper case, '-' and anything but A-Z0-9_ as '_'") {
  CHECK(HeaderSecretIdentifier("my-proxy", "X-API-Key") == "HEADER_FORWARD_X_API_KEY_MY_PROXY");
  CHECK(HeaderSecretIdentifier("p.1", "x.org/id") == "HEADER_FORWARD_X_ORG_ID_P_1");
  // One "_" per character, as the regexp matches runes (after strings.ToUpper).
  CHECK(HeaderSecretIdentifier("p", "\xc3\xa9t\xc3\xa9") == "HEADER_FORWARD__T__P");
}

}  // namespace t0_44_0
}  // namespace thv
