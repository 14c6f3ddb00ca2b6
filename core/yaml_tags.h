// What go-yaml v2 does with the explicitly tagged scalars that reach Kubernetes as strings:
// !!binary is base64 that decodes to bytes, which json.Marshal then writes as a string, and
// !!timestamp must parse as one but keeps its text.
#pragma once

#include <string>

namespace thv {

// Go's base64.StdEncoding.DecodeString, as go-yaml decodes !!binary: CR and LF are skipped
// anywhere; the rest is whole groups of four characters, the last padded with '='. False, with
// *why, for anything else.
bool DecodeGoBase64(const std::string& text, std::string* bytes, std::string* why);

// The string Go's json.Marshal writes for arbitrary bytes: each byte that does not start a valid
// UTF-8 character becomes U+FFFD.
std::string GoJsonString(const std::string& bytes);

// Whether go-yaml v2's parseTimestamp takes text: four digits and '-', then Go's time.Parse with
// "2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case 't', "2006-1-2 15:4:5.999999999"
// or "2006-1-2".
bool IsGoYamlTimestamp(const std::string& text);

}  // namespace thv
