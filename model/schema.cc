#include "model/schema.h"

#include <algorithm>
#include <cstring>

namespace thv {

const SchemaNode* FindSchemaProperty(const SchemaNode& node, const std::string& name) {
  const SchemaProperty* begin = node.properties;
  const SchemaProperty* end = begin + node.property_count;
  const SchemaProperty* it = std::lower_bound(
      begin, end, name.c_str(),
      [](const SchemaProperty& p, const char* n) { return std::strcmp(p.name, n) < 0; });
  if (it == end || name != it->name) return nullptr;
  return it->node;
}

const char* FindSchemaDescription(const SchemaDescriptions& d, const std::string& path) {
  uint32_t lo = 0, hi = d.count;
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    const int c = std::strcmp(d.text + d.entries[2 * mid], path.c_str());
    if (c == 0) return d.text + d.entries[2 * mid + 1];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return nullptr;
}

}  // namespace thv
