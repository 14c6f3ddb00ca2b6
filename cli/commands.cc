#include "cli/commands.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_map>

#include "cli/check.h"
#include "cli/list.h"
#include "cli/load.h"
#include "cli/output.h"
#include "core/value_builder.h"
#include "model/inputs.h"
#include "registry/network_source.h"
#include "registry/resolve.h"
#include "render/render_all.h"

namespace thv {

namespace {

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// thv-render.lock beside the first input: in it when it is a directory, else in its directory.
// Input from stdin has no directory: no lock file unless --lock names one.
std::string LockPath(const Flags& f, DiskInterface* disk) {
  if (!f.lock.empty()) return f.lock;
  if (f.paths.empty() || f.paths[0] == "-") return "";
  std::string first = f.paths[0];
  while (first.size() > 1 && first.back() == '/') first.pop_back();
  if (disk->Stat(first) != DiskInterface::Kind::kDirectory) {
    size_t slash = first.find_last_of('/');
    first = slash == std::string::npos ? "." : first.substr(0, slash == 0 ? 1 : slash);
  }
  return first + "/thv-render.lock";
}

bool HasRegistries(const std::vector<Object>& objects) {
  for (const Object& o : objects)
    if (ToolhiveKindOf(o) == ToolhiveKind::kMCPRegistry) return true;
  return false;
}

ResolveResult Resolve(const Flags& f, const CliIo& io, const std::vector<Object>& objects,
                      LockMode mode, bool skip_remote, Diagnostics* diags) {
  if (!HasRegistries(objects)) return {};
  NetworkOptions network;
  network.ca_file = f.ca_file;
  network.netrc_file = f.netrc_file;
  NetworkSource source(network);
  ResolveOptions options;
  options.mode = mode;
  options.lock_path = LockPath(f, io.disk);
  options.now = NowRfc3339();
  options.skip_remote = skip_remote;
  if (io.tty) {
    // One line per fetch, overwritten by the next and cleared at the end.
    options.progress = [&io](const std::string& what) {
      *io.err << "\r\033[Kfetching " << TerminalSafe(what) << "\r" << std::flush;
    };
  }
  ResolveResult result = ResolveRegistries(objects, io.disk, &source, options, diags);
  if (io.tty) *io.err << "\r\033[K" << std::flush;
  return result;
}

void PrintDiagnostics(const Diagnostics& diags, const CliIo& io) {
  for (const Diagnostic& d : diags.items()) {
    if (io.tty) *io.err << (d.severity == Severity::kError ? "\033[31m" : "\033[33m");
    *io.err << FormatDiagnostic(d) << (io.tty ? "\033[0m\n" : "\n");
  }
  if (diags.error_count() > 1) *io.err << diags.error_count() << " errors\n";
}

std::vector<Object> Load(const Flags& f, const CliIo& io, bool namespace_explicit,
                         Diagnostics* diags) {
  LoadOptions options;
  options.input.target = &TargetOf(f);
  options.input.default_namespace = f.namespace_;
  options.input.namespace_explicit = namespace_explicit;
  options.input.strict = f.strict;
  options.max_input_bytes = f.max_input_bytes;
  std::string err;
  if (!f.input_root.empty() && !io.disk->RealPath(f.input_root, &options.input_root, &err)) {
    diags->Error(f.input_root, Mark{}, "--input-root", err);
    return {};
  }
  std::vector<std::string> paths = f.paths.empty() ? std::vector<std::string>{"-"} : f.paths;
  std::vector<Object> objects = LoadObjects(io.disk, paths, io.read_stdin, options, diags);
  AddContextObjects(io.disk, f.context, options, &objects, diags);
  return objects;
}

using Labels = std::vector<std::pair<std::string, std::string>>;

// --add-label on every rendered object that has metadata: existing keys get the new value in
// place, new keys follow. One pass over both lists, so 50,000 labels cost no more than they say.
void AddLabels(const Labels& labels, const std::unordered_map<std::string, size_t>& index,
               Value* doc) {
  Value* meta = doc->Find("metadata");
  if (!meta || labels.empty()) return;
  Value* existing = meta->Find("labels");
  if (!existing || !existing->IsMapping()) existing = &meta->Set("labels", Value::Mapping());
  std::vector<bool> set(labels.size(), false);
  for (Member& m : existing->members) {
    auto it = index.find(m.key);
    if (it == index.end()) continue;
    m.value = Value::String(labels[it->second].second);
    set[it->second] = true;
  }
  for (size_t i = 0; i < labels.size(); ++i)
    if (!set[i]) existing->members.push_back({labels[i].first, Mark{}, Str(labels[i].second)});
}

// What a render reads: replacing --output-dir must never delete any of it.
std::vector<std::string> InputPaths(const Flags& f) {
  std::vector<std::string> paths;
  for (const std::string& p : f.paths)
    if (p != "-") paths.push_back(p);
  paths.insert(paths.end(), f.context.begin(), f.context.end());
  for (const std::string* p : {&f.lock, &f.ca_file, &f.netrc_file})
    if (!p->empty()) paths.push_back(*p);
  return paths;
}

void PrintError(const CliIo& io, const std::string& message) {
  *io.err << "error: " << TerminalSafe(message) << "\n";
}

}  // namespace

int RunRender(const Flags& f, const CliIo& io, bool namespace_explicit) {
  // Paths first: a bad --output-dir or --check-file is a usage error before anything is read.
  std::string output_dir, err;
  if (!f.output_dir.empty() &&
      !CheckOutputDir(io.disk, f.output_dir, InputPaths(f), !f.check, &output_dir, &err)) {
    PrintError(io, err);
    return kExitUsage;
  }
  if (!f.check_file.empty()) {
    const DiskInterface::FileInfo info = io.disk->Lookup(f.check_file);
    if (info.kind != DiskInterface::Kind::kFile && info.kind != DiskInterface::Kind::kMissing) {
      PrintError(io, "--check-file " + f.check_file + ": not a regular file");
      return kExitUsage;
    }
  }

  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  ResolveResult registries;
  if (!diags.HasErrors()) {
    LockMode mode = f.offline   ? LockMode::kOffline
                    : f.refresh ? LockMode::kRefresh
                                : LockMode::kLocked;
    registries = Resolve(f, io, objects, mode, false, &diags);
  }
  RenderAllOptions options;
  options.render = f.render;
  options.render.openshift = f.platform == "openshift";
  options.keep_custom_resources = f.keep_custom_resources;
  for (const auto& [key, r] : registries.registries) options.registries[key] = r.content;
  RenderedOutput output(!f.output_dir.empty() ? RenderedOutput::Format::kDir
                        : f.output == "json"  ? RenderedOutput::Format::kJson
                                              : RenderedOutput::Format::kYaml);
  if (!diags.HasErrors()) {
    const Labels labels = ParseLabels(f.add_labels);
    std::unordered_map<std::string, size_t> label_index;
    for (size_t i = 0; i < labels.size(); ++i) label_index.emplace(labels[i].first, i);
    RenderAll(objects, options, &diags, [&](Value doc) {
      AddLabels(labels, label_index, &doc);
      output.Add(std::move(doc), &diags);
    });
  }
  PrintDiagnostics(diags, io);
  if (registries.lock_required) return kExitUsage;
  if (registries.fetch_failed) return kExitFetch;
  if (diags.HasErrors()) return kExitInvalidInput;
  if (registries.lock_changed && !WriteLock(io.disk, LockPath(f, io.disk), registries, &err)) {
    PrintError(io, err);
    return kExitOutput;
  }

  if (f.check || !f.check_file.empty()) {
    std::string diff;
    if (!f.check_file.empty()) {
      std::string committed;
      if (io.disk->Stat(f.check_file) == DiskInterface::Kind::kFile &&
          !io.disk->ReadFile(f.check_file, &committed, &err)) {
        PrintError(io, err);
        return kExitInvalidInput;
      }
      diff = UnifiedDiff(f.check_file, committed, f.check_file + " (rendered)", output.TakeText());
    } else {
      diff = DiffOutputDir(io.disk, f.output_dir, output.TakeFiles());
    }
    *io.out << diff;
    if (!diff.empty()) {
      *io.err << TerminalSafe("rendered output differs from " +
                              (f.check_file.empty() ? f.output_dir : f.check_file))
              << "; run the same command without --check to update it\n";
      return kExitInvalidInput;
    }
    return kExitOk;
  }
  if (!f.output_dir.empty()) {
    if (!WriteOutputDir(io.disk, output_dir, output.TakeFiles(), &err)) {
      PrintError(io, err);
      return kExitOutput;
    }
    return kExitOk;
  }
  output.WriteText(io.out);
  return kExitOk;
}

int RunValidate(const Flags& f, const CliIo& io, bool namespace_explicit) {
  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  RenderAllOptions options;
  options.validating = true;
  if (!diags.HasErrors()) {
    ResolveResult registries = Resolve(f, io, objects, LockMode::kOffline, true, &diags);
    for (const auto& [key, r] : registries.registries) options.registries[key] = r.content;
    RenderAll(objects, options, &diags);
  }
  PrintDiagnostics(diags, io);
  if (diags.HasErrors()) return kExitInvalidInput;
  std::map<std::string, int> counts;
  for (const Object& o : objects) ++counts[o.kind];
  *io.out << "valid: " << objects.size() << (objects.size() == 1 ? " object" : " objects");
  const char* sep = " (";
  for (const auto& [kind, n] : counts) {
    *io.out << sep << n << " " << TerminalSafe(kind);
    sep = ", ";
  }
  *io.out << (counts.empty() ? "" : ")") << "\n";
  return kExitOk;
}

// The registries the registry stage fetches (7002a239b MCPRegistry, v0.44.0 RegistryData) with
// their sync state from the lock; namespace_first: in the per-kind tables' column order.
void PrintRegistryTable(const Flags& f, const CliIo& io, const std::vector<Object>& objects,
                        bool namespace_first) {
  Diagnostics registry_diags;
  ResolveResult resolved = Resolve(f, io, objects, LockMode::kOffline, false, &registry_diags);
  std::vector<std::vector<std::string>> table = {
      {"NAME", "NAMESPACE", "SOURCE", "FORMAT", "SERVERS", "LAST SYNC", "NEXT SYNC"}};
  for (const Object& o : objects) {
    if (ToolhiveKindOf(o) != ToolhiveKind::kMCPRegistry) continue;
    Diagnostics ignored;
    MCPRegistry r = DecodeMCPRegistry(o, &ignored);
    auto it = resolved.registries.find(o.meta.namespace_ + "/" + o.meta.name);
    const bool remote = r.source.type != SourceType::kConfigMap;
    std::string next = !remote             ? "on render"
                       : !r.sync.automatic ? "manual"
                                           : "every " + r.sync.interval;
    table.push_back(
        {o.meta.name, o.meta.namespace_, DescribeSource(r.source), r.source.format,
         it == resolved.registries.end() ? "?" : std::to_string(it->second.server_count),
         it == resolved.registries.end() || it->second.fetched_at.empty() ? (remote ? "never" : "-")
                                                                          : it->second.fetched_at,
         next});
  }
  if (namespace_first)
    for (auto& row : table) std::swap(row[0], row[1]);
  PrintTable(table, *io.out);
  for (const Diagnostic& d : registry_diags.items())
    if (d.severity == Severity::kWarning) *io.err << FormatDiagnostic(d) << "\n";
}

int RunList(const Flags& f, const CliIo& io, bool namespace_explicit) {
  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  PrintDiagnostics(diags, io);
  if (diags.HasErrors()) return kExitInvalidInput;
  const bool registries = HasRegistries(objects);
  if (!TargetOf(f).list_server) {
    const bool any = PrintKindTables(TargetOf(f), objects, *io.out);
    if (registries) {
      // RegistryData: its columns come from the lock, which a KindLister cannot read.
      *io.out << (any ? "\n" : "") << "RegistryData\n";
      PrintRegistryTable(f, io, objects, true);
    } else if (!any) {
      *io.err << "No ToolHive resources found.\n";
    }
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows = {{"NAME", "NAMESPACE", "TRANSPORT", "PORT", "URL"}};
  for (const Object& o : objects) {
    if (ToolhiveKindOf(o) != ToolhiveKind::kMCPServer) continue;
    const ServerListRow row = o.target->list_server(o);
    rows.push_back({o.meta.name, o.meta.namespace_, row.transport, row.port, row.url});
  }
  if (rows.size() > 1) PrintTable(rows, *io.out);
  if (registries) {
    if (rows.size() > 1) *io.out << "\n";
    PrintRegistryTable(f, io, objects, false);
  } else if (rows.size() == 1) {
    *io.err << "No MCPServer or MCPRegistry resources found.\n";
  }
  return kExitOk;
}

int RunSync(const Flags& f, const CliIo& io, bool namespace_explicit) {
  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  ResolveResult registries;
  if (!diags.HasErrors()) registries = Resolve(f, io, objects, LockMode::kSync, false, &diags);
  PrintDiagnostics(diags, io);
  if (registries.lock_required) return kExitUsage;
  if (registries.fetch_failed) return kExitFetch;
  if (diags.HasErrors()) return kExitInvalidInput;
  if (registries.registries.empty()) {
    *io.err << "No MCPRegistry or RegistryData resources found; nothing to sync.\n";
    return kExitOk;
  }
  std::string err;
  const std::string lock = LockPath(f, io.disk);
  if (!WriteLock(io.disk, lock, registries, &err)) {
    PrintError(io, err);
    return kExitOutput;
  }
  *io.out << "synced " << registries.lock.entries.size() << " remote source(s) into "
          << TerminalSafe(lock) << "\n";
  return kExitOk;
}

}  // namespace thv
