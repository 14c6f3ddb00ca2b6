// The bytes of a YAML stream as Kubernetes reads them, checked and prepared for yaml-cpp.
//
// kubectl splits a stream into documents at "---" lines, then go-yaml v2 (under sigs.k8s.io/yaml)
// reads each one: it takes UTF-8, or UTF-16 after a byte order mark, refuses malformed encodings
// and control characters, and treats CR, CRLF and NEL as line breaks. yaml-cpp differs on each of
// these (it replaces bad bytes, reads a lone CR and NEL as content, guesses encodings), so the
// text is checked and rewritten here before yaml-cpp sees it.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

struct YamlInputProblem {
  Mark mark;  // in the prepared text (see PrepareYamlInput)
  std::string message;
};

// Returns false, with *problem, for input Kubernetes refuses: invalid UTF-8 or UTF-16, control
// characters other than tab and line breaks, U+FFFE and U+FFFF; also U+2028 and U+2029 (line
// breaks to go-yaml, content to yaml-cpp) and a byte order mark at the start of a line other than
// a document's first. Otherwise returns true and, when the text must change for yaml-cpp to read
// it as go-yaml does, sets *changed and writes the new text to *prepared: UTF-16 becomes UTF-8,
// the byte order marks that start the input or a document go, a lone CR becomes LF and NEL CRLF
// (so that yaml-cpp breaks lines where go-yaml does, and byte columns stay the same).
bool PrepareYamlInput(const std::string& text, std::string* prepared, bool* changed,
                      YamlInputProblem* problem);

}  // namespace thv
