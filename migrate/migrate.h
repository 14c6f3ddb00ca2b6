// thv-render migrate: upgrades manifests written for one operator release to the next by editing
// their text where the reader recorded each node (core/yaml_spans.h), so comments, order, quoting
// and indentation of everything not migrated stay byte for byte, and new objects (the config
// kinds split out of a server) are inserted as documents right after the one they came from.
//
// Supported: 7002a239b -> v0.44.0 (MCPServer, MCPToolConfig, MCPRegistry). A document is
// migrated when it is valid at the source release; one already valid only at the target is left
// alone, so migrating migrated output changes nothing. An input invalid at its own release is
// refused, as is anything the target cannot express with the same meaning; behaviour that
// changes is a warning starting "note:".
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "targets/target.h"

namespace thv {

struct MigrateInput {
  std::string name;  // for messages
  std::string text;
};

struct MigrateOptions {
  const Target* from = nullptr;  // nullptr: each document's oldest release it is valid at
  const Target* to = nullptr;
  // Where documents without metadata.namespace are applied (the 7002a239b resource URL default
  // names it).
  std::string default_namespace = "default";
  // MCPRegistry: the registry server's database (HOST:PORT/NAME) and users, which 7002a239b's
  // shape had no equivalent for.
  std::string registry_database;
  std::string registry_database_user;
  std::string registry_database_migration_user;
  // MCPRegistry: the sync interval for registries without syncPolicy (7002a239b: manual sync;
  // the registry server requires one).
  std::string registry_sync_interval;
};

// Whether migrating from -> to is supported; false with *why otherwise.
bool MigrationSupported(const Target* from, const Target& to, std::string* why);

// The migrated text of each input, in order. With errors in diags nothing must be written.
std::vector<std::string> Migrate(const std::vector<MigrateInput>& inputs,
                                 const MigrateOptions& options, Diagnostics* diags);

}  // namespace thv
