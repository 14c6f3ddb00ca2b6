// Names the v0.44.0 objects hold inside strings, for the kustomize transformer
// (render/kustomize_names.h). An MCPServer's: the pod patch's PodSpec names; the RunConfig's
// names of the server (the proxy names its workload after them, runconfig.go) and its resource
// URL (http://<name>.<namespace>.svc.cluster.local:<port> unless given,
// controllers/mcpserver_runconfig.go), the bearer token Secret, the rate limiter's namespace; the
// telemetry resource's namespace. The RunConfig's content checksum is on its ConfigMap and the
// Deployment's pod template.
// The embedded auth server's (cmd/thv-operator/pkg/controllerutil/authserver.go):
// allowed_audiences is the resource URL (:565, :1172), a redirect URI defaults to it +
// /oauth/callback (:906-908), the Redis key prefix is thv:auth:{<namespace>:<name>}:
// (storage.DeriveKeyPrefix, pkg/authserver/storage/redis_keys.go:78-80) and a Sentinel Service
// without a namespace is the server's (:872-901). The OIDC audience must equal the resource URL
// there (:593-615), so an audience of the default URL's form follows it, as delegate clients'
// audiences and trusted issuers' expected audiences of that form do. The Secrets it mounts and
// reads are PodSpec references kustomize renames itself.
// An MCPRegistry's (configYAML shape): every name is a reference kustomize renames (volumes,
// serviceAccountName, RoleBinding subjects and roleRef); config.yaml is the user's text, copied,
// whose checksum is checked. The pod template's config-hash and the Deployment's
// podtemplatespec-hash hash the spec as written (pkg/registryapi/deployment.go:206, 247-252), which
// holds neither the registry's name nor its namespace: they stay.
#include <algorithm>

#include "core/yaml_reader.h"
#include "model/decode.h"
#include "render/kustomize_names.h"
#include "targets/v0.44.0/mcpregistry.h"
#include "targets/v0.44.0/target.h"
#include "targets/v0.44.0/vmcp_authserver.h"
#include "targets/v0.44.0/vmcp_config.h"
#include "targets/v0.44.0/webhooks.h"

namespace thv {
namespace t0_44_0 {

namespace {

// The server's URL in the cluster, the default resource URL ({*}: the port, and any path).
const char kServerUrl[] = "http://{name}.{namespace}.svc.cluster.local:{*}";

#define THV_RUNCONFIG(path, form) \
  { "ConfigMap", "%-runconfig", "data runconfig.json", path, form }
const NameInString kServerNames[] = {
    THV_RUNCONFIG("name", "{name}"),
    THV_RUNCONFIG("container_name", "{name}"),
    THV_RUNCONFIG("base_name", "{name}"),
    THV_RUNCONFIG("container_labels.toolhive-name", "{name}"),
    THV_RUNCONFIG("container_labels.toolhive-basename", "{name}"),
    THV_RUNCONFIG("oidc_config.ResourceURL", kServerUrl),
    THV_RUNCONFIG("oidc_config.Audience", kServerUrl),
    THV_RUNCONFIG("middleware_configs[].parameters.oidc_config.ResourceURL", kServerUrl),
    THV_RUNCONFIG("middleware_configs[].parameters.oidc_config.Audience", kServerUrl),
    THV_RUNCONFIG("middleware_configs[].parameters.server_name", "{name}"),
    THV_RUNCONFIG("middleware_configs[].parameters.namespace", "{namespace}"),
    THV_RUNCONFIG("remote_auth_config.bearer_token", "{Secret *},target={*}"),
    THV_RUNCONFIG("telemetry_config.serviceName", "{name}"),
    THV_RUNCONFIG("rate_limit_namespace", "{namespace}"),
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "service.name={name},{*}"},
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "{*}service.namespace={namespace}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// The embedded auth server's run config: an MCPServer's or MCPRemoteProxy's inside its
// RunConfig JSON, a VirtualMCPServer's as authserver-config.yaml (the same builder,
// BuildAuthServerRunConfig, converter.go:546-559, with the vMCP's name and namespace).
// clang-format off
#define THV_AUTH_SERVER_ROWS(config_map, field, prefix)                                           \
  {"ConfigMap", config_map, field, prefix "allowed_audiences[]", kServerUrl},                    \
  {"ConfigMap", config_map, field, prefix "upstreams[].oidc_config.redirect_uri", kServerUrl},   \
  {"ConfigMap", config_map, field, prefix "upstreams[].oauth2_config.redirect_uri", kServerUrl}, \
  {"ConfigMap", config_map, field, prefix "delegate_clients[].audiences[]", kServerUrl},         \
  {"ConfigMap", config_map, field, prefix "trusted_issuers[].expected_audience", kServerUrl},    \
  {"ConfigMap", config_map, field, prefix "storage.redis_config.key_prefix",                     \
   "thv:auth:{{{namespace}:{name}}}:"},                                                          \
  {"ConfigMap", config_map, field, prefix "storage.redis_config.sentinel_config.sentinel_addrs[]", \
   "{Service *}.{namespace}.svc.cluster.local:{*}"}
// clang-format on
const NameInString kAuthServerNames[] = {
    THV_AUTH_SERVER_ROWS("%-runconfig", "data runconfig.json", "embedded_auth_server_config."),
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef THV_RUNCONFIG

const NameInString* const kServerTables[] = {kPodPatchNames, kServerNames, kAuthServerNames,
                                             nullptr};

const ContentChecksum kServerChecksums[] = {
    {"%-runconfig", "toolhive.stacklok.dev/content-checksum", OperatorConfigMapChecksum, "%",
     "toolhive.stacklok.dev/runconfig-checksum"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// config/raw_config.go:32: CalculateConfigHash([]byte(configYAML)), no labels.
std::string RegistryConfigChecksum(const Value& config_map) {
  const Value* data = config_map.Find("data");
  const Value* yaml = data ? data->Find("config.yaml") : nullptr;
  return ConfigHashOfDump(ByteSliceDump(yaml && yaml->IsString() ? yaml->text : ""));
}

const ContentChecksum kRegistryChecksums[] = {
    {"%-registry-server-config", "toolhive.stacklok.dev/content-checksum", RegistryConfigChecksum,
     nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// An MCPRemoteProxy's RunConfig is built as an MCPServer's (BuildRunConfig): the same names, the
// same checksums (mcpremoteproxy_runconfig.go). Its Deployment has no --k8s-pod-patch argument
// and no OTEL env; its Service (mcp-<name>-remote-proxy) and runner ServiceAccount
// (<name>-remote-proxy-runner) are named in no string, only in references kustomize renames
// (serviceAccountName, RoleBinding subjects and roleRef). The header Secrets' identifiers
// (HEADER_FORWARD_<header>_<name>) are in the RunConfig and the env variable names alike: left as
// they are, they still match.
const NameInString* const kRemoteProxyTables[] = {kServerNames, kAuthServerNames, nullptr};
constexpr RenamedKind kMcpRemoteProxyAnchor = {"MCPRemoteProxy",
                                               "Deployment",
                                               "%",
                                               "app.kubernetes.io/name=mcpremoteproxy",
                                               "app.kubernetes.io/instance",
                                               nullptr,
                                               nullptr,
                                               nullptr};

// A VirtualMCPServer's (cv = pkg/vmcpconfig/converter.go, vd = controllers/
// virtualmcpserver_deployment.go, vmcp_config.cc, vmcp_backends.cc). Operator-made strings: the
// config's name (cv:114), the telemetry service name and audit component defaulting to it
// (cv:514, :164), the OIDC resource URL defaulting to http://<name>.<namespace>.svc...:<port>
// (ResolveFromConfigRef, cv:450-452; an audience of that form follows it as an MCPServer's), the
// static backends (vmcp_backends.cc): each a workload's name, its Service's URL (an SSE server's
// ends in #<name>), the group and namespace; the optimizer's EmbeddingServer URL names its
// Service (vv:190-216); the env VMCP_NAME, VMCP_NAMESPACE (vd:340-347) and the OTel resource
// attributes. The user's spec copied into the config names objects where a field is a
// reference: groupRef (cv:117), outgoingAuth.backends keys, the aggregation's tools[].workload
// and priorityOrder (workload names), compositeToolRefs (VirtualMCPCompositeToolDefinitions):
// those follow the object when it is among the items (an MCPServer or MCPRemoteProxy also by
// its Deployment), as kustomize's nameReference would. Free text stays: tool names (the
// {workload}_ prefixes in steps and filters), Redis addresses and key prefixes, issuers.
// Names in env variable names and paths stay too, consistent with each other: the
// MCPExternalAuthConfig's TOOLHIVE_*_<NAME> variables, an entry's CA bundle mount
// /etc/toolhive/ca-bundles/<entry>/ and TOOLHIVE_HEADER_FORWARD_<ENTRY>. Labels keep the
// original names (as every kind's here), and the config checksum counts them.
const char kWorkload[] = "{MCPServer|MCPRemoteProxy|MCPServerEntry *}";
const char kServiceUrl[] = "http://{Service *}.{namespace}.svc.cluster.local:{*}";
#define THV_VMCP_CONFIG(path, form) \
  { "ConfigMap", "%-vmcp-config", "data config.yaml", path, form }
const NameInString kVirtualServerNames[] = {
    THV_VMCP_CONFIG("name", "{name}"),            // cv:114
    THV_VMCP_CONFIG("groupRef", "{MCPGroup *}"),  // cv:117
    // Static mode: the group's workloads as backends (vv:487-509, vmcp_backends.cc).
    THV_VMCP_CONFIG("backends[].name", kWorkload),
    THV_VMCP_CONFIG("backends[].url",
                    "http://{Service *}.{namespace}.svc.cluster.local:{*}/sse#{MCPServer *}"),
    THV_VMCP_CONFIG("backends[].url", kServiceUrl),
    THV_VMCP_CONFIG("backends[].metadata.group", "{MCPGroup *}"),
    THV_VMCP_CONFIG("backends[].metadata.namespace", "{namespace}"),
    // The OIDC resource URL's default (cv:450-452, 482) and an audience of its form.
    THV_VMCP_CONFIG("incomingAuth.oidc.audience", kServerUrl),
    THV_VMCP_CONFIG("incomingAuth.oidc.resource", kServerUrl),
    // References by name the spec copies into the config (cv:657-662, 744-801, cfg:143).
    THV_VMCP_CONFIG("outgoingAuth.backends{}", kWorkload),
    THV_VMCP_CONFIG("aggregation.conflictResolutionConfig.priorityOrder[]", kWorkload),
    THV_VMCP_CONFIG("aggregation.tools[].workload", kWorkload),
    THV_VMCP_CONFIG("compositeToolRefs[].name", "{VirtualMCPCompositeToolDefinition *}"),
    // Defaults to the name (cv:514, :164) and the EmbeddingServer's Service (vv:190-216).
    THV_VMCP_CONFIG("telemetry.serviceName", "{name}"),
    THV_VMCP_CONFIG("audit.component", "{name}"),
    THV_VMCP_CONFIG("optimizer.embeddingService", kServiceUrl),
    {"Deployment", "%", "env VMCP_NAME", "", "{name}"},
    {"Deployment", "%", "env VMCP_NAMESPACE", "", "{namespace}"},
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "service.name={name},{*}"},
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "{*}service.namespace={namespace}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef THV_VMCP_CONFIG
// authserver-config.yaml (vv:115-121): the resource URL above is its allowed audience and the
// redirect URIs' default (cv:562-606, authserver.go:906-908); the Redis key prefix and a
// Sentinel Service without a namespace are the VirtualMCPServer's (authserver.go:872-901).
const NameInString kVirtualAuthServerNames[] = {
    THV_AUTH_SERVER_ROWS("%-vmcp-config", "data authserver-config.yaml", ""),
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef THV_AUTH_SERVER_ROWS
const NameInString* const kVirtualServerTables[] = {kVirtualServerNames, kVirtualAuthServerNames,
                                                    nullptr};

const ContentChecksum kVirtualServerChecksums[] = {
    {"%-vmcp-config", "toolhive.stacklok.dev/content-checksum", OperatorConfigMapChecksum, "%",
     "toolhive.stacklok.dev/runconfig-checksum"},  // vv:133-137, vd:979-991
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

bool ReadVmcpConfig(const std::string& text, Value* out) {
  std::vector<Value> docs;
  Diagnostics diags;
  if (!ReadYamlDocuments("config.yaml", text, &docs, &diags) || docs.size() != 1) return false;
  *out = std::move(docs.front());
  return out->IsMapping();
}

// yaml.v3 Marshal of the vmcp Config (map keys in its order), the static backends sorted by
// name as Discover sorts them.
std::string WriteVmcpConfig(const Value& config) {
  Value sorted = config;
  if (Value* backends = sorted.Find("backends"); backends && backends->IsSequence())
    std::stable_sort(
        backends->items.begin(), backends->items.end(),
        [](const Value& a, const Value& b) { return GetString(a, "name") < GetString(b, "name"); });
  return VmcpConfigYaml(sorted);
}

const DataCodec kVirtualServerCodecs[] = {
    {"data config.yaml", ReadVmcpConfig, WriteVmcpConfig},
    {"data authserver-config.yaml", ReadVmcpConfig, AuthServerConfigYaml},  // yaml.v3 (vv:116)
    {nullptr, nullptr, nullptr}};

constexpr RenamedKind kVirtualMcpServerAnchor = {"VirtualMCPServer",
                                                 "Deployment",
                                                 "%",
                                                 "app.kubernetes.io/name=virtualmcpserver",
                                                 "app.kubernetes.io/instance",
                                                 kVirtualServerTables,
                                                 kVirtualServerChecksums,
                                                 kVirtualServerCodecs};

}  // namespace

// An EmbeddingServer holds its name in no string: its StatefulSet's serviceName names its
// Service, which kustomize renames itself (checked with kubectl kustomize v5.5), so it needs no
// row.
const RenamedKind kRenamedKinds[] = {
    WithTables(kMcpServerAnchor, kServerTables, kServerChecksums),
    WithTables(kMcpRemoteProxyAnchor, kRemoteProxyTables, kServerChecksums),
    // configYAML: no name of the registry's in a string; the config checksum is checked.
    WithTables(kMcpRegistryAnchor, nullptr, kRegistryChecksums),
    kVirtualMcpServerAnchor,
    RenamedKind{},
};

}  // namespace t0_44_0
}  // namespace thv
