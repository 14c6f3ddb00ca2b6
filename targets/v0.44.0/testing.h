// Test helpers for the v0.44.0 target: YAML read at v0.44.0 and run through the render stage.
#pragma once

#include <initializer_list>
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

// The MCPGroup g in namespace ns, as one document ending in "---\n".
extern const char kTestGroupDoc[];

// An MCPGroup g, then others (whole documents, each ending in "---\n"), then VirtualMCPServer v
// in namespace ns naming the group, with incomingAuth type anonymous and spec lines appended.
std::string VirtualServerDoc(const std::string& spec, const std::string& others = "");

// The value at path below v; null when absent.
const Value& ValueAt(const Value* v, std::initializer_list<const char*> path);

}  // namespace t0_44_0
}  // namespace thv
