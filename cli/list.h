// `thv-render list`'s tables.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "model/object.h"
#include "targets/target.h"

namespace thv {

// kubectl's table layout: columns padded to the widest cell plus three spaces; cells made
// terminal-safe; no trailing blanks after an empty last cell.
void PrintTable(std::vector<std::vector<std::string>> rows, std::ostream& out);

// One table per kind of target that has objects among objects (KindLister, in the target's
// kind order; context-only objects left out): NAMESPACE NAME and the kind's columns, headed by
// the kind. False when there was no such object.
bool PrintKindTables(const Target& target, const std::vector<Object>& objects, std::ostream& out);

}  // namespace thv
