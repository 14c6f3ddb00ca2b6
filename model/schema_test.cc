#include "model/schema_validate.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/testing.h"
#include "core/yaml_reader.h"
#include "model/schema.h"
#include "targets/7002a239b/target.h"

namespace thv {
namespace {

// The validator is exercised with the 7002a239b CRDs.
const SchemaNode* FindCrdSchema(const std::string& kind) {
  for (const CrdVersion* c = t7002a239b::kCrds; c->kind; ++c)
    if (kind == c->kind) return c->schema;
  return nullptr;
}

const char kGithub[] = R"(apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: github
  namespace: toolhive-system
spec:
  image: ghcr.io/github/github-mcp-server
  transport: stdio
  port: 8080
  permissionProfile:
    type: builtin
    name: network
  secrets:
    - name: github-token
      key: token
      targetEnvName: GITHUB_PERSONAL_ACCESS_TOKEN
  env:
    - name: GITHUB_API_URL
      value: https://api.github.com
    - name: LOG_LEVEL
      value: info
  resources:
    limits:
      cpu: "200m"
      memory: "256Mi"
    requests:
      cpu: "100m"
      memory: "128Mi"
)";

struct Result {
  bool ok = false;
  Value doc;
  Diagnostics diags;

  // "path: message" of every diagnostic, for compact assertions.
  std::vector<std::string> Lines() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items()) out.push_back(d.path + ": " + d.message);
    return out;
  }
  bool Has(const std::string& line) const {
    for (const std::string& l : Lines())
      if (l == line) return true;
    return false;
  }
};

Result Validate(const std::string& kind, const std::string& yaml, bool strict = false) {
  Result r;
  std::vector<Value> docs;
  REQUIRE(ReadYamlDocuments("in.yaml", yaml, &docs, &r.diags));
  REQUIRE(docs.size() == 1);
  r.doc = std::move(docs[0]);
  const SchemaNode* schema = FindCrdSchema(kind);
  REQUIRE(schema != nullptr);
  SchemaOptions opts;
  opts.strict = strict;
  r.ok = ValidateAgainstSchema(*schema, "in.yaml", &r.doc, opts, &r.diags);
  return r;
}

std::string Server(const std::string& spec_lines) {
  return "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: s\n"
         "spec:\n  image: img\n" +
         spec_lines;
}

std::string Registry(const std::string& spec_lines) {
  return "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\nmetadata:\n  name: r\n"
         "spec:\n" +
         spec_lines;
}

TEST_CASE("the 7002a239b CRD table knows the three kinds") {
  CHECK(FindCrdSchema("MCPServer") != nullptr);
  CHECK(FindCrdSchema("MCPRegistry") != nullptr);
  CHECK(FindCrdSchema("MCPToolConfig") != nullptr);
  CHECK(FindCrdSchema("Deployment") == nullptr);
  const SchemaNode* spec = FindSchemaProperty(*FindCrdSchema("MCPServer"), "spec");
  REQUIRE(spec != nullptr);
  CHECK(FindSchemaProperty(*spec, "image") != nullptr);
  CHECK(FindSchemaProperty(*spec, "nope") == nullptr);
}

TEST_CASE("valid MCPServer passes and gets defaults") {
  Result r = Validate("MCPServer", kGithub);
  CHECK(r.ok);
  CHECK(r.diags.items().empty());
  const Value& spec = *r.doc.Find("spec");
  CHECK(spec.Find("transport")->text == "stdio");
  CHECK(spec.Find("port")->IsInt());
  CHECK(spec.Find("port")->text == "8080");
  CHECK(spec.Find("proxyMode")->text == "sse");
  CHECK(spec.Find("permissionProfile")->Find("type")->text == "builtin");
  CHECK(spec.Find("image")->mark.line == 7);  // positions survive
  CHECK(r.doc.Find("metadata")->Find("name")->text == "github");
}

TEST_CASE("defaults fill absent fields only") {
  Result r = Validate("MCPServer", Server("  permissionProfile:\n    name: network\n"));
  CHECK(r.ok);
  const Value& spec = *r.doc.Find("spec");
  CHECK(spec.Find("transport")->text == "stdio");
  CHECK(spec.Find("port")->text == "8080");
  CHECK(spec.Find("proxyMode")->text == "sse");
  CHECK(spec.Find("permissionProfile")->Find("type")->text == "builtin");
  CHECK(spec.Find("permissionProfile")->Find("name")->text == "network");
  // Optional objects are not created just to hold defaults.
  CHECK(spec.Find("telemetry") == nullptr);
}

TEST_CASE("null for a non-nullable field is dropped, then defaulted") {
  Result r = Validate("MCPServer", Server("  transport: null\n  args: null\n"));
  CHECK(r.ok);
  const Value& spec = *r.doc.Find("spec");
  CHECK(spec.Find("transport")->text == "stdio");
  CHECK(spec.Find("args") == nullptr);
}

TEST_CASE("podTemplateSpec container port protocol defaults to TCP") {
  Result r = Validate("MCPServer", Server(R"(  podTemplateSpec:
    spec:
      containers:
        - name: mcp
          ports:
            - containerPort: 9000
)"));
  CHECK(r.ok);
  const Value& port = r.doc.Find("spec")
                          ->Find("podTemplateSpec")
                          ->Find("spec")
                          ->Find("containers")
                          ->items[0]
                          .Find("ports")
                          ->items[0];
  CHECK(port.Find("protocol")->text == "TCP");
}

TEST_CASE("podTemplateSpec.metadata keeps labels and annotations") {
  // Deliberate deviation: a real API server prunes them (bare `type: object` in the CRD).
  Result r = Validate("MCPServer", Server("  podTemplateSpec:\n    metadata:\n"
                                          "      annotations: {vault.hashicorp.com/agent-inject: "
                                          "\"true\"}\n      labels: {a: b}\n"));
  CHECK(r.ok);
  CHECK(r.diags.items().empty());
  const Value& meta = *r.doc.Find("spec")->Find("podTemplateSpec")->Find("metadata");
  CHECK(meta.Find("annotations")->Find("vault.hashicorp.com/agent-inject")->text == "true");
  CHECK(meta.Find("labels") != nullptr);
}

TEST_CASE("missing image is Required value at the spec mark") {
  Result r = Validate("MCPServer",
                      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\n"
                      "metadata:\n  name: s\nspec:\n  transport: stdio\n");
  CHECK_FALSE(r.ok);
  REQUIRE(r.diags.items().size() == 1);
  const Diagnostic& d = r.diags.items()[0];
  CHECK(d.path == "spec.image");
  CHECK(d.message == "Required value");
  CHECK(d.file == "in.yaml");
  CHECK(d.mark.line == 6);  // spec's value starts on the line after "spec:"
}

TEST_CASE("bad enum lists supported values") {
  Result r = Validate("MCPServer", Server("  transport: tcp\n"));
  CHECK_FALSE(r.ok);
  CHECK(
      r.Has("spec.transport: Unsupported value: \"tcp\": supported values: \"stdio\", "
            "\"streamable-http\", \"sse\""));
  CHECK(r.diags.items()[0].mark.line == 7);
}

TEST_CASE("port bounds and type") {
  CHECK(Validate("MCPServer", Server("  port: 0\n"))
            .Has("spec.port: Invalid value: 0: must be greater than or equal to 1"));
  CHECK(Validate("MCPServer", Server("  port: 70000\n"))
            .Has("spec.port: Invalid value: 70000: must be less than or equal to 65535"));
  Result quoted = Validate("MCPServer", Server("  port: \"8080\"\n"));
  CHECK_FALSE(quoted.ok);
  CHECK(quoted.Has("spec.port: Invalid value: \"string\": must be of type integer"));
  CHECK(Validate("MCPServer", Server("  port: 8080.5\n"))
            .Has("spec.port: Invalid value: \"number\": must be of type integer"));
  CHECK(Validate("MCPServer", Server("  port: 65535\n")).ok);
}

TEST_CASE("unknown fields: warning and pruned; strict makes them errors") {
  Result lax = Validate("MCPServer", Server("  foo: 1\n  secrets:\n    - name: a\n      key: b\n"
                                            "      bogus: x\n"));
  CHECK(lax.ok);
  REQUIRE(lax.diags.items().size() == 2);
  CHECK(lax.diags.items()[0].severity == Severity::kWarning);
  CHECK(lax.Has("spec.foo: unknown field \"spec.foo\""));
  CHECK(lax.Has("spec.secrets[0].bogus: unknown field \"spec.secrets[0].bogus\""));
  CHECK(lax.diags.items()[0].mark.line == 7);  // the key's position
  CHECK(lax.doc.Find("spec")->Find("foo") == nullptr);
  CHECK(lax.doc.Find("spec")->Find("secrets")->items[0].Find("bogus") == nullptr);

  Result strict = Validate("MCPServer", Server("  foo: 1\n"), true);
  CHECK_FALSE(strict.ok);
  REQUIRE(strict.diags.items().size() == 1);
  CHECK(strict.diags.items()[0].severity == Severity::kError);
  CHECK(strict.doc.Find("spec")->Find("foo") == nullptr);
}

TEST_CASE("root: metadata and status are left to others; apiVersion and kind accepted") {
  Result r = Validate("MCPServer", Server("") + "status:\n  phase: Bogus\n  whatever: 1\n");
  CHECK(r.ok);
  CHECK(r.diags.items().empty());
  CHECK(r.doc.Find("status")->Find("whatever") != nullptr);
  Result top = Validate("MCPServer", Server("") + "extra: 1\n");
  CHECK(top.Has("extra: unknown field \"extra\""));
}

TEST_CASE("nested podTemplateSpec errors carry full paths") {
  Result r = Validate("MCPServer", Server(R"(  podTemplateSpec:
    spec:
      containers:
        - name: mcp
          ports:
            - containerPort: 80
            - containerPort: 80
              protocol: TCP
            - containerPort: 80
              protocol: UDP
          resources:
            limits:
              cpu: lots
        - image: x
      securityContext:
        runAsUser: "root"
)"));
  CHECK_FALSE(r.ok);
  const std::string p = "spec.podTemplateSpec.spec.";
  CHECK(r.Has(p + "containers[0].ports[1]: Duplicate value: {\"containerPort\":80,"
                  "\"protocol\":\"TCP\"}"));
  CHECK(r.Has(p + "containers[0].resources.limits.cpu: Invalid value: \"lots\": should match "
                  "'^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE]"
                  "(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$'"));
  CHECK(r.Has(p + "containers[1].name: Required value"));
  CHECK(r.Has(p + "securityContext.runAsUser: Invalid value: \"string\": must be of type "
                  "integer"));
  CHECK(r.Lines().size() == 4);
}

TEST_CASE("list-map names, sets and int32") {
  Result r = Validate("MCPServer", Server(R"(  podTemplateSpec:
    spec:
      terminationGracePeriodSeconds: 5000000000
      securityContext:
        runAsUser: 5000000000
      containers:
        - name: a
          restartPolicyRules:
            - action: Restart
              exitCodes: {operator: In, values: [1, 2, 1]}
        - name: a
)"));
  CHECK_FALSE(r.ok);
  const std::string p = "spec.podTemplateSpec.spec.";
  CHECK(r.Has(p + "containers[1]: Duplicate value: {\"name\":\"a\"}"));
  CHECK(r.Has(p + "containers[0].restartPolicyRules[0].exitCodes.values[2]: Duplicate value: 1"));
  CHECK(r.Lines().size() == 2);  // int64 fields (runAsUser) take values beyond int32
  Result i32 = Validate("MCPServer", Server("  targetPort: 5000000000\n"));
  CHECK(i32.Has("spec.targetPort: Invalid value: 5000000000: must be of type int32"));
}

TEST_CASE("int-or-string accepts both, rejects others") {
  auto probe = [](const std::string& port) {
    return Validate("MCPServer", Server(R"(  podTemplateSpec:
    spec:
      containers:
        - name: mcp
          livenessProbe:
            httpGet:
              port: )" + port + "\n"));
  };
  CHECK(probe("8080").ok);
  CHECK(probe("http").ok);
  CHECK(probe("true").Has(
      "spec.podTemplateSpec.spec.containers[0].livenessProbe.httpGet.port: Invalid value: "
      "\"boolean\": must be of type integer or string"));
  // Quantities are int-or-string too; integers skip the string pattern.
  Result q = Validate("MCPServer", Server("  podTemplateSpec:\n    spec:\n      containers:\n"
                                          "        - name: m\n          resources:\n"
                                          "            limits:\n              cpu: 2\n"
                                          "              memory: 1.5Gi\n"));
  CHECK(q.ok);
}

TEST_CASE("MCPRegistry patterns") {
  const std::string git = "  source:\n    type: git\n    git:\n      repository: ";
  CHECK(Validate("MCPRegistry", Registry(git + "https://github.com/stacklok/toolhive\n")).ok);
  Result bad = Validate("MCPRegistry", Registry(git + "ftp://example.com/x\n"));
  CHECK(
      bad.Has("spec.source.git.repository: Invalid value: \"ftp://example.com/x\": should "
              "match '^(https?://|git@|ssh://|git://|file://).*'"));
  // git.path defaults to registry.json.
  CHECK(Validate("MCPRegistry", Registry(git + "git@github.com:a/b\n"))
            .doc.Find("spec")
            ->Find("source")
            ->Find("git")
            ->Find("path")
            ->text == "registry.json");

  const std::string source = "  source:\n    type: configmap\n    configmap:\n      name: c\n";
  auto interval = [&](const std::string& i) {
    return Validate("MCPRegistry", Registry(source + "  syncPolicy:\n    interval: " + i + "\n"));
  };
  CHECK(interval("1h").ok);
  CHECK(interval("1h30m").ok);
  CHECK(interval("500µs").ok);
  CHECK(interval("1.5s").ok);
  Result days = interval("1d");
  CHECK_FALSE(days.ok);
  CHECK(
      days.Has("spec.syncPolicy.interval: Invalid value: \"1d\": should match "
               "'^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$'"));
  CHECK_FALSE(interval("\"\"").ok);
  // configmap.key defaults; source.type defaults when absent.
  Result r = Validate("MCPRegistry", Registry("  source:\n    configmap:\n      name: c\n"));
  CHECK(r.ok);
  CHECK(r.doc.Find("spec")->Find("source")->Find("type")->text == "configmap");
  CHECK(r.doc.Find("spec")->Find("source")->Find("configmap")->Find("key")->text ==
        "registry.json");
}

TEST_CASE("minLength counts code points") {
  const std::string head = "  source:\n    type: configmap\n    configmap:\n      name: ";
  CHECK(Validate("MCPRegistry", Registry(head + "\"\"\n"))
            .Has("spec.source.configmap.name: Invalid value: \"\": should be at least 1 chars "
                 "long"));
  CHECK(Validate("MCPRegistry", Registry(head + "µ\n")).ok);
}

TEST_CASE("MCPToolConfig toolsOverride map values are validated") {
  const std::string head =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPToolConfig\nmetadata:\n  name: t\n"
      "spec:\n  toolsFilter: [a, b]\n  toolsOverride:\n";
  Result ok = Validate("MCPToolConfig", head +
                                            "    fetch:\n      name: get\n"
                                            "      description: Gets\n");
  CHECK(ok.ok);
  CHECK(ok.diags.items().empty());
  Result bad = Validate("MCPToolConfig", head + "    fetch:\n      name: 3\n      color: red\n");
  CHECK_FALSE(bad.ok);
  CHECK(
      bad.Has("spec.toolsOverride.fetch.name: Invalid value: \"integer\": must be of type "
              "string"));
  CHECK(
      bad.Has("spec.toolsOverride.fetch.color: unknown field \"spec.toolsOverride.fetch.color\""));
  CHECK(bad.doc.Find("spec")->Find("toolsOverride")->Find("fetch")->Find("color") == nullptr);
  CHECK(Validate("MCPToolConfig", head + "    fetch: hello\n")
            .Has("spec.toolsOverride.fetch: Invalid value: \"string\": must be of type object"));
}

TEST_CASE("validating a typical MCPServer costs microseconds") {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("in.yaml", kGithub, &docs, &diags));
  const SchemaNode& schema = *FindCrdSchema("MCPServer");
  Value warm = docs[0];
  ValidateAgainstSchema(schema, "in.yaml", &warm, {}, &diags);  // compile patterns once
  const int kRuns = 200;
  std::vector<Value> copies(kRuns, docs[0]);
  const double start = ProcessCpuMillis();
  for (Value& doc : copies) ValidateAgainstSchema(schema, "in.yaml", &doc, {}, &diags);
  const double us = (ProcessCpuMillis() - start) * 1000 / kRuns;
  MESSAGE("validate MCPServer: " << us << " us");
  CHECK(us < 1000);  // generous: sanitizer and debug builds
  CHECK_FALSE(diags.HasErrors());
}

}  // namespace
}  // namespace thv
