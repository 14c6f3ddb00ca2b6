// The v0.44.0 operator's objects for an MCPServer: the corrections C1-C20 (references and
// what differs from the spec's first reading). Shared helpers: mcpserver_render_testing.h.
#include <doctest/doctest.h>

#include "targets/v0.44.0/mcpserver_render_testing.h"

namespace thv {
namespace t0_44_0 {

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
  CHECK(
      bad.run.HasError("spec.podTemplateSpec: json.Unmarshal into a corev1.PodTemplateSpec fails "
                       "at spec.nodeSelector"));
  CHECK(bad.run.out.empty());
}

}  // namespace t0_44_0
}  // namespace thv
