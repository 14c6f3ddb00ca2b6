#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include <cstdlib>
#include <ctime>

#include "cli/argocd.h"
#include "cli/check.h"
#include "cli/completion.h"
#include "cli/krm.h"
#include "cli/load.h"
#include "cli/output.h"
#include "model/inputs.h"
#include "model/mcpserver.h"
#include "registry/network_source.h"
#include "registry/resolve.h"
#include "render/mcpregistry_render.h"
#include "render/mcpserver_render.h"
#include "render/render_all.h"

#ifndef THV_RENDER_VERSION
#define THV_RENDER_VERSION "0.1.0"
#endif

namespace thv {

namespace {

struct Flags {
  std::vector<std::string> paths;
  std::string namespace_ = "default";
  bool strict = false;
  size_t max_input_bytes = 256u << 20;
  std::string output = "yaml";
  std::string output_dir;
  std::string platform = "kubernetes";
  bool keep_custom_resources = false;
  RenderOptions render;
  // Registry sources.
  std::string lock;
  bool offline = false;
  bool refresh = false;
  std::string ca_file;
  std::vector<std::string> context;
  bool check = false;
  std::string check_file;
  std::vector<std::string> add_labels;
  std::string shell;  // completion
};

void AddInputFlags(CLI::App* cmd, Flags* f, bool paths_required) {
  auto* paths = cmd->add_option("PATH", f->paths,
                                "Files, directories (every *.yaml/*.yml below, sorted) or - for "
                                "stdin");
  if (paths_required) paths->required();
  cmd->add_option("-n,--namespace", f->namespace_, "Namespace for inputs without one")
      ->capture_default_str();
  cmd->add_flag("--strict", f->strict, "Unknown fields are errors instead of warnings");
  cmd->add_option("--max-input-bytes", f->max_input_bytes, "Largest input file accepted")
      ->capture_default_str();
  cmd->add_option("--context", f->context,
                  "Files or directories searched for referenced ConfigMaps and MCPToolConfigs; "
                  "not rendered (kustomize plugins pass the kustomization directory)")
      ->allow_extra_args(false);
}

void AddOperatorFlags(CLI::App* cmd, Flags* f) {
  cmd->add_option("--proxy-image", f->render.proxy_image,
                  "Proxy runner image (operator env TOOLHIVE_RUNNER_IMAGE)")
      ->capture_default_str();
  cmd->add_option("--proxy-host", f->render.proxy_host,
                  "Host the proxy binds (operator env TOOLHIVE_PROXY_HOST)")
      ->capture_default_str();
  cmd->add_flag("--runconfig-mode", f->render.runconfig_mode,
                "Short ConfigMap-mode proxy args (operator env TOOLHIVE_USE_CONFIGMAP=true)");
  cmd->add_option("--platform", f->platform, "Security contexts for this platform")
      ->check(CLI::IsMember({"kubernetes", "openshift"}))
      ->capture_default_str();
  cmd->add_option("--operator-version", f->render.operator_version,
                  "Operator version reported as telemetry serviceVersion")
      ->capture_default_str();
  cmd->add_option("--registry-api-image", f->render.registry_api_image,
                  "Registry API image (operator env TOOLHIVE_REGISTRY_API_IMAGE)")
      ->capture_default_str();
}

void AddRegistryFlags(CLI::App* cmd, Flags* f, bool render) {
  cmd->add_option("--lock", f->lock,
                  "Lock file pinning remote registry sources (default: thv-render.lock beside "
                  "the first input)");
  cmd->add_option("--ca-file", f->ca_file, "Extra CA certificates (PEM) for HTTPS sources");
  if (!render) return;
  auto* offline = cmd->add_flag("--offline", f->offline,
                                "Never touch the network: every remote source must be locked");
  cmd->add_flag("--refresh", f->refresh, "Fetch every remote source anew; the lock stays as it is")
      ->excludes(offline);
}

std::string NowRfc3339() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// thv-render.lock beside the first input: in it when it is a directory, else in its directory.
std::string LockPath(const Flags& f, DiskInterface* disk) {
  if (!f.lock.empty()) return f.lock;
  std::string first = f.paths.empty() || f.paths[0] == "-" ? "." : f.paths[0];
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
  NetworkSource source(network);
  ResolveOptions options;
  options.mode = mode;
  options.lock_path = LockPath(f, io.disk);
  options.now = NowRfc3339();
  options.skip_remote = skip_remote;
  if (io.tty) {
    // One line per fetch, overwritten by the next and cleared at the end.
    options.progress = [&io](const std::string& what) {
      *io.err << "\r\033[Kfetching " << what << "\r" << std::flush;
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
  options.input.default_namespace = f.namespace_;
  options.input.namespace_explicit = namespace_explicit;
  options.input.strict = f.strict;
  options.max_input_bytes = f.max_input_bytes;
  std::vector<std::string> paths = f.paths.empty() ? std::vector<std::string>{"-"} : f.paths;
  std::vector<Object> objects = LoadObjects(io.disk, paths, io.read_stdin, options, diags);
  // Context files may hold anything (other generators' configs, kustomization.yaml): only their
  // ConfigMaps and MCPToolConfigs matter, and problems elsewhere in them are not ours to report.
  Diagnostics context_diags;
  AddContextObjects(io.disk, f.context, options, &objects, &context_diags);
  return objects;
}

// --add-label KEY=VALUE on every rendered object that has metadata.
void AddLabels(const std::vector<std::string>& labels, Value* doc) {
  Value* meta = doc->Find("metadata");
  if (!meta) return;
  for (const std::string& label : labels) {
    const size_t eq = label.find('=');
    Value* existing = meta->Find("labels");
    if (!existing) existing = &meta->Set("labels", Value::Mapping());
    existing->Set(label.substr(0, eq), Value::String(label.substr(eq + 1)));
  }
}

int RunRender(const Flags& f, const CliIo& io, bool namespace_explicit) {
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
    RenderAll(objects, options, &diags, [&](Value doc) {
      AddLabels(f.add_labels, &doc);
      output.Add(std::move(doc), &diags);
    });
  }
  PrintDiagnostics(diags, io);
  if (registries.fetch_failed) return kExitFetch;
  if (diags.HasErrors()) return kExitInvalidInput;
  if (registries.lock_changed) {
    std::string err;
    if (!WriteLock(io.disk, LockPath(f, io.disk), registries, &err)) {
      *io.err << "error: " << err << "\n";
      return kExitInvalidInput;
    }
  }

  if (f.check || !f.check_file.empty()) {
    std::string diff;
    if (!f.check_file.empty()) {
      std::string committed, err;
      if (!io.disk->ReadFile(f.check_file, &committed, &err)) committed.clear();
      diff = UnifiedDiff(f.check_file, committed, f.check_file + " (rendered)", output.TakeText());
    } else {
      diff = DiffOutputDir(io.disk, f.output_dir, output.TakeFiles());
    }
    *io.out << diff;
    if (!diff.empty()) {
      *io.err << "rendered output differs from "
              << (f.check_file.empty() ? f.output_dir : f.check_file)
              << "; run the same command without --check to update it\n";
      return kExitInvalidInput;
    }
    return kExitOk;
  }
  if (!f.output_dir.empty()) {
    std::string err;
    if (!WriteOutputDir(io.disk, f.output_dir, output.TakeFiles(), &err)) {
      *io.err << "error: " << err << "\n";
      return kExitInvalidInput;
    }
    return kExitOk;
  }
  output.WriteText(io.out);
  io.out->flush();
  return kExitOk;
}

int RunValidate(const Flags& f, const CliIo& io, bool namespace_explicit) {
  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  RenderAllOptions options;
  if (!diags.HasErrors()) {
    ResolveResult registries = Resolve(f, io, objects, LockMode::kOffline, true, &diags);
    for (const auto& [key, r] : registries.registries) options.registries[key] = r.content;
    RenderAll(objects, options, &diags);
  }
  for (const Object& o : objects) {
    if (ToolhiveKindOf(o) == ToolhiveKind::kMCPRegistry)
      diags.Warning(
          o.origin.file, o.origin.mark, "",
          "MCPRegistry " + o.meta.name +
              ": the registry API Deployment runs as ServiceAccount toolhive-registry-api, "
              "which the operator does not create; provide it");
  }
  PrintDiagnostics(diags, io);
  if (diags.HasErrors()) return kExitInvalidInput;
  std::map<std::string, int> counts;
  for (const Object& o : objects) ++counts[o.kind];
  *io.out << "valid: " << objects.size() << (objects.size() == 1 ? " object" : " objects");
  const char* sep = " (";
  for (const auto& [kind, n] : counts) {
    *io.out << sep << n << " " << kind;
    sep = ", ";
  }
  *io.out << (counts.empty() ? "" : ")") << "\n";
  return kExitOk;
}

// kubectl's table layout: columns padded to the widest cell plus three spaces.
void PrintTable(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  std::vector<size_t> widths;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], row[i].size());
    }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 3, ' ');
    }
    out << line << "\n";
  }
}

int RunList(const Flags& f, const CliIo& io, bool namespace_explicit) {
  Diagnostics diags;
  std::vector<Object> objects = Load(f, io, namespace_explicit, &diags);
  PrintDiagnostics(diags, io);
  if (diags.HasErrors()) return kExitInvalidInput;
  std::vector<std::vector<std::string>> rows = {{"NAME", "NAMESPACE", "TRANSPORT", "PORT", "URL"}};
  for (const Object& o : objects) {
    if (ToolhiveKindOf(o) != ToolhiveKind::kMCPServer) continue;
    MCPServer s = DecodeMCPServer(o);
    rows.push_back(
        {o.meta.name, o.meta.namespace_, s.transport, std::to_string(s.port), ServiceUrl(s)});
  }
  if (rows.size() > 1) PrintTable(rows, *io.out);

  if (HasRegistries(objects)) {
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
           it == resolved.registries.end() || it->second.fetched_at.empty()
               ? (remote ? "never" : "-")
               : it->second.fetched_at,
           next});
    }
    if (rows.size() > 1) *io.out << "\n";
    PrintTable(table, *io.out);
    for (const Diagnostic& d : registry_diags.items())
      if (d.severity == Severity::kWarning) *io.err << FormatDiagnostic(d) << "\n";
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
  if (registries.fetch_failed) return kExitFetch;
  if (diags.HasErrors()) return kExitInvalidInput;
  if (registries.registries.empty()) {
    *io.err << "No MCPRegistry resources found; nothing to sync.\n";
    return kExitOk;
  }
  std::string err;
  const std::string lock = LockPath(f, io.disk);
  if (!WriteLock(io.disk, lock, registries, &err)) {
    *io.err << "error: " << err << "\n";
    return kExitInvalidInput;
  }
  *io.out << "synced " << registries.lock.entries.size() << " remote source(s) into " << lock
          << "\n";
  return kExitOk;
}

void AddRenderFlags(CLI::App* render, Flags* f) {
  AddInputFlags(render, f, false);
  AddOperatorFlags(render, f);
  AddRegistryFlags(render, f, true);
  render->add_option("-o,--output", f->output, "Output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->capture_default_str();
  render->add_option("--output-dir", f->output_dir,
                     "Write one file per object and a kustomization.yaml into DIR (replaced "
                     "atomically)");
  auto* check = render->add_flag(
      "--check", f->check,
      "With --output-dir: compare DIR with a fresh render, print a unified diff, exit 1 on drift; "
      "write nothing");
  render->add_option("--check-file", f->check_file,
                     "Compare FILE with the rendered stream (-o yaml|json) instead of printing it; "
                     "exit 1 on drift");
  render->callback([f, check] {
    if (*check && f->output_dir.empty())
      throw CLI::ValidationError("--check", "needs --output-dir (or use --check-file FILE)");
  });
  render
      ->add_option("--add-label", f->add_labels,
                   "KEY=VALUE label added to every output object's metadata (repeatable)")
      ->allow_extra_args(false)
      ->check([](const std::string& v) -> std::string {
        return v.find('=') == std::string::npos || v[0] == '=' ? "expected KEY=VALUE" : "";
      });
  render->add_flag("--keep-custom-resources", f->keep_custom_resources,
                   "Also emit the ToolHive custom resources themselves");
}

// list and sync: required inputs, and the lock their remote registry sources are pinned in.
void AddLockedInputFlags(CLI::App* cmd, Flags* f) {
  AddInputFlags(cmd, f, true);
  AddRegistryFlags(cmd, f, false);
}

void AddCompletionFlags(CLI::App* completion, Flags* f) {
  completion->add_option("SHELL", f->shell, "bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
}

struct Command {
  const char* name;
  const char* description;
  const char* footer;
  void (*add_flags)(CLI::App*, Flags*);
};

const Command kCommands[] = {
    {"render", "Render inputs to Kubernetes manifests",
     "Examples:\n"
     "  thv-render render servers/                     # every *.yaml below, to stdout\n"
     "  thv-render render -n mcp fetch.yaml | kubectl apply -f -\n"
     "  cat fetch.yaml | thv-render render -o json -\n"
     "  thv-render render --output-dir rendered/ servers/   # one file per object + "
     "kustomization.yaml\n"
     "\nExit codes: 0 ok, 1 invalid input, 2 usage error, 3 a source could not be fetched.",
     AddRenderFlags},
    {"validate", "Check inputs without rendering output",
     "Examples:\n  thv-render validate servers/\n  thv-render validate --strict fetch.yaml",
     [](CLI::App* cmd, Flags* f) { AddInputFlags(cmd, f, true); }},
    {"list", "List MCPServers as kubectl get would, offline",
     "Example:\n  thv-render list servers/", AddLockedInputFlags},
    {"sync", "Fetch every remote MCPRegistry source anew and update the lock file",
     "Run on the schedule the registries' syncPolicy.interval states (e.g. a scheduled CI job),\n"
     "then commit the lock file and its .d/ directory. Example:\n  thv-render sync registries/",
     AddLockedInputFlags},
    {"krm", "Run as a KRM function: ResourceList on stdin, ResourceList on stdout",
     "For standalone kustomize (--enable-alpha-plugins --enable-exec) and kpt; see\n"
     "plugins/kustomize/thv-render-krm. The functionConfig is an MCPServer or MCPRegistry.",
     AddOperatorFlags},
    {"argocd-generate",
     "Argo CD plugin generate step: render the app path with the plugin's environment",
     "Runs in the application's path. Reads ARGOCD_APP_NAMESPACE, ARGOCD_APP_NAME and the plugin\n"
     "parameters (PARAM_* or ARGOCD_ENV_*): PROXY_IMAGE, PLATFORM, STRICT, OFFLINE (default "
     "true),\n"
     "PART_OF_LABEL, PATH. See plugins/argocd/.",
     nullptr},
    {"completion", "Print a shell completion script",
     "Examples:\n  source <(thv-render completion bash)\n"
     "  thv-render completion zsh > \"${fpath[1]}/_thv-render\"",
     AddCompletionFlags},
    {"version", "Print the version", "", nullptr},
};

}  // namespace

int RunCli(int argc, const char* const* argv, const CliIo& io) {
  CLI::App app{
      "thv-render: render ToolHive MCPServer and MCPRegistry resources into the plain\n"
      "Kubernetes manifests the ToolHive operator would create, offline."};
  app.name("thv-render");
  app.require_subcommand(1);
  Flags f;
  // Only the subcommand being run gets its flags (completion lists them all): CLI11 builds
  // options eagerly, and for a one-server render that set-up was a third of the instructions.
  const std::string named = argc > 1 ? argv[1] : "";
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    sub->footer(command.footer);
    if (command.add_flags && (named == command.name || named == "completion"))
      command.add_flags(sub, &f);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 whose text belongs on stdout.
    std::stringstream out, err;
    const bool ok = app.exit(e, out, err) == 0;
    *io.out << out.str();
    *io.err << err.str();
    return ok ? kExitOk : kExitUsage;
  }

  const CLI::App* chosen = app.get_subcommands().front();
  const std::string& name = chosen->get_name();
  if (name == "argocd-generate") {
    std::vector<std::string> args = ArgoCdRenderArgs([](const char* k) { return std::getenv(k); });
    args.insert(args.begin(), "thv-render");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    return RunCli(static_cast<int>(argv.size()), argv.data(), io);
  }
  const bool namespace_explicit =
      chosen->get_option_no_throw("--namespace") && chosen->count("--namespace") > 0;
  if (name == "render") return RunRender(f, io, namespace_explicit);
  if (name == "validate") return RunValidate(f, io, namespace_explicit);
  if (name == "list") return RunList(f, io, namespace_explicit);
  if (name == "sync") return RunSync(f, io, namespace_explicit);
  if (name == "krm") {
    RenderAllOptions options;
    options.render = f.render;
    options.render.openshift = f.platform == "openshift";
    std::string out;
    int code = RunKrmFunction(io.read_stdin(), options, &out);
    *io.out << out;
    return code;
  }
  if (name == "completion") {
    *io.out << CompletionScript(app, f.shell);
    return kExitOk;
  }
  if (name == "version") {
    *io.out << "thv-render " << THV_RENDER_VERSION << " (ToolHive operator 7002a239b)\n";
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace thv
