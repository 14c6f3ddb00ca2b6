// The operator releases thv-render renders for, and the one it picks by default.
#pragma once

#include <string>
#include <vector>

#include "targets/target.h"

namespace thv {

// Every target, the default first.
const std::vector<const Target*>& AllTargets();
const Target& DefaultTarget();
// The target named name (a --operator-version value), or nullptr.
const Target* FindTarget(const std::string& name);
// The names FindTarget accepts, in AllTargets order.
std::vector<std::string> SupportedNames();

}  // namespace thv
