// 7002a239b -> v0.44.0 for MCPRegistry documents (see migrate.h).
#pragma once

#include "core/diagnostics.h"
#include "migrate/edits.h"
#include "migrate/migrate.h"

namespace thv {

// source / filter / syncPolicy become the registry server's configYAML.
void MigrateRegistry(DocumentEdit* d, const MigrateOptions& options, Diagnostics* diags);

}  // namespace thv
