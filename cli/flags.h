// The command line's flags: one struct for every subcommand, the CLI11 options that fill it,
// and the checks that hold flag and environment values to the rules file values follow.
#pragma once

#include <string>
#include <vector>

#include "render/options.h"
#include "targets/targets.h"

namespace CLI {
class App;
}

namespace thv {

struct Flags {
  // --operator-version (env THV_RENDER_OPERATOR_VERSION): the release whose CRDs and controllers
  // thv-render follows; checked to name a target.
  std::string operator_version = DefaultTarget().name;
  std::vector<std::string> paths;
  std::string namespace_ = "default";
  bool strict = false;
  size_t max_input_bytes = 256u << 20;
  std::string output = "yaml";
  std::string output_dir;
  std::string platform = "kubernetes";
  bool keep_custom_resources = false;
  RenderOptions render;  // unset operator env: the target's defaults
  // Registry sources.
  std::string lock;
  bool offline = false;
  bool refresh = false;
  std::string ca_file;
  std::string netrc_file;
  std::vector<std::string> context;
  std::string input_root;
  bool check = false;
  std::string check_file;
  std::vector<std::string> add_labels;
  // migrate
  std::string migrate_to;
  std::string migrate_from;
  bool in_place = false;
  std::string registry_database;
  std::string registry_database_user;
  std::string registry_database_migration_user;
  std::string registry_sync_interval;
  std::string shell;         // completion
  std::string help_command;  // help
  bool man = false;          // help --man
};

// The target --operator-version names.
const Target& TargetOf(const Flags& f);

// Flag value checks (CLI11 validators: empty when fine, else the message).
std::string CheckNamespace(const std::string& ns);
std::string CheckOperatorVersion(const std::string& name);

// Each subcommand's flags (see kCommands in app.cc).
void AddRenderFlags(CLI::App* cmd, Flags* f);
void AddValidateFlags(CLI::App* cmd, Flags* f);
void AddLockedInputFlags(CLI::App* cmd, Flags* f);  // list and sync
void AddOperatorFlags(CLI::App* cmd, Flags* f);
void AddKrmFlags(CLI::App* cmd, Flags* f);
void AddCompletionFlags(CLI::App* cmd, Flags* f);
void AddSchemaFlags(CLI::App* cmd, Flags* f);
void AddKustomizeTransformFlags(CLI::App* cmd, Flags* f);
void AddHelpFlags(CLI::App* cmd, Flags* f);

// --add-label KEY=VALUE values, checked, as one key -> value list in first-seen key order with
// the last value of a repeated key (as kubectl label does).
std::vector<std::pair<std::string, std::string>> ParseLabels(
    const std::vector<std::string>& labels);

}  // namespace thv
