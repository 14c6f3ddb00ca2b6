#include "cli/krm.h"

#include "cli/app.h"
#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "model/inputs.h"

namespace thv {

namespace {

// The file kustomize/kpt says the functionConfig came from, for results.
std::string ConfigPath(const Value& config) {
  const Value* meta = config.Find("metadata");
  const Value* annotations = meta ? meta->Find("annotations") : nullptr;
  if (!annotations) return "";
  for (const char* key : {"internal.config.kubernetes.io/path", "config.kubernetes.io/path"})
    if (const Value* v = annotations->Find(key); v && v->IsString()) return v->text;
  return "";
}

Value Result(const Diagnostic& d, const std::string& path) {
  Value r = Obj({{"message", Str(d.message)},
                 {"severity", Str(d.severity == Severity::kError ? "error" : "warning")}});
  if (!d.path.empty()) r.Set("field", Obj({{"path", Str(d.path)}}));
  if (!path.empty()) r.Set("file", Obj({{"path", Str(path)}}));
  return r;
}

std::string ResourceList(Value items, const Value& results) {
  Value list = Obj({{"apiVersion", Str("config.kubernetes.io/v1")},
                    {"kind", Str("ResourceList")},
                    {"items", std::move(items)}});
  if (!results.items.empty()) list.Set("results", results);
  std::string out;
  AppendYaml(list, &out);
  return out;
}

}  // namespace

int RunKrmFunction(const std::string& input, const RenderAllOptions& options, std::string* out) {
  Diagnostics diags;
  std::vector<Value> docs;
  Value results = Value::Sequence();
  ReadYamlDocuments("<stdin>", input, &docs, &diags);
  const Value* items = nullptr;
  const Value* config = nullptr;
  if (!diags.HasErrors()) {
    if (docs.size() != 1 || !docs[0].IsMapping() || !docs[0].Find("kind") ||
        docs[0].Find("kind")->text != "ResourceList") {
      diags.Error("<stdin>", Mark{}, "", "expected one ResourceList (config.kubernetes.io/v1)");
    } else {
      items = docs[0].Find("items");
      config = docs[0].Find("functionConfig");
      if (!config || !config->IsMapping())
        diags.Error("<stdin>", docs[0].mark, "functionConfig",
                    "Required value: an MCPServer or MCPRegistry");
    }
  }
  Value out_items = items && items->IsSequence() ? *items : Value::Sequence();
  std::string path = config ? ConfigPath(*config) : "";
  if (!diags.HasErrors()) {
    std::vector<Object> objects;
    InputOptions input;
    CollectObjects(path.empty() ? "functionConfig" : path, {*config}, input, &objects, &diags);
    // The other items may hold the ConfigMaps and MCPToolConfigs the config refers to.
    std::vector<Object> context;
    Diagnostics ignored;
    CollectObjects("items", out_items.items, input, &context, &ignored);
    for (Object& o : context) {
      if (o.kind != "ConfigMap" && ToolhiveKindOf(o) != ToolhiveKind::kMCPToolConfig) continue;
      o.context_only = true;
      objects.push_back(std::move(o));
    }
    if (!diags.HasErrors()) {
      for (Value& doc : RenderAll(objects, options, &diags)) out_items.Append(std::move(doc));
    }
  }
  for (const Diagnostic& d : diags.items()) results.Append(Result(d, path));
  if (diags.HasErrors()) {
    *out = ResourceList(items && items->IsSequence() ? *items : Value::Sequence(), results);
    return kExitInvalidInput;
  }
  *out = ResourceList(std::move(out_items), results);
  return kExitOk;
}

}  // namespace thv
