// The KRM function protocol (kustomize --enable-exec, kpt): a ResourceList on stdin whose
// functionConfig is an MCPServer or MCPRegistry; the same list with the rendered objects
// appended on stdout, and problems as results.
#pragma once

#include <string>

#include "render/render_all.h"

namespace thv {

// Returns the exit code; *out always receives a ResourceList (with error results on failure).
int RunKrmFunction(const std::string& input, const RenderAllOptions& options, std::string* out);

}  // namespace thv
