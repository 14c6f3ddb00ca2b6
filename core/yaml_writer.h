// Writes Values as YAML in the style of `kubectl get -o yaml`, quoting strings exactly when a
// reader (yaml_reader.h, go-yaml v2) would otherwise see another type or text.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

// Appends one document to out; it ends with a newline.
void AppendYaml(const Value& doc, std::string* out);

// Documents separated by "---\n", none before the first.
std::string ToYamlStream(const std::vector<Value>& docs);

}  // namespace thv
