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

}  // namespace thv
