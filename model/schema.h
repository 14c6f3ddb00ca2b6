// CRD OpenAPI v3 schemas compiled into static tables (see model/schemagen/schemagen_main.cc).
//
// The tables are plain aggregates with constant initializers, so they live in read-only data
// and cost nothing at start-up.
#pragma once

#include <cstdint>
#include <string>

namespace thv {

struct SchemaNode;

enum class SchemaType : uint8_t { kAny, kObject, kArray, kString, kInteger, kNumber, kBoolean };
enum class SchemaFormat : uint8_t { kNone, kInt32, kInt64 };
enum class SchemaListType : uint8_t { kAtomic, kSet, kMap };

// Bits of SchemaNode::flags.
enum SchemaFlag : uint8_t {
  kSchemaNullable = 1 << 0,
  kSchemaIntOrString = 1 << 1,
  kSchemaPreserveUnknown = 1 << 2,
  kSchemaHasMinimum = 1 << 3,
  kSchemaHasMaximum = 1 << 4,
  kSchemaExclusiveMinimum = 1 << 5,
  kSchemaExclusiveMaximum = 1 << 6,
};

struct SchemaProperty {
  const char* name;
  const SchemaNode* node;
};

struct SchemaNode {
  SchemaType type;
  SchemaFormat format;
  SchemaListType list_type;
  uint8_t flags;             // SchemaFlag bits
  const char* pattern;       // RE2 syntax as in the CRD; nullptr when absent
  const char* default_json;  // compact JSON; nullptr when absent
  double minimum;            // valid with kSchemaHasMinimum
  double maximum;            // valid with kSchemaHasMaximum
  int64_t min_length;        // -1 when absent; counts code points
  int64_t max_length;
  int64_t min_items;
  int64_t max_items;
  const char* const* enum_json;  // compact JSON of each allowed value
  uint32_t enum_count;
  uint32_t required_count;
  const char* const* required;
  const SchemaProperty* properties;  // sorted by name (strcmp) for binary search
  uint32_t property_count;
  uint32_t list_map_key_count;
  const char* const* list_map_keys;
  const SchemaNode* items;                  // nullptr when absent
  const SchemaNode* additional_properties;  // nullptr when absent
};

// The root schema of a ToolHive CRD by kind ("MCPServer", "MCPRegistry", "MCPToolConfig"), or
// nullptr. Defined in the generated crd_schemas.cc.
const SchemaNode* FindCrdSchema(const std::string& kind);

// The schema of property `name` of an object node, or nullptr.
const SchemaNode* FindSchemaProperty(const SchemaNode& node, const std::string& name);

}  // namespace thv
