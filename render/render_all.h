// The render stage over a whole input set: every input in input order, each ToolHive resource
// expanded into its objects by its target's controller (Object::toolhive), everything else
// passed through unchanged.
#pragma once

#include <functional>
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
  // `validate`: kinds the target cannot render yet (KindRole::kNotRenderedYet) are checked and
  // pass, rather than refused.
  bool validating = false;
  // Fetched, filtered registry data by <namespace>/<name> of each MCPRegistry.
  std::map<std::string, RegistryContent> registries;
};

// Hands each output document to sink as soon as it is rendered, so a large set is never held
// whole; problems go to diags (callers must not emit when it has errors).
using RenderSink = std::function<void(Value doc)>;
void RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
               Diagnostics* diags, const RenderSink& sink);
// The same, collected.
std::vector<Value> RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
                             Diagnostics* diags);

}  // namespace thv
