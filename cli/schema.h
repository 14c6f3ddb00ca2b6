// thv-render schema: the target's CRDs as JSON Schema files for editors and validators.
#pragma once

#include "cli/app.h"
#include "cli/flags.h"

namespace thv {

int RunSchema(const Flags& f, const CliIo& io);

}  // namespace thv
