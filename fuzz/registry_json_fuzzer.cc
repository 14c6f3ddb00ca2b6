// Registry bytes in both formats -> ToolHive registry -> filter -> storage JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "registry/registry_data.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string raw(reinterpret_cast<const char*>(data), size);
  for (const char* format : {"toolhive", "upstream"}) {
    thv::Value registry, filtered;
    std::vector<std::string> warnings, errors;
    if (!thv::ParseRegistryData(raw, format, &registry, &warnings, &errors)) continue;
    thv::NameTagFilter filter;
    filter.names_exclude = {"*-legacy"};
    filter.tags_include = {"api", "files"};
    std::string err;
    if (thv::FilterRegistry(registry, filter, &filtered, &err)) (void)thv::MarshalRegistry(filtered);
  }
  return 0;
}
