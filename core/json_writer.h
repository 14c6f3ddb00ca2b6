// JSON text exactly as Go's encoding/json writes it, so checksums and embedded JSON
// match the operator byte for byte.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

// json.Marshal: compact; members in Value order; "<", ">", "&", U+2028 and U+2029 escaped.
std::string GoJsonCompact(const Value& value);

// json.MarshalIndent(value, "", indent); no trailing newline.
std::string GoJsonIndent(const Value& value, const std::string& indent);

// Appends a JSON string literal with Go's escaping to out.
void AppendGoJsonString(const std::string& s, std::string* out);

// Shortest text that round-trips a float64, formatted as Go's encoding/json does.
std::string GoFloat(double d);

}  // namespace thv
