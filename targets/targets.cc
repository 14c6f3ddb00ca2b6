#include "targets/targets.h"

#include "targets/7002a239b/target.h"
#include "targets/v0.44.0/target.h"

namespace thv {

// The default first: the newest release.
const std::vector<const Target*>& AllTargets() {
  static const std::vector<const Target*> kTargets = {&t0_44_0::kTarget, &t7002a239b::kTarget};
  return kTargets;
}

const Target& DefaultTarget() { return *AllTargets().front(); }

const Target* FindTarget(const std::string& name) {
  for (const Target* t : AllTargets())
    if (name == t->name) return t;
  return nullptr;
}

std::vector<std::string> SupportedNames() {
  std::vector<std::string> names;
  for (const Target* t : AllTargets()) names.push_back(t->name);
  return names;
}

}  // namespace thv
