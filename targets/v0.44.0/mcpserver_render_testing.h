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

inline std::string Doc(const std::string& kind, const std::string& name, const std::string& spec,
                       const std::string& version = "v1beta1") {
  return "---\napiVersion: toolhive.stacklok.dev/" + version + "\nkind: " + kind +
         "\nmetadata: {name: " + name + ", namespace: ns}\nspec:\n" + spec;
}

// The node at a dotted path with [i] indices ("spec.template.spec.containers[0].env"), or
// nullptr.
inline const Value* At(const Value* v, const std::string& path) {
  return v ? ValueAtPath(*v, path) : nullptr;
}

inline std::string Text(const Value* v, const std::string& path) {
  const Value* node = At(v, path);
  return node ? node->text : "<absent>";
}

inline std::vector<std::string> Keys(const Value* v) {
  std::vector<std::string> keys;
  for (const Member& m : v ? v->members : std::vector<Member>{}) keys.push_back(m.key);
  return keys;
}

// "name" of each item, or "name=value" for plain env vars.
inline std::vector<std::string> Names(const Value* list) {
  std::vector<std::string> names;
  for (const Value& item : list ? list->items : std::vector<Value>{}) {
    const Value* value = item.Find("value");
    names.push_back(Text(&item, "name") + (value ? "=" + value->text : ""));
  }
  return names;
}

struct Rendered {
  RenderRun run;
  Value run_config;  // runconfig.json parsed, in its order
  const Value* deployment = nullptr;
  const Value* service = nullptr;

  const Value* Container() const { return At(deployment, "spec.template.spec.containers[0]"); }
  const Value* PodSpec() const { return At(deployment, "spec.template.spec"); }
  std::string Json() const {
    const Value* data = At(config_map, "data");
    const Value* json = data ? data->Find("runconfig.json") : nullptr;  // a key with a dot
    return json ? json->text : "";
  }
  std::vector<std::string> Middlewares() const {
    std::vector<std::string> types;
    for (const Value& m : At(&run_config, "middleware_configs")->items)
      types.push_back(Text(&m, "type"));
    return types;
  }
  const Value* Middleware(const std::string& type) const {
    for (const Value& m : At(&run_config, "middleware_configs")->items)
      if (Text(&m, "type") == type) return m.Find("parameters");
    return nullptr;
  }
  const Value* config_map = nullptr;

  // A node of the RunConfig (valid as long as this Rendered is).
  const Value* Rc(const std::string& path) const { return At(&run_config, path); }
  std::string RcText(const std::string& path) const { return Text(&run_config, path); }
};

inline Rendered Render(const std::string& yaml, const RenderOptions& options = {},
                       const std::string& name = "s") {
  Rendered r;
  r.run = RunAt044(yaml, false, options);
  r.deployment = r.run.Find("Deployment", name);
  r.service = r.run.Find("Service", "mcp-" + name + "-proxy");
  r.config_map = r.run.Find("ConfigMap", name + "-runconfig");
  if (r.config_map) {
    Diagnostics diags;
    std::vector<Value> docs;
    ReadYamlDocuments("runconfig.json", r.Json(), &docs, &diags);
    if (docs.size() == 1) r.run_config = docs[0];
  }
  return r;
}

inline std::vector<std::string> ObjectList(const RenderRun& run) {
  std::vector<std::string> list;
  for (const Value& doc : run.out)
    list.push_back(Text(&doc, "kind") + "/" + Text(&doc, "metadata.name"));
  return list;
}

const std::vector<std::string> kLabels = {"app", "app.kubernetes.io/instance",
                                          "app.kubernetes.io/name", "toolhive", "toolhive-name"};

}  // namespace t0_44_0
}  // namespace thv
