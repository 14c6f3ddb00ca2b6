// Reading JSON the way Go's encoding/json does, so data is accepted, rejected and normalized
// exactly as the operator would, while keeping line:column positions for messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/value.h"

namespace thv {

struct JsonSyntaxError {
  size_t offset = 0;  // bytes before the error, as Go's SyntaxError.Offset
  Mark mark;          // 1-based line and column (columns count code points)
  std::string message;
};

// Parses one JSON document. Objects keep every member in input order, duplicates included:
// callers apply Go's rules (last wins for maps, merge for structs). Strings decode as Go does:
// invalid UTF-8 and unpaired surrogate escapes become U+FFFD. Nesting deeper than 1000 fails
// (Go allows 10000). Messages use Go's wording ("invalid character 'x' after object key").
bool ParseJson(std::string_view text, Value* out, JsonSyntaxError* err);

// ParseJson, a syntax error reported to diags (when given) as `prefix` + Go's message at its
// line:column in file.
bool ParseJsonDocument(std::string_view text, const std::string& file, const std::string& prefix,
                       Value* out, Diagnostics* diags);

// 1-based line and column (in code points) of a byte offset.
Mark MarkAt(std::string_view text, size_t offset);

// A location inside a document, built on the stack while walking it; rendered only when a
// message needs it, so walking large documents allocates nothing for paths.
struct JsonPath {
  enum class Kind : uint8_t { kRoot, kKey, kIndex };
  const JsonPath* parent = nullptr;
  Kind kind = Kind::kRoot;
  std::string_view key;
  size_t index = 0;

  JsonPath Key(std::string_view k) const { return JsonPath{this, Kind::kKey, k, 0}; }
  JsonPath Index(size_t i) const { return JsonPath{this, Kind::kIndex, {}, i}; }
};

// Dotted form for diagnostics: servers.fetch.tools[0]; keys that are not plain identifiers
// are quoted: servers["io.github/x"].name.
std::string FormatJsonPath(const JsonPath& path);
// RFC 6901 pointer, as jsonschema reports locations: /servers/fetch/tools/0.
std::string FormatJsonPointer(const JsonPath& path);

}  // namespace thv
