// The manual page, thv-render(1), generated from the command line definition itself (the
// subcommand table and each subcommand's flags), so that it says what --help says.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace thv {

// troff (man macros) for app, whose subcommands carry their flags; version goes in the footer.
std::string ManPage(const CLI::App& app, const std::string& version);

}  // namespace thv
