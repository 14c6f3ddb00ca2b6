// The ToolHive operator at commit 7002a239b: MCPServer, MCPRegistry and MCPToolConfig, all
// toolhive.stacklok.dev/v1alpha1.
#include "targets/7002a239b/target.h"

#include "model/mcpregistry.h"
#include "render/mcpregistry_render.h"
#include "render/render_all.h"
#include "targets/7002a239b/defaults.h"
#include "targets/7002a239b/mcpserver.h"
#include "targets/7002a239b/mcpserver_render.h"
#include "targets/7002a239b/references.h"

namespace thv {
namespace t7002a239b {

namespace {

void RenderServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                  const Emit& emit) {
  const int errors_before = diags->error_count();
  MCPServer server = DecodeMCPServer(object);
  ServerRefs refs = ResolveServerRefs(server, context.index, diags);
  std::vector<Value> docs = RenderMCPServer(server, refs, context.options.render, diags);
  const bool clean = diags->error_count() == errors_before;
  for (Value& doc : docs) emit(std::move(doc), clean);
}

void RenderRegistry(const Object& object, const RenderContext& context, Diagnostics* diags,
                    const Emit& emit) {
  if (context.options.validating)
    diags->Warning(object.origin.file, object.origin.mark, "",
                   "MCPRegistry " + object.meta.name +
                       ": the registry API Deployment runs as ServiceAccount "
                       "toolhive-registry-api, which the operator does not create; provide it");
  auto content = context.options.registries.find(object.meta.namespace_ + "/" + object.meta.name);
  if (content == context.options.registries.end()) return;  // its fetch failed, reported
  Diagnostics ignored;  // DecodeMCPRegistry's findings were reported by the registry stage
  const std::string image =
      context.options.render.registry_api_image.value_or(kDefaults.registry_api_image);
  for (Value& doc : RenderMCPRegistry(DecodeMCPRegistry(object, &ignored), content->second, image))
    emit(std::move(doc), true);
}

ServerListRow ListServer(const Object& object) {
  MCPServer server = DecodeMCPServer(object);
  return {server.transport, std::to_string(server.port), ServiceUrl(server)};
}

const TargetKind kKinds[] = {
    {"MCPServer", ToolhiveKind::kMCPServer, KindRole::kRendered, nullptr, RenderServer, nullptr},
    {"MCPRegistry", ToolhiveKind::kMCPRegistry, KindRole::kRendered, nullptr, RenderRegistry,
     nullptr},
    // Read when an MCPServer refers to it (ResolveServerRefs).
    {"MCPToolConfig", ToolhiveKind::kMCPToolConfig, KindRole::kConfig, nullptr, nullptr, nullptr},
    {nullptr, ToolhiveKind::kNone, KindRole::kUnsupported, nullptr, nullptr, nullptr}};

const char kNotRead[] = "the operator at 7002a239b has no such setting";
const UnreadFlag kUnreadFlags[] = {{"--usage-metrics", kNotRead},
                                   {"--vmcp-image", kNotRead},
                                   {"--default-image-pull-secret", kNotRead},
                                   {"--default-redis-addr", kNotRead},
                                   {"--default-redis-secret", kNotRead},
                                   {"--default-redis-secret-key", kNotRead},
                                   {nullptr, nullptr}};

}  // namespace

const Target kTarget = {"7002a239b",  kOperatorBuild, "github.com/stacklok/toolhive@7002a239b",
                        kDefaults,    kCrds,          kKinds,
                        nullptr,      nullptr,        ListServer,
                        kUnreadFlags, &kDescriptions, kRenamedKinds};

}  // namespace t7002a239b
}  // namespace thv
