#include "registry/registry_json.h"

namespace thv {

namespace {

#define THV_GO_TABLE "registry/registry_go_types.inc"
#include "core/go_table.h"

}  // namespace

const GoTypes& RegistryGoTypes() {
  static const GoTypes types(kGoRows, kGoAliases);
  return types;
}

bool DecodeToolhiveRegistry(const Value& doc, const std::string& file, Registry* out,
                            Diagnostics* diags) {
  GoDecodeContext ctx{file, diags};
  RegistryGoTypes().Decode("Registry", doc, JsonPath(), out, &ctx);
  return ctx.errors == 0;
}

std::string MarshalToolhiveRegistry(const Registry& registry) {
  std::string out;
  out.reserve(4096 + 2048 * ((registry.servers ? registry.servers->size() : 0) +
                             registry.remote_servers.size()));
  RegistryGoTypes().Append("Registry", registry, &out);
  return out;
}

std::string MarshalUpstreamDraft(const std::vector<UpstreamServerDetail>& servers) {
  if (servers.empty()) return "[]";  // a plain vector reads as nil when empty; this one is not
  std::string out;
  out.reserve(2048 * servers.size() + 2);
  RegistryGoTypes().Append("[]UpstreamServerDetail", servers, &out);
  return out;
}

}  // namespace thv
