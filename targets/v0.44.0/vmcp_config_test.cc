// config.yaml of a VirtualMCPServer as the v0.44.0 operator writes it, one test per fact;
// file:line at tag v0.44.0 (cv = cmd/thv-operator/pkg/vmcpconfig/converter.go, def =
// pkg/vmcp/config/defaults.go, vv = controllers/virtualmcpserver_vmcpconfig.go).
#include <doctest/doctest.h>

#include <string>

#include "model/decode.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string ConfigYaml(const RenderRun& r) {
  const Value* cm = r.Find("ConfigMap", "v-vmcp-config");
  REQUIRE(cm);
  return GetString(*GetObject(*cm, "data"), "config.yaml");
}

// The objects the tests refer to: an MCPToolConfig, an MCPOIDCConfig, an EmbeddingServer and a
// composite tool definition.
const char kReferenced[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPToolConfig
metadata: {name: tc, namespace: ns}
spec:
  toolsFilter: [fetch, get]
  toolsOverride:
    fetch: {name: ignored}
    get: {description: Gets, annotations: {readOnlyHint: true}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPOIDCConfig, metadata: {name: o, namespace: ns},
 spec: {type: kubernetesServiceAccount, kubernetesServiceAccount: {}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: EmbeddingServer, metadata: {name: e, namespace: ns},
 spec: {port: 9000}}
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: VirtualMCPCompositeToolDefinition
metadata: {name: d, namespace: ns}
spec:
  name: second
  timeout: 90s
  parameters: {type: object, properties: {count: {type: integer, default: 1000000}}}
  steps:
  - id: s
    tool: t
    arguments: {z: 'yes', a: 1.5}
---
)";

// config.yaml of the documents, which must render.
std::string ConfigOfDocs(const std::string& docs) {
  const RenderRun r = RunAt044(docs);
  REQUIRE(r.errors.empty());
  return ConfigYaml(r);
}

// config.yaml of VirtualServerDoc(spec, others), which must render.
std::string ConfigOf(const std::string& spec, const std::string& others = "") {
  return ConfigOfDocs(VirtualServerDoc(spec, others));
}

// VirtualServerDoc(spec) is refused with an error holding text.
bool Refused(const std::string& spec, const std::string& text) {
  return RunAt044(VirtualServerDoc(spec)).HasError(text);
}

const char kOperationalDefaults[] =
    "operational:\n"
    "    timeouts:\n"
    "        default: 30s\n"
    "    failureHandling:\n"
    "        healthCheckInterval: 30s\n"
    "        unhealthyThreshold: 3\n"
    "        statusReportingInterval: 30s\n"
    "        partialFailureMode: fail\n"
    "        circuitBreaker:\n"
    "            failureThreshold: 5\n"
    "            timeout: 1m0s\n";

}  // namespace

TEST_CASE("vMCP config: the defaults Convert fills in, in Config's field order (cv:98-186)") {
  const std::string r = ConfigOf("");
  // name and groupRef from the CR (cv:114-117), outgoingAuth discovered (cv:616-618), prefix
  // aggregation (cv:629-634), DefaultOperationalConfig (def:52-70; circuitBreaker.enabled false
  // is omitted, 60s is written as time.Duration prints it).
  CHECK(r == std::string("name: v\n"
                         "groupRef: g\n"
                         "incomingAuth:\n"
                         "    type: anonymous\n"
                         "outgoingAuth:\n"
                         "    source: discovered\n"
                         "aggregation:\n"
                         "    conflictResolution: prefix\n"
                         "    conflictResolutionConfig:\n"
                         "        prefixFormat: '{workload}_'\n") +
                 kOperationalDefaults);
}

TEST_CASE("vMCP config: operational settings are merged with the defaults (def:77-90)") {
  RenderRun r = RunAt044(VirtualServerDoc(R"(  config:
    operational:
      logLevel: debug
      failureHandling:
        unhealthyThreshold: 7
        circuitBreaker: {enabled: true, timeout: 90s}
)"));
  REQUIRE(r.errors.empty());
  const std::string yaml = ConfigYaml(r);
  CHECK(yaml.find("operational:\n"
                  "    logLevel: debug\n"
                  "    timeouts:\n"
                  "        default: 30s\n"
                  "    failureHandling:\n"
                  "        healthCheckInterval: 30s\n"
                  "        unhealthyThreshold: 7\n"
                  "        healthCheckTimeout: 10s\n"  // the CRD's default
                  "        statusReportingInterval: 30s\n"
                  "        partialFailureMode: fail\n"
                  "        circuitBreaker:\n"
                  "            enabled: true\n"
                  "            failureThreshold: 5\n"
                  "            timeout: 1m30s\n") != std::string::npos);
  // logLevel debug adds --debug (vd:274-276).
  const Value* dep = r.Find("Deployment", "v");
  REQUIRE(dep);
  const Value& c = GetObject(*GetObject(*GetObject(*dep, "spec"), "template"), "spec")
                       ->Find("containers")
                       ->items[0];
  CHECK(GetStrings(c, "args").back() == "--debug");
}

TEST_CASE("vMCP config: conflict resolution strategies (cv:776-801)") {
  RenderRun manual = RunAt044(VirtualServerDoc(R"(  config:
    aggregation:
      conflictResolution: manual
      tools:
      - workload: w
        overrides: {fetch: {name: get}}
)"));
  REQUIRE(manual.errors.empty());
  CHECK(Contains(ConfigYaml(manual), R"(aggregation:
    conflictResolution: manual
    conflictResolutionConfig: {}
    tools:
        - workload: w
          overrides:
            fetch:
                name: get
)"));
  RenderRun priority = RunAt044(VirtualServerDoc(R"(  config:
    aggregation:
      conflictResolution: priority
      conflictResolutionConfig: {priorityOrder: [b, a]}
)"));
  REQUIRE(priority.errors.empty());
  // The CRD defaults prefixFormat inside a given conflictResolutionConfig.
  CHECK(Contains(ConfigYaml(priority), R"(    conflictResolutionConfig:
        prefixFormat: '{workload}_'
        priorityOrder:
            - b
            - a
)"));
  // VirtualMCPServer.Validate: priority needs priorityOrder (virtualmcpserver_types.go:690-693).
  CHECK(Refused(R"(  config:
    aggregation:
      conflictResolution: priority
      conflictResolutionConfig: {prefixFormat: x}
)",
                "priorityOrder is required when conflictResolution is priority"));
}

TEST_CASE("vMCP config: an MCPToolConfig fills the filter and missing overrides (cv:846-922)") {
  const std::string r = ConfigOf(R"(  config:
    aggregation:
      tools:
      - workload: w
        toolConfigRef: {name: tc}
        overrides: {fetch: {name: f2}}
)",
                                 kReferenced);
  // toolConfigRef itself is not carried over; the inline override of fetch wins.
  CHECK(Contains(r, R"(    tools:
        - workload: w
          filter:
            - fetch
            - get
          overrides:
            fetch:
                name: f2
            get:
                description: Gets
                annotations:
                    readOnlyHint: true
)"));
  // Fails closed without it (cv:857-866).
  CHECK(Refused(R"(  config:
    aggregation:
      tools:
      - workload: w
        toolConfigRef: {name: tc}
)",
                "MCPToolConfig ns/tc not found among the inputs"));
}

TEST_CASE("vMCP config: an MCPOIDCConfig of type kubernetesServiceAccount (cv:432-501)") {
  RenderRun r = RunAt044(
      std::string(kTestGroupDoc) + kReferenced +
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
      "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth:\n    type: oidc\n"
      "    oidcConfigRef: {name: o, audience: aud}\n");
  REQUIRE(r.errors.empty());
  // The resource URL names the CR, not its Service (createServiceURL, oidc/resolver.go);
  // audience has no omitempty.
  CHECK(Contains(ConfigYaml(r), R"(incomingAuth:
    type: oidc
    oidc:
        issuer: https://kubernetes.default.svc
        clientId: ""
        audience: aud
        resource: http://v.ns.svc.cluster.local:4483
        jwksAllowPrivateIp: true
        caBundlePath: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
)"));
}

TEST_CASE("vMCP config: audit only when enabled, telemetry only from MCPTelemetryConfig") {
  const std::string yaml = ConfigOf(R"(  config:
    audit: {enabled: true}
    telemetry: {endpoint: ignored, tracingEnabled: true, metricsEnabled: true}
)");
  // cv:159-165 and the CRD's audit defaults.
  CHECK(Contains(yaml, R"(audit:
    enabled: true
    component: v
    detectApplicationErrors: true
    maxDataSize: 1024
    maxDelegationDepth: 10
)"));
  CHECK(yaml.find("telemetry") == std::string::npos);  // cv:507-517
  CHECK(RunAt044(VirtualServerDoc("  config:\n    audit: {enabled: false}\n")).out.size() > 0);
  CHECK(ConfigYaml(RunAt044(VirtualServerDoc("  config:\n    audit: {enabled: false}\n")))
            .find("audit") == std::string::npos);
}

TEST_CASE("vMCP config: embeddingServerRef writes the EmbeddingServer's URL (vv:160-216)") {
  const std::string r = ConfigOf("  embeddingServerRef: {name: e}\n", kReferenced);
  CHECK(Contains(r, R"(optimizer:
    embeddingService: http://e.ns.svc.cluster.local:9000
)"));
  CHECK(Refused("  embeddingServerRef: {name: e}\n",
                "EmbeddingServer ns/e not found among the inputs"));
  CHECK(Refused("  config:\n    optimizer: {maxToolsToReturn: 3}\n",
                "spec.config.optimizer requires an embedding service"));
}

// VirtualServerDoc with its incomingAuth replaced by `incoming` (indented under spec).
std::string WithIncomingAuth(const std::string& incoming, const std::string& others) {
  std::string doc = VirtualServerDoc("", others);
  const std::string anonymous = "  incomingAuth: {type: anonymous}\n";
  return doc.replace(doc.find(anonymous), anonymous.size(), incoming);
}

TEST_CASE(
    "vMCP config: Cedar options of an MCPAuthzConfig (cv:241-290) or a ConfigMap (cv:319-361)") {
  const char kConfigs[] = R"({apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPAuthzConfig,
 metadata: {name: shared, namespace: ns}, spec: {type: cedarv1, config: {
   policies: ['permit(principal, action, resource);'], entities_json: '[]',
   group_claim_name: groups, primary_upstream_provider: ignored}}}
---
{apiVersion: v1, kind: ConfigMap, metadata: {name: cm, namespace: ns}, data: {authz.json: '{"version":
 "1.0", "type": "cedarv1", "cedar": {"policies": ["forbid(principal, action, resource);"],
 "role_claim_name": "r", "group_claim_name": "g"}}'}}
---
)";
  // The reference: every Cedar option but the primary upstream, which only the auth server sets.
  CHECK(Contains(
      ConfigOfDocs(WithIncomingAuth(
          "  incomingAuth: {type: anonymous, authzConfigRef: {name: shared}}\n", kConfigs)),
      R"(incomingAuth:
    type: anonymous
    authz:
        type: cedar
        policies:
            - permit(principal, action, resource);
        entitiesJson: '[]'
        groupClaimName: groups
outgoingAuth:
)"));
  // The ConfigMap: its claim settings, the spec's over them; no entities_json, none written.
  CHECK(Contains(ConfigOfDocs(WithIncomingAuth(R"(  incomingAuth:
    type: anonymous
    authzConfig: {type: configMap, configMap: {name: cm}, groupClaimName: spec-groups}
)",
                                               kConfigs)),
                 R"(    authz:
        type: cedar
        policies:
            - forbid(principal, action, resource);
        groupClaimName: spec-groups
        roleClaimName: r
outgoingAuth:
)"));
  // A ConfigMap that is not among the inputs stops the operator before it writes anything.
  CHECK(RunAt044(WithIncomingAuth(R"(  incomingAuth:
    type: anonymous
    authzConfig: {type: configMap, configMap: {name: absent, key: k}}
)",
                                  kConfigs))
            .HasError("spec.incomingAuth.authzConfig.configMap.name: Authorization ConfigMap is "
                      "invalid: ConfigMap ns/absent not found among the inputs"));
  CHECK(RunAt044(WithIncomingAuth(R"(  incomingAuth:
    type: anonymous
    authzConfig: {type: configMap, configMap: {name: cm, key: k}}
)",
                                  kConfigs))
            .HasError("authz ConfigMap ns/cm is missing key \"k\""));
}

TEST_CASE("vMCP config: rateLimiting as yaml.v3 writes a metav1.Duration (no yaml marshaller)") {
  const std::string yaml = ConfigOf(R"(  sessionStorage: {provider: redis, address: "r:6379"}
  config:
    rateLimiting:
      shared: {maxTokens: 10, refillPeriod: 90s}
      tools:
      - name: t
        shared: {maxTokens: 1, refillPeriod: 0s}
)");
  // Go oracle (gopkg.in/yaml.v3 3.0.1 on ratelimit/types with k8s.io/apimachinery v0.35.3's
  // metav1.Duration): the embedded time.Duration is the field "duration", its String() text.
  CHECK(Contains(yaml, R"(rateLimiting:
    shared:
        maxTokens: 10
        refillPeriod:
            duration: 1m30s
    tools:
        - name: t
          shared:
            maxTokens: 1
            refillPeriod:
                duration: 0s
)"));
  CHECK(
      Refused("  sessionStorage: {provider: redis, address: \"r:6379\"}\n  config:\n"
              "    rateLimiting: {shared: {maxTokens: 1, refillPeriod: soon}}\n",
              "spec.config.rateLimiting.shared.refillPeriod: time: invalid duration \"soon\""));
}

TEST_CASE("vMCP config: composite tools, inline then referenced, as yaml.v3 writes them") {
  const std::string r = ConfigOf(R"(  config:
    compositeTools:
    - name: first
      description: First
      steps: [{id: a, tool: b}]
    compositeToolRefs: [{name: d}]
)",
                                 kReferenced);
  CHECK(Contains(r, R"(compositeTools:
    - name: first
      description: First
      steps:
        - id: a
          type: tool
          tool: b
    - name: second
      parameters:
        properties:
            count:
                default: 1e+06
                type: integer
        type: object
      timeout: 1m30s
      steps:
        - id: s
          type: tool
          tool: t
          arguments:
            a: 1.5
            z: "yes"
compositeToolRefs:
    - name: d
)"));
}

TEST_CASE("vMCP config: what the operator refuses in outgoing auth is an error naming the field") {
  // Static mode over a group without backends stops the operator (vv:501-509).
  CHECK(Refused("  outgoingAuth: {source: inline}\n",
                "spec.outgoingAuth.source: static mode requires at least one backend"));
  // A missing MCPExternalAuthConfig stops the converter (cv:694-699).
  CHECK(Refused(R"(  outgoingAuth:
    source: discovered
    backends:
      b: {type: externalAuthConfigRef, externalAuthConfigRef: {name: up}}
)",
                "MCPExternalAuthConfig ns/up not found among the inputs"));
  // type discovered is the unauthenticated strategy (cv:676-680); the empty map is omitted.
  RenderRun discovered = RunAt044(VirtualServerDoc(
      "  outgoingAuth:\n    source: discovered\n    backends:\n      b: {type: discovered}\n"));
  REQUIRE(discovered.errors.empty());
  CHECK(Contains(ConfigYaml(discovered), R"(outgoingAuth:
    source: discovered
    backends:
        b:
            type: unauthenticated
)"));
}

TEST_CASE("vMCP config: outgoing auth from MCPExternalAuthConfigs (cv:638-741, vd:496-533)") {
  const char kAuths[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata: {name: te-auth, namespace: ns}
spec:
  type: tokenExchange
  tokenExchange:
    tokenUrl: https://idp.example.com/token
    clientId: c
    clientSecretRef: {name: te-secret, key: secret}
    audience: backend
    subjectTokenType: access_token
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: hi, namespace: ns},
 spec: {type: headerInjection, headerInjection: {headerName: X-Key, valueSecretRef: {name: k, key: v}}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: up, namespace: ns},
 spec: {type: upstreamInject, upstreamInject: {providerName: github}}}
---
)";
  RenderRun r = RunAt044(VirtualServerDoc(R"(  outgoingAuth:
    source: discovered
    default: {type: externalAuthConfigRef, externalAuthConfigRef: {name: hi}}
    backends:
      b: {type: externalAuthConfigRef, externalAuthConfigRef: {name: te-auth}}
)",
                                          kAuths));
  REQUIRE(r.errors.empty());
  CHECK(Contains(ConfigYaml(r), R"(outgoingAuth:
    source: discovered
    default:
        type: header_injection
        headerInjection:
            headerName: X-Key
            headerValueEnv: TOOLHIVE_HEADER_INJECTION_VALUE_HI
    backends:
        b:
            type: token_exchange
            tokenExchange:
                tokenUrl: https://idp.example.com/token
                clientId: c
                clientSecretEnv: TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE_AUTH
                audience: backend
                subjectTokenType: urn:ietf:params:oauth:token-type:access_token
)"));
  // The backends' Secrets, then the default's, after VMCP_NAMESPACE.
  const Value& env = ValueAt(r.Find("Deployment", "v"), {"spec", "template", "spec"})
                         .Find("containers")
                         ->items[0]
                         .Find("env")
                         ->items[2];
  CHECK(GetString(env, "name") == "TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE_AUTH");
  CHECK(RunAt044(VirtualServerDoc(R"(  outgoingAuth:
    source: discovered
    default: {type: externalAuthConfigRef, externalAuthConfigRef: {name: up}}
)",
                                  kAuths))
            .HasError("spec.outgoingAuth.default.externalAuthConfigRef.name: invalid auth server "
                      "integration: upstream_inject requires an embedded auth server"));
}

}  // namespace t0_44_0
}  // namespace thv
