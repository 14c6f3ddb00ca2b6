#include "model/schema.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

namespace thv {

const char* SchemaTypeName(const SchemaNode& s) {
  // In SchemaType's order.
  static const char* const kNames[] = {"",        "object", "array",  "string",
                                       "integer", "number", "boolean"};
  return kNames[static_cast<int>(s.type)];
}

const SchemaNode* FindSchemaProperty(const SchemaNode& node, const std::string& name) {
  const SchemaProperty* begin = node.properties;
  const SchemaProperty* end = begin + node.property_count;
  const SchemaProperty* it = std::lower_bound(
      begin, end, name.c_str(),
      [](const SchemaProperty& p, const char* n) { return std::strcmp(p.name, n) < 0; });
  if (it == end || name != it->name) return nullptr;
  return it->node;
}

namespace {

// The inflated text of each descriptions table, kept once inflated; empty if it does not inflate
// (schemagen wrote it, so only a corrupt binary would).
const std::string& DescriptionText(const SchemaDescriptions& d) {
  static std::mutex mutex;
  static std::map<const SchemaDescriptions*, std::string> texts;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, inserted] = texts.emplace(&d, std::string());
  if (inserted) {
    std::string text(d.text_size, '\0');
    uLongf size = d.text_size;
    if (uncompress(reinterpret_cast<Bytef*>(&text[0]), &size,
                   reinterpret_cast<const Bytef*>(d.deflated), d.deflated_size) == Z_OK &&
        size == d.text_size)
      it->second = std::move(text);
  }
  return it->second;
}

}  // namespace

const char* FindSchemaDescription(const SchemaDescriptions& d, const std::string& path) {
  const std::string& text = DescriptionText(d);
  if (text.empty()) return nullptr;
  uint32_t lo = 0, hi = d.count;
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    const int c = std::strcmp(text.c_str() + d.entries[2 * mid], path.c_str());
    if (c == 0) return text.c_str() + d.entries[2 * mid + 1];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return nullptr;
}

}  // namespace thv
