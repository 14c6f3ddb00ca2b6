// Pieces the v0.44.0 controllers of workloads (MCPServer, VirtualMCPServer, EmbeddingServer)
// build the same way: the same operator helpers (cmd/thv-operator/pkg/controllerutil, "cu",
// pkg/container/kubernetes), members in Go struct field order.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"
#include "render/options.h"

namespace thv {
namespace t0_44_0 {

// imagepullsecrets.Defaults.Merge (cmd/thv-operator/pkg/imagepullsecrets/defaults.go:93-121):
// the CR's names (deduplicated), then the chart's not already named; empty when both are.
Value MergedImagePullSecrets(const std::vector<std::string>& cr_names,
                             const RenderOptions& options);

// rbac.go:377-389: imagePullSecrets only when the merged list has names.
Value ServiceAccountWithPullSecrets(const std::string& name, const std::string& ns,
                                    const Value& pull_secrets);

// pkg/container/kubernetes/security.go:27-87: restricted-profile contexts; OpenShift assigns the
// user and group itself.
Value PodSecurityContext(bool openshift);
Value ContainerSecurityContext(bool openshift);

Value PlainEnv(const std::string& name, const std::string& value);

// A VolumeMount {name, readOnly, mountPath} and a ConfigMap Volume {name, configMap {name,
// items}}; key "" mounts every key.
void AddConfigMapVolume(const std::string& volume, const std::string& config_map,
                        const std::string& key, const std::string& path,
                        const std::string& mount_path, Value* volumes, Value* mounts);

// A CA bundle ConfigMap of an MCPOIDCConfig or MCPTelemetryConfig: volume <prefix><configmap>
// with the one key, mounted at <base>/<configmap> (cu/oidc_volumes.go, cu/telemetry_volumes.go).
void AddCaBundleVolume(const Value* ca_bundle_ref, const char* prefix, const char* base,
                       Value* volumes, Value* mounts);

// GenerateOpenTelemetryEnvVarsFromRef (cu/telemetry.go:18-62): OTEL_RESOURCE_ATTRIBUTES, then a
// TOOLHIVE_OTEL_HEADER_* Secret reference per sensitive header.
void AppendTelemetryEnv(const Object& telemetry, const std::string& service_name,
                        const std::string& default_name, const std::string& ns, Value* env);

// EnsureRequiredEnvVars (cu/resources.go:69-141): XDG_CONFIG_HOME, HOME, TOOLHIVE_RUNTIME,
// UNSTRUCTURED_LOGS where absent, TOOLHIVE_SECRETS_PROVIDER when a TOOLHIVE_SECRET_* is there.
void EnsureRequiredEnvVars(Value* env);

// NewPodTemplateSpecBuilder (cu/podtemplatespec_builder.go:27-49): json.Unmarshal of a raw
// podTemplateSpec into a corev1.PodTemplateSpec succeeds; else *error says where it fails.
bool DecodesAsPodTemplateSpec(const Value& tmpl, std::string* error);

// json.Unmarshal into a corev1.PodTemplateSpec and json.Marshal back: Go's field order, zero
// values and omitempty, unknown fields dropped, quantities canonical.
Value TypedPodTemplateSpec(const Value& tmpl);

}  // namespace t0_44_0
}  // namespace thv
