#include "targets/v0.44.0/testing.h"

#include "render/render_all.h"
#include "targets/testing.h"
#include "targets/v0.44.0/target.h"

namespace thv {
namespace t0_44_0 {

namespace {

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

bool RenderRun::HasError(const std::string& text) const { return Contains(errors, text); }
bool RenderRun::HasWarning(const std::string& text) const { return Contains(warnings, text); }

const Value* RenderRun::Find(const std::string& kind, const std::string& name) const {
  for (const Value& doc : out) {
    const Value* k = doc.Find("kind");
    const Value* meta = doc.Find("metadata");
    const Value* n = meta ? meta->Find("name") : nullptr;
    if (k && n && k->text == kind && n->text == name) return &doc;
  }
  return nullptr;
}

std::vector<Object> ObjectsAt044(const std::string& yaml, Diagnostics* diags) {
  InputOptions input;
  input.target = &kTarget;
  return ObjectsFromYaml(yaml, diags, input);
}

RenderRun RunAt044(const std::string& yaml, bool validating, const RenderOptions& options) {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsAt044(yaml, &diags);
  RenderRun r;
  if (!diags.HasErrors()) {
    RenderAllOptions all;
    all.validating = validating;
    all.render = options;
    r.out = RenderAll(objects, all, &diags);
  }
  for (const Diagnostic& d : diags.items()) {
    std::string line = std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + ": " +
                       d.path + ": " + d.message;
    (d.severity == Severity::kError ? r.errors : r.warnings).push_back(line);
  }
  return r;
}

const char kTestGroupDoc[] =
    "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPGroup\nmetadata: {name: g, namespace: "
    "ns}\n---\n";

std::string VirtualServerDoc(const std::string& spec, const std::string& others) {
  return kTestGroupDoc + others +
         "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: VirtualMCPServer\nmetadata: {name: v, "
         "namespace: ns}\nspec:\n  groupRef: {name: g}\n  incomingAuth: {type: anonymous}\n" +
         spec;
}

const Value& ValueAt(const Value* v, std::initializer_list<const char*> path) {
  static const Value kNull;
  for (const char* key : path) v = v && v->IsMapping() ? v->Find(key) : nullptr;
  return v ? *v : kNull;
}

}  // namespace t0_44_0
}  // namespace thv
