#include "targets/v0.44.0/testing.h"

#include "core/yaml_reader.h"
#include "model/decode.h"
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

std::string Doc(const std::string& kind, const std::string& name, const std::string& spec,
                const std::string& version) {
  return "---\napiVersion: toolhive.stacklok.dev/" + version + "\nkind: " + kind +
         "\nmetadata: {name: " + name + ", namespace: ns}\nspec:\n" + spec;
}

const Value* At(const Value* v, const std::string& path) {
  return v ? ValueAtPath(*v, path) : nullptr;
}

std::string Text(const Value* v, const std::string& path) {
  const Value* node = At(v, path);
  return node ? node->text : "<absent>";
}

std::vector<std::string> Keys(const Value* v) {
  std::vector<std::string> keys;
  for (const Member& m : v ? v->members : std::vector<Member>{}) keys.push_back(m.key);
  return keys;
}

std::vector<std::string> Names(const Value* list) {
  std::vector<std::string> names;
  for (const Value& item : list ? list->items : std::vector<Value>{}) {
    const Value* value = item.Find("value");
    names.push_back(Text(&item, "name") + (value ? "=" + value->text : ""));
  }
  return names;
}

std::vector<std::string> ObjectList(const RenderRun& run) {
  std::vector<std::string> list;
  for (const Value& doc : run.out)
    list.push_back(Text(&doc, "kind") + "/" + Text(&doc, "metadata.name"));
  return list;
}

std::string Rendered::Json() const {
  const Value* data = At(config_map, "data");
  const Value* json = data ? data->Find("runconfig.json") : nullptr;  // a key with a dot
  return json ? json->text : "";
}

std::vector<std::string> Rendered::Middlewares() const {
  std::vector<std::string> types;
  const Value* list = At(&run_config, "middleware_configs");
  for (const Value& m : list ? list->items : std::vector<Value>{})
    types.push_back(Text(&m, "type"));
  return types;
}

const Value* Rendered::Middleware(const std::string& type) const {
  const Value* list = At(&run_config, "middleware_configs");
  if (!list) return nullptr;
  for (const Value& m : list->items)  // by reference: the result points into it
    if (Text(&m, "type") == type) return m.Find("parameters");
  return nullptr;
}

Rendered RenderWorkload(const std::string& yaml, const RenderOptions& options,
                        const std::string& name, const std::string& service) {
  Rendered r;
  r.run = RunAt044(yaml, false, options);
  r.deployment = r.run.Find("Deployment", name);
  r.service = r.run.Find("Service", service);
  r.config_map = r.run.Find("ConfigMap", name + "-runconfig");
  if (r.config_map) {
    Diagnostics diags;
    std::vector<Value> docs;
    ReadYamlDocuments("runconfig.json", r.Json(), &docs, &diags);
    if (docs.size() == 1) r.run_config = docs[0];
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
