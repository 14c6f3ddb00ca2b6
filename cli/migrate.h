// thv-render migrate: flags, reading the inputs and writing the result (migrate/ does the work).
#pragma once

#include "cli/app.h"
#include "cli/flags.h"

namespace CLI {
class App;
}

namespace thv {

void AddMigrateFlags(CLI::App* cmd, Flags* f);
int RunMigrate(const Flags& f, const CliIo& io);

}  // namespace thv
