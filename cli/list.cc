#include "cli/list.h"

#include <algorithm>

#include "cli/output.h"

namespace thv {

void PrintTable(std::vector<std::vector<std::string>> rows, std::ostream& out) {
  for (auto& row : rows)
    for (std::string& cell : row) cell = TerminalSafe(cell);
  std::vector<size_t> widths;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], row[i].size());
    }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 3, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
}

bool PrintKindTables(const Target& target, const std::vector<Object>& objects, std::ostream& out) {
  bool any = false;
  for (const TargetKind* kind = target.kinds; kind->kind; ++kind) {
    if (!kind->list) continue;
    std::vector<std::vector<std::string>> rows;
    for (const Object& o : objects) {
      if (o.context_only || o.toolhive != kind) continue;
      if (rows.empty()) {
        rows.push_back({"NAMESPACE", "NAME"});
        for (const char* const* c = kind->list->columns; *c; ++c) rows[0].push_back(*c);
      }
      std::vector<std::string> row = {o.meta.namespace_, o.meta.name};
      for (std::string& cell : kind->list->cells(o, objects)) row.push_back(std::move(cell));
      rows.push_back(std::move(row));
    }
    if (rows.empty()) continue;
    out << (any ? "\n" : "") << kind->kind << "\n";
    PrintTable(std::move(rows), out);
    any = true;
  }
  return any;
}

}  // namespace thv
