// One input document and the identity every Kubernetes object has.
#pragma once

#include <map>
#include <string>

#include "core/value.h"

namespace thv {

struct Target;
struct TargetKind;

using StringMap = std::map<std::string, std::string>;  // sorted, as Go marshals maps

// Where a document came from, for error messages.
struct Origin {
  std::string file;
  int index = 0;  // 0-based document index within the file
  Mark mark;      // the document's root
};

struct ObjectMeta {
  std::string name;
  std::string namespace_;
  StringMap labels;
  StringMap annotations;
};

// An input document with its apiVersion/kind/metadata read and checked.
struct Object {
  Origin origin;
  std::string api_version;
  std::string kind;
  ObjectMeta meta;
  bool namespace_defaulted = false;      // metadata.namespace was absent and filled in
  bool context_only = false;             // from --context: consulted for references, never emitted
  const Target* target = nullptr;        // the operator release the object was read for
  const TargetKind* toolhive = nullptr;  // its kind's behaviour there; nullptr: not a ToolHive kind
  Value doc;  // the whole document, as read (after CRD defaulting for ToolHive kinds)
};

// The API group of every ToolHive custom resource.
constexpr const char kToolhiveGroup[] = "toolhive.stacklok.dev";
// thv-render's own kinds (RegistryData): read like ToolHive kinds (schema-checked against the
// target's tables, namespace defaulted), never emitted, not even with --keep-custom-resources.
constexpr const char kRenderGroup[] = "render.thv-render.stacklok.dev";
constexpr const char kRegistryDataKind[] = "RegistryData";

}  // namespace thv
