// The ToolHive registry JSON schema (pkg/registry/data/schema.json, draft-07), transcribed by
// hand into a table and checked the way santhosh-tekuri/jsonschema v5.3.1 checks it for
// pkg/registry/schema_validation.go: same keywords, same format assertions (date-time, uri,
// hostname), same messages ("missing properties: 'version'"), one leaf error per failure.
// A test compares the table with testdata/registry/schema.json keyword by keyword.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_parse.h"
#include "core/value.h"

namespace thv {

struct RegistrySchemaError {
  std::string pointer;  // instance location as jsonschema prints it: /servers/fetch/tier
  std::string path;     // the same as a dotted path: servers.fetch.tier
  Mark mark;
  std::string message;  // jsonschema v5 wording
};

// Validates a parsed document (duplicate keys: the last wins, as in Go's map decoding).
// Errors follow the schema's property order, so output is stable.
std::vector<RegistrySchemaError> ValidateRegistrySchema(const Value& doc);

// pkg/registry's error text: "registry schema validation failed: <msg> at '<ptr>'", or
// "... failed with N errors:\n  1. ...".
std::string FormatRegistrySchemaErrors(const std::vector<RegistrySchemaError>& errors);
void ReportRegistrySchemaErrors(const std::vector<RegistrySchemaError>& errors,
                                const std::string& file, Diagnostics* diags);

// ---- The transcribed schema (exposed for the cross-check test) ----

enum class RegistrySchemaType : uint8_t { kAny, kObject, kArray, kString, kInteger, kBoolean };
enum class RegistrySchemaFormat : uint8_t { kNone, kDateTime, kUri, kHostname };
// As schema.json spells them ("" for kAny and kNone).
const char* RegistrySchemaTypeName(RegistrySchemaType t);
const char* RegistrySchemaFormatName(RegistrySchemaFormat f);

struct RegistrySchemaPattern {
  const char* source;  // the regular expression exactly as schema.json spells it
  bool (*match)(std::string_view);
};

struct RegistrySchemaNode;
struct RegistrySchemaProperty {
  const char* name;
  const RegistrySchemaNode* node;
};

struct RegistrySchemaNode {
  const char* ref = nullptr;  // definition name when this node is #/definitions/<ref>
  RegistrySchemaType type = RegistrySchemaType::kAny;
  std::vector<const char*> enum_values;
  RegistrySchemaFormat format = RegistrySchemaFormat::kNone;
  const RegistrySchemaPattern* pattern = nullptr;
  int min_length = -1;
  int max_length = -1;
  bool has_minimum = false;
  int64_t minimum = 0;
  bool has_maximum = false;
  int64_t maximum = 0;
  // arrays
  const RegistrySchemaNode* items = nullptr;
  int min_items = -1;
  bool unique_items = false;
  // objects
  std::vector<const char*> required;
  std::vector<RegistrySchemaProperty> properties;
  const RegistrySchemaPattern* key_pattern = nullptr;  // the one patternProperties entry
  const RegistrySchemaNode* pattern_node = nullptr;
  bool additional_properties = true;
  std::vector<const RegistrySchemaNode*> any_of;
};

const RegistrySchemaNode& RegistrySchemaRoot();
// #/definitions/<name>, or nullptr.
const RegistrySchemaNode* RegistrySchemaDefinition(std::string_view name);
std::vector<std::string> RegistrySchemaDefinitionNames();

// Validates v against one node (the engine behind ValidateRegistrySchema).
void ValidateRegistrySchemaNode(const RegistrySchemaNode& node, const Value& v,
                                const JsonPath& path, std::vector<RegistrySchemaError>* errors);

// Format assertions, ported from jsonschema v5's format.go (with Go's net/url and time quirks).
bool IsSchemaDateTime(std::string_view s);
bool IsSchemaUri(std::string_view s);
bool IsSchemaHostname(std::string_view s);

}  // namespace thv
