// Registry bytes in both formats -> ToolHive registry -> filter -> storage JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "registry/conversion.h"
#include "registry/filter.h"
#include "registry/registry_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  for (thv::RegistryFormat format :
       {thv::RegistryFormat::kToolhive, thv::RegistryFormat::kUpstream}) {
    thv::Registry registry;
    std::vector<std::string> warnings, errors;
    thv::Diagnostics diags;
    if (!thv::LoadRegistryData(raw, format, "fuzz.json", {"2025-01-01T00:00:00Z"}, &registry,
                               &warnings, &diags))
      continue;
    thv::RegistryFilter filter;
    filter.names = thv::IncludeExclude{{"*"}, {"*-legacy"}};
    filter.tags = thv::IncludeExclude{{"api", "files"}, {}};
    if (thv::ApplyRegistryFilter(&filter, &registry, &errors))
      (void)thv::MarshalToolhiveRegistry(registry);
  }
  return 0;
}
