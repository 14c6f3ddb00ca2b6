#include "cli/krm.h"

#include "cli/app.h"
#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "model/inputs.h"
#include "registry/resolve.h"
#include "render/kustomize_names.h"
#include "targets/targets.h"

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

// Names the inputs get here; a result about them points at the functionConfig's file.
const char kConfigName[] = "functionConfig";
const char kItemsName[] = "items";
const char kStdinName[] = "<stdin>";
const char kTransformerKind[] = "NameTransformer";

Value Result(const Diagnostic& d, const std::string& config_path) {
  // kustomize and kpt print results on the terminal as they are.
  Value r = Obj({{"message", Str(TerminalSafe(d.message))},
                 {"severity", Str(d.severity == Severity::kError ? "error" : "warning")}});
  if (!d.path.empty()) r.Set("field", Obj({{"path", Str(d.path)}}));
  const bool ours = d.file == kConfigName || d.file == kItemsName || d.file == kStdinName;
  const std::string& file = ours ? config_path : d.file;  // else e.g. the lock file
  if (!file.empty()) r.Set("file", Obj({{"path", Str(file)}}));
  return r;
}

// Whether kind is one the target's controllers create objects for (or will).
bool Renders(const TargetKind* kind) {
  return kind && (kind->role == KindRole::kRendered || kind->role == KindRole::kNotRenderedYet);
}

// The functionConfig as one object of a kind the target renders, else an error.
bool CheckConfigKind(const std::vector<Object>& config_objects, const Value& config,
                     const Target& target, Diagnostics* diags) {
  if (config_objects.size() == 1 && Renders(config_objects[0].toolhive)) return true;
  auto text = [&](const char* key) {
    const Value* v = config.Find(key);
    return v && v->IsString() ? "\"" + v->text + "\"" : std::string("none");
  };
  std::string kinds, versions;
  for (const TargetKind* k = target.kinds; k->kind; ++k)
    if (Renders(k)) kinds += (kinds.empty() ? "" : " or ") + std::string(k->kind);
  for (const CrdVersion* c = target.crds; c->kind; ++c) {
    if (!Renders(FindKind(target, c->kind)) || c->deprecation_warning ||
        versions.find(c->api_version) != std::string::npos)
      continue;
    versions += std::string(c->api_version) + "; ";
  }
  diags->Error(kConfigName, config.mark, "functionConfig",
               "Unsupported value: kind " + text("kind") + ", apiVersion " + text("apiVersion") +
                   ": expected an " + kinds + " (" + versions + "operator " + target.name + ")");
  return false;
}

const Target* input_target(const KrmOptions& options) {
  return options.target ? options.target : &DefaultTarget();
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

int RunKrmFunction(const std::string& input, const KrmOptions& options, std::string* out) {
  Diagnostics diags;
  std::vector<Value> docs;
  Value results = Value::Sequence();
  ReadYamlDocuments(kStdinName, input, &docs, &diags);
  const Value* items = nullptr;
  const Value* config = nullptr;
  if (!diags.HasErrors()) {
    if (docs.size() != 1 || !docs[0].IsMapping() || !docs[0].Find("kind") ||
        docs[0].Find("kind")->text != "ResourceList") {
      diags.Error(kStdinName, Mark{}, "", "expected one ResourceList (config.kubernetes.io/v1)");
    } else {
      items = docs[0].Find("items");
      config = docs[0].Find("functionConfig");
      if (items && !items->IsSequence() && !items->IsNull()) {
        diags.Error(kStdinName, items->mark, "items", "Invalid value: must be a list of objects");
        items = nullptr;
      }
      if (!config || !config->IsMapping())
        diags.Error(kStdinName, docs[0].mark, "functionConfig",
                    "Required value: an MCPServer or MCPRegistry");
    }
  }
  const Value in_items = items && items->IsSequence() ? *items : Value::Sequence();
  Value out_items = in_items;
  std::string path = config && config->IsMapping() ? ConfigPath(*config) : "";
  bool fetch_failed = false;
  const bool transformer = config && config->IsMapping() && config->Find("kind") &&
                           config->Find("kind")->text == kTransformerKind;
  if (!diags.HasErrors() && transformer) {
    TransformRenamedObjects(input_target(options)->renamed_kinds, &out_items.items, &diags);
  } else if (!diags.HasErrors()) {
    std::vector<Object> objects;
    InputOptions input;
    input.target = input_target(options);
    CollectObjects(kConfigName, {*config}, input, &objects, &diags);
    if (!diags.HasErrors() && CheckConfigKind(objects, *config, *input.target, &diags)) {
      // The other items may hold the ConfigMaps and config kinds the config refers to.
      std::vector<Object> context;
      Diagnostics ignored;
      CollectObjects(kItemsName, in_items.items, input, &context, &ignored);
      for (Object& o : context) {
        if (!IsReferenceable(o)) continue;
        o.context_only = true;
        objects.push_back(std::move(o));
      }
      RenderAllOptions render_all = options.render_all;
      if (ToolhiveKindOf(objects[0]) == ToolhiveKind::kMCPRegistry) {
        MemoryDiskInterface no_disk;
        ResolveOptions resolve;
        resolve.mode = LockMode::kOffline;
        resolve.lock_path = options.disk ? options.lock_path : "";
        ResolveResult registries = ResolveRegistries(
            objects, options.disk ? options.disk : &no_disk, nullptr, resolve, &diags);
        fetch_failed = registries.fetch_failed;
        for (auto& [key, r] : registries.registries) render_all.registries[key] = r.content;
      }
      const size_t before = out_items.items.size();
      if (!diags.HasErrors()) {
        for (Value& doc : RenderAll(objects, render_all, &diags)) out_items.Append(std::move(doc));
      }
      if (!diags.HasErrors() && out_items.items.size() == before)
        diags.Error(kConfigName, config->mark, "functionConfig",
                    "rendered no objects, and nothing says why");  // never silently nothing
    }
  }
  for (const Diagnostic& d : diags.items()) results.Append(Result(d, path));
  if (diags.HasErrors()) {
    *out = ResourceList(in_items, results);
    return fetch_failed ? kExitFetch : kExitInvalidInput;
  }
  *out = ResourceList(std::move(out_items), results);
  return kExitOk;
}

int RunKustomizeTransform(const std::string& input, const Target& target, std::string* out,
                          std::string* err) {
  Diagnostics diags;
  std::vector<Value> docs;
  if (ReadYamlDocuments(kStdinName, input, &docs, &diags))
    TransformRenamedObjects(target.renamed_kinds, &docs, &diags);
  for (const Diagnostic& d : diags.items()) *err += FormatDiagnostic(d) + "\n";
  if (diags.HasErrors()) return kExitInvalidInput;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i) *out += "---\n";
    AppendYaml(docs[i], out);
  }
  return kExitOk;
}

}  // namespace thv
