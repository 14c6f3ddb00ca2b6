// The render stage over a whole input set: every input in input order, each ToolHive resource
// expanded into its objects, everything else passed through unchanged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "render/mcpregistry_render.h"
#include "render/options.h"

namespace thv {

struct RenderAllOptions {
  RenderOptions render;
  bool keep_custom_resources = false;
  // Fetched, filtered registry data by <namespace>/<name> of each MCPRegistry.
  std::map<std::string, RegistryContent> registries;
};

// Returns the output documents; problems go to diags (callers must not emit when it has errors).
std::vector<Value> RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
                             Diagnostics* diags);

}  // namespace thv
