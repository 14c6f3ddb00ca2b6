// Shell completion scripts generated from the command line definition itself, so they never
// fall out of step with the flags.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace thv {

// "bash" or "zsh"; empty for an unknown shell.
std::string CompletionScript(const CLI::App& app, const std::string& shell);

}  // namespace thv
