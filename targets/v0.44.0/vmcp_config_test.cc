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

const char kGroup[] =
    "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPGroup\nmetadata: {name: g, namespace: "
    "ns}\n---\n";

std::string Vmcp(const std::string& spec, const std::string& others = "") {
  return kGroup + others +
         "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
         "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth: {type: anonymous}\n" +
         spec;
}

std::string ConfigYaml(const RenderRun& r) {
  const Value* cm = r.Find("ConfigMap", "v-vmcp-config");
  REQUIRE(cm);
  return GetString(*GetObject(*cm, "data"), "config.yaml");
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
  RenderRun r = RunAt044(Vmcp(""));
  REQUIRE(r.errors.empty());
  // name and groupRef from the CR (cv:114-117), outgoingAuth discovered (cv:616-618), prefix
  // aggregation (cv:629-634), DefaultOperationalConfig (def:52-70; circuitBreaker.enabled false
  // is omitted, 60s is written as time.Duration prints it).
  CHECK(ConfigYaml(r) == std::string("name: v\n"
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
  RenderRun r = RunAt044(Vmcp(
      "  config:\n    operational:\n      logLevel: debug\n      failureHandling:\n"
      "        unhealthyThreshold: 7\n        circuitBreaker: {enabled: true, timeout: 90s}\n"));
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
  RenderRun manual =
      RunAt044(Vmcp("  config:\n    aggregation:\n      conflictResolution: manual\n      tools:\n"
                    "      - workload: w\n        overrides: {fetch: {name: get}}\n"));
  REQUIRE(manual.errors.empty());
  CHECK(ConfigYaml(manual).find("aggregation:\n"
                                "    conflictResolution: manual\n"
                                "    conflictResolutionConfig: {}\n"
                                "    tools:\n"
                                "        - workload: w\n"
                                "          overrides:\n"
                                "            fetch:\n"
                                "                name: get\n") != std::string::npos);
  RenderRun priority =
      RunAt044(Vmcp("  config:\n    aggregation:\n      conflictResolution: priority\n"
                    "      conflictResolutionConfig: {priorityOrder: [b, a]}\n"));
  REQUIRE(priority.errors.empty());
  // The CRD defaults prefixFormat inside a given conflictResolutionConfig.
  CHECK(ConfigYaml(priority).find("    conflictResolutionConfig:\n"
                                  "        prefixFormat: '{workload}_'\n"
                                  "        priorityOrder:\n"
                                  "            - b\n"
                                  "            - a\n") != std::string::npos);
  // VirtualMCPServer.Validate: priority needs priorityOrder (virtualmcpserver_types.go:690-693).
  CHECK(RunAt044(Vmcp("  config:\n    aggregation:\n      conflictResolution: priority\n"
                      "      conflictResolutionConfig: {prefixFormat: x}\n"))
            .HasError("priorityOrder is required when conflictResolution is priority"));
}

TEST_CASE("vMCP config: an MCPToolConfig fills the filter and missing overrides (cv:846-922)") {
  const std::string tool_config =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPToolConfig\nmetadata: {name: tc, "
      "namespace: ns}\nspec:\n  toolsFilter: [fetch, get]\n  toolsOverride:\n"
      "    fetch: {name: ignored}\n    get: {description: Gets, annotations: {readOnlyHint: "
      "true}}\n---\n";
  RenderRun r =
      RunAt044(Vmcp("  config:\n    aggregation:\n      tools:\n      - workload: w\n"
                    "        toolConfigRef: {name: tc}\n        overrides: {fetch: {name: f2}}\n",
                    tool_config));
  REQUIRE(r.errors.empty());
  // toolConfigRef itself is not carried over; the inline override of fetch wins.
  CHECK(ConfigYaml(r).find("    tools:\n"
                           "        - workload: w\n"
                           "          filter:\n"
                           "            - fetch\n"
                           "            - get\n"
                           "          overrides:\n"
                           "            fetch:\n"
                           "                name: f2\n"
                           "            get:\n"
                           "                description: Gets\n"
                           "                annotations:\n"
                           "                    readOnlyHint: true\n") != std::string::npos);
  // Fails closed without it (cv:857-866).
  CHECK(RunAt044(Vmcp("  config:\n    aggregation:\n      tools:\n      - workload: w\n"
                      "        toolConfigRef: {name: tc}\n"))
            .HasError("MCPToolConfig ns/tc not found among the inputs"));
}

TEST_CASE("vMCP config: an MCPOIDCConfig of type kubernetesServiceAccount (cv:432-501)") {
  const std::string oidc =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPOIDCConfig\nmetadata: {name: o, "
      "namespace: ns}\nspec:\n  type: kubernetesServiceAccount\n  kubernetesServiceAccount: {}\n"
      "---\n";
  RenderRun r = RunAt044(
      kGroup + oidc +
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
      "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth:\n    type: oidc\n"
      "    oidcConfigRef: {name: o, audience: aud}\n");
  REQUIRE(r.errors.empty());
  // The resource URL names the CR, not its Service (createServiceURL, oidc/resolver.go); audience
  // has no omitempty.
  CHECK(ConfigYaml(r).find("incomingAuth:\n"
                           "    type: oidc\n"
                           "    oidc:\n"
                           "        issuer: https://kubernetes.default.svc\n"
                           "        clientId: \"\"\n"
                           "        audience: aud\n"
                           "        resource: http://v.ns.svc.cluster.local:4483\n"
                           "        jwksAllowPrivateIp: true\n"
                           "        caBundlePath: "
                           "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n") !=
        std::string::npos);
}

TEST_CASE("vMCP config: audit only when enabled, telemetry only from MCPTelemetryConfig") {
  RenderRun r =
      RunAt044(Vmcp("  config:\n    audit: {enabled: true}\n    telemetry: {endpoint: ignored, "
                    "tracingEnabled: true, metricsEnabled: true}\n"));
  REQUIRE(r.errors.empty());
  const std::string yaml = ConfigYaml(r);
  // cv:159-165 and the CRD's audit defaults.
  CHECK(yaml.find("audit:\n"
                  "    enabled: true\n"
                  "    component: v\n"
                  "    detectApplicationErrors: true\n"
                  "    maxDataSize: 1024\n"
                  "    maxDelegationDepth: 10\n") != std::string::npos);
  CHECK(yaml.find("telemetry") == std::string::npos);  // cv:507-517
  CHECK(RunAt044(Vmcp("  config:\n    audit: {enabled: false}\n")).out.size() > 0);
  CHECK(ConfigYaml(RunAt044(Vmcp("  config:\n    audit: {enabled: false}\n"))).find("audit") ==
        std::string::npos);
}

TEST_CASE("vMCP config: embeddingServerRef writes the EmbeddingServer's URL (vv:160-216)") {
  const std::string es =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: EmbeddingServer\nmetadata: {name: e, "
      "namespace: ns}\nspec: {port: 9000}\n---\n";
  RenderRun r = RunAt044(Vmcp("  embeddingServerRef: {name: e}\n", es));
  REQUIRE(r.errors.empty());
  CHECK(ConfigYaml(r).find("optimizer:\n"
                           "    embeddingService: http://e.ns.svc.cluster.local:9000\n") !=
        std::string::npos);
  CHECK(RunAt044(Vmcp("  embeddingServerRef: {name: e}\n"))
            .HasError("EmbeddingServer ns/e not found among the inputs"));
  CHECK(RunAt044(Vmcp("  config:\n    optimizer: {maxToolsToReturn: 3}\n"))
            .HasError("spec.config.optimizer requires an embedding service"));
}

TEST_CASE("vMCP config: composite tools, inline then referenced, as yaml.v3 writes them") {
  const std::string def =
      "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPCompositeToolDefinition\n"
      "metadata: {name: d, namespace: ns}\nspec:\n  name: second\n  timeout: 90s\n"
      "  parameters: {type: object, properties: {count: {type: integer, default: 1000000}}}\n"
      "  steps:\n  - id: s\n    tool: t\n    arguments: {z: 'yes', a: 1.5}\n---\n";
  RenderRun r = RunAt044(
      Vmcp("  config:\n    compositeTools:\n    - name: first\n      steps: [{id: a, tool: b}]\n"
           "    compositeToolRefs: [{name: d}]\n",
           def));
  REQUIRE(r.errors.empty());
  CHECK(ConfigYaml(r).find("compositeTools:\n"
                           "    - name: first\n"
                           "      steps:\n"
                           "        - id: a\n"
                           "          type: tool\n"
                           "          tool: b\n"
                           "    - name: second\n"
                           "      parameters:\n"
                           "        properties:\n"
                           "            count:\n"
                           "                default: 1e+06\n"
                           "                type: integer\n"
                           "        type: object\n"
                           "      timeout: 1m30s\n"
                           "      steps:\n"
                           "        - id: s\n"
                           "          type: tool\n"
                           "          tool: t\n"
                           "          arguments:\n"
                           "            a: 1.5\n"
                           "            z: \"yes\"\n"
                           "compositeToolRefs:\n"
                           "    - name: d\n") != std::string::npos);
}

TEST_CASE("vMCP config: what thv-render does not convert yet is refused, naming the field") {
  CHECK(RunAt044(Vmcp("  outgoingAuth: {source: inline}\n"))
            .HasError("spec.outgoingAuth.source: static mode"));
  CHECK(RunAt044(Vmcp("  outgoingAuth:\n    source: discovered\n    backends:\n"
                      "      b: {type: externalAuthConfigRef, externalAuthConfigRef: {name: x}}\n"))
            .HasError("spec.outgoingAuth.backends.b: outgoing auth from an MCPExternalAuthConfig "
                      "is not supported at v0.44.0 yet"));
  // type discovered is the unauthenticated strategy (cv:676-680); the empty map is omitted.
  RenderRun discovered = RunAt044(Vmcp(
      "  outgoingAuth:\n    source: discovered\n    backends:\n      b: {type: discovered}\n"));
  REQUIRE(discovered.errors.empty());
  CHECK(ConfigYaml(discovered)
            .find("outgoingAuth:\n    source: discovered\n    backends:\n        b:\n"
                  "            type: unauthenticated\n") != std::string::npos);
}

}  // namespace t0_44_0
}  // namespace thv
