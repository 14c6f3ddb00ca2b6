// The registry formats' JSON: json.Unmarshal and json.Marshal of the Go types (registry_types.h)
// through core/go_json, so stored bytes equal the operator's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "registry/registry_types.h"

namespace thv {

// json.Unmarshal(doc, &Registry) of a parsed document (core/json_parse.h): type errors carry
// the JSON path and the node's position. No schema check: see registry_schema.h.
bool DecodeToolhiveRegistry(const Value& doc, const std::string& file, Registry* out,
                            Diagnostics* diags);

// json.Marshal(registry): byte-identical to the operator's storage ConfigMap data.
std::string MarshalToolhiveRegistry(const Registry& registry);

// json.Marshal([]UpstreamServerDetail): the draft upstream shape as the operator's types write it.
std::string MarshalUpstreamDraft(const std::vector<UpstreamServerDetail>& servers);

// json.Marshal of a value of a registry Go type, e.g. RegistryJson("PermissionProfile", p).
template <typename T>
std::string RegistryJson(std::string_view type, const T& value) {
  std::string out;
  RegistryGoTypes().Append(type, value, &out);
  return out;
}

}  // namespace thv
