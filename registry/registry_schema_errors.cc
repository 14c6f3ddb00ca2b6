// The document-level entry point and pkg/registry's error formatting.
#include <vector>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "registry/registry_schema.h"

namespace thv {

namespace {

// Go decodes the whole document into interface{} first; a number beyond float64 fails there.
// Walked with explicit frames (documents nest up to 10000 levels); the path is rebuilt from
// them only when a number fails.
bool CheckNumbers(const Value& doc, std::vector<RegistrySchemaError>* errors) {
  struct Frame {
    const Value* v;
    size_t next;
  };
  std::vector<Frame> stack{{&doc, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const Value* v = f.v;
    double d;
    if (v->IsNumber() && !ParseGoFloat64(v->text, &d)) {
      std::vector<JsonPath> chain;
      chain.reserve(stack.size());
      chain.emplace_back();
      for (size_t i = 0; i + 1 < stack.size(); ++i) {
        const Value* parent = stack[i].v;
        size_t child = stack[i].next - 1;
        chain.push_back(parent->IsSequence() ? chain.back().Index(child)
                                             : chain.back().Key(parent->members[child].key));
      }
      errors->push_back({FormatJsonPointer(chain.back()), FormatJsonPath(chain.back()), v->mark,
                         "failed to parse registry data: json: cannot unmarshal number " + v->text +
                             " into Go value of type float64"});
      return false;
    }
    size_t n = v->IsSequence() ? v->items.size() : v->members.size();
    if (f.next == n) {
      stack.pop_back();
      continue;
    }
    size_t i = f.next++;
    stack.push_back(Frame{v->IsSequence() ? &v->items[i] : &v->members[i].value, 0});
  }
  return true;
}

}  // namespace

std::vector<RegistrySchemaError> ValidateRegistrySchema(const Value& doc) {
  std::vector<RegistrySchemaError> errors;
  JsonPath root;
  if (!CheckNumbers(doc, &errors)) return errors;
  ValidateRegistrySchemaNode(RegistrySchemaRoot(), doc, root, &errors);
  return errors;
}

std::string FormatRegistrySchemaErrors(const std::vector<RegistrySchemaError>& errors) {
  auto one = [](const RegistrySchemaError& e) {
    return e.pointer.empty() ? e.message : e.message + " at '" + e.pointer + "'";
  };
  if (errors.empty()) return "";
  if (errors.size() == 1) return "registry schema validation failed: " + one(errors[0]);
  std::string out =
      "registry schema validation failed with " + std::to_string(errors.size()) + " errors:";
  for (size_t i = 0; i < errors.size(); ++i) {
    out += "\n  " + std::to_string(i + 1) + ". " + one(errors[i]);
  }
  return out;
}

void ReportRegistrySchemaErrors(const std::vector<RegistrySchemaError>& errors,
                                const std::string& file, Diagnostics* diags) {
  for (const RegistrySchemaError& e : errors) diags->Error(file, e.mark, e.path, e.message);
}

}  // namespace thv
