#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "cli/argocd.h"
#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/flags.h"
#include "cli/krm.h"
#include "cli/manpage.h"
#include "cli/migrate.h"
#include "cli/schema.h"
#include "registry/net_libs.h"
#include "targets/targets.h"

#ifndef THV_RENDER_VERSION
#define THV_RENDER_VERSION "0.1.0"
#endif

namespace thv {

namespace {

struct Command {
  const char* name;
  const char* description;
  const char* footer;
  void (*add_flags)(CLI::App*, Flags*);
};

#define THV_FETCH_TIME_NOTE                                                                      \
  "A url or registry source's fetch ends within its timeout (spec.source.url.timeout, default\n" \
  "30s): every attempt, backoff and page together.\n"

const Command kCommands[] = {
    {"render", "Render inputs to Kubernetes manifests",
     "Examples:\n"
     "  thv-render render servers/                     # every *.yaml below, to stdout\n"
     "  thv-render render -n mcp fetch.yaml | kubectl apply -f -\n"
     "  cat fetch.yaml | thv-render render -o json -\n"
     "  thv-render render --output-dir rendered/ servers/   # one file per object + "
     "kustomization.yaml\n"
     "\n" THV_FETCH_TIME_NOTE
     "\nExit codes: 0 ok, 1 invalid input, 2 usage error, 3 a source could not be fetched,\n"
     "4 the output could not be written.",
     AddRenderFlags},
    {"validate", "Check inputs without rendering output",
     "Examples:\n  thv-render validate servers/\n  thv-render validate --strict fetch.yaml",
     AddValidateFlags},
    {"list", "List ToolHive resources as kubectl get would, offline",
     "Example:\n  thv-render list servers/", AddLockedInputFlags},
    {"sync", "Fetch every remote MCPRegistry source anew and update the lock file",
     "Run on the schedule the registries' syncPolicy.interval states (e.g. a scheduled CI job),\n"
     "then commit the lock file and its .d/ directory. Example:\n  thv-render sync registries/\n"
     "\n" THV_FETCH_TIME_NOTE,
     AddLockedInputFlags},
    {"krm", "Run as a KRM function: ResourceList on stdin, ResourceList on stdout",
     "For standalone kustomize (--enable-alpha-plugins --enable-exec) and kpt; see\n"
     "plugins/kustomize/thv-render-krm. The functionConfig is an MCPServer or MCPRegistry; an\n"
     "MCPRegistry's ConfigMap source comes from the items, a remote source from the lock file.",
     AddKrmFlags},
    {"kustomize-transform",
     "Run as kustomize's exec transformer: names inside strings follow namePrefix, nameSuffix "
     "and namespace",
     "Reads every object of a kustomize build on stdin, writes them back with the names the\n"
     "proxy's arguments and RunConfig hold made to match the renamed objects, and their\n"
     "checksums recomputed. See plugins/kustomize/thv-render-names.",
     AddKustomizeTransformFlags},
    {"argocd-generate",
     "Argo CD plugin generate step: render the app path with the plugin's environment",
     "Runs in the application's path. Reads ARGOCD_APP_NAMESPACE, ARGOCD_APP_NAME and the plugin\n"
     "parameters (PARAM_* or ARGOCD_ENV_*): OPERATOR_VERSION, PROXY_IMAGE, PLATFORM, STRICT,\n"
     "OFFLINE (default true), PART_OF_LABEL, PATH. See plugins/argocd/.",
     nullptr},
    {"argocd-discover",
     "Argo CD plugin discover step: print the first file holding a ToolHive resource",
     "Runs in the application's path; prints nothing (the plugin does not claim it) for a Helm\n"
     "chart, and for a kustomization unless the parameter KUSTOMIZE_DIRS (PARAM_* or\n"
     "ARGOCD_ENV_*) or THV_RENDER_KUSTOMIZE_DIRS is true: Argo CD builds those itself.",
     nullptr},
    {"schema", "Write JSON Schemas of the target's CRDs for editors and validators",
     "One draft-07 schema per kind and served version, as DIR/<group>/<kind>_<version>.json\n"
     "(kind lower-cased: toolhive.stacklok.dev/mcpserver_v1beta1.json), the datreeio\n"
     "CRDs-catalog layout. Examples:\n"
     "  thv-render schema --output-dir schemas/\n"
     "  kubeconform -schema-location default \\\n"
     "    -schema-location 'schemas/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json' "
     "mcp/\n"
     "CEL rules (x-kubernetes-validations) are passed through and described, not checked:\n"
     "run thv-render validate for them.\n"
     "\nExit codes: 0 ok, 2 usage error, 4 the output could not be written.",
     AddSchemaFlags},
    {"migrate", "Upgrade manifests to a newer operator release, comments kept",
     "Edits the text in place of re-emitting it: comments, order, quoting and indentation of\n"
     "everything not migrated stay as they were. From 7002a239b to v0.44.0: port -> proxyPort,\n"
     "targetPort -> mcpPort, inline oidcConfig / telemetry / tools -> MCPOIDCConfig /\n"
     "MCPTelemetryConfig / MCPToolConfig documents (<server>-oidc, -telemetry, -tools, shared\n"
     "when identical) right after the server, apiVersion v1beta1; the stdio proxy mode keeps sse.\n"
     "What v0.44.0 cannot express with the same meaning is refused; changed behaviour is noted.\n"
     "Examples:\n"
     "  thv-render migrate --to v0.44.0 servers/ > migrated.yaml\n"
     "  thv-render migrate --to v0.44.0 --in-place servers/\n"
     "  thv-render migrate --to v0.44.0 --check servers/      # CI: exit 1 when not migrated\n"
     "\nExit codes: 0 ok (--check: nothing to change), 1 refused input (--check: a diff),\n"
     "2 usage error, 4 the files could not be written.",
     AddMigrateFlags},
    {"completion", "Print a shell completion script",
     "Examples:\n  source <(thv-render completion bash)\n"
     "  thv-render completion zsh > \"${fpath[1]}/_thv-render\"",
     AddCompletionFlags},
    {"version", "Print the version and the operator releases it renders for", "", nullptr},
    {"help", "Print the help of every command, or of one, or the manual page",
     "Examples:\n  thv-render help render\n  thv-render help --man > thv-render.1", AddHelpFlags},
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
    if (command.add_flags && (named == command.name || named == "completion" || named == "help"))
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
  if (name == "migrate") return RunMigrate(f, io);
  if (name == "validate") return RunValidate(f, io, namespace_explicit);
  if (name == "list") return RunList(f, io, namespace_explicit);
  if (name == "sync") return RunSync(f, io, namespace_explicit);
  if (name == "krm") {
    KrmOptions options;
    options.target = &TargetOf(f);
    options.render_all.render = f.render;
    options.render_all.render.openshift = f.platform == "openshift";
    options.disk = io.disk;
    options.lock_path = f.lock.empty() ? "thv-render.lock" : f.lock;
    std::string in, out, err;
    if (!io.read_stdin(f.max_input_bytes, &in, &err)) {
      *io.err << "error: " << TerminalSafe(err) << "\n";
      return kExitInvalidInput;
    }
    int code = RunKrmFunction(in, options, &out);
    *io.out << out;
    return code;
  }
  if (name == "schema") return RunSchema(f, io);
  if (name == "kustomize-transform") {
    std::string in, out, err;
    if (!io.read_stdin(f.max_input_bytes, &in, &err)) {
      *io.err << "error: " << TerminalSafe(err) << "\n";
      return kExitInvalidInput;
    }
    const int code = RunKustomizeTransform(in, TargetOf(f), &out, &err);
    *io.err << err;  // diagnostics, terminal-safe already
    *io.out << out;
    return code;
  }
  if (name == "argocd-discover") {
    const std::string found =
        ArgoCdDiscover(io.disk, ".", [](const char* k) { return std::getenv(k); });
    if (!found.empty()) *io.out << found << "\n";
    return kExitOk;
  }
  if (name == "help") {
    if (f.man) {
      *io.out << ManPage(app, THV_RENDER_VERSION);
      return kExitOk;
    }
    if (f.help_command.empty()) {
      // app.help() would describe the subcommand being run, help itself.
      *io.out << app.get_formatter()->make_help(&app, "thv-render", CLI::AppFormatMode::Normal);
      return kExitOk;
    }
    const CLI::App* sub = nullptr;
    for (const CLI::App* s : app.get_subcommands({}))
      if (s->get_name() == f.help_command) sub = s;
    if (!sub) {
      *io.err << "error: no command " << TerminalSafe(f.help_command) << " (thv-render help)\n";
      return kExitUsage;
    }
    *io.out << sub->help("thv-render");
    return kExitOk;
  }
  if (name == "completion") {
    *io.out << CompletionScript(app, f.shell);
    return kExitOk;
  }
  if (name == "version") {
    *io.out
        << "thv-render " << THV_RENDER_VERSION << "\n"
        << "ToolHive operator releases (--operator-version, env THV_RENDER_OPERATOR_VERSION):\n";
    for (const Target* t : AllTargets()) {
      *io.out << "  " << t->name << (t == &DefaultTarget() ? " (default)" : "") << ": " << t->source
              << ", builds as " << t->operator_build << "; proxy image " << t->defaults.proxy_image
              << ", registry API image " << t->defaults.registry_api_image << "\n";
    }
    *io.out << "Loaded at run time for network registry sources: " << LibcurlSoname()
            << " (url, registry), " << Libgit2Soname() << " (git)\n";
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace thv
