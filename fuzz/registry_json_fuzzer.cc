// Registry bytes in both formats -> ToolHive registry -> filter -> storage JSON, and the
// registry -> upstream draft JSON -> registry again: both directions of core/go_json over every
// registry Go type (the ToolHive format, the draft, today's shape and its _meta extensions).
#include <cstddef>
#include <cstdint>
#include <string>

#include "registry/conversion.h"
#include "registry/filter.h"
#include "registry/registry_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const thv::ConvertOptions opts{"2025-01-01T00:00:00Z"};
  for (thv::RegistryFormat format :
       {thv::RegistryFormat::kToolhive, thv::RegistryFormat::kUpstream}) {
    thv::Registry registry;
    std::vector<std::string> warnings, errors;
    thv::Diagnostics diags;
    if (!thv::LoadRegistryData(raw, format, "fuzz.json", opts, &registry, &warnings, &diags))
      continue;
    // What was accepted converts to the draft and back (names may be empty: Go keys them so).
    const std::string draft = thv::MarshalUpstreamDraft(thv::ConvertRegistryToUpstream(registry));
    thv::Registry back;
    thv::Diagnostics back_diags;
    (void)thv::LoadRegistryData(draft, thv::RegistryFormat::kUpstream, "draft.json", opts, &back,
                                &warnings, &back_diags);
    thv::RegistryFilter filter;
    filter.names = thv::IncludeExclude{{"*"}, {"*-legacy"}};
    filter.tags = thv::IncludeExclude{{"api", "files"}, {}};
    if (thv::ApplyRegistryFilter(&filter, &registry, &errors))
      (void)thv::MarshalToolhiveRegistry(registry);
  }
  return 0;
}
