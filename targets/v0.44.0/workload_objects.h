// Pieces of the Deployments and ServiceAccounts the v0.44.0 operator builds the same way for an
// MCPServer and an MCPRemoteProxy (cmd/thv-operator/pkg/controllerutil and
// pkg/container/kubernetes at the tag). Members are in Go struct field order.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"
#include "render/options.h"
#include "targets/v0.44.0/mcpserver.h"

namespace thv {
namespace t0_44_0 {

// imagepullsecrets.Defaults.Merge (cmd/thv-operator/pkg/imagepullsecrets/defaults.go:93-121):
// the CR's names (deduplicated), then the chart's not already named; empty when both are.
Value MergedImagePullSecrets(const std::vector<std::string>& cr_names,
                             const RenderOptions& options);

// rbac.go:377-389: a ServiceAccount with imagePullSecrets only when the list has names.
Value ServiceAccountWithPullSecrets(const std::string& name, const std::string& ns,
                                    const Value& pull_secrets);

// pkg/container/kubernetes/security.go:27-87: restricted-profile contexts; OpenShift assigns the
// user and group itself.
Value PodSecurityContext(bool openshift);
Value ContainerSecurityContext(bool openshift);

Value PlainEnv(const std::string& name, const std::string& value);

// EnsureRequiredEnvVars (cu/resources.go:69-141): XDG_CONFIG_HOME, HOME, TOOLHIVE_RUNTIME and
// UNSTRUCTURED_LOGS unless set, then TOOLHIVE_SECRETS_PROVIDER=environment when a
// TOOLHIVE_SECRET_* variable is present (appended even when already set).
void EnsureRequiredEnvVars(Value* env);

// A VolumeMount {name, readOnly, mountPath} and a ConfigMap Volume {name, configMap {name,
// items}}; key "" mounts every key.
void AddConfigMapVolume(const std::string& volume, const std::string& config_map,
                        const std::string& key, const std::string& path,
                        const std::string& mount_path, Value* volumes, Value* mounts);

// The CA bundle ConfigMap of an inline MCPOIDCConfig (AddOIDCConfigRefCABundleVolumes,
// cu/oidc_volumes.go): volume oidc-ca-bundle-<configmap> with its one key under
// /config/certs/<configmap>; of an MCPTelemetryConfig (AddTelemetryCABundleVolumes,
// cu/telemetry_volumes.go): otel-ca-bundle-<configmap> under /config/certs/otel/<configmap>.
// Nothing for a null config or one without a bundle.
void AddOidcCaBundleVolume(const Object* oidc, Value* volumes, Value* mounts);
void AddTelemetryCaBundleVolume(const Object* telemetry, Value* volumes, Value* mounts);

// GenerateAuthzVolumeConfig (cu/authz.go:40-117): the authz ConfigMap (inline: <name>-authz-inline)
// as authz.json under /etc/toolhive/authz; nothing for no authzConfig.
void AddAuthzVolume(const std::optional<AuthzConfig>& authz, const std::string& name,
                    Value* volumes, Value* mounts);

}  // namespace t0_44_0
}  // namespace thv
