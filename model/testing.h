// Test helpers: YAML text straight to checked Objects and typed models.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/inputs.h"
#include "model/mcpserver.h"

namespace thv {

// Parses and checks YAML as the CLI does (file name "test.yaml"); diags may be null, in which
// case any error fails the calling test.
std::vector<Object> ObjectsFromYaml(const std::string& yaml, Diagnostics* diags = nullptr,
                                    const InputOptions& options = {});

// The first MCPServer in yaml.
MCPServer ServerFromYaml(const std::string& yaml);

}  // namespace thv
