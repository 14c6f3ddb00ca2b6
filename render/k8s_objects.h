// Pieces of the objects the ToolHive operator creates for an MCPServer that every target builds
// the same way (each target's controller composes them; what differs stays in targets/<name>/).
// Members are in Go struct field order, as the operator's typed objects serialize.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"

namespace thv {

// The labels of a workload's proxy Deployment, its pods and its Service: app and
// app.kubernetes.io/name app, app.kubernetes.io/instance and toolhive-name name, toolhive true.
StringMap WorkloadLabels(const std::string& app, const std::string& name);
// labelsForMCPServer: app mcpserver.
StringMap MCPServerLabels(const std::string& name);

// mergeStringMaps / MergeStringMaps: override entries, with the operator's own keys winning.
StringMap MergeDefaultsWin(const StringMap& defaults, const StringMap& overrides);

// ObjectMeta with name and namespace, and labels/annotations when given and non-empty.
Value ObjectMetadata(const std::string& name, const std::string& ns,
                     const StringMap* labels = nullptr, const StringMap* annotations = nullptr);

// {apiVersion, kind, metadata}.
Value KubeObject(const char* api_version, const char* kind, Value metadata);

Value ServiceAccountObject(const std::string& name, const std::string& ns);

// An EnvVar whose value comes from key of Secret secret.
Value SecretKeyEnvVar(const std::string& env, const std::string& secret, const std::string& key);

// PodTemplateSpecBuilder.WithSecrets: env appended to the container named container of
// pod_spec (a PodSpec), which gets {name, env} appended when it has no such container.
void AppendContainerEnv(Value* pod_spec, const char* container, Value env);

// A PolicyRule {verbs, apiGroups, resources}.
Value PolicyRule(const char* group, const char* resource, const std::vector<std::string>& verbs);

// The proxy runner's Role: statefulsets and services with write_verbs, then read access to pods,
// their logs and attach, and configmaps.
Value ProxyRunnerRole(const std::string& name, const std::string& ns,
                      const std::vector<std::string>& write_verbs);

// A Service with one port "http" (TCP, port and targetPort the same number) and a selector.
Value HttpService(const std::string& name, const std::string& ns, const StringMap& labels,
                  const StringMap& annotations, int64_t port, const StringMap& selector);

// A PolicyRule over several groups and resources.
Value MultiResourceRule(const std::vector<std::string>& groups,
                        const std::vector<std::string>& resources,
                        const std::vector<std::string>& verbs);
// A Role with these rules.
Value RoleObject(const std::string& name, const std::string& ns, Value rules);

// Binds the Role of the same name to the ServiceAccount of the same name.
Value ProxyRunnerRoleBinding(const std::string& name, const std::string& ns);

// An httpGet /health probe on the named port "http"; initial_delay 0 is left unset.
Value HealthProbe(int initial_delay, int timeout, int period, int failure_threshold);

// A ResourceList of the set quantities, each in canonical form (resource.MustParse).
Value CpuMemoryList(const std::string& cpu, const std::string& memory);

// <name>-authz-inline: the inline Cedar configuration as the operator writes it (compact JSON,
// keys sorted, entities_json defaulting to "[]"), labelled with the owner's labels
// (MCPServerLabels unless given) and toolhive.stacklok.io/authz=inline.
Value AuthzInlineConfigMapObject(const std::string& name, const std::string& ns,
                                 const std::vector<std::string>& policies,
                                 const std::string& entities_json,
                                 const StringMap* owner_labels = nullptr);

// <name>-runconfig holding runconfig.json = json (MarshalIndent of the RunConfig), with the
// operator's labels and content checksum (checksum.ComputeConfigMapChecksum). owner_label names
// the owner: toolhive.stacklok.io/mcp-server, or .../mcp-remote-proxy for an MCPRemoteProxy.
Value RunConfigConfigMapObject(const std::string& name, const std::string& ns,
                               const std::string& json,
                               const char* owner_label = "toolhive.stacklok.io/mcp-server");

// toolhive.stacklok.dev/content-checksum of a ConfigMap (data keys then labels, sorted).
std::string ConfigMapChecksum(const StringMap& data, const StringMap& labels);

}  // namespace thv
