// Input stage: documents become checked Objects. Every Kubernetes object needs apiVersion,
// kind and metadata.name; ToolHive kinds are validated and defaulted against their CRDs.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/object.h"

namespace thv {

struct InputOptions {
  std::string default_namespace = "default";
  bool namespace_explicit = false;  // -n was given: also fill namespaced pass-through objects
  bool strict = false;              // unknown fields in ToolHive kinds are errors, not warnings
};

enum class ToolhiveKind { kNone, kMCPServer, kMCPRegistry, kMCPToolConfig };
ToolhiveKind ToolhiveKindOf(const Object& object);

// Turns the documents of one file into Objects, reporting every problem found.
void CollectObjects(const std::string& file, std::vector<Value> docs, const InputOptions& options,
                    std::vector<Object>* objects, Diagnostics* diags);

// Checks the whole set: no two objects with the same group, kind, namespace and name.
void CheckDuplicates(const std::vector<Object>& objects, Diagnostics* diags);

// Finds an input object by kind, namespace and name; nullptr when absent.
const Object* FindObject(const std::vector<Object>& objects, const std::string& kind,
                         const std::string& namespace_, const std::string& name);

// Whether kind is namespaced; unknown kinds are assumed namespaced (as for custom resources).
bool IsNamespacedKind(const std::string& kind);

}  // namespace thv
