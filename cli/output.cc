#include "cli/output.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <set>

#include "core/json_text.h"
#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "model/json_schema.h"

namespace thv {

namespace {

std::string Text(const Value* v) { return v && v->IsString() ? v->text : std::string(); }

bool SafeComponent(const std::string& s) {
  if (s.empty() || s == "." || s == "..") return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    return c == '/' || c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x20;
  });
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::string ObjectFileName(const Value& doc, std::string* err) {
  const Value* meta = doc.Find("metadata");
  const std::string api = Text(doc.Find("apiVersion"));
  const std::string kind = Text(doc.Find("kind"));
  const std::string name = meta ? Text(meta->Find("name")) : "";
  const std::string ns = meta ? Text(meta->Find("namespace")) : "";
  std::string group_version = api;
  std::replace(group_version.begin(), group_version.end(), '/', '_');
  for (const std::string* part : {&kind, &name}) {
    if (!SafeComponent(*part)) {
      *err = "cannot use \"" + *part + "\" in a file name under --output-dir";
      return "";
    }
  }
  if (!ns.empty() && !SafeComponent(ns)) {
    *err = "cannot use namespace \"" + ns + "\" in a file name under --output-dir";
    return "";
  }
  std::string file =
      (ns.empty() ? "" : ns + "_") + group_version + "_" + kind + "_" + name + ".yaml";
  return Lower(file);
}

void RenderedOutput::Add(Value doc, Diagnostics* diags) {
  switch (format_) {
    case Format::kYaml: {
      const bool first = yaml_.empty();
      // Chunks, not one growing string: doubling it would copy and touch twice the output. The
      // heap is backed by huge pages, so reserved bytes cost memory as if written: a chunk
      // reserves room for one more document of usual size past kYamlChunkBytes (a larger one
      // grows it), and the first starts small, as most renders are.
      if (first || yaml_.back().size() >= kYamlChunkBytes) {
        yaml_.emplace_back();
        yaml_.back().reserve(first ? kFirstYamlChunkBytes : kYamlChunkBytes + kYamlChunkSlack);
      }
      if (!first) yaml_.back().append("---\n");
      AppendYaml(doc, &yaml_.back());
      return;
    }
    case Format::kJson:
      json_items_.push_back(std::move(doc));
      return;
    case Format::kDir:
      break;
  }
  std::string err;
  std::string name = ObjectFileName(doc, &err);
  if (name.empty()) {
    diags->Error("", doc.mark, "metadata.name", err);
    return;
  }
  // Distinct objects (RenderAll refuses duplicates) can still share a lowercase name.
  const std::string stem = name.substr(0, name.size() - 5);
  for (int n = 2; name == "kustomization.yaml" || !file_names_.insert(name).second; ++n)
    name = stem + "_" + std::to_string(n) + ".yaml";
  std::string contents;
  AppendYaml(doc, &contents);
  files_.push_back({std::move(name), std::move(contents)});
}

void RenderedOutput::WriteText(std::ostream* out) {
  if (format_ == Format::kJson) {
    *out << TakeText();
    return;
  }
  for (const std::string& chunk : yaml_) *out << chunk;
  yaml_.clear();
}

std::string RenderedOutput::TakeText() {
  if (format_ != Format::kJson) {
    std::string text;
    for (const std::string& chunk : yaml_) text += chunk;
    yaml_.clear();
    return text;
  }
  Value list = Value::Mapping();
  list.Set("apiVersion", Value::String("v1"));
  list.Set("items", Value::Sequence()).items = std::move(json_items_);
  list.Set("kind", Value::String("List"));
  list.Set("metadata", Value::Mapping());
  return GoJsonIndent(list, "    ") + "\n";
}

std::vector<RenderedFile> RenderedOutput::TakeFiles() {
  // Through the YAML writer: a file name is any valid object name, "#" and ": " included.
  Value resources = Value::Sequence();
  for (const RenderedFile& f : files_) resources.Append(Value::String(f.name));
  Value kustomization = Value::Mapping();
  kustomization.Set("apiVersion", Value::String("kustomize.config.k8s.io/v1beta1"));
  kustomization.Set("kind", Value::String("Kustomization"));
  kustomization.Set("resources", std::move(resources));
  std::string text;
  AppendYaml(kustomization, &text);
  files_.push_back({"kustomization.yaml", std::move(text)});
  return std::move(files_);
}

namespace {

// Entries of an existing output directory that thv-render did not write: anything but
// kustomization.yaml and the files its resources list (at most a few, for the message).
std::vector<std::string> ForeignEntries(DiskInterface* disk, const std::string& dir) {
  std::vector<std::string> names, foreign;
  std::string err, text;
  if (!disk->ListDir(dir, &names, &err) || names.empty()) return foreign;
  std::set<std::string> ours = {"kustomization.yaml"};
  std::vector<Value> docs;
  Diagnostics ignored;
  if (disk->ReadFile(dir + "/kustomization.yaml", size_t{64} << 20, &text, &err) &&
      ReadYamlDocuments("kustomization.yaml", text, &docs, &ignored) && docs.size() == 1) {
    if (const Value* resources = docs[0].Find("resources"))
      for (const Value& r : resources->items) ours.insert(r.text);
  }
  for (const std::string& name : names) {
    if (ours.count(name) && disk->Stat(dir + "/" + name) == DiskInterface::Kind::kFile) continue;
    foreign.push_back(name);
    if (foreign.size() == 3) break;
  }
  return foreign;
}

// Regular files under dir, one directory deep, as "name" or "subdir/name"; other entries
// (deeper directories, links, sockets) as themselves, so they count as foreign.
std::vector<std::string> ListFiles(DiskInterface* disk, const std::string& dir) {
  std::vector<std::string> names, files;
  std::string err;
  if (!disk->ListDir(dir, &names, &err)) return files;
  for (const std::string& name : names) {
    std::vector<std::string> inner;
    if (disk->Stat(dir + "/" + name) != DiskInterface::Kind::kDirectory ||
        !disk->ListDir(dir + "/" + name, &inner, &err) || inner.empty()) {
      files.push_back(name);
      continue;
    }
    for (const std::string& file : inner) files.push_back(name + "/" + file);
  }
  return files;
}

// Entries of a `schema` output directory that it did not write.
std::vector<std::string> ForeignSchemaEntries(DiskInterface* disk, const std::string& dir) {
  std::vector<std::string> foreign;
  for (const std::string& name : ListFiles(disk, dir)) {
    if (IsJsonSchemaPath(name) && disk->Stat(dir + "/" + name) == DiskInterface::Kind::kFile)
      continue;
    foreign.push_back(name);
    if (foreign.size() == 3) break;
  }
  return foreign;
}

}  // namespace

bool CheckOutputDir(DiskInterface* disk, const std::string& dir,
                    const std::vector<std::string>& inputs, bool will_write, std::string* target,
                    std::string* err, OutputDirKind contents) {
  if (!disk->RealPath(dir, target, err)) return false;
  const DiskInterface::Kind kind = disk->Stat(*target);
  if (kind != DiskInterface::Kind::kMissing && kind != DiskInterface::Kind::kDirectory) {
    *err = "--output-dir " + dir + ": exists and is not a directory";
    return false;
  }
  for (const std::string& input : inputs) {
    std::string real, ignored;
    if (!disk->RealPath(input, &real, &ignored)) continue;  // unreadable: loading reports it
    const char* why = *target == real             ? "is the input"
                      : PathWithin(real, *target) ? "holds the input"
                      : PathWithin(*target, real) ? "lies inside the input"
                                                  : nullptr;
    if (why) {
      *err = "--output-dir " + dir + " " + why + " " + input +
             ": it is replaced as a whole, which would delete inputs; choose a directory "
             "outside them";
      return false;
    }
  }
  if (will_write && kind == DiskInterface::Kind::kDirectory) {
    const std::vector<std::string> foreign = contents == OutputDirKind::kRendered
                                                 ? ForeignEntries(disk, *target)
                                                 : ForeignSchemaEntries(disk, *target);
    if (!foreign.empty()) {
      *err = "--output-dir " + dir + " holds files thv-render did not write (";
      for (size_t i = 0; i < foreign.size(); ++i) *err += (i ? ", " : "") + foreign[i];
      *err +=
          "): it is replaced as a whole, which would delete them; choose a new or empty "
          "directory, or move them out";
      return false;
    }
  }
  return true;
}

namespace {

// Which files dir already holds byte for byte, and whether it holds nothing else.
std::vector<bool> UnchangedFiles(DiskInterface* disk, const std::string& dir,
                                 const std::vector<RenderedFile>& files, bool* nothing_else) {
  std::vector<bool> unchanged(files.size(), false);
  std::string err, contents;
  *nothing_else = false;
  if (disk->Stat(dir) != DiskInterface::Kind::kDirectory) return unchanged;
  const std::vector<std::string> names = ListFiles(disk, dir);
  std::set<std::string> old(names.begin(), names.end());
  size_t found = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!old.count(files[i].name)) continue;
    ++found;
    unchanged[i] =
        disk->ReadFile(dir + "/" + files[i].name, &contents, &err) && contents == files[i].contents;
  }
  *nothing_else = found == names.size();
  return unchanged;
}

}  // namespace

bool WriteOutputDir(DiskInterface* disk, const std::string& dir,
                    const std::vector<RenderedFile>& files, std::string* err) {
  std::string target = dir;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  if (disk->Stat(target) != DiskInterface::Kind::kMissing &&
      disk->Stat(target) != DiskInterface::Kind::kDirectory) {
    *err = target + " exists and is not a directory";
    return false;
  }
  size_t slash = target.find_last_of('/');
  std::string parent = slash == std::string::npos ? "" : target.substr(0, slash);
  if (!parent.empty() && !disk->MakeDirs(parent, err)) return false;
  const std::string prefix =
      "." + target.substr(slash == std::string::npos ? 0 : slash + 1) + ".thv-render-";
  const std::string dir_of = parent.empty() ? "." : parent;
  // A render killed mid-write leaves its temporary directory behind; sweep those of dead runs.
  std::vector<std::string> names;
  std::string ignored;
  if (disk->ListDir(dir_of, &names, &ignored)) {
    for (const std::string& name : names) {
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + prefix.size()));
      if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH)
        disk->RemoveTree(dir_of + "/" + name, &ignored);
    }
  }
  // A re-render usually changes few files or none. Nothing changed: nothing is written (and
  // mtimes stay put for tools watching the directory). Otherwise unchanged files are hard-linked
  // from the old directory: no new inodes, no data written, several times cheaper.
  bool nothing_else = false;
  const std::vector<bool> unchanged = UnchangedFiles(disk, target, files, &nothing_else);
  if (nothing_else && std::all_of(unchanged.begin(), unchanged.end(), [](bool u) { return u; }))
    return true;
  const std::string tmp = dir_of + "/" + prefix + std::to_string(getpid());
  disk->RemoveTree(tmp, err);
  bool ok = disk->MakeDirs(tmp, err);
  for (size_t i = 0; ok && i < files.size(); ++i) {
    const std::string path = tmp + "/" + files[i].name;
    const size_t sub = files[i].name.find('/');
    if (sub != std::string::npos && !disk->MakeDirs(tmp + "/" + files[i].name.substr(0, sub), err))
      ok = false;
    if (!ok) break;
    std::string ignored;
    ok = (unchanged[i] && disk->Link(target + "/" + files[i].name, path, &ignored)) ||
         disk->WriteFile(path, files[i].contents, err);
  }
  if (ok) ok = disk->ReplaceDir(tmp, target, err);
  if (!ok) {
    std::string ignored;
    disk->RemoveTree(tmp, &ignored);
  }
  return ok;
}

}  // namespace thv
