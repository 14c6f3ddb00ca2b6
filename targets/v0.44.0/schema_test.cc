// The v0.44.0 CRD tables schemagen compiles: served versions and their warnings, the CEL rules
// kept for the evaluator, maxProperties and the string formats, checked through validation.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/yaml_reader.h"
#include "model/schema_validate.h"
#include "targets/v0.44.0/target.h"

namespace thv {
namespace t0_44_0 {

namespace {

const CrdVersion* Crd(const std::string& kind, const std::string& version) {
  return FindCrd(kTarget, "toolhive.stacklok.dev/" + version, kind);
}

// Every rule on the tree under node, by path (a node reached twice counts twice, as a YAML walk
// over the CRD counts them).
void CollectRules(const SchemaNode& node, const std::string& path,
                  std::vector<std::pair<std::string, const SchemaRule*>>* out) {
  for (uint32_t i = 0; i < node.rule_count; ++i) out->emplace_back(path, &node.rules[i]);
  for (uint32_t i = 0; i < node.property_count; ++i)
    CollectRules(*node.properties[i].node, path + "." + node.properties[i].name, out);
  if (node.items) CollectRules(*node.items, path + "[]", out);
  if (node.additional_properties) CollectRules(*node.additional_properties, path + "{}", out);
}

std::vector<std::string> Validate(const std::string& kind, const std::string& yaml) {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("in.yaml", yaml, &docs, &diags));
  const CrdVersion* crd = Crd(kind, "v1alpha1");  // every kind serves it
  REQUIRE(crd != nullptr);
  ValidateAgainstSchema(*crd->schema, "in.yaml", &docs[0], {}, &diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items())
    out.push_back(d.path.empty() ? d.message : d.path + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("v0.44.0 tables: v1beta1 and the deprecated v1alpha1 share one schema") {
  int kinds = 0;
  for (const TargetKind* k = kTarget.kinds; k->kind; ++k) {
    CAPTURE(k->kind);
    if (std::string(k->kind) == kRegistryDataKind) {  // thv-render's own: its group, no warning
      const CrdVersion* own = FindCrd(kTarget, std::string(kRenderGroup) + "/v1alpha1", k->kind);
      REQUIRE(own != nullptr);
      CHECK(own->deprecation_warning == nullptr);
      continue;
    }
    ++kinds;
    const CrdVersion* alpha = Crd(k->kind, "v1alpha1");
    const CrdVersion* beta = Crd(k->kind, "v1beta1");
    REQUIRE(alpha != nullptr);
    if (std::string(k->kind) == "MCPWebhookConfig") {  // v1alpha1 only, and current
      CHECK(beta == nullptr);
      CHECK(alpha->deprecation_warning == nullptr);
      continue;
    }
    REQUIRE(beta != nullptr);
    CHECK(alpha->schema == beta->schema);
    REQUIRE(alpha->deprecation_warning != nullptr);
    if (std::string(k->kind) == "MCPRegistry") {
      CHECK(std::string(beta->deprecation_warning).rfind("MCPRegistry is deprecated", 0) == 0);
    } else {
      CHECK(std::string(alpha->deprecation_warning) ==
            "toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1");
      CHECK(beta->deprecation_warning == nullptr);
    }
  }
  CHECK(kinds == 14);
}

TEST_CASE("v0.44.0 tables: the CEL rules of the issue-18 kinds are kept, message and all") {
  std::map<std::string, int> per_kind;
  std::vector<std::pair<std::string, const SchemaRule*>> server;
  for (const char* kind :
       {"MCPServer", "MCPToolConfig", "MCPOIDCConfig", "MCPTelemetryConfig", "MCPAuthzConfig",
        "MCPExternalAuthConfig", "MCPWebhookConfig", "MCPGroup"}) {
    std::vector<std::pair<std::string, const SchemaRule*>> rules;
    CollectRules(*Crd(kind, "v1alpha1")->schema, "", &rules);
    per_kind[kind] = static_cast<int>(rules.size());
    for (const auto& [path, rule] : rules) CHECK(rule->message != nullptr);  // all have one
    if (std::string(kind) == "MCPServer") server = rules;
  }
  CHECK(per_kind == std::map<std::string, int>{{"MCPAuthzConfig", 0},
                                               {"MCPExternalAuthConfig", 23},
                                               {"MCPGroup", 0},
                                               {"MCPOIDCConfig", 2},
                                               {"MCPServer", 9},
                                               {"MCPTelemetryConfig", 1},
                                               {"MCPToolConfig", 0},
                                               {"MCPWebhookConfig", 1}});
  REQUIRE(server.size() == 9);
  CHECK(server[0].first == ".spec");
  CHECK(std::string(server[0].second->rule) ==
        "!(has(self.authzConfig) && has(self.authzConfigRef))");
  CHECK(std::string(server[0].second->message) ==
        "authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a "
        "shared MCPAuthzConfig");
  int tools_rules = 0;
  for (const auto& [path, rule] : server) tools_rules += path == ".spec.rateLimiting.tools[]";
  CHECK(tools_rules == 1);
}

TEST_CASE("v0.44.0 tables: maxProperties, and the uri and duration formats of webhooks") {
  std::string params;
  for (int i = 0; i < 17; ++i) params += "p" + std::to_string(i) + ": v\n            ";
  const std::string auth = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata: {name: a}
spec:
  type: embeddedAuthServer
  embeddedAuthServer:
    issuer: https://auth.example.com
    upstreamProviders:
      - name: up
        type: oauth2
        oauth2Config:
          clientId: c
          authorizationEndpoint: https://idp.example.com/authorize
          tokenEndpoint: https://idp.example.com/token
          additionalAuthorizationParams:
            )" + params + "\n";
  const std::string too_many =
      "spec.embeddedAuthServer.upstreamProviders[0].oauth2Config.additionalAuthorizationParams: "
      "Too many: 17: must have at most 16 items";
  bool found = false;
  for (const std::string& line : Validate("MCPExternalAuthConfig", auth))
    found = found || line == too_many;
  CHECK(found);

  const std::string webhook = R"(apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPWebhookConfig
metadata: {name: w}
spec:
  validating:
    - name: policy
      url: https://policy.example.com/validate
      timeout: 5s
    - name: bad
      url: policy.example.com/validate
      timeout: soon
)";
  CHECK(Validate("MCPWebhookConfig", webhook) ==
        std::vector<std::string>{
            "spec.validating[1].url: Invalid value: \"policy.example.com/validate\": must be of "
            "type uri",
            "spec.validating[1].timeout: Invalid value: \"soon\": must be of type duration",
            // Format errors are type errors to the API server, which then runs no CEL rules.
            "<nil>: Invalid value: null: some validation rules were not checked because the "
            "object was invalid; correct the existing errors to complete validation"});
}

}  // namespace t0_44_0
}  // namespace thv
