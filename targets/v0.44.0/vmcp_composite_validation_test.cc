// ValidateCompositeToolConfig (pkg/vmcp/config/composite_validation.go at v0.44.0): every
// expectation is what the Go function returned for the same tool (a dev-only oracle built from
// the tag's composite_validation.go and pkg/templates with Go's text/template; 59 cases, all
// equal but for the step a dependency cycle is reported at, which Go takes from a map).
#include "targets/v0.44.0/vmcp_composite_validation.h"

#include <doctest/doctest.h>

#include <functional>

#include "core/json_parse.h"
#include "core/value_builder.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

// A valid tool using every kind of step, a skippable step with defaults, and an output.
const char kBase[] = R"({"name":"deploy","description":"Deploy",
 "parameters":{"type":"object","properties":{"env":{"type":"string"}}},
 "steps":[{"id":"fetch","tool":"github.get_repo","arguments":{"repo":"{{.params.repo}}"}},
  {"id":"check","tool":"ci_status","dependsOn":["fetch"],"condition":"{{.steps.fetch.output.ok}}",
   "defaultResults":{"status":"unknown"}},
  {"id":"ask","type":"elicitation","message":"Proceed with {{.steps.check.output.status}}?",
   "dependsOn":["check"],"onDecline":{"action":"abort"},"onCancel":{"action":"skip_remaining"}},
  {"id":"each","type":"forEach","collection":"{{json .params.items}}","itemVar":"item",
   "maxParallel":5,"maxIterations":10,"step":{"tool":"notify","arguments":{"to":"{{.item}}"}}}],
 "output":{"properties":{"status":{"type":"string","description":"s",
   "value":"{{.steps.check.output.status}}"}}}})";

Value& Step(Value& tool, size_t i) { return tool.Find("steps")->items[i]; }
Value& Status(Value& tool) { return *tool.Find("output")->Find("properties")->Find("status"); }

struct Case {
  std::function<void(Value&)> change;
  const char* error;
};

const Case kCases[] = {
    {[](Value&) {}, ""},
    {[](Value& t) { t.Set("steps", Value::Sequence()); },
     "validation failed: spec.steps must have at least one step"},
    {[](Value& t) { t.Erase("name"), t.Erase("description"); },
     "validation failed: spec.name is required; spec.description is required"},
    {[](Value& t) { t.Set("timeout", Str("-5s")); },
     "validation failed: spec.timeout cannot be negative"},
    {[](Value& t) {
       t.Set("parameters", Obj({{"type", Int(3)}}));
     },
     "validation failed: spec.parameters: 'type' field must be a string"},
    {[](Value& t) { Step(t, 1).Set("id", Str("")); },
     "validation failed: spec.steps[1].id is required"},
    // Both checks run: the duplicated id, and then the defaults of the skippable "fetch".
    {[](Value& t) { Step(t, 1).Set("id", Str("fetch")); },
     "validation failed: spec.steps[1].id \"fetch\" is duplicated; "
     "spec.steps[fetch].defaultResults[ok] is required: step \"fetch\" may be skipped and field "
     "\"ok\" is referenced by step fetch"},
    {[](Value& t) { Step(t, 0).Set("message", Str("hi")); },
     "validation failed: spec.steps[0] cannot have both tool and message fields - use explicit "
     "type to clarify intent"},
    {[](Value& t) { Step(t, 0).Erase("tool"); },
     "validation failed: spec.steps[0].tool is required when type is tool"},
    {[](Value& t) { Step(t, 0).Set("tool", Str("a b")); },
     "validation failed: spec.steps[0].tool must be a valid tool name"},
    {[](Value& t) { Step(t, 3).Set("tool", Str("x")); },
     "validation failed: spec.steps[3]: forEach step must not have 'tool' field"},
    {[](Value& t) { Step(t, 3).Set("collection", Str("{{.x")); },
     "validation failed: spec.steps[3].collection: invalid template: invalid template syntax: "
     "template: validation:1: unclosed action"},
    {[](Value& t) { Step(t, 3).Find("step")->Set("type", Str("elicitation")); },
     "validation failed: spec.steps[3].step.type must be 'tool' (got \"elicitation\"); only tool "
     "inner steps are supported"},
    {[](Value& t) {
       Step(t, 3).Find("step")->Set("arguments", Obj({{"to", Str("{{ foo }}")}}));
     },
     "validation failed: spec.steps[3].step.arguments[to]: invalid template: invalid template "
     "syntax: template: validation:1: function \"foo\" not defined"},
    {[](Value& t) { Step(t, 3).Set("itemVar", Str("1x")); },
     "validation failed: spec.steps[3].itemVar must be a valid Go identifier (got \"1x\")"},
    {[](Value& t) { Step(t, 3).Set("maxParallel", Int(51)); },
     "validation failed: spec.steps[3].maxParallel must be <= 50 (got 51)"},
    // An unparsable template is reported twice: by the template check and by the defaults
    // check, which parses it again under the name "extract".
    {[](Value& t) { Step(t, 1).Set("condition", Str("{{if}}")); },
     "validation failed: spec.steps[1].condition: invalid template: invalid template syntax: "
     "template: validation:1: missing value for if; failed to extract step references from step "
     "check: template: extract:1: missing value for if"},
    {[](Value& t) { Step(t, 1).Set("dependsOn", StrList({"nope"})); },
     "validation failed: spec.steps[1].dependsOn references unknown step \"nope\""},
    {[](Value& t) {
       Step(t, 0).Set("onError", Obj({{"action", Str("retry")}}));
     },
     "validation failed: spec.steps[0].onError.retryCount must be at least 1 when action is retry"},
    {[](Value& t) { Step(t, 2).Set("onDecline", Value::Mapping()); },
     "validation failed: spec.steps[2].onDecline.action is required"},
    {[](Value& t) {
       Step(t, 2).Set("onCancel", Obj({{"action", Str("maybe")}}));
     },
     "validation failed: spec.steps[2].onCancel.action must be one of: abort, continue, "
     "skip_remaining"},
    // Go starts the search at a step taken from a map; here at the first in order.
    {[](Value& t) { Step(t, 0).Set("dependsOn", StrList({"ask"})); },
     "validation failed: spec.steps: dependency cycle detected involving step \"fetch\""},
    {[](Value& t) { Step(t, 1).Erase("defaultResults"); },
     "validation failed: spec.steps[check].defaultResults[status] is required: step \"check\" may "
     "be skipped and field \"status\" is referenced by step ask"},
    {[](Value& t) { Status(t).Set("value", Str("{{.steps.check.output.code}}")); },
     "validation failed: spec.steps[check].defaultResults[code] is required: step \"check\" may "
     "be skipped and field \"code\" is referenced by output"},
    {[](Value& t) { Status(t).Set("value", Str("{{.steps.check.output")); },
     "validation failed: failed to extract step references from output: template: extract:1: "
     "unclosed action"},
    // A chain ((.steps).check...) and a variable ($.steps...) are not field references.
    {[](Value& t) {
       Step(t, 0).Set("arguments", Obj({{"a", Str("{{(.steps).check.output.z}}")},
                                        {"b", Str("{{$.steps.check.output.z}}")}}));
     },
     ""},
    {[](Value& t) {
       Step(t, 0).Set("arguments", Obj({{"a", Str("{{.steps.check.output.zzz.more}}")}}));
     },
     "validation failed: spec.steps[check].defaultResults[zzz] is required: step \"check\" may "
     "be skipped and field \"zzz\" is referenced by step fetch"},
    {[](Value& t) { Step(t, 0).Set("id", Str("")), t.Erase("description"); },
     "validation failed: spec.description is required; spec.steps[0].id is required"},
};

}  // namespace

TEST_CASE("vMCP composite tools: ValidateCompositeToolConfig's verdict, word for word") {
  Value base;
  JsonSyntaxError err;
  REQUIRE(ParseJson(kBase, &base, &err));
  for (size_t i = 0; i < sizeof kCases / sizeof *kCases; ++i) {
    CAPTURE(i);
    Value tool = base;
    kCases[i].change(tool);
    CHECK(ValidateCompositeTool("spec", tool) == kCases[i].error);
  }
}

TEST_CASE("vMCP composite tools: inline ones refuse the VirtualMCPServer, referenced ones warn") {
  // VirtualMCPServer.Validate stops at the first tool that fails (virtualmcpserver_types.go).
  CHECK(RunAt044(VirtualServerDoc(R"(  config:
    compositeTools:
    - {name: a, description: A, steps: [{id: s, tool: t}]}
    - {name: b, steps: [{id: s, tool: t}]}
)"))
            .HasError("spec.config.compositeTools[1]: validation failed: "
                      "spec.config.compositeTools[1].description is required (Valid=False); the "
                      "operator (v0.44.0) creates nothing for the VirtualMCPServer"));
  CHECK(RunAt044(VirtualServerDoc(R"(  config:
    compositeTools:
    - {name: a, description: A, steps: [{id: s, tool: t}]}
    - {name: a, description: A, steps: [{id: s, tool: t}]}
)"))
            .HasError("spec.config.compositeTools[1].name: spec.config.compositeTools[1].name "
                      "\"a\" is duplicated"));
  // A definition is not validated by the operator: the objects are rendered, with a warning
  // naming the index vmcp reports (after the inline tools).
  const char kDefinition[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: VirtualMCPCompositeToolDefinition
metadata: {name: d, namespace: ns}
spec: {name: deploy, description: D, steps: [{id: s, tool: t, onError: {action: retry}}]}
---
)";
  RenderRun r = RunAt044(VirtualServerDoc(R"(  config:
    compositeTools: [{name: a, description: A, steps: [{id: s, tool: t}]}]
    compositeToolRefs: [{name: d}]
)",
                                          kDefinition));
  REQUIRE(r.errors.empty());
  CHECK(r.Find("Deployment", "v"));
  CHECK(
      r.HasWarning("spec.config.compositeToolRefs[0].name: VirtualMCPCompositeToolDefinition "
                   "d (test.yaml:5) is not valid, which the operator (v0.44.0) does not check; "
                   "vmcp refuses the config at start-up: validation failed: "
                   "compositeTools[1].steps[0].onError.retryCount must be at least 1 when "
                   "action is retry"));
  // One whose status says Invalid (a cluster's export) is refused by the controller.
  const std::string invalid =
      std::string(kDefinition)
          .insert(std::string(kDefinition).find("---"),
                  "status: {validationStatus: Invalid, validationErrors: [bad step]}\n");
  CHECK(RunAt044(VirtualServerDoc("  config:\n    compositeToolRefs: [{name: d}]\n", invalid))
            .HasError("spec.config.compositeToolRefs[0].name: Referenced "
                      "VirtualMCPCompositeToolDefinition d is invalid: bad step "
                      "(CompositeToolRefsValidated=False)"));
}

}  // namespace t0_44_0
}  // namespace thv
