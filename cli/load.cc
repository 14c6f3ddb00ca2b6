#include "cli/load.h"

#include "core/yaml_reader.h"

namespace thv {

namespace {

bool HasYamlExtension(const std::string& name) {
  auto ends_with = [&](const char* ext) {
    std::string e = ext;
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

void Walk(DiskInterface* disk, const std::string& dir, std::vector<std::string>* files,
          Diagnostics* diags) {
  std::vector<std::string> names;
  std::string err;
  if (!disk->ListDir(dir, &names, &err)) {
    diags->Error(dir, Mark{}, "", err);
    return;
  }
  for (const std::string& name : names) {
    if (name[0] == '.') continue;  // .git and editor files are never inputs
    const std::string path = dir == "/" ? "/" + name : dir + "/" + name;
    DiskInterface::Kind kind = disk->Stat(path);
    if (kind == DiskInterface::Kind::kDirectory)
      Walk(disk, path, files, diags);
    else if (kind == DiskInterface::Kind::kFile && HasYamlExtension(name))
      files->push_back(path);
  }
}

}  // namespace

std::vector<std::string> ExpandPaths(DiskInterface* disk, const std::vector<std::string>& paths,
                                     Diagnostics* diags) {
  std::vector<std::string> files;
  for (std::string path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    switch (disk->Stat(path)) {
      case DiskInterface::Kind::kDirectory:
        Walk(disk, path, &files, diags);
        break;
      case DiskInterface::Kind::kMissing:
        diags->Error(path, Mark{}, "", "no such file or directory");
        break;
      default:
        files.push_back(path);
    }
  }
  return files;
}

std::vector<Object> LoadObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                                const std::function<std::string()>& read_stdin,
                                const LoadOptions& options, Diagnostics* diags) {
  std::vector<Object> objects;
  bool stdin_read = false;
  for (const std::string& file : ExpandPaths(disk, paths, diags)) {
    std::string text, err;
    std::string name = file;
    if (file == "-") {
      if (stdin_read) continue;
      stdin_read = true;
      text = read_stdin();
      name = "<stdin>";
    } else if (!disk->ReadFile(file, &text, &err)) {
      diags->Error(file, Mark{}, "", err);
      continue;
    }
    if (text.size() > options.max_input_bytes) {
      diags->Error(name, Mark{}, "",
                   "input is " + std::to_string(text.size()) + " bytes, over the limit of " +
                       std::to_string(options.max_input_bytes) + " (--max-input-bytes)");
      continue;
    }
    std::vector<Value> docs;
    ReadYamlDocuments(name, text, &docs, diags);
    CollectObjects(name, std::move(docs), options.input, &objects, diags);
  }
  CheckDuplicates(objects, diags);
  return objects;
}

void AddContextObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                       const LoadOptions& options, std::vector<Object>* objects,
                       Diagnostics* diags) {
  if (paths.empty()) return;
  std::vector<Object> context = LoadObjects(
      disk, paths, [] { return std::string(); }, options, diags);
  // Duplicates within the context are reported by LoadObjects; inputs win over context.
  const ObjectIndex inputs(*objects);
  std::vector<Object> added;
  for (Object& o : context) {
    if (o.kind != "ConfigMap" && ToolhiveKindOf(o) != ToolhiveKind::kMCPToolConfig) continue;
    if (inputs.Find(o.kind, o.meta.namespace_, o.meta.name)) continue;
    o.context_only = true;
    added.push_back(std::move(o));
  }
  for (Object& o : added) objects->push_back(std::move(o));
}

}  // namespace thv
