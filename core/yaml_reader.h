// Reads YAML streams into Values, resolving scalars the way Kubernetes does (go-yaml v2 via
// sigs.k8s.io/yaml), and reports malformed input with positions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"

namespace thv {

struct ReadLimits {
  size_t max_depth = 200;
  size_t max_alias_expansion = 100000;
  int parse_deadline_seconds = 60;  // plus 20 s per MiB of input (valgrind runs ~50x slower)
};

// Parses a multi-document YAML stream into Values with positions. Returns false if any error
// was reported (docs then holds the documents read before the error). The bytes are first
// checked and prepared as Kubernetes reads them (yaml_input.h); marks count lines as go-yaml
// does (a lone CR and NEL end lines too) and columns in bytes of UTF-8.
bool ReadYamlDocuments(const std::string& file, const std::string& text, std::vector<Value>* docs,
                       Diagnostics* diags, const ReadLimits& limits = {});

// The fast path of ReadYamlDocuments: reads text with the subset parser (yaml_subset_parser.h)
// on the calling thread. Returns true, having appended the documents, only when the whole input
// is in the subset and without a single diagnostic; otherwise leaves docs alone.
bool ReadYamlSubsetDocuments(const std::string& file, const std::string& text,
                             std::vector<Value>* docs, const ReadLimits& limits = {});

// ReadYamlDocuments through yaml-cpp alone, without the guard against its endless loops (see the
// .cc); for tests.
bool ReadYamlDocumentsUnguarded(const std::string& file, const std::string& text,
                                std::vector<Value>* docs, Diagnostics* diags,
                                const ReadLimits& limits = {});

}  // namespace thv
