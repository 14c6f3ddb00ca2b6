// What the Kubernetes 1.34 API server (pkg/apis/core/validation and friends) would refuse in an
// object about to be applied, what etcd could not store, and images no container runtime can
// pull: metadata, pod templates, Services, ConfigMaps and Secrets. Paths and messages are the
// API server's, so a user can search for them.
//
// It runs on every output object: checks are hand-written and allocate only on error.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

struct FieldError {
  enum class Kind {
    kRejected,   // the API server's validation refuses the object
    kTooLarge,   // over a size limit (ConfigMap or Secret data, etcd's request limit)
    kNeverRuns,  // accepted, but no container runtime can parse the image
  };
  Kind kind = Kind::kRejected;
  std::string path;       // the API server's field path, e.g. spec.template.spec.containers[0].name
  std::string detail;     // e.g. Invalid value: "x": must be no more than 63 characters
  std::string bad_value;  // the offending string ("" when none), to find it in an input
  Mark mark;              // the offending node's (line 0 for rendered nodes)
};

// etcd's default request limit (--max-request-bytes, 1.5 MiB).
constexpr size_t kEtcdRequestLimit = 1572864;

// Appends every problem in doc, an object of any kind.
void ValidateObject(const Value& doc, std::vector<FieldError>* errors);

// The PodTemplateSpec an MCPServer's spec.podTemplateSpec is, which the proxy runner merges into
// its StatefulSet: only what the patch decides alone is checked (the base supplies the
// base_container's image and may supply volumes). path names tmpl, e.g. "spec.podTemplateSpec".
void ValidatePodTemplatePatch(const Value& tmpl, const std::string& path,
                              std::vector<FieldError>* errors, const char* base_container = "mcp");

}  // namespace thv
