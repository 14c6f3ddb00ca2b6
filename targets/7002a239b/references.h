// What the operator reads from the cluster for an MCPServer, looked up among the inputs
// instead: tool configs, and ConfigMaps for authz, OIDC and permission profiles.
#pragma once

#include <optional>
#include <vector>

#include "core/diagnostics.h"
#include "model/inputs.h"
#include "targets/7002a239b/mcpserver.h"
#include "targets/7002a239b/mcptoolconfig.h"

namespace thv {
namespace t7002a239b {

struct ServerRefs {
  std::optional<MCPToolConfig> tool_config;
  std::optional<Value> authz_config;         // authz.Config, in Go field order
  std::optional<StringMap> oidc_config_map;  // data of the OIDC ConfigMap
  std::optional<Value> permission_profile;   // permissions.Profile, in Go field order
};

ServerRefs ResolveServerRefs(const MCPServer& server, const ObjectIndex& objects,
                             Diagnostics* diags);

// Parses a permission profile (JSON) into permissions.Profile field order; false and *err on error.
bool ParsePermissionProfile(const std::string& json, Value* profile, std::string* err);
// Parses an authz config (YAML or JSON) and validates it as authz.Config.Validate does.
bool ParseAuthzConfig(const std::string& text, Value* config, std::string* err);

}  // namespace t7002a239b
}  // namespace thv
