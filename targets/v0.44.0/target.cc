// The ToolHive operator release v0.44.0: toolhive.stacklok.dev/v1beta1 (and the deprecated
// v1alpha1, same schema) for every kind, MCPWebhookConfig v1alpha1 only.
#include "targets/v0.44.0/target.h"

#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/embeddingserver.h"
#include "targets/v0.44.0/groups.h"
#include "targets/v0.44.0/list.h"
#include "targets/v0.44.0/mcpregistry.h"
#include "targets/v0.44.0/mcpremoteproxy_render.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/mcpserver_render.h"
#include "targets/v0.44.0/refs.h"
#include "targets/v0.44.0/registry_data.h"
#include "targets/v0.44.0/vmcp_config.h"

namespace thv {
namespace t0_44_0 {

namespace {

// Issue 18 item 6: what 7002a239b's fields became (v1beta1 mcpserver_types.go, the MCPRegistry
// configYAML redesign). The same at v1alpha1 and v1beta1, which share one schema.
const char kRegistryConfig[] =
    "spec.configYAML (the registry server's own configuration, which now holds the sources, "
    "filters and sync policy)";
const FieldRename kRenames[] = {
    {"MCPServer", "spec.port", "spec.proxyPort"},
    {"MCPServer", "spec.targetPort", "spec.mcpPort"},
    {"MCPServer", "spec.oidcConfig", "an MCPOIDCConfig resource named by spec.oidcConfigRef"},
    {"MCPServer", "spec.telemetry",
     "an MCPTelemetryConfig resource named by spec.telemetryConfigRef"},
    {"MCPServer", "spec.tools",
     "an MCPToolConfig resource (spec.toolsFilter) named by spec.toolConfigRef"},
    {"MCPRegistry", "spec.source", kRegistryConfig},
    {"MCPRegistry", "spec.filter", kRegistryConfig},
    {"MCPRegistry", "spec.syncPolicy", kRegistryConfig},
    {"MCPRegistry", "spec.format", kRegistryConfig},
    {nullptr, nullptr, nullptr}};

const TargetKind kKinds[] = {
    {"MCPServer", ToolhiveKind::kMCPServer, KindRole::kRendered, nullptr, RenderServer, nullptr,
     &kServerList},
    // MCPToolConfig is always Valid (toolconfig_controller.go); its overrides are checked where
    // an MCPServer refers to it. MCPGroup has nothing to check.
    {"MCPToolConfig", ToolhiveKind::kMCPToolConfig, KindRole::kConfig, nullptr, nullptr, nullptr,
     &kValidOnlyList},
    {"MCPOIDCConfig", ToolhiveKind::kMCPOIDCConfig, KindRole::kConfig, CheckConfig, nullptr,
     nullptr, &kOidcConfigList},
    {"MCPTelemetryConfig", ToolhiveKind::kMCPTelemetryConfig, KindRole::kConfig, CheckConfig,
     nullptr, nullptr, &kTelemetryConfigList},
    {"MCPAuthzConfig", ToolhiveKind::kMCPAuthzConfig, KindRole::kConfig, CheckConfig, nullptr,
     nullptr, &kTypedConfigList},
    {"MCPExternalAuthConfig", ToolhiveKind::kMCPExternalAuthConfig, KindRole::kConfig, CheckConfig,
     nullptr, nullptr, &kTypedConfigList},
    {"MCPWebhookConfig", ToolhiveKind::kMCPWebhookConfig, KindRole::kConfig, CheckConfig, nullptr,
     nullptr, &kValidOnlyList},
    {"MCPGroup", ToolhiveKind::kMCPGroup, KindRole::kConfig, nullptr, nullptr, nullptr,
     &kGroupList},
    {"MCPRegistry", ToolhiveKind::kMCPRegistryConfigYaml, KindRole::kRendered, nullptr,
     RenderRegistry, nullptr, &kRegistryList},
    // thv-render's own kind (render.thv-render.stacklok.dev): the registry stage fetches, locks
    // and filters it as a 7002a239b MCPRegistry; it renders a ConfigMap for a file source.
    {"RegistryData", ToolhiveKind::kMCPRegistry, KindRole::kRendered, nullptr, RenderRegistryData,
     nullptr},
    {"MCPRemoteProxy", ToolhiveKind::kMCPRemoteProxy, KindRole::kRendered, nullptr,
     RenderRemoteProxy, nullptr, &kRemoteProxyList},
    {"VirtualMCPServer", ToolhiveKind::kVirtualMCPServer, KindRole::kRendered, nullptr,
     RenderVirtualServer, nullptr, &kVirtualServerList},
    // No controller (app.go:155-416): read by VirtualMCPServers' compositeToolRefs.
    {"VirtualMCPCompositeToolDefinition", ToolhiveKind::kVirtualMCPCompositeToolDefinition,
     KindRole::kConfig, nullptr, nullptr, nullptr, &kCompositeToolList},
    {"EmbeddingServer", ToolhiveKind::kEmbeddingServer, KindRole::kRendered, nullptr,
     RenderEmbeddingServer, nullptr, &kEmbeddingServerList},
    // Validation only (mcpserverentry_controller.go:42-47): every finding is a warning.
    {"MCPServerEntry", ToolhiveKind::kMCPServerEntry, KindRole::kConfig, CheckServerEntry, nullptr,
     nullptr, &kServerEntryList},
    {nullptr, ToolhiveKind::kNone, KindRole::kUnsupported, nullptr, nullptr, nullptr}};

const UnreadFlag kUnreadFlags[] = {
    {"--runconfig-mode",
     "the operator at v0.44.0 always mounts the RunConfig ConfigMap and has no flags mode "
     "(TOOLHIVE_USE_CONFIGMAP is not read)"},
    {nullptr, nullptr}};

}  // namespace

const Target kTarget = {
    "v0.44.0",    kOperatorBuild, "github.com/stacklok/toolhive@v0.44.0 (b3df9689b)",
    kDefaults,    kCrds,          kKinds,
    kRenames,     "7002a239b",
    nullptr,  // per-kind tables (KindLister)
    kUnreadFlags, &kDescriptions, kRenamedKinds};

}  // namespace t0_44_0
}  // namespace thv
