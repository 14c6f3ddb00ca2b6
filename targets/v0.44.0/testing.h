// Test helpers for the v0.44.0 target: YAML read at v0.44.0 and run through the render stage.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"
#include "render/options.h"

namespace thv {
namespace t0_44_0 {

struct RenderRun {
  std::vector<std::string> errors, warnings;  // "line:col: path: message"
  std::vector<Value> out;

  bool HasError(const std::string& text) const;
  bool HasWarning(const std::string& text) const;
  // The rendered object of that kind and name; nullptr when absent.
  const Value* Find(const std::string& kind, const std::string& name) const;
};

// yaml's objects as read at v0.44.0.
std::vector<Object> ObjectsAt044(const std::string& yaml, Diagnostics* diags);

// Reads yaml at v0.44.0 and, without input errors, runs the render stage (validating: as
// `validate` does; else as `render`).
RenderRun RunAt044(const std::string& yaml, bool validating = false,
                   const RenderOptions& options = {});

}  // namespace t0_44_0
}  // namespace thv
