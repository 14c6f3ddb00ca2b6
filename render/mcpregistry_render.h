// MCPRegistry -> storage ConfigMap, registry API Deployment and Service. Pure: the registry data
// arrives already fetched, converted, filtered and serialized.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/mcpregistry.h"

namespace thv {

struct RegistryContent {
  std::string registry_json;  // filtered registry, ToolHive format, Go json.Marshal bytes
  std::string source_hash;    // sha256 of the raw source bytes ("hash-unavailable" if unknown)
  // RegistryData only: the same data as toolhive-core's UpstreamRegistry (json.MarshalIndent),
  // what a v0.44.0 registry server's file source reads (registry/upstream_registry.h).
  std::string upstream_json;
};

// api_image: the registry API server's image (operator env TOOLHIVE_REGISTRY_API_IMAGE).
std::vector<Value> RenderMCPRegistry(const MCPRegistry& registry, const RegistryContent& content,
                                     const std::string& api_image);

// http://<name>-api.<namespace>.svc.cluster.local:8080, the operator's status.apiEndpoint.
std::string RegistryApiEndpoint(const MCPRegistry& registry);

}  // namespace thv
