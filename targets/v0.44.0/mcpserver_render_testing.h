// Helpers shared by the v0.44.0 MCPServer render tests (mcpserver_render_test.cc and
// mcpserver_render_refs_test.cc).
#pragma once

#include <doctest/doctest.h>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_writer.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "targets/v0.44.0/runconfig.h"
#include "targets/v0.44.0/testing.h"
#include "targets/v0.44.0/webhooks.h"

namespace thv {
namespace t0_44_0 {

// The spec's §8 seed, its proxyPort read as spec.proxyPort, permission profile as the spec's §6
// seed sets it.
const char kSeed[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata: {name: fetch}
spec:
  image: docker.io/mcp/fetch
  transport: stdio
  proxyPort: 8080
  permissionProfile: {type: builtin, name: network}
)";

// §8's runconfig.json, byte for byte.
const char kSeedRunConfig[] = R"({
  "schema_version": "v0.1.0",
  "mcpserver_generation": 1,
  "image": "docker.io/mcp/fetch",
  "name": "fetch",
  "container_name": "fetch",
  "base_name": "fetch",
  "transport": "stdio",
  "host": "0.0.0.0",
  "port": 8080,
  "target_port": 8080,
  "permission_profile_name_or_path": "network",
  "permission_profile": {
    "name": "network",
    "network": {
      "outbound": {
        "insecure_allow_all": true
      },
      "inbound": {}
    }
  },
  "env_vars": {
    "MCP_TRANSPORT": "stdio"
  },
  "container_labels": {
    "toolhive": "true",
    "toolhive-basename": "fetch",
    "toolhive-name": "fetch",
    "toolhive-port": "8080",
    "toolhive-transport": "stdio"
  },
  "proxy_mode": "streamable-http",
  "middleware_configs": [
    {
      "type": "bodylimit",
      "parameters": {
        "max_bytes": 8388608
      }
    },
    {
      "type": "auth",
      "parameters": {}
    },
    {
      "type": "mcp-parser",
      "parameters": {}
    },
    {
      "type": "usagemetrics",
      "parameters": {}
    },
    {
      "type": "recovery",
      "parameters": null
    }
  ]
})";

// An MCPServer s in namespace ns with spec lines (two-space indented) after its image.
inline std::string Server(const std::string& spec, const std::string& name = "s") {
  return "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: " + name +
         ", namespace: ns}\nspec:\n  image: ghcr.io/example/mcp:1\n" + spec;
}

// The objects of workload s (Service mcp-s-proxy) rendered from yaml.
inline Rendered Render(const std::string& yaml, const RenderOptions& options = {},
                       const std::string& name = "s") {
  return RenderWorkload(yaml, options, name, "mcp-" + name + "-proxy");
}

const std::vector<std::string> kLabels = {"app", "app.kubernetes.io/instance",
                                          "app.kubernetes.io/name", "toolhive", "toolhive-name"};

}  // namespace t0_44_0
}  // namespace thv
