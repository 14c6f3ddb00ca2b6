// The v0.44.0 RunConfig is built as a Value in Go struct order by hand (runconfig.cc, one
// file:line per struct). Here every rendered RunConfig, and each middleware's parameters, is
// marshalled again through the struct tables scripts/gen_go_types.py generates from the Go
// source at the tag (targets/v0.44.0/runconfig_go_types.inc): equal bytes mean the hand order,
// the fields present and omitempty agree with runner.RunConfig and the params structs.
// remote.Config, webhook.Config and authorizers.Config are raw in the tables (their own JSON
// methods), so only their placement is checked.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/disk_interface.h"
#include "core/go_json.h"
#include "core/json_writer.h"
#include "core/yaml_reader.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

#define THV_GO_TABLE "targets/v0.44.0/runconfig_go_types.inc"
#include "core/go_table.h"

const GoTypes& RunConfigTypes() { return GoTableTypes(); }

// The params struct of each middleware type (runner.PopulateMiddlewareConfigs).
const std::map<std::string, std::string> kParams = {
    {"bodylimit", "BodylimitMiddlewareParams"},
    {"audit", "AuditMiddlewareParams"},
    {"auth", "AuthMiddlewareParams"},
    {"tokenexchange", "TokenexchangeMiddlewareParams"},
    {"tool-filter", "McpToolFilterMiddlewareParams"},
    {"tool-call-filter", "McpToolFilterMiddlewareParams"},
    {"mcp-parser", "McpParserMiddlewareParams"},
    {"telemetry", "TelemetryFactoryMiddlewareParams"},
    {"ratelimit", "RatelimitMiddlewareParams"},
    {"mutating-webhook", "MutatingFactoryMiddlewareParams"},
    {"validating-webhook", "ValidatingFactoryMiddlewareParams"},
    {"usagemetrics", "UsagemetricsMiddlewareParams"},
    {"authorization", "AuthzFactoryMiddlewareParams"},
    {"upstreamswap", "UpstreamswapMiddlewareParams"},
    {"awssts", "AwsstsMiddlewareParams"},
    {"header-forward", "HeaderforwardHeaderForwardMiddlewareParams"},
};

std::string Read(const std::string& path) {
  RealDiskInterface disk;
  std::string text, err;
  REQUIRE_MESSAGE(disk.ReadFile(std::string(THV_SOURCE_DIR) + "/" + path, &text, &err), err);
  return text;
}

}  // namespace

TEST_CASE("Go layouts: every rendered RunConfig is json.Marshal of the generated v0.44.0 structs") {
  const std::string inputs[] = {
      Read("testdata/servers/v0.44.0/full/10-servers.yaml") + "\n---\n" +
          Read("testdata/servers/v0.44.0/full/20-references.yaml"),
      Read("testdata/examples/v0.44.0/external-auth-fixed/complete_example.yaml"),
      Read("testdata/examples/v0.44.0/tool-configs/toolconfig_with_overrides.yaml") + "\n---\n" +
          Read("testdata/servers/v0.44.0/tool-overrides.yaml"),
      Read("testdata/examples/v0.44.0/mcp-servers/mcpserver_fetch_otel.yaml"),
      Read("testdata/examples/v0.44.0/mcp-servers/mcpserver_with_oidcconfig_ref.yaml"),
      Read("testdata/servers/v0.44.0/authserver/10-authserver-ref.yaml"),
      Read("testdata/servers/v0.44.0/authserver/20-external-auth-ref.yaml"),
      Read("testdata/examples/v0.44.0/redis-storage/mcpexternalauthconfig-redis-storage.yaml") +
          "\n---\n" + Read("testdata/servers/v0.44.0/authserver/30-redis-example.yaml"),
      Read("testdata/servers/v0.44.0/authserver/40-remote-proxies.yaml"),
      Read("testdata/servers/v0.44.0/remote-proxies/10-proxies.yaml") + "\n---\n" +
          Read("testdata/servers/v0.44.0/remote-proxies/20-references.yaml"),
      Read("testdata/examples/v0.44.0/external-auth/mcpremoteproxy_with_bearer_token.yaml")};
  std::map<std::string, int> seen;
  for (const std::string& yaml : inputs) {
    const RenderRun run = RunAt044(yaml);
    for (const std::string& e : run.errors) MESSAGE(e);
    REQUIRE(run.errors.empty());
    for (const Value& doc : run.out) {
      const Value* data = doc.Find("data");
      const Value* json = data ? data->Find("runconfig.json") : nullptr;
      if (!json) continue;
      std::vector<Value> docs;
      Diagnostics diags;
      REQUIRE(ReadYamlDocuments("runconfig.json", json->text, &docs, &diags));
      const Value& rc = docs.at(0);
      CAPTURE(doc.Find("metadata")->Find("name")->text);
      CHECK(RunConfigTypes().Marshal("RunConfig", rc) == GoJsonCompact(rc));
      for (const Value& m : rc.Find("middleware_configs")->items) {
        const std::string type = m.Find("type")->text;
        CAPTURE(type);
        ++seen[type];
        if (type == "recovery") continue;  // json.Marshal(nil)
        if (type == "strip-auth") {        // json.Marshal(struct{}{}) (runner/middleware.go:505)
          CHECK(GoJsonCompact(*m.Find("parameters")) == "{}");
          continue;
        }
        REQUIRE(kParams.count(type) == 1);
        const Value& params = *m.Find("parameters");
        CHECK(RunConfigTypes().Marshal(kParams.at(type), params) == GoJsonCompact(params));
      }
    }
  }
  // The check has teeth: out of Go order, a dropped non-omitempty field or an unknown field
  // marshals differently.
  Value swapped = Value::Mapping();
  swapped.Set("image", Value::String("x"));
  swapped.Set("schema_version", Value::String("v0.1.0"));
  CHECK(RunConfigTypes().Marshal("RunConfig", swapped) != GoJsonCompact(swapped));
  Value unknown = Value::Mapping();
  unknown.Set("max_bytes", Value::Int(1));
  unknown.Set("extra", Value::Int(1));
  CHECK(RunConfigTypes().Marshal("BodylimitMiddlewareParams", unknown) != GoJsonCompact(unknown));
  // Every middleware thv-render writes was checked at least once.
  for (const auto& [type, params] : kParams) {
    CAPTURE(type);
    CHECK(seen[type] > 0);
  }
}

}  // namespace t0_44_0
}  // namespace thv
