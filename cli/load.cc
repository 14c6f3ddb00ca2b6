#include "cli/load.h"

#include <algorithm>
#include <cctype>
#include <set>

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

std::string CannotRead(const DiskInterface::FileInfo& info) {
  if (info.kind == DiskInterface::Kind::kMissing) {
    std::string why = info.error;  // as the other messages: "no such file or directory"
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    return why;
  }
  // FIFOs and devices never end (or block until a writer comes): only files are inputs.
  return "not a regular file; to read a pipe or a device, send it to standard input: ... | "
         "thv-render render -";
}

// Directories by device and inode, so that a symlink back up the tree (or two leading to one
// directory) is walked once, not again and again until the path is too long.
using DirIds = std::set<std::pair<uint64_t, uint64_t>>;

// Whether path, after following symlinks, stays inside root (any path when root is empty).
bool InsideRoot(DiskInterface* disk, const std::string& path, const std::string& root,
                Diagnostics* diags) {
  if (root.empty()) return true;
  std::string real, err;
  if (!disk->RealPath(path, &real, &err)) {
    diags->Error(path, Mark{}, "", err);
    return false;
  }
  if (PathWithin(real, root)) return true;
  diags->Error(
      path, Mark{}, "",
      "leads outside the input root " + root + " (to " + real + "); only files inside it are read");
  return false;
}

void Walk(DiskInterface* disk, const std::string& dir, const std::string& root, DirIds* seen,
          std::vector<std::string>* files, Diagnostics* diags) {
  std::vector<std::string> names;
  std::string err;
  if (!disk->ListDir(dir, &names, &err)) {
    diags->Error(dir, Mark{}, "", err);
    return;
  }
  for (const std::string& name : names) {
    if (name[0] == '.') continue;  // .git and editor files are never inputs
    const std::string path = dir == "/" ? "/" + name : dir + "/" + name;
    const DiskInterface::FileInfo info = disk->Lookup(path);
    if (info.kind == DiskInterface::Kind::kDirectory) {
      if (seen->insert({info.device, info.inode}).second && InsideRoot(disk, path, root, diags))
        Walk(disk, path, root, seen, files, diags);
    } else if (HasYamlExtension(name) && InsideRoot(disk, path, root, diags)) {
      // A YAML file that is missing (a dangling symlink, a loop) or not a file is an input that
      // cannot be read: say so rather than skip it.
      if (info.kind != DiskInterface::Kind::kFile)
        diags->Error(path, Mark{}, "", CannotRead(info));
      else
        files->push_back(path);
    }
  }
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool IsKustomizeConfig(const std::string& file, const Value& doc) {
  if (!doc.IsMapping()) return false;
  const Value* api_version = doc.Find("apiVersion");
  const Value* kind = doc.Find("kind");
  if (api_version && api_version->IsString() && !api_version->text.empty()) {
    return api_version->text.rfind("kustomize.config.k8s.io/", 0) == 0 && kind &&
           kind->IsString() && (kind->text == "Kustomization" || kind->text == "Component");
  }
  // kustomize reads these names without apiVersion and kind (it fills them in itself).
  const std::string base = BaseName(file);
  return base == "kustomization.yaml" || base == "kustomization.yml" || base == "Kustomization";
}

std::vector<std::string> ExpandPaths(DiskInterface* disk, const std::vector<std::string>& paths,
                                     const std::string& input_root, Diagnostics* diags) {
  std::vector<std::string> files;
  DirIds seen;
  for (std::string path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    const DiskInterface::FileInfo info = disk->Lookup(path);
    if (info.kind != DiskInterface::Kind::kMissing && !InsideRoot(disk, path, input_root, diags))
      continue;
    switch (info.kind) {
      case DiskInterface::Kind::kDirectory:
        if (seen.insert({info.device, info.inode}).second)
          Walk(disk, path, input_root, &seen, &files, diags);
        break;
      case DiskInterface::Kind::kFile:
        files.push_back(path);
        break;
      default:
        diags->Error(path, Mark{}, "", CannotRead(info));
    }
  }
  return files;
}

std::vector<Object> LoadObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                                const ReadStdin& read_stdin, const LoadOptions& options,
                                Diagnostics* diags) {
  std::vector<Object> objects;
  bool stdin_read = false;
  std::vector<std::string> kustomize_files;
  Mark kustomize_mark;
  for (const std::string& file : ExpandPaths(disk, paths, options.input_root, diags)) {
    std::string text, err;
    std::string name = file;
    if (file == "-") {
      if (stdin_read) continue;
      stdin_read = true;
      name = "<stdin>";
      if (!read_stdin(options.max_input_bytes, &text, &err)) {
        diags->Error(name, Mark{}, "", err);
        continue;
      }
    } else if (!disk->ReadFile(file, options.max_input_bytes, &text, &err)) {
      diags->Error(file, Mark{}, "", err);
      continue;
    }
    std::vector<Value> docs;
    ReadYamlDocuments(name, text, &docs, diags);
    const size_t count = docs.size();
    docs.erase(std::remove_if(docs.begin(), docs.end(),
                              [&](const Value& doc) {
                                if (!IsKustomizeConfig(name, doc)) return false;
                                if (kustomize_files.empty()) kustomize_mark = doc.mark;
                                return true;
                              }),
               docs.end());
    if (docs.size() != count) kustomize_files.push_back(name);
    CollectObjects(name, std::move(docs), options.input, &objects, diags);
  }
  if (!kustomize_files.empty()) {
    std::string files;
    for (size_t i = 1; i < kustomize_files.size(); ++i) files += ", " + kustomize_files[i];
    // One warning however many there are: nearly every GitOps directory holds one.
    diags->Warning(kustomize_files[0], kustomize_mark, "",
                   "kustomize configuration skipped" +
                       (files.empty() ? std::string() : " (also in " + files.substr(2) + ")") +
                       ": thv-render renders the files themselves and does not build the "
                       "kustomization; to build it with its ToolHive resources rendered, use the "
                       "kustomize plugin (plugins/kustomize, kubectl kustomize "
                       "--enable-alpha-plugins) or pipe: kubectl kustomize DIR | thv-render "
                       "render -");
  }
  CheckDuplicates(objects, diags);
  return objects;
}

void AddContextObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                       const LoadOptions& options, std::vector<Object>* objects,
                       Diagnostics* diags) {
  if (paths.empty()) return;
  // Paths that cannot be read (missing, a FIFO, a device) are errors; what the files hold is not
  // ours to judge: a context directory holds anything (kustomization.yaml, other generators'
  // configs), and only its ConfigMaps and the target's config kinds matter.
  const std::vector<std::string> files = ExpandPaths(disk, paths, options.input_root, diags);
  Diagnostics ignored;
  std::vector<Object> context = LoadObjects(
      disk, files, [](size_t, std::string*, std::string*) { return true; }, options, &ignored);
  // Inputs win over context.
  const ObjectIndex inputs(*objects);
  std::vector<Object> added;
  for (Object& o : context) {
    if (!IsReferenceable(o)) continue;
    if (inputs.Find(o.kind, o.meta.namespace_, o.meta.name)) continue;
    o.context_only = true;
    added.push_back(std::move(o));
  }
  for (Object& o : added) objects->push_back(std::move(o));
}

}  // namespace thv
