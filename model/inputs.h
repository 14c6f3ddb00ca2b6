// Input stage: documents become checked Objects. Every Kubernetes object needs apiVersion,
// kind and metadata.name; ToolHive kinds are validated and defaulted against their CRDs.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "model/object.h"

namespace thv {

struct InputOptions {
  // The operator release whose CRDs ToolHive kinds are checked against (targets/); required for
  // inputs that hold ToolHive kinds.
  const Target* target = nullptr;
  std::string default_namespace = "default";
  bool namespace_explicit = false;  // -n was given: also fill namespaced pass-through objects
  bool strict = false;              // unknown fields in ToolHive kinds are errors, not warnings
};

// ToolHive kinds by name; what each means at an operator release is that target's (targets/).
enum class ToolhiveKind {
  kNone,
  kMCPServer,
  kMCPRegistry,            // one the registry stage fetches data for (7002a239b)
  kMCPRegistryConfigYaml,  // one whose configYAML the registry server reads (v0.44.0)
  kMCPToolConfig,
  kMCPOIDCConfig,
  kMCPTelemetryConfig,
  kMCPAuthzConfig,
  kMCPExternalAuthConfig,
  kMCPWebhookConfig,
  kMCPGroup,
  kMCPRemoteProxy,
  kVirtualMCPServer,
  kVirtualMCPCompositeToolDefinition,
  kEmbeddingServer,
  kMCPServerEntry,
};
ToolhiveKind ToolhiveKindOf(const Object& object);

// Whether other objects' controllers may look object up: ConfigMaps and the target's config
// kinds (what --context and KRM items contribute).
bool IsReferenceable(const Object& object);

// Turns the documents of one file into Objects, reporting every problem found.
void CollectObjects(const std::string& file, std::vector<Value> docs, const InputOptions& options,
                    std::vector<Object>* objects, Diagnostics* diags);

// Checks the whole set: no two objects with the same group, kind, namespace and name.
void CheckDuplicates(const std::vector<Object>& objects, Diagnostics* diags);

// Input objects by kind, namespace and name, for the references between them. Built once per
// render: scanning every object for each reference made large renders quadratic.
class ObjectIndex {
 public:
  // Keeps pointers into objects, which must outlive the index and not grow.
  explicit ObjectIndex(const std::vector<Object>& objects);
  // The first object with that kind, namespace and name; nullptr when absent.
  const Object* Find(const std::string& kind, const std::string& namespace_,
                     const std::string& name) const;

 private:
  std::unordered_map<std::string, const Object*> by_key_;
};

// Whether kind is namespaced; unknown kinds are assumed namespaced (as for custom resources).
bool IsNamespacedKind(const std::string& kind);

}  // namespace thv
