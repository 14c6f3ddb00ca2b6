// Test helper: migrate one YAML text to v0.44.0.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "migrate/edits.h"
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

// Every comment of a text (from its '#' to the line end), in order.
inline std::vector<std::string> Comments(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view c = TrailingComment(std::string_view(text).substr(at, end - at));
    if (!c.empty()) out.emplace_back(c);
    at = end + 1;
  }
  return out;
}

inline bool IsSubsequence(const std::vector<std::string>& small,
                          const std::vector<std::string>& big) {
  size_t i = 0;
  for (const std::string& b : big)
    if (i < small.size() && small[i] == b) ++i;
  return i == small.size();
}

}  // namespace thv
