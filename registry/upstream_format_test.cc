#include <doctest/doctest.h>

#include "core/json_text.h"
#include "core/testing.h"
#include "registry/upstream_format.h"

namespace thv {

namespace {

UpstreamDocument MustParse(const std::string& text) {
  UpstreamDocument doc;
  Diagnostics diags;
  bool ok = ParseUpstreamDocument(text, "up.json", &doc, &diags);
  for (const Diagnostic& d : diags.items()) MESSAGE(FormatDiagnostic(d));
  REQUIRE(ok);
  return doc;
}

std::string FirstError(const std::string& text) {
  UpstreamDocument doc;
  Diagnostics diags;
  CHECK(!ParseUpstreamDocument(text, "up.json", &doc, &diags));
  return diags.items().empty() ? "" : FormatDiagnostic(diags.items()[0]);
}

}  // namespace

TEST_CASE("upstream: the operator-era draft is read with its snake_case fields") {
  UpstreamDocument doc = MustParse(R"([{
    "server": {
      "name": "io.modelcontextprotocol/filesystem", "description": "Filesystem operations",
      "status": "active",
      "repository": {"url": "https://github.com/modelcontextprotocol/servers", "source": "github",
                     "id": "b94b5f7e"},
      "version_detail": {"version": "1.0.2"},
      "packages": [{"registry_name": "docker", "name": "mcp/filesystem", "version": "1.0.2",
        "runtime_hint": "docker",
        "package_arguments": [{"type": "positional", "value_hint": "target_dir", "value": "/project"},
                              {"type": "named", "name": "--mode", "default": "ro",
                               "variables": {"m": {"is_required": true, "default": "x"}}}],
        "environment_variables": [{"name": "LOG_LEVEL", "description": "Logging level",
                                   "default": "info", "is_secret": false}]}],
      "remotes": [{"transport_type": "sse", "url": "https://x.example/sse",
                   "headers": [{"name": "X-API-Key", "is_required": true, "is_secret": true,
                                "choices": ["a"]}]}]},
    "x-publisher": {"x-dev.toolhive": {"tier": "Official", "transport": "stdio",
      "tools": ["read_file"], "tags": ["filesystem"], "target_port": 8080,
      "custom_metadata": {"b": 2, "a": 1.0}, "metadata": {"stars": 5, "pulls": 6,
      "last_updated": "2025-01-01T00:00:00Z"}}}}])");
  REQUIRE(doc.servers.size() == 1);
  CHECK(doc.servers[0].shape == UpstreamShape::kDraft);
  const UpstreamServerDetail& d = doc.servers[0].draft;
  CHECK(d.server.version_detail.version == "1.0.2");
  CHECK(d.server.repository->id == "b94b5f7e");
  const UpstreamPackage& p = d.server.packages[0];
  CHECK(p.registry_name == "docker");
  CHECK(p.runtime_hint == "docker");
  CHECK(p.package_arguments[0].value_hint == "target_dir");
  CHECK(p.package_arguments[1].variables.at("m").is_required);
  CHECK(p.environment_variables[0].default_value == "info");
  CHECK(d.server.remotes[0].transport_type == "sse");
  CHECK(d.server.remotes[0].headers[0].is_secret);
  REQUIRE(d.x_publisher);
  const ToolhivePublisherExtension& ext = *d.x_publisher->x_dev_toolhive;
  CHECK(ext.tier == "Official");
  CHECK(ext.target_port == 8080);
  CHECK(ext.metadata->stars == 5);
  CHECK(GoJsonCompact(ext.custom_metadata) == R"({"a":1,"b":2})");
}

TEST_CASE("upstream: today's API page, with _meta blocks and camelCase inputs") {
  UpstreamDocument doc = MustParse(R"({"servers": [
    {"server": {"$schema": "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json",
       "name": "io.github.example/one", "description": "One", "version": "1.0.0", "title": "One!",
       "repository": {"url": "https://github.com/example/one", "source": "github", "subfolder": "s"},
       "packages": [{"registryType": "oci", "identifier": "ghcr.io/example/one", "version": "1.0.0",
         "registryBaseUrl": "https://ghcr.io",
         "transport": {"type": "streamable-http", "url": "http://localhost:8080/mcp"},
         "packageArguments": [{"type": "named", "name": "--port", "valueHint": "p", "isRepeated": true}],
         "environmentVariables": [{"name": "TOKEN", "isRequired": true, "isSecret": true}]}],
       "_meta": {"io.modelcontextprotocol.registry/publisher-provided": {"io.github.stacklok": {
         "other:1": {"tier": "Community"},
         "ghcr.io/example/one:1.0.0": {"tier": "Official", "status": "Active", "tools": ["t1"],
           "args": ["--x"], "env_vars": [{"name": "E", "description": "e", "required": true}]}}}}},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "active", "isLatest": true,
       "publishedAt": "2025-09-29T00:00:00Z"}}},
    {"server": {"name": "io.github.example/remote", "description": "Remote", "version": "2.0.0",
       "remotes": [{"type": "sse", "url": "https://r.example/sse",
         "headers": [{"name": "Authorization", "isRequired": true, "isSecret": true}]}]},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "deprecated",
       "isLatest": false}}}],
    "metadata": {"nextCursor": "abc", "count": 2}})");
  REQUIRE(doc.servers.size() == 2);
  const UpstreamEntry& one = doc.servers[0];
  CHECK(one.shape == UpstreamShape::kCurrent);
  CHECK(one.server.title == "One!");
  CHECK(one.server.repository->subfolder == "s");
  const ApiPackage& p = one.server.packages[0];
  CHECK(p.registry_type == "oci");
  CHECK(p.identifier == "ghcr.io/example/one");
  CHECK(p.registry_base_url == "https://ghcr.io");
  CHECK(p.transport.type == "streamable-http");
  CHECK(p.transport.url == "http://localhost:8080/mcp");
  CHECK(p.package_arguments[0].value_hint == "p");
  CHECK(p.package_arguments[0].is_repeated);
  CHECK(p.environment_variables[0].is_required);
  CHECK(p.environment_variables[0].is_secret);
  CHECK(one.official_status == "active");
  CHECK(one.is_latest == true);
  REQUIRE(one.stacklok);  // the entry keyed by this server's image is chosen
  CHECK(one.stacklok->tier == "Official");
  CHECK(one.stacklok->args == std::vector<std::string>{"--x"});
  CHECK(one.stacklok->env_vars[0].required);
  const UpstreamEntry& remote = doc.servers[1];
  CHECK(remote.server.remotes[0].type == "sse");
  CHECK(remote.server.remotes[0].headers[0].is_secret);
  CHECK(remote.official_status == "deprecated");
  CHECK(remote.is_latest == false);
}

TEST_CASE("upstream: other containers of today's shape") {
  UpstreamDocument plain = MustParse(ReadTestdata("registry/api-servers.json"));
  REQUIRE(plain.servers.size() == 5);
  CHECK(plain.servers[0].shape == UpstreamShape::kCurrent);
  CHECK(plain.servers[1].shape == UpstreamShape::kCurrent);  // detected by registryType
  CHECK(plain.servers[3].server.remotes[0].type == "streamable-http");
  UpstreamDocument single = MustParse(R"({"name": "a/b", "description": "d", "version": "1",
      "packages": [{"registryType": "oci", "identifier": "x/y"}]})");
  REQUIRE(single.servers.size() == 1);
  CHECK(single.servers[0].server.packages[0].identifier == "x/y");
  UpstreamDocument file = MustParse(R"({"version": "1.0.0", "meta": {"last_updated": "x"},
      "data": {"servers": [{"name": "a/b", "description": "d", "version": "1"}]}})");
  REQUIRE(file.servers.size() == 1);
  CHECK(file.servers[0].shape == UpstreamShape::kCurrent);
  UpstreamDocument bare = MustParse(R"([{"name": "a/b", "description": "d"}])");
  CHECK(bare.servers[0].shape == UpstreamShape::kCurrent);
  CHECK(MustParse("null").servers.empty());
}

TEST_CASE("upstream: errors name the path and position") {
  CHECK(FirstError("[{\"server\": {\n  \"name\": 1}}]") ==
        "up.json:2:11: [0].server.name: expected string, got number");
  CHECK(FirstError(R"({"servers": {"fetch": {}}})") ==
        "up.json:1:13: servers: servers is an object: this is the ToolHive registry format, not "
        "upstream");
  CHECK(FirstError(R"({"items": []})").find("invalid upstream format: expected a JSON array") !=
        std::string::npos);
  CHECK(FirstError("[{\"server\": }]") ==
        "up.json:1:13: invalid upstream format: invalid character '}' looking for beginning of "
        "value");
  CHECK(FirstError(
            R"({"servers": [{"server": {"name": "a", "packages": [{"registryType": 3}]}}]})") ==
        "up.json:1:69: servers[0].server.packages[0].registryType: expected string, got number");
}

TEST_CASE("upstream: draft documents marshal back exactly as Go wrote them") {
  // registry.upstream.golden.json was written by json.Marshal([]*UpstreamServerDetail).
  std::string golden = ReadTestdata("registry/registry.upstream.golden.json");
  UpstreamDocument doc = MustParse(golden);
  CHECK(doc.servers.size() == 86);
  std::vector<UpstreamServerDetail> drafts;
  for (const UpstreamEntry& d : doc.servers) {
    CHECK(d.shape == UpstreamShape::kDraft);
    drafts.push_back(d.draft);
  }
  CHECK(MarshalUpstreamDraft(drafts) == golden);
}

}  // namespace thv
