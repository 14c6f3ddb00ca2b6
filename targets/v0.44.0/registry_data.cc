#include "targets/v0.44.0/registry_data.h"

#include <set>

#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "render/render_all.h"

namespace thv {
namespace t0_44_0 {

void RenderRegistryData(const Object& object, const RenderContext& context, Diagnostics* diags,
                        const Emit& emit) {
  (void)diags;
  const std::string& name = object.meta.name;
  const std::string& ns = object.meta.namespace_;
  auto content = context.options.registries.find(ns + "/" + name);
  if (content == context.options.registries.end()) return;  // its fetch failed, reported
  const StringMap labels = {{"app.kubernetes.io/component", "registry-data"},
                            {"app.kubernetes.io/managed-by", "thv-render"},
                            {"app.kubernetes.io/name", name}};
  const StringMap annotations = {
      {"render.thv-render.stacklok.dev/source-sha256", content->second.source_hash}};
  Value configmap = KubeObject("v1", "ConfigMap", ObjectMetadata(name, ns, &labels, &annotations));
  configmap.Set("data", Obj({{kRegistryDataKey, Str(content->second.upstream_json)}}));
  emit(std::move(configmap), true);
}

namespace {

std::string JoinPath(const std::string& dir, const std::string& file) {
  if (dir.empty() || dir.back() == '/') return dir + file;
  return dir + "/" + file;
}

// The `file` source paths of the registry server's configuration (config.go SourceConfig.File);
// configYAML that does not parse is reported by the MCPRegistry's own checks.
std::set<std::string> FileSourcePaths(const Value& spec) {
  std::set<std::string> paths;
  const Value* config = spec.Find("configYAML");
  if (!config || !config->IsString()) return paths;
  std::vector<Value> docs;
  Diagnostics ignored;
  if (!ReadYamlDocuments("config.yaml", config->text, &docs, &ignored)) return paths;
  for (const Value& doc : docs) {
    const Value* sources = doc.IsMapping() ? doc.Find("sources") : nullptr;
    if (!sources || !sources->IsSequence()) continue;
    for (const Value& source : sources->items) {
      const Value* file = source.IsMapping() ? GetObject(source, "file") : nullptr;
      if (file && !GetString(*file, "path").empty()) paths.insert(GetString(*file, "path"));
    }
  }
  return paths;
}

}  // namespace

void CheckRegistryDataVolumes(const Object& registry, const RenderContext& context,
                              Diagnostics* diags) {
  const Value& spec = SpecOf(registry);
  const Value* volumes = spec.Find("volumes");
  if (!volumes || !volumes->IsSequence()) return;
  const std::string& file = registry.origin.file;
  const std::string& ns = registry.meta.namespace_;
  const std::set<std::string> read = FileSourcePaths(spec);
  for (size_t i = 0; i < volumes->items.size(); ++i) {
    const Value& volume = volumes->items[i];
    const Value* cm = volume.IsMapping() ? GetObject(volume, "configMap") : nullptr;
    if (!cm) continue;
    const std::string cm_name = GetString(*cm, "name");
    if (!context.index.Find(kRegistryDataKind, ns, cm_name)) continue;
    const std::string field = ItemPath("spec.volumes", i) + ".configMap";
    // Where registry.json lands inside the volume: its item's path, or its own name.
    std::string item_path = kRegistryDataKey;
    if (const Value* items = cm->Find("items"); items && items->IsSequence()) {
      item_path.clear();
      for (const Value& item : items->items)
        if (GetString(item, "key") == kRegistryDataKey) item_path = GetString(item, "path");
      if (item_path.empty()) {
        diags->Error(file, items->mark.line > 0 ? items->mark : cm->mark, field + ".items",
                     "Invalid value: RegistryData " + ns + "/" + cm_name + " renders ConfigMap " +
                         cm_name + " with the key " + kRegistryDataKey +
                         ", which these items leave out: the registry server's file source "
                         "would find no data; add {key: " +
                         kRegistryDataKey + ", path: " + kRegistryDataKey + "}");
        continue;
      }
    }
    // The files this volume puts in the registry-api container.
    const std::string volume_name = GetString(volume, "name");
    std::vector<std::string> mounted;
    if (const Value* mounts = spec.Find("volumeMounts"); mounts && mounts->IsSequence()) {
      for (const Value& mount : mounts->items) {
        if (GetString(mount, "name") != volume_name) continue;
        const std::string mount_path = GetString(mount, "mountPath");
        const std::string sub_path = GetString(mount, "subPath");
        if (sub_path.empty())
          mounted.push_back(JoinPath(mount_path, item_path));
        else if (sub_path == item_path)
          mounted.push_back(mount_path);
      }
    }
    bool used = false;
    for (const std::string& path : mounted) used = used || read.count(path) > 0;
    if (used) continue;
    diags->Warning(
        file, volume.mark, ItemPath("spec.volumes", i),
        "RegistryData " + ns + "/" + cm_name + "'s " + kRegistryDataKey +
            (mounted.empty()
                 ? std::string(" is not mounted by spec.volumeMounts, so no configYAML file "
                               "source can read it")
                 : " is mounted at " + mounted.front() +
                       ", but no configYAML file source reads it; use `file: {path: " +
                       mounted.front() + "}`"));
  }
}

}  // namespace t0_44_0
}  // namespace thv
