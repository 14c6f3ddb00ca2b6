// A JSON Schema (draft-07) validator for the keywords the ToolHive registry schema uses: type,
// required, properties, patternProperties, additionalProperties, items, enum, pattern,
// minLength/maxLength, minItems, uniqueItems, minimum/maximum, anyOf and local $ref.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

struct SchemaError {
  std::string path;  // e.g. servers.fetch.tools[0]
  Mark mark;
  std::string message;
};

class JsonSchema {
 public:
  // schema: the schema document (already parsed).
  explicit JsonSchema(Value schema);
  ~JsonSchema();
  std::vector<SchemaError> Validate(const Value& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace thv
