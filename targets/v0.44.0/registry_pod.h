// The registry API pod template the v0.44.0 operator builds for an MCPRegistry
// (cmd/thv-operator/pkg/registryapi/podtemplatespec.go): its defaults, the user's volumes, mounts
// and pgpass plumbing, merged with spec.podTemplateSpec, as the typed corev1.PodTemplateSpec
// marshals.
#pragma once

#include <string>

#include "core/value.h"
#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// types.go:16.
inline constexpr char kRegistryApiContainer[] = "registry-api";

struct RegistryPodInputs {
  StringMap labels;                       // labelsForRegistryAPI(N-api)
  std::string config_hash;                // toolhive.stacklok.dev/config-hash
  std::string service_account;            // N-registry-api
  std::string image;                      // TOOLHIVE_REGISTRY_API_IMAGE or the chart's
  std::string config_map;                 // N-registry-server-config
  Value pull_secrets;                     // merged []LocalObjectReference (may be empty)
  const Value* volumes = nullptr;         // spec.volumes
  const Value* volume_mounts = nullptr;   // spec.volumeMounts
  std::string pgpass_secret, pgpass_key;  // spec.pgpassSecretRef (empty: none)
  const Value* pod_template_spec = nullptr;
};

// PodTemplateSpecBuilder.Apply(opts...).Build() (deployment.go:208-245): members in Go field order,
// unknown fields dropped, without the zero values Go writes for non-pointer fields
// (creationTimestamp: null, a container's resources: {}).
Value RegistryPodTemplate(const RegistryPodInputs& in);

}  // namespace t0_44_0
}  // namespace thv
