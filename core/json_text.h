// JSON text exactly as Go's encoding/json writes it (Go 1.22+, as the operator is built), so
// checksums, stored registries and embedded JSON match the operator byte for byte; and the
// pieces of Go's number and string handling that reading needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/value.h"

namespace thv {

// A JSON string as json.Marshal writes it: <>& and U+2028/U+2029 escaped, \b \f \n \r \t short,
// other controls as \u00XX, invalid UTF-8 as \ufffd.
void AppendGoString(std::string_view s, std::string* out);

// The Value as json.Marshal (indent null) or json.MarshalIndent(v, "", *indent) writes it:
// members in Value order, scalars' text as held. Iterative: values may nest deeply.
void AppendGoValue(const Value& v, std::string* out, const std::string* indent = nullptr);
std::string GoJsonCompact(const Value& value);
// No trailing newline.
std::string GoJsonIndent(const Value& value, const std::string& indent);

// encoding/json's float64 text: shortest round-trip digits, exponent form outside
// [1e-6, 1e21), "e-07" cleaned to "e-7"; "null" for NaN and infinities.
std::string GoFloat(double d);
// strconv.ParseFloat(text, 64) for JSON number text; false when out of range.
bool ParseGoFloat64(const std::string& text, double* out);

// Go's `any` round trip (json.Unmarshal into interface{}, then json.Marshal): objects become
// maps (keys sorted bytewise, the last duplicate wins) and numbers become float64 written in
// Go's format. False with *err (Go's message) when a number overflows float64.
bool NormalizeGoAny(const Value& in, Value* out, std::string* err);

// Length of the valid UTF-8 sequence at s[i] under utf8.DecodeRune's rules, or 0 if invalid.
int Utf8SequenceLength(std::string_view s, size_t i);

// Go's single-quoted rendering of a string (%q with ' as the quote), used in messages.
std::string GoQuoteSingle(std::string_view s);

}  // namespace thv
