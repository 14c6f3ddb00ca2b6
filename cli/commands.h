// The subcommands that read inputs: each wires load -> registries -> render -> output.
#pragma once

#include "cli/app.h"
#include "cli/flags.h"

namespace thv {

// namespace_explicit: -n was given (it then also fills namespaced pass-through objects).
int RunRender(const Flags& f, const CliIo& io, bool namespace_explicit);
int RunValidate(const Flags& f, const CliIo& io, bool namespace_explicit);
int RunList(const Flags& f, const CliIo& io, bool namespace_explicit);
int RunSync(const Flags& f, const CliIo& io, bool namespace_explicit);

}  // namespace thv
