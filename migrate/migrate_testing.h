// Test helper: migrate one YAML text to v0.44.0.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/yaml_reader.h"
#include "core/yaml_spans.h"
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
  for (std::string_view line : SplitLines(text))
    if (std::string_view c = TrailingComment(line); !c.empty()) out.emplace_back(c);
  return out;
}

inline bool IsSubsequence(const std::vector<std::string>& small,
                          const std::vector<std::string>& big) {
  size_t i = 0;
  for (const std::string& b : big)
    if (i < small.size() && small[i] == b) ++i;
  return i == small.size();
}

// The lines of text outside the members migrate moves or renames (and outside apiVersion's line),
// in order: these must all survive unchanged.
inline std::vector<std::string> UntouchedLines(const std::string& text) {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("in.yaml", text, &docs, &diags));
  YamlTextPositions positions(text);
  std::vector<TextRange> touched;
  for (const Value& doc : docs) {
    if (const Member* api = doc.FindMember("apiVersion"))
      touched.push_back(positions.MemberLines(positions.Offset(api->key_mark)));
    const Value* spec = doc.Find("spec");
    for (const Member& m : spec ? spec->members : std::vector<Member>{})
      for (const char* key : {"port", "targetPort", "oidcConfig", "telemetry", "tools", "source",
                              "syncPolicy", "filter"})
        if (m.key == key) touched.push_back(positions.MemberLines(positions.Offset(m.key_mark)));
  }
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) {
    const size_t at = static_cast<size_t>(line.data() - text.data());
    bool inside = false;
    for (const TextRange& r : touched) inside |= at >= r.begin && at < r.end;
    if (!inside) lines.emplace_back(line);
  }
  return lines;
}

inline std::vector<std::string> AllLines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) lines.emplace_back(line);
  return lines;
}

}  // namespace thv
