// Strict JSON (RFC 8259) into Values; faster than the YAML reader for large registry files.
// Positions are not kept per node; a syntax error names its line and column.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

// False with *err ("LINE:COL: message") on malformed JSON or on nesting deeper than 512.
bool ReadJson(const std::string& text, Value* out, std::string* err);

}  // namespace thv
