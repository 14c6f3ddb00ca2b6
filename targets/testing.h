// Test helpers: YAML text straight to checked Objects and typed models.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/inputs.h"

namespace thv {

// Parses and checks YAML as the CLI does (file name "test.yaml"); diags may be null, in which
// case any error fails the calling test. Without options.target, the 7002a239b target: pinned,
// so that tests mean the same whichever release is the default.
std::vector<Object> ObjectsFromYaml(const std::string& yaml, Diagnostics* diags = nullptr,
                                    const InputOptions& options = {});

}  // namespace thv
