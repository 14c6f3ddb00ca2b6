// 7002a239b -> v0.44.0 for MCPRegistry documents (see migrate.h).
#pragma once

#include <set>
#include <string>

#include "core/diagnostics.h"
#include "migrate/edits.h"
#include "migrate/migrate.h"

namespace thv {

// source / filter / syncPolicy become the registry server's configYAML. ToolHive-format data
// (configmap, git, url sources) is pinned: a RegistryData document `<name>-pinned-data` takes
// the three members as written and the server reads its ConfigMap as a file source; configmaps
// (<namespace>/<name> of the inputs' ConfigMaps) must not hold that name.
void MigrateRegistry(DocumentEdit* d, const MigrateOptions& options,
                     const std::set<std::string>& configmaps, Diagnostics* diags);

}  // namespace thv
