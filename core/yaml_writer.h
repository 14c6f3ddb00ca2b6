// Writes Values as YAML in the style of `kubectl get -o yaml`, quoting strings exactly when a
// reader (yaml_reader.h, go-yaml v2) would otherwise see another type or text.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

// Appends one document to out; it ends with a newline.
void AppendYaml(const Value& doc, std::string* out);

// One document as gopkg.in/yaml.v3's Marshal writes it (indent 4, sequences indented under their
// key, strings that would read as another type double-quoted): for trees from
// GoTypes::MarshalYaml (core/go_json.h), whose mappings are already in Go's order.
void AppendYamlV3(const Value& doc, std::string* out);

// Documents separated by "---\n", none before the first.
std::string ToYamlStream(const std::vector<Value>& docs);

}  // namespace thv
