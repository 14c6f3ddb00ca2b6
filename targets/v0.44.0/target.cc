// The ToolHive operator release v0.44.0: toolhive.stacklok.dev/v1beta1 (and the deprecated
// v1alpha1, same schema) for every kind, MCPWebhookConfig v1alpha1 only.
#include "targets/v0.44.0/target.h"

#include "targets/v0.44.0/defaults.h"

namespace thv {
namespace t0_44_0 {

namespace {

ServerListRow ListServer(const Object& object) {
  (void)object;
  return {};
}

const TargetKind kKinds[] = {
    {"MCPServer", ToolhiveKind::kMCPServer, KindRole::kNotRenderedYet, nullptr, nullptr,
     "--operator-version 7002a239b renders MCPServer v1alpha1"},
    {"MCPToolConfig", ToolhiveKind::kMCPToolConfig, KindRole::kConfig, nullptr, nullptr, nullptr},
    {"MCPOIDCConfig", ToolhiveKind::kMCPOIDCConfig, KindRole::kConfig, nullptr, nullptr, nullptr},
    {"MCPTelemetryConfig", ToolhiveKind::kMCPTelemetryConfig, KindRole::kConfig, nullptr, nullptr,
     nullptr},
    {"MCPAuthzConfig", ToolhiveKind::kMCPAuthzConfig, KindRole::kConfig, nullptr, nullptr, nullptr},
    {"MCPExternalAuthConfig", ToolhiveKind::kMCPExternalAuthConfig, KindRole::kConfig, nullptr,
     nullptr, nullptr},
    {"MCPWebhookConfig", ToolhiveKind::kMCPWebhookConfig, KindRole::kConfig, nullptr, nullptr,
     nullptr},
    {"MCPGroup", ToolhiveKind::kMCPGroup, KindRole::kConfig, nullptr, nullptr, nullptr},
    {"MCPRegistry", ToolhiveKind::kMCPRegistry, KindRole::kUnsupported, nullptr, nullptr,
     "--operator-version 7002a239b renders MCPRegistry v1alpha1"},
    {"MCPRemoteProxy", ToolhiveKind::kMCPRemoteProxy, KindRole::kUnsupported, nullptr, nullptr,
     nullptr},
    {"VirtualMCPServer", ToolhiveKind::kVirtualMCPServer, KindRole::kUnsupported, nullptr, nullptr,
     nullptr},
    {"VirtualMCPCompositeToolDefinition", ToolhiveKind::kVirtualMCPCompositeToolDefinition,
     KindRole::kUnsupported, nullptr, nullptr, nullptr},
    {"EmbeddingServer", ToolhiveKind::kEmbeddingServer, KindRole::kUnsupported, nullptr, nullptr,
     nullptr},
    {"MCPServerEntry", ToolhiveKind::kMCPServerEntry, KindRole::kUnsupported, nullptr, nullptr,
     nullptr},
    {nullptr, ToolhiveKind::kNone, KindRole::kUnsupported, nullptr, nullptr, nullptr}};

}  // namespace

const Target kTarget = {"v0.44.0",
                        kOperatorBuild,
                        "github.com/stacklok/toolhive@v0.44.0 (b3df9689b)",
                        {kProxyImage, kProxyHost, kRegistryApiImage},
                        kCrds,
                        kKinds,
                        nullptr,
                        "7002a239b",
                        ListServer};

}  // namespace t0_44_0
}  // namespace thv
