// Test helper: migrate one YAML text to v0.44.0.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "migrate/migrate.h"
#include "targets/targets.h"

namespace thv {

inline std::string MigrateText(const std::string& text, Diagnostics* diags,
                               const MigrateOptions& base = {}) {
  MigrateOptions options = base;
  if (!options.to) options.to = FindTarget("v0.44.0");
  std::vector<std::string> out = Migrate({{"in.yaml", text}}, options, diags);
  return out.empty() ? "" : out[0];
}

// Whether some diagnostic's message (or field path) contains part.
inline bool Mentions(const Diagnostics& diags, const std::string& part) {
  for (const Diagnostic& d : diags.items())
    if (d.message.find(part) != std::string::npos || d.path.find(part) != std::string::npos)
      return true;
  return false;
}

}  // namespace thv
