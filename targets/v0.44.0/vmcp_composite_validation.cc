#include "targets/v0.44.0/vmcp_composite_validation.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "core/go_yaml.h"
#include "model/decode.h"
#include "model/go_template.h"
#include "model/names.h"

namespace thv {
namespace t0_44_0 {

namespace {

// Composite tool templates may call these besides Go's builtins (pkg/templates/funcs.go).
const std::set<std::string>& TemplateFuncs() {
  static const std::set<std::string> kFuncs = {"json", "quote", "fromJson"};
  return kFuncs;
}

// ValidateTemplate (cv:699-705).
std::string TemplateError(const std::string& text) {
  const std::string e = ParseGoTemplate("validation", text, TemplateFuncs()).error;
  return e.empty() ? "" : "invalid template syntax: " + e;
}

std::string Quoted(const std::string& s) { return GoQuote(s); }

// A thvjson.Map's members in sorted key order (Go ranges over the map).
std::vector<const Member*> SortedMembers(const Value* map) {
  std::vector<const Member*> out;
  if (!map || !map->IsMapping()) return out;
  for (const Member& m : map->members) out.push_back(&m);
  std::sort(out.begin(), out.end(),
            [](const Member* a, const Member* b) { return a->key < b->key; });
  return out;
}
bool IsEmptyMap(const Value* v) { return !v || v->IsNull() || v->IsEmpty(); }

// IsValidToolReference (cv:734-742): ^[a-zA-Z0-9][a-zA-Z0-9._-]*$.
bool ValidToolReference(const std::string& tool) {
  if (tool.empty() || !std::isalnum(static_cast<unsigned char>(tool[0]))) return false;
  return std::all_of(tool.begin(), tool.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}
// isValidGoIdentifier (cv:350-355).
bool GoIdentifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::string TypeOf(const Value& step) {
  const std::string type = GetString(step, "type");
  return type.empty() ? "tool" : type;
}

// ValidateParameters (cv:95-130), without the gojsonschema pass.
std::string ParametersError(const std::string& prefix, const Value* params) {
  if (IsEmptyMap(params) || !params->IsMapping()) return "";
  const Value* type = params->Find("type");
  if (!type)
    return prefix + ".parameters: must have 'type' field (should be 'object' for JSON Schema)";
  if (!type->IsString()) return prefix + ".parameters: 'type' field must be a string";
  if (type->text != "object")
    return prefix + ".parameters: 'type' must be 'object' (got '" + type->text + "')";
  return "";
}

class StepChecker {
 public:
  explicit StepChecker(const std::string& prefix) : p_(prefix) {}

  // ValidateWorkflowSteps (cv:133-158).
  std::string Steps(const Value& steps) {
    std::set<std::string> ids;
    for (size_t i = 0; i < steps.items.size(); ++i) {
      const std::string id = GetString(steps.items[i], "id");
      if (id.empty()) return At(i) + ".id is required";
      if (!ids.insert(id).second) return At(i) + ".id " + Quoted(id) + " is duplicated";
    }
    for (size_t i = 0; i < steps.items.size(); ++i)
      if (std::string e = Step(i, steps.items[i], ids); !e.empty()) return e;
    return Cycles(steps);
  }

 private:
  std::string At(size_t i) const { return p_ + "[" + std::to_string(i) + "]"; }

  // ValidateWorkflowStep (cv:161-203).
  std::string Step(size_t i, const Value& step, const std::set<std::string>& ids) {
    if (std::string e = Type(i, step); !e.empty()) return e;
    if (std::string e = Templates(i, step); !e.empty()) return e;
    for (const std::string& dep : GetStrings(step, "dependsOn"))
      if (!ids.count(dep)) return At(i) + ".dependsOn references unknown step " + Quoted(dep);
    if (const Value* on_error = GetObject(step, "onError")) {
      const std::string action = GetString(*on_error, "action");
      if (!action.empty() && action != "abort" && action != "continue" && action != "retry")
        return At(i) + ".onError.action must be one of: abort, continue, retry";
      if (action == "retry" && GetInt(*on_error, "retryCount") < 1)
        return At(i) + ".onError.retryCount must be at least 1 when action is retry";
    }
    if (TypeOf(step) != "elicitation") return "";
    for (const char* handler : {"onDecline", "onCancel"}) {
      const Value* h = GetObject(step, handler);
      if (!h) continue;
      const std::string action = GetString(*h, "action");
      if (action.empty()) return At(i) + "." + handler + ".action is required";
      if (action != "abort" && action != "continue" && action != "skip_remaining")
        return At(i) + "." + handler + ".action must be one of: abort, continue, skip_remaining";
    }
    return "";
  }

  // ValidateStepType (cv:206-248) and ValidateForEachStep (cv:254-347).
  std::string Type(size_t i, const Value& step) {
    const std::string tool = GetString(step, "tool"), message = GetString(step, "message");
    if (GetString(step, "type").empty() && !tool.empty() && !message.empty())
      return At(i) +
             " cannot have both tool and message fields - use explicit type to clarify intent";
    const std::string type = TypeOf(step);
    if (type != "tool" && type != "elicitation" && type != "forEach")
      return At(i) + ".type must be one of: tool, elicitation, forEach";
    if (type == "tool") {
      if (tool.empty()) return At(i) + ".tool is required when type is tool";
      if (!ValidToolReference(tool)) return At(i) + ".tool must be a valid tool name";
    }
    if (type == "elicitation" && message.empty())
      return At(i) + ".message is required when type is elicitation";
    if (type != "forEach") return "";
    if (!tool.empty()) return At(i) + ": forEach step must not have 'tool' field";
    if (!message.empty()) return At(i) + ": forEach step must not have 'message' field";
    const std::string collection = GetString(step, "collection");
    if (collection.empty()) return At(i) + ".collection is required for forEach steps";
    if (std::string e = TemplateError(collection); !e.empty())
      return At(i) + ".collection: invalid template: " + e;
    const Value* inner = GetObject(step, "step");
    if (!inner) return At(i) + ".step is required for forEach steps";
    if (const std::string t = TypeOf(*inner); t != "tool")
      return At(i) + ".step.type must be 'tool' (got " + Quoted(t) +
             "); only tool inner steps are supported";
    const std::string inner_tool = GetString(*inner, "tool");
    if (inner_tool.empty()) return At(i) + ".step.tool is required for tool inner steps";
    if (!ValidToolReference(inner_tool)) return At(i) + ".step.tool must be a valid tool name";
    if (std::string e = Arguments(At(i) + ".step.arguments", inner->Find("arguments")); !e.empty())
      return e;
    const std::string item_var = GetString(step, "itemVar");
    if (!item_var.empty() && !GoIdentifier(item_var))
      return At(i) + ".itemVar must be a valid Go identifier (got " + Quoted(item_var) + ")";
    if (item_var == "index") return At(i) + ".itemVar cannot be 'index' (reserved)";
    const int64_t parallel = GetInt(step, "maxParallel"),
                  iterations = GetInt(step, "maxIterations");
    if (parallel < 0) return At(i) + ".maxParallel must be non-negative";
    if (parallel > 50)
      return At(i) + ".maxParallel must be <= 50 (got " + std::to_string(parallel) + ")";
    if (iterations < 0) return At(i) + ".maxIterations must be non-negative";
    if (iterations > 1000)
      return At(i) + ".maxIterations must be <= 1000 (got " + std::to_string(iterations) + ")";
    return "";
  }

  // The string arguments must be templates (cv:302-314, 360-372).
  static std::string Arguments(const std::string& at, const Value* args) {
    for (const Member* m : SortedMembers(args)) {
      if (!m->value.IsString()) continue;
      if (std::string e = TemplateError(m->value.text); !e.empty())
        return at + "[" + m->key + "]: invalid template: " + e;
    }
    return "";
  }

  // ValidateStepTemplates (cv:358-400), without the schema's gojsonschema pass.
  std::string Templates(size_t i, const Value& step) {
    if (std::string e = Arguments(At(i) + ".arguments", step.Find("arguments")); !e.empty())
      return e;
    for (const char* field : {"condition", "message"}) {
      const std::string text = GetString(step, field);
      if (text.empty()) continue;
      if (std::string e = TemplateError(text); !e.empty())
        return At(i) + "." + field + ": invalid template: " + e;
    }
    return "";
  }

  // ValidateDependencyCycles (cv:457-496): a depth-first search from each step in turn.
  std::string Cycles(const Value& steps) {
    std::map<std::string, std::vector<std::string>> graph;
    std::vector<std::string> order;
    for (const Value& s : steps.items) {
      order.push_back(GetString(s, "id"));
      graph[order.back()] = GetStrings(s, "dependsOn");
    }
    std::set<std::string> visited, stack;
    std::function<bool(const std::string&)> cycle = [&](const std::string& id) {
      visited.insert(id);
      stack.insert(id);
      for (const std::string& dep : graph[id]) {
        if (!visited.count(dep)) {
          if (cycle(dep)) return true;
        } else if (stack.count(dep)) {
          return true;
        }
      }
      stack.erase(id);
      return false;
    };
    for (const std::string& id : order)
      if (!visited.count(id) && cycle(id))
        return p_ + ": dependency cycle detected involving step " + Quoted(id);
    return "";
  }

  const std::string p_;
};

// A reference to a step's output field: {step, field} (cv:498-502).
using FieldRef = std::pair<std::string, std::string>;

// extractStepFieldRefsFromTemplate (cv:661-681): .steps.<id>.output.<field>...; false and
// *error when the template does not parse (template name "extract", pkg/templates).
bool StepRefs(const std::string& text, std::vector<FieldRef>* refs, std::string* error) {
  const GoTemplateParse parsed = ParseGoTemplate("extract", text, TemplateFuncs());
  if (!parsed.error.empty()) {
    *error = parsed.error;
    return false;
  }
  for (const std::string& f : parsed.fields) {
    if (f.rfind(".steps.", 0) != 0) continue;
    std::vector<std::string> parts;  // strings.SplitN(f, ".", 6)
    size_t start = 0;
    while (parts.size() < 5) {
      const size_t dot = f.find('.', start);
      if (dot == std::string::npos) break;
      parts.push_back(f.substr(start, dot - start));
      start = dot + 1;
    }
    parts.push_back(f.substr(start));
    if (parts.size() >= 5 && parts[3] == "output") {
      const FieldRef ref{parts[2], parts[4]};
      if (std::find(refs->begin(), refs->end(), ref) == refs->end()) refs->push_back(ref);
    }
  }
  return true;
}

// The output properties' values, nested ones after their parent (cv:631-658).
bool OutputRefs(const Value* properties, std::vector<FieldRef>* refs, std::string* error) {
  for (const Member* m : SortedMembers(properties)) {
    const std::string value = GetString(m->value, "value");
    if (!value.empty() && !StepRefs(value, refs, error)) return false;
    if (!OutputRefs(m->value.Find("properties"), refs, error)) return false;
  }
  return true;
}

// ValidateDefaultResultsForSteps (cv:509-579): a step that may be skipped (a condition, or
// onError continue) needs a default for every output field another step or the output reads.
std::string DefaultResultsError(const std::string& p, const Value& steps, const Value* output) {
  std::map<std::string, std::set<std::string>> defaults;  // skippable step -> defaulted fields
  for (const Value& s : steps.items) {
    const Value* on_error = GetObject(s, "onError");
    const bool skippable = !GetString(s, "condition").empty() ||
                           (on_error && GetString(*on_error, "action") == "continue");
    if (!skippable) continue;
    std::set<std::string>& fields = defaults[GetString(s, "id")];
    fields.clear();  // Go keys the map by id: the last skippable step of an id wins
    for (const Member* m : SortedMembers(s.Find("defaultResults"))) fields.insert(m->key);
  }
  if (defaults.empty()) return "";
  auto missing = [&](const FieldRef& ref) {
    auto it = defaults.find(ref.first);
    return it != defaults.end() && !it->second.count(ref.second);
  };
  auto required = [&](const FieldRef& ref) {
    return p + "[" + ref.first + "].defaultResults[" + ref.second + "] is required: step " +
           Quoted(ref.first) + " may be skipped and field " + Quoted(ref.second) +
           " is referenced by ";
  };
  for (const Value& s : steps.items) {
    std::vector<FieldRef> refs;
    std::string error;
    bool ok = true;
    if (const std::string c = GetString(s, "condition"); !c.empty())
      ok = StepRefs(c, &refs, &error);
    for (const Member* m : SortedMembers(s.Find("arguments")))
      if (ok && m->value.IsString()) ok = StepRefs(m->value.text, &refs, &error);
    if (const std::string msg = GetString(s, "message"); ok && !msg.empty())
      ok = StepRefs(msg, &refs, &error);
    if (!ok)
      return "failed to extract step references from step " + GetString(s, "id") + ": " + error;
    for (const FieldRef& ref : refs)
      if (missing(ref)) return required(ref) + "step " + GetString(s, "id");
  }
  if (!output || !output->IsMapping()) return "";
  std::vector<FieldRef> refs;
  std::string error;
  if (!OutputRefs(output->Find("properties"), &refs, &error))
    return "failed to extract step references from output: " + error;
  for (const FieldRef& ref : refs)
    if (missing(ref)) return required(ref) + "output";
  return "";
}

}  // namespace

std::string ValidateCompositeTool(const std::string& prefix, const Value& tool) {
  std::vector<std::string> errors;
  if (GetString(tool, "name").empty()) errors.push_back(prefix + ".name is required");
  if (GetString(tool, "description").empty()) errors.push_back(prefix + ".description is required");
  const Value* steps = tool.Find("steps");
  const bool has_steps = steps && steps->IsSequence() && !steps->items.empty();
  if (!has_steps) errors.push_back(prefix + ".steps must have at least one step");
  int64_t timeout = 0;
  if (ParseGoDuration(GetString(tool, "timeout"), &timeout) && timeout < 0)
    errors.push_back(prefix + ".timeout cannot be negative");
  if (std::string e = ParametersError(prefix, tool.Find("parameters")); !e.empty())
    errors.push_back(e);
  if (has_steps) {
    if (std::string e = StepChecker(prefix + ".steps").Steps(*steps); !e.empty())
      errors.push_back(e);
    if (std::string e = DefaultResultsError(prefix + ".steps", *steps, tool.Find("output"));
        !e.empty())
      errors.push_back(e);
  }
  if (errors.empty()) return "";
  std::string out = "validation failed: ";
  for (size_t i = 0; i < errors.size(); ++i) out += (i ? "; " : "") + errors[i];
  return out;
}

CompositeToolsVerdict ValidateInlineCompositeTools(const Value& tools) {
  if (!tools.IsSequence()) return {};
  std::set<std::string> names;
  for (size_t i = 0; i < tools.items.size(); ++i) {
    const std::string at = "spec.config.compositeTools[" + std::to_string(i) + "]";
    const std::string name = GetString(tools.items[i], "name");
    if (!names.insert(name).second)
      return {at + ".name", at + ".name " + Quoted(name) + " is duplicated"};
    if (std::string e = ValidateCompositeTool(at, tools.items[i]); !e.empty()) return {at, e};
  }
  return {};
}

}  // namespace t0_44_0
}  // namespace thv
