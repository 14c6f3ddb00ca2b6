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
// kInt32/kInt64 bound integers; the others are string formats the API server validates
// (apiextensions-apiserver pkg/apiserver/validation/formats.go, kube-openapi strfmt).
enum class SchemaFormat : uint8_t { kNone, kInt32, kInt64, kUri, kDuration, kDateTime, kDate };
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
  kSchemaRulesBelow = 1 << 7,  // the node or a node under it has x-kubernetes-validations
};

struct SchemaProperty {
  const char* name;
  const SchemaNode* node;
};

// One x-kubernetes-validations entry, kept for the CEL evaluator (see CheckValidationRules in
// model/schema_validate.cc).
struct SchemaRule {
  const char* rule;     // the CEL expression, as written
  const char* message;  // nullptr when the CRD gives none (the API server then says the rule)
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
  int64_t min_properties;  // -1 when absent
  int64_t max_properties;
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
  const SchemaRule* rules;                  // x-kubernetes-validations, in CRD order
  uint32_t rule_count;
};

// One served version of a CRD, as a target's generated table lists it.
struct CrdVersion {
  const char* kind;                 // nullptr ends a table
  const char* api_version;          // group/version
  const SchemaNode* schema;         // the storage version's (every served version's is the same)
  const char* deprecation_warning;  // what the API server warns on use; nullptr when current
};

// A target's CRD descriptions, which validation never reads (only `thv-render schema` does), so
// they live apart from SchemaNode (schemagen --descriptions): one text of NUL-terminated strings,
// zlib-compressed, and pairs of offsets into it (field path, description), sorted by path. A path
// is the kind and the property names joined by ".", "[]" for items and "{}" for
// additionalProperties: "MCPServer.spec.env[].name".
struct SchemaDescriptions {
  const char* deflated;  // the text, as zlib's compress2 wrote it
  uint32_t deflated_size;
  uint32_t text_size;
  const uint32_t* entries;
  uint32_t count;
};

// The description at path, or nullptr. The first call inflates the text, which then stays.
const char* FindSchemaDescription(const SchemaDescriptions& descriptions, const std::string& path);

// The schema's `type` as OpenAPI writes it (and the API server's messages quote it, sts.Type);
// "" when untyped.
const char* SchemaTypeName(const SchemaNode& s);

// The schema of property `name` of an object node, or nullptr.
const SchemaNode* FindSchemaProperty(const SchemaNode& node, const std::string& name);

}  // namespace thv
