// Plain YAML scalars as go-yaml v2 resolves them for kubectl (sigs.k8s.io/yaml), and floats in
// the text encoding/json then writes.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

// The Value a plain (unquoted, untagged) scalar resolves to: null, bool, int, float or string.
// The writer uses it to decide when a string needs quotes.
Value ResolvePlainScalar(const std::string& text);

// strtod's float64 of s in Go's JSON text; false for infinities and NaN, which JSON cannot hold.
bool YamlFloatText(const std::string& s, std::string* out);

}  // namespace thv
