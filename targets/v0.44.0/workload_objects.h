// Pieces of the Deployments and ServiceAccounts the v0.44.0 operator builds the same way for an
// MCPServer and an MCPRemoteProxy (cmd/thv-operator/pkg/controllerutil and
// pkg/container/kubernetes at the tag). Members are in Go struct field order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"
#include "render/options.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/refs.h"

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

// Volume runconfig (ConfigMap <name>-runconfig) mounted read-only at /etc/runconfig.
void AddRunConfigVolume(const std::string& name, Value* volumes, Value* mounts);

// The toolhive.stacklok.dev/content-checksum annotation of a RunConfig ConfigMap, which the pod
// template carries as toolhive.stacklok.dev/runconfig-checksum.
std::string ContentChecksumOf(const Value& config_map);

// BuildResourceRequirements (cu/resources.go): spec.resources, quantities canonical; {} unset.
Value ResourceRequirements(const MCPServer& s);

// The Deployment's and its pod template's labels and annotations: labels (also the selector),
// template_annotations (the operator's), then spec.resourceOverrides.proxyDeployment, whose
// entries never replace the operator's (MergeStringMaps, cu/resources.go:160-169).
struct DeploymentMeta {
  StringMap labels, annotations, template_labels, template_annotations;
};
DeploymentMeta DeploymentMetadata(const MCPServer& s, const StringMap& labels,
                                  StringMap template_annotations);

// apps/v1 Deployment name: replicas when given, the selector, the pod template around pod_spec.
Value DeploymentObject(const std::string& name, const std::string& ns, const StringMap& selector,
                       const DeploymentMeta& meta, std::optional<int> replicas, Value pod_spec);

// TOOLHIVE_OIDC_CLIENT_SECRET (GenerateOIDCClientSecretEnvVar, cu/oidc.go:43-81) and
// TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET (GenerateTokenExchangeEnvVars, cu/tokenexchange.go
// :159-206), when they apply.
void AppendOidcClientSecretEnv(const ServerRefs& refs, Value* env);
void AppendTokenExchangeEnv(const ServerRefs& refs, Value* env);
// proxyDeployment.env, then THV_SESSION_REDIS_PASSWORD from sessionStorage.passwordRef (redis).
void AppendOverrideAndRedisPasswordEnv(const MCPServer& s, Value* env);

// The pod spec around the one proxy container, toolhive (corev1 Container and PodSpec field
// order): the runner image with args, port http (the proxy port), env, spec.resources, mounts,
// the liveness (30/5/10/3) and startup (0/3/5/18) probes both kinds use with the kind's
// readiness probe, restricted security contexts, the merged image pull secrets.
struct ProxyPod {
  std::vector<std::string> args;
  Value env, volumes, mounts;
  Value readiness_probe;
  std::optional<int> termination_grace_seconds;
  std::string service_account;
};
Value ProxyPodSpec(const MCPServer& s, ProxyPod pod, const RenderOptions& options,
                   const Value& pull_secrets);

// The proxy's Service service_name: port http (the proxy port), the selector, ClientIP affinity
// unless spec.sessionAffinity; proxyService labels (the operator's win) and annotations.
Value ProxyServiceObject(const MCPServer& s, const std::string& service_name,
                         const StringMap& labels);

}  // namespace t0_44_0
}  // namespace thv
