#include "migrate/mcpregistry.h"

namespace thv {

void MigrateRegistry(DocumentEdit* d, const MigrateOptions&, Diagnostics* diags) {
  diags->Error(d->file, d->doc->mark, "kind",
               "refused: migrating an MCPRegistry to v0.44.0 is not supported yet (its source, "
               "filter and syncPolicy become the registry server's configYAML); write it by hand "
               "(see the v0.44.0 examples)");
}

}  // namespace thv
