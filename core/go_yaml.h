// What gopkg.in/yaml.v3 (v3.0.1) needs beyond the JSON engine, for Go structs marshaled with
// yaml.Marshal: the scalar forms Go gives time.Duration and float64, and the order yaml.v3 sorts
// map keys in. GoTypes::MarshalYaml (core/go_json.h) uses them; AppendYamlV3
// (core/yaml_writer.h) writes the result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace thv {

// Go time.ParseDuration: true and the nanoseconds, or false.
bool ParseGoDuration(std::string text, int64_t* nanoseconds);
// Go time.Duration.String ("1m30s", "1.5s", "500ms", "0s").
std::string FormatGoDuration(int64_t nanoseconds);

// strconv.FormatFloat(f, 'g', -1, 64) as yaml.v3 writes floats ("1e+06", "0.5", ".inf").
std::string YamlV3Float(double f);

// yaml.v3's keyList.Less for string keys (sorter.go): runs of digits compare as numbers, and
// at the first difference a letter sorts after a non-letter unless digits precede it.
bool YamlV3KeyLess(std::string_view a, std::string_view b);

// yaml.v3's resolve("", s) gives a tag other than !!str (null, bool, int, float, timestamp,
// merge), or s is an old-style bool (y, yes, on, ...) or a base-60 float: Marshal double-quotes
// such strings (encode.go stringv).
bool YamlV3NeedsQuotes(std::string_view s);

}  // namespace thv
