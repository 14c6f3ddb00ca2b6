// One input document and the identity every Kubernetes object has.
#pragma once

#include <map>
#include <string>

#include "core/value.h"

namespace thv {

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
  bool namespace_defaulted = false;  // metadata.namespace was absent and filled in
  bool context_only = false;         // from --context: consulted for references, never emitted
  Value doc;  // the whole document, as read (after CRD defaulting for ToolHive kinds)
};

constexpr const char kToolhiveApiVersion[] = "toolhive.stacklok.dev/v1alpha1";

}  // namespace thv
