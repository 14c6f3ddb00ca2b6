#include "cli/flags.h"

#include <arpa/inet.h>

#include <CLI/CLI.hpp>
#include <optional>
#include <unordered_map>

#include "model/names.h"
#include "registry/netrc.h"

namespace thv {

namespace {

// Flag values land on every object, so they are held to the rules the same value would meet in
// a file, with the same words; a failed check is a usage error (exit 2).
using Rule = std::string (*)(const std::string&);

std::string Invalid(const std::string& value, const std::string& why) {
  return why.empty() ? "" : "Invalid value: \"" + value + "\": " + why;
}

std::function<std::string(const std::string&)> Follows(Rule rule) {
  return [rule](const std::string& value) { return Invalid(value, rule(value)); };
}

// What the proxy binds: an IP address or a host name.
std::string CheckHost(const std::string& host) {
  unsigned char addr[16];
  if (inet_pton(AF_INET, host.c_str(), addr) == 1 || inet_pton(AF_INET6, host.c_str(), addr) == 1)
    return "";
  return Invalid(host, CheckDns1123Subdomain(host).empty()
                           ? ""
                           : "must be an IP address or a lowercase RFC 1123 host name");
}

std::string CheckLabel(const std::string& label) {
  const size_t eq = label.find('=');
  if (eq == std::string::npos) return "expected KEY=VALUE";
  const std::string key = label.substr(0, eq), value = label.substr(eq + 1);
  if (std::string err = CheckQualifiedName(key); !err.empty()) return Invalid(key, err);
  return Invalid(value, CheckLabelValue(value));
}

// A byte count: digits only ("-1" would wrap around to the largest size) and no overflow.
std::string CheckByteCount(const std::string& v) {
  constexpr size_t kMaxDigits = 18;  // below 2^63
  if (v.empty() || v.size() > kMaxDigits || v.find_first_not_of("0123456789") != std::string::npos)
    return "Invalid value: \"" + v + "\": must be a number of bytes from 0 to 999999999999999999";
  return "";
}

std::string CheckNotEmpty(const std::string& v) {
  return v.empty() ? "Required value: must not be empty" : "";
}

}  // namespace

std::string CheckNamespace(const std::string& ns) {
  return ns.empty() ? "Required value: a namespace name" : Invalid(ns, CheckDns1123Label(ns));
}

std::string CheckOperatorVersion(const std::string& name) {
  if (FindTarget(name)) return "";
  std::string supported;
  for (const std::string& n : SupportedNames())
    supported += (supported.empty() ? "\"" : ", \"") + n + "\"";
  return "Unsupported value: \"" + name + "\": supported values: " + supported;
}

namespace {

void AddOperatorVersionFlag(CLI::App* cmd, Flags* f) {
  std::string names;
  for (const std::string& n : SupportedNames()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--operator-version", f->operator_version,
                  "ToolHive operator release whose CRDs and controllers to follow: " + names +
                      " (see thv-render version)")
      ->envname("THV_RENDER_OPERATOR_VERSION")
      ->check(CheckOperatorVersion)
      ->capture_default_str();
}

// An operator environment value: set only when given, else the target's default applies.
void AddOperatorEnvOption(CLI::App* cmd, const std::string& name, std::optional<std::string>* out,
                          const std::string& help,
                          std::function<std::string(const std::string&)> check) {
  cmd->add_option_function<std::string>(
         name, [out](const std::string& v) { *out = v; },
         help + "; default: the target's, see thv-render version)")
      ->check(check);
}

void AddInputFlags(CLI::App* cmd, Flags* f, bool paths_required) {
  auto* paths = cmd->add_option("PATH", f->paths,
                                "Files, directories (every *.yaml/*.yml below, sorted) or - for "
                                "stdin");
  if (paths_required) paths->required();
  AddOperatorVersionFlag(cmd, f);
  cmd->add_option("-n,--namespace", f->namespace_, "Namespace for inputs without one")
      ->check(CheckNamespace)
      ->capture_default_str();
  cmd->add_flag("--strict", f->strict, "Unknown fields are errors instead of warnings");
  cmd->add_option("--max-input-bytes", f->max_input_bytes,
                  "Largest input file (or standard input) accepted; reading stops there")
      ->check(CheckByteCount)
      ->capture_default_str();
  cmd->add_option("--context", f->context,
                  "Files or directories searched for referenced ConfigMaps and MCPToolConfigs; "
                  "not rendered (kustomize plugins pass the kustomization directory)")
      ->allow_extra_args(false);
  cmd->add_option("--input-root", f->input_root,
                  "Read only files inside DIR after following symlinks: a path or symlink leading "
                  "out of it is an error (argocd-generate sets it to the application directory)")
      ->check(CheckNotEmpty);
}

void AddRegistryFlags(CLI::App* cmd, Flags* f, bool render) {
  cmd->add_option("--lock", f->lock,
                  "Lock file pinning remote registry sources (default: thv-render.lock beside "
                  "the first input)")
      ->check(CheckNotEmpty);
  cmd->add_option("--ca-file", f->ca_file, "Extra CA certificates (PEM) for HTTPS sources");
  cmd->add_option("--netrc-file", f->netrc_file,
                  "Credentials for HTTP(S) and git-over-HTTP(S) sources, by host (netrc format: "
                  "machine HOST login USER password SECRET); source URLs never carry them")
      ->envname("THV_RENDER_NETRC_FILE")
      ->check(NetrcFileProblem);
  if (!render) return;
  auto* offline = cmd->add_flag("--offline", f->offline,
                                "Never touch the network: every remote source must be locked");
  cmd->add_flag("--refresh", f->refresh, "Fetch every remote source anew; the lock stays as it is")
      ->excludes(offline);
}

}  // namespace

const Target& TargetOf(const Flags& f) {
  const Target* target = FindTarget(f.operator_version);
  return target ? *target : DefaultTarget();  // the flag's check admits only known names
}

void AddOperatorFlags(CLI::App* cmd, Flags* f) {
  AddOperatorEnvOption(cmd, "--proxy-image", &f->render.proxy_image,
                       "Proxy runner image (operator env TOOLHIVE_RUNNER_IMAGE",
                       Follows(CheckImageReference));
  AddOperatorEnvOption(cmd, "--proxy-host", &f->render.proxy_host,
                       "Host the proxy binds (operator env TOOLHIVE_PROXY_HOST", CheckHost);
  cmd->add_flag("--runconfig-mode", f->render.runconfig_mode,
                "Short ConfigMap-mode proxy args (operator env TOOLHIVE_USE_CONFIGMAP=true)");
  cmd->add_option("--platform", f->platform, "Security contexts for this platform")
      ->check(CLI::IsMember({"kubernetes", "openshift"}))
      ->capture_default_str();
  AddOperatorEnvOption(cmd, "--registry-api-image", &f->render.registry_api_image,
                       "Registry API image (operator env TOOLHIVE_REGISTRY_API_IMAGE",
                       Follows(CheckImageReference));
  AddOperatorEnvOption(cmd, "--vmcp-image", &f->render.vmcp_image,
                       "Virtual MCP server image (operator env VMCP_IMAGE",
                       Follows(CheckImageReference));
  cmd->add_option_function<std::string>(
         "--usage-metrics", [f](const std::string& v) { f->render.usage_metrics = v == "on"; },
         "The usagemetrics middleware in RunConfigs (off: the operator env has "
         "TOOLHIVE_USAGE_METRICS_ENABLED=false, TOOLHIVE_SKIP_UPDATE_CHECK=true or a CI "
         "variable; default: the target's Helm chart, on at v0.44.0)")
      ->check(CLI::IsMember({"on", "off"}));
  cmd->add_option("--default-image-pull-secret", f->render.default_image_pull_secrets,
                  "Image pull secret the operator adds to every proxy Deployment and "
                  "ServiceAccount (operator env TOOLHIVE_DEFAULT_IMAGE_PULL_SECRETS; repeatable)")
      ->allow_extra_args(false)
      ->check(Follows(CheckDns1123Subdomain));
  AddOperatorEnvOption(cmd, "--default-redis-addr", &f->render.default_redis_addr,
                       "Redis host:port for session storage of MCPServers without "
                       "spec.sessionStorage (operator env TOOLHIVE_DEFAULT_REDIS_ADDR",
                       CheckNotEmpty);
  AddOperatorEnvOption(cmd, "--default-redis-secret", &f->render.default_redis_secret,
                       "Secret holding that Redis's password (operator env "
                       "TOOLHIVE_DEFAULT_REDIS_SECRET_NAME; MCPServers do not use it",
                       Follows(CheckDns1123Subdomain));
  AddOperatorEnvOption(cmd, "--default-redis-secret-key", &f->render.default_redis_secret_key,
                       "Its key (operator env TOOLHIVE_DEFAULT_REDIS_SECRET_KEY",
                       Follows(CheckConfigMapKey));
  // A setting the selected release does not read is a usage error, not a silent no-op.
  cmd->parse_complete_callback([cmd, f] {
    for (const UnreadFlag* u = TargetOf(*f).unread_flags; u && u->flag; ++u) {
      if (cmd->count(u->flag) > 0)
        throw CLI::ValidationError(u->flag, std::string("no effect at --operator-version ") +
                                                TargetOf(*f).name + ": " + u->why);
    }
  });
}

void AddRenderFlags(CLI::App* render, Flags* f) {
  AddInputFlags(render, f, false);
  AddOperatorFlags(render, f);
  AddRegistryFlags(render, f, true);
  auto* output = render->add_option("-o,--output", f->output, "Output format")
                     ->check(CLI::IsMember({"yaml", "json"}))
                     ->capture_default_str();
  auto* output_dir =
      render
          ->add_option("--output-dir", f->output_dir,
                       "Write one YAML file per object and a kustomization.yaml into DIR, "
                       "replacing it atomically; DIR may not be or hold an input. A symlink is "
                       "followed: the directory it names is replaced and the link kept")
          ->check(CheckNotEmpty);
  auto* check = render->add_flag(
      "--check", f->check,
      "With --output-dir: compare DIR with a fresh render, print a unified diff, exit 1 on drift; "
      "write nothing");
  render
      ->add_option("--check-file", f->check_file,
                   "Compare FILE with the rendered stream (-o yaml|json) instead of printing it; "
                   "exit 1 on drift")
      ->check(CheckNotEmpty);
  render->callback([f, check, output, output_dir] {
    if (*check && f->output_dir.empty())
      throw CLI::ValidationError("--check", "needs --output-dir (or use --check-file FILE)");
    if (*output && *output_dir && f->output == "json")
      throw CLI::ValidationError("--output-dir",
                                 "writes YAML files; -o json applies to the stream on stdout");
  });
  render
      ->add_option("--add-label", f->add_labels,
                   "KEY=VALUE label added to every output object's metadata (repeatable)")
      ->allow_extra_args(false)
      ->check(CheckLabel);
  render->add_flag("--keep-custom-resources", f->keep_custom_resources,
                   "Also emit the ToolHive custom resources themselves");
}

void AddKrmFlags(CLI::App* cmd, Flags* f) {
  AddOperatorVersionFlag(cmd, f);
  AddOperatorFlags(cmd, f);
  cmd->add_option("--lock", f->lock,
                  "Lock file an MCPRegistry's remote source renders from, offline (default: "
                  "./thv-render.lock, in the kustomization directory kustomize runs functions in)")
      ->check(CheckNotEmpty);
}

void AddValidateFlags(CLI::App* cmd, Flags* f) { AddInputFlags(cmd, f, true); }

void AddLockedInputFlags(CLI::App* cmd, Flags* f) {
  AddInputFlags(cmd, f, true);
  AddRegistryFlags(cmd, f, false);
}

void AddSchemaFlags(CLI::App* cmd, Flags* f) {
  AddOperatorVersionFlag(cmd, f);
  cmd->add_option("--output-dir", f->output_dir,
                  "Write the JSON Schemas into DIR (<group>/<kind>_<version>.json), replacing it "
                  "atomically; DIR must be new, empty or an earlier schema output")
      ->required()
      ->check(CheckNotEmpty);
}

void AddKustomizeTransformFlags(CLI::App* cmd, Flags* f) {
  AddOperatorVersionFlag(cmd, f);
  // kustomize passes the transformer's config file; it holds nothing to read.
  cmd->add_option("CONFIG", f->paths, "The transformer config file kustomize passes (unused)");
}

void AddCompletionFlags(CLI::App* completion, Flags* f) {
  completion->add_option("SHELL", f->shell, "bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
}

void AddHelpFlags(CLI::App* help, Flags* f) {
  help->add_option("COMMAND", f->help_command,
                   "The command to describe (default: list the commands)");
  help->add_flag("--man", f->man,
                 "Print the manual page thv-render(1) (troff), generated from this help");
}

std::vector<std::pair<std::string, std::string>> ParseLabels(
    const std::vector<std::string>& labels) {
  std::vector<std::pair<std::string, std::string>> out;
  std::unordered_map<std::string, size_t> index;
  for (const std::string& label : labels) {
    const size_t eq = label.find('=');
    std::string key = label.substr(0, eq), value = label.substr(eq + 1);
    auto [it, inserted] = index.emplace(key, out.size());
    if (inserted)
      out.emplace_back(std::move(key), std::move(value));
    else
      out[it->second].second = std::move(value);
  }
  return out;
}

}  // namespace thv
