// JSON Schemas (draft-07) of a target's CRDs for editors and validators (yaml-language-server,
// kubeconform, ajv, python jsonschema), written from the compiled CRD tables (model/schema.h)
// and their descriptions: `thv-render schema`.
#pragma once

#include <string>
#include <vector>

#include "model/schema.h"

namespace thv {

struct JsonSchemaFile {
  std::string path;  // "<group>/<lowercase kind>_<version>.json"
  std::string contents;
};

// One schema per served version of every CRD in crds (ends with {nullptr}), in the layout of the
// datreeio CRDs-catalog, which kubeconform reads with
//   -schema-location 'DIR/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'
// OpenAPI's structural keywords map to JSON Schema's; what JSON Schema cannot say is passed
// through as x-kubernetes-* keywords and told in the description: CEL rules
// (x-kubernetes-validations), list-map keys, and the API server's lenient "uri" and Go
// "duration" formats (no "format" keyword, which validators would read as RFC 3986 and ISO 8601).
// Objects without x-kubernetes-preserve-unknown-fields take no other fields
// (additionalProperties: false): the API server would prune them. descriptions may be nullptr.
std::vector<JsonSchemaFile> CrdJsonSchemas(const CrdVersion* crds,
                                           const SchemaDescriptions* descriptions);

// The file a kind's schema goes to: "toolhive.stacklok.dev/mcpserver_v1beta1.json".
std::string JsonSchemaPath(const std::string& api_version, const std::string& kind);

// Whether a path relative to an output directory is one CrdJsonSchemas writes (at any target),
// so that an earlier `schema` output may be replaced and nothing else is.
bool IsJsonSchemaPath(const std::string& path);

}  // namespace thv
