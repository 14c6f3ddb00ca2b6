#include "cli/migrate.h"

#include <CLI/CLI.hpp>
#include <set>
#include <tuple>

#include "cli/check.h"
#include "cli/load.h"
#include "core/replace_files.h"
#include "migrate/migrate.h"
#include "model/formats.h"
#include "targets/targets.h"

namespace thv {

namespace {

std::string CheckDatabase(const std::string& v) {
  size_t colon = v.rfind(':'), slash = v.find('/', colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || colon == 0 || slash == std::string::npos ||
      slash == colon + 1 || slash + 1 == v.size() ||
      v.substr(colon + 1, slash - colon - 1).find_first_not_of("0123456789") != std::string::npos)
    return "--registry-database " + v + ": want HOST:PORT/NAME";
  // Bounded before std::stoll reads it in the migration.
  const std::string port = v.substr(colon + 1, slash - colon - 1);
  if (port.size() > 5 || std::stoi(port) < 1 || std::stoi(port) > 65535)
    return "--registry-database " + v + ": PORT must be 1-65535";
  return "";
}

// What the registry server parses it with: time.ParseDuration.
std::string CheckDuration(const std::string& v) {
  int64_t ns = 0;
  return ParseGoDuration(v, &ns) && ns > 0
             ? ""
             : "Invalid value: \"" + v + "\": want a Go duration (30m, 1h)";
}

void PrintDiagnostics(const Diagnostics& diags, const CliIo& io) {
  for (const Diagnostic& d : diags.items()) *io.err << FormatDiagnostic(d) << "\n";
  if (diags.error_count() > 1) *io.err << diags.error_count() << " errors\n";
}

// The directories an interrupted --in-place may have left a journal in: those of the inputs and
// of the files their symlinks name.
std::vector<std::string> JournalDirs(DiskInterface* disk, const std::vector<std::string>& args,
                                     const std::vector<std::string>& paths) {
  std::set<std::string> dirs;
  for (const std::string& a : args)
    if (a != "-" && disk->Stat(a) == DiskInterface::Kind::kDirectory) dirs.insert(a);
  for (const std::string& p : paths) {
    if (p == "-") continue;
    const size_t slash = p.find_last_of('/');
    dirs.insert(slash == std::string::npos ? "." : slash == 0 ? "/" : p.substr(0, slash));
    std::string real, ignored;
    if (disk->RealPath(p, &real, &ignored)) dirs.insert(real.substr(0, real.find_last_of('/')));
  }
  return {dirs.begin(), dirs.end()};
}

// With --in-place, completes (or rolls back) what an interrupted --in-place left; otherwise
// refuses to read a set it may have left half replaced.
bool HandleInterrupted(const Flags& f, const CliIo& io, const std::vector<std::string>& paths) {
  const std::vector<std::string> dirs = JournalDirs(io.disk, f.paths, paths);
  if (!f.in_place) {
    const std::vector<std::string> pending = PendingReplacements(io.disk, dirs);
    for (const std::string& j : pending)
      *io.err << "error: " << j
              << ": an interrupted `migrate --in-place` may have left these files half "
                 "replaced; run `thv-render migrate --in-place` on them to complete (or roll "
                 "back) it first\n";
    return pending.empty();
  }
  std::vector<std::string> report;
  std::string err;
  const bool ok = RecoverReplacements(io.disk, dirs, &report, &err);
  for (const std::string& line : report) *io.err << "note: " << line << "\n";
  if (!ok) *io.err << "error: " << err << "\n";
  return ok;
}

}  // namespace

void AddMigrateFlags(CLI::App* cmd, Flags* f) {
  cmd->add_option("PATH", f->paths,
                  "Files, directories (every *.yaml/*.yml below, sorted) or - for stdin")
      ->required();
  // --to is required; --from defaults to detecting each document's release.
  for (auto [name, value, help] :
       {std::tuple{"--to", &f->migrate_to, "The operator release to migrate to (v0.44.0)"},
        {"--from", &f->migrate_from,
         "The release the inputs were written for (default: each document's oldest release it "
         "is valid at)"}}) {
    CLI::Option* option = cmd->add_option(name, *value, help)->check(CheckOperatorVersion);
    if (value == &f->migrate_to) option->required();
  }
  cmd->add_option("-n,--namespace", f->namespace_,
                  "Namespace of inputs without one (7002a239b's default OIDC resource URL named "
                  "it)")
      ->check(CheckNamespace)
      ->capture_default_str();
  auto* in_place = cmd->add_flag("--in-place", f->in_place,
                                 "Rewrite the files, all or none (an interrupted run is completed "
                                 "by the next) instead of printing the migrated stream");
  cmd->add_flag("--check", f->check,
                "Print the unified diff and exit 1 when something would change; write nothing")
      ->excludes(in_place);
  cmd->add_option("--registry-database", f->registry_database,
                  "MCPRegistry: the registry server's PostgreSQL database, HOST:PORT/NAME (the "
                  "7002a239b shape had none)")
      ->check(CheckDatabase);
  const struct {
    const char* name;
    std::string* value;
    const char* help;
  } registry_options[] = {
      {"--registry-database-user", &f->registry_database_user,
       "MCPRegistry: the database user the registry server connects as"},
      {"--registry-database-migration-user", &f->registry_database_migration_user,
       "MCPRegistry: the database user that runs schema migrations (default: "
       "--registry-database-user)"},
      {"--registry-sync-interval", &f->registry_sync_interval,
       "MCPRegistry: the sync interval (Go duration) for registries without syncPolicy, which "
       "7002a239b synced on demand only"},
  };
  for (const auto& o : registry_options) {
    CLI::Option* option = cmd->add_option(o.name, *o.value, o.help);
    if (o.value == &f->registry_sync_interval) option->check(CheckDuration);
  }
}

int RunMigrate(const Flags& f, const CliIo& io) {
  MigrateOptions options;
  options.to = FindTarget(f.migrate_to);
  options.from = f.migrate_from.empty() ? nullptr : FindTarget(f.migrate_from);
  options.default_namespace = f.namespace_;
  options.registry_database = f.registry_database;
  options.registry_database_user = f.registry_database_user;
  options.registry_sync_interval = f.registry_sync_interval;
  options.registry_database_migration_user = f.registry_database_migration_user.empty()
                                                 ? f.registry_database_user
                                                 : f.registry_database_migration_user;
  std::string why;
  if (!MigrationSupported(options.from, *options.to, &why)) {
    *io.err << "error: " << why << "\n";
    return kExitUsage;
  }
  Diagnostics diags;
  std::vector<std::string> paths = ExpandPaths(io.disk, f.paths, "", &diags);
  if (!diags.HasErrors() && !HandleInterrupted(f, io, paths)) return kExitInvalidInput;
  std::vector<MigrateInput> inputs;
  for (const std::string& path : paths) {
    MigrateInput in;
    in.name = path;
    std::string err;
    if (path == "-") {
      if (f.in_place) {
        *io.err << "error: --in-place cannot rewrite standard input\n";
        return kExitUsage;
      }
      if (!io.read_stdin(f.max_input_bytes, &in.text, &err)) diags.Error("-", Mark{}, "", err);
    } else if (!io.disk->ReadFile(path, f.max_input_bytes, &in.text, &err)) {
      diags.Error(path, Mark{}, "", err);
    }
    inputs.push_back(std::move(in));
  }
  std::vector<std::string> out;
  if (!diags.HasErrors()) out = Migrate(inputs, options, &diags);
  PrintDiagnostics(diags, io);
  if (diags.HasErrors()) return kExitInvalidInput;

  std::vector<bool> changed(inputs.size());
  bool any = false;
  for (size_t i = 0; i < inputs.size(); ++i) any |= changed[i] = out[i] != inputs[i].text;
  if (f.check) {
    for (size_t i = 0; i < inputs.size(); ++i)
      if (changed[i])
        *io.out << UnifiedLineDiff(inputs[i].name, inputs[i].text, inputs[i].name + " (migrated)",
                                   out[i]);
    return any ? kExitInvalidInput : kExitOk;
  }
  if (f.in_place) {
    std::vector<FileReplacement> replace;
    for (size_t i = 0; i < paths.size(); ++i)
      if (changed[i]) replace.push_back({paths[i], out[i]});
    std::string err;
    bool committed = false;
    if (!ReplaceFiles(io.disk, replace, &committed, &err)) {
      *io.err << "error: " << err << (committed ? "" : "; no file was changed") << "\n";
      return kExitOutput;
    }
    return kExitOk;
  }
  // One stream: the files in order, "---" between them.
  for (size_t i = 0; i < out.size(); ++i) {
    if (i > 0) *io.out << "---\n";
    *io.out << out[i];
    if (!out[i].empty() && out[i].back() != '\n') *io.out << "\n";
  }
  return kExitOk;
}

}  // namespace thv
