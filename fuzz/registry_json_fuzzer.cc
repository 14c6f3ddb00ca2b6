// Registry bytes in both formats -> ToolHive registry -> filter -> storage JSON, and the
// registry -> upstream draft JSON -> registry again: both directions of core/go_json over every
// registry Go type (the ToolHive format, the draft, today's shape and its _meta extensions);
// and the raw bytes and the filtered storage JSON through toolhive-core's toolhive -> upstream
// converter (RegistryData at v0.44.0), whose every output must parse.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_parse.h"
#include "registry/conversion.h"
#include "registry/filter.h"
#include "registry/registry_json.h"
#include "registry/upstream_registry.h"

namespace {

// ConvertJSON of toolhive_json: any JSON decodes (or is refused); what converts is valid JSON.
void Upstream(std::string_view toolhive_json) {
  std::string out, err;
  std::vector<std::string> problems;
  if (!thv::ConvertToolhiveJsonToUpstream(toolhive_json, &out, &problems, &err)) return;
  thv::Value parsed;
  thv::JsonSyntaxError syntax;
  if (!thv::ParseJson(out, &parsed, &syntax)) __builtin_trap();
}

}  // namespace

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
      Upstream(thv::MarshalToolhiveRegistry(registry));
  }
  Upstream(raw);
  return 0;
}
