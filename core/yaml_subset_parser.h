// A fast parser for the subset of YAML that manifests nearly always use.
//
// yaml-cpp spends most of a large render's time scanning its input. Manifests written by people
// and tools keep to block mappings and sequences of single-line plain and quoted scalars, literal
// block scalars and one-line-ish flow collections; this parser reads exactly that, and reports it
// as the same events, with the same marks, that yaml-cpp's parser sends, so one event handler
// builds the documents either way.
#pragma once

#include <string_view>

namespace YAML {
class EventHandler;
}

namespace thv {

// Sends text's documents to handler. Returns false as soon as the input leaves the subset
// (anchors, tags, folded or multi-line scalars, tabs, non-ASCII, ...) or is malformed: the
// events sent until then must be discarded and the input parsed by yaml-cpp, which also words
// the errors. Exceptions thrown by the handler pass through.
bool ParseYamlSubset(std::string_view text, YAML::EventHandler* handler);

}  // namespace thv
