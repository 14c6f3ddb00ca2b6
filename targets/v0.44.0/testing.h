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

// A ToolHive document of kind with name in namespace ns: "---", then spec lines (two-space
// indented).
std::string Doc(const std::string& kind, const std::string& name, const std::string& spec,
                const std::string& version = "v1beta1");

// The node at a dotted path with [i] indices ("spec.template.spec.containers[0].env"), or
// nullptr.
const Value* At(const Value* v, const std::string& path);
// Its text, or "<absent>".
std::string Text(const Value* v, const std::string& path);
// A mapping's keys, in order.
std::vector<std::string> Keys(const Value* v);
// "name" of each item, or "name=value" for plain env vars.
std::vector<std::string> Names(const Value* list);
// "Kind/name" of each rendered object, in order.
std::vector<std::string> ObjectList(const RenderRun& run);

// A workload's render: its Deployment, Service, RunConfig ConfigMap and parsed RunConfig.
struct Rendered {
  RenderRun run;
  Value run_config;  // runconfig.json parsed, in its order
  const Value* deployment = nullptr;
  const Value* service = nullptr;
  const Value* config_map = nullptr;

  const Value* Container() const { return At(deployment, "spec.template.spec.containers[0]"); }
  const Value* PodSpec() const { return At(deployment, "spec.template.spec"); }
  std::string Json() const;
  std::vector<std::string> Middlewares() const;
  const Value* Middleware(const std::string& type) const;  // its parameters
  // A node of the RunConfig (valid as long as this Rendered is).
  const Value* Rc(const std::string& path) const { return At(&run_config, path); }
  std::string RcText(const std::string& path) const { return Text(&run_config, path); }
};

// Renders yaml and picks the objects of the workload name, whose Service is service.
Rendered RenderWorkload(const std::string& yaml, const RenderOptions& options,
                        const std::string& name, const std::string& service);

// The MCPGroup g in namespace ns, as one document ending in "---\n".
extern const char kTestGroupDoc[];

// An MCPGroup g, then others (whole documents, each ending in "---\n"), then VirtualMCPServer v
// in namespace ns naming the group, with incomingAuth type anonymous and spec lines appended.
std::string VirtualServerDoc(const std::string& spec, const std::string& others = "");

// The value at path below v; null when absent.
const Value& ValueAt(const Value* v, std::initializer_list<const char*> path);

}  // namespace t0_44_0
}  // namespace thv
