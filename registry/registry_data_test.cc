#include "registry/registry_data.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/json_reader.h"
#include "core/json_writer.h"
#include "registry/upstream_conversion.h"

namespace thv {

namespace {

std::string ReadTestFile(const std::string& relative) {
  std::ifstream in(std::string(THV_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Value Parse(const std::string& raw, const std::string& format = "toolhive") {
  Value registry;
  std::vector<std::string> warnings, errors;
  bool ok = ParseRegistryData(raw, format, &registry, &warnings, &errors);
  INFO((errors.empty() ? "" : errors.front()));
  REQUIRE(ok);
  return registry;
}

std::vector<std::string> Names(const Value& registry) {
  std::vector<std::string> out;
  for (const char* key : {"servers", "remote_servers"})
    if (const Value* m = registry.Find(key))
      for (const Member& s : m->members) out.push_back(s.key);
  return out;
}

const char kSmall[] = R"({
  "version": "1.0.0", "last_updated": "2025-09-08T12:00:00Z",
  "servers": {
    "prod-fs": {"description": "Production filesystem server", "tier": "Official", "status": "Active",
                "transport": "stdio", "tools": ["read_file"], "tags": ["production", "files"],
                "image": "docker.io/mcp/fs:1"},
    "dev-fs": {"description": "Development filesystem server", "tier": "Community", "status": "Active",
               "transport": "stdio", "tools": ["read_file"], "tags": ["development"],
               "image": "docker.io/mcp/fs:dev"},
    "untagged": {"description": "A server without any tags", "tier": "Community", "status": "Active",
                 "transport": "stdio", "tools": ["x"], "image": "docker.io/mcp/x:1"}
  },
  "remote_servers": {
    "prod-remote": {"description": "A remote production server", "tier": "Official", "status": "Active",
                    "transport": "sse", "tools": ["y"], "tags": ["production"], "url": "https://r.example.com/sse"}
  }
})";

}  // namespace

TEST_CASE("the real ToolHive registry parses, validates and keeps every server") {
  Value registry = Parse(ReadTestFile("testdata/registry/registry.json"));
  CHECK(registry.Find("servers")->members.size() == 68);
  CHECK(registry.Find("remote_servers")->members.size() == 18);
  CHECK(CountServers(registry) == 86);
}

TEST_CASE("storage JSON is Go's json.Marshal: struct order, sorted maps, no unknown fields") {
  Value registry = Parse(R"({"$schema": "x", "last_updated": "t", "version": "1.0.0",
    "servers": {"srv-b": {"image": "b/b:1", "transport": "stdio", "tools": ["t"], "status": "Active",
                      "tier": "Official", "description": "Server b description",
                      "permissions": {"network": {"outbound": {"allow_port": [443], "insecure_allow_all": false}}},
                      "metadata": {"last_updated": "x", "pulls": 2, "stars": 1}},
                "srv-a": {"description": "Server a description", "tier": "Community", "status": "Active",
                      "transport": "stdio", "tools": ["t"], "image": "a/a:1"}}})");
  CHECK(MarshalRegistry(registry) ==
        R"({"version":"1.0.0","last_updated":"t","servers":{"srv-a":{"description":"Server a description","tier":"Community",)"
        R"("status":"Active","transport":"stdio","tools":["t"],"image":"a/a:1"},)"
        R"("srv-b":{"description":"Server b description","tier":"Official","status":"Active","transport":"stdio","tools":["t"],)"
        R"("metadata":{"stars":1,"pulls":2,"last_updated":"x"},"image":"b/b:1",)"
        R"("permissions":{"network":{"outbound":{"allow_port":[443]}}}}}})");
}

TEST_CASE("schema violations are named by path") {
  Value registry;
  std::vector<std::string> warnings, errors;
  CHECK(!ParseRegistryData(R"({"version": "1.0.0", "last_updated": "t", "servers": {"srv-x": {"description": "short",
      "tier": "Gold", "status": "Active", "transport": "tcp", "tools": [], "image": "x:1", "bogus": 1}}})",
                           "toolhive", &registry, &warnings, &errors));
  std::string all;
  for (const std::string& e : errors) all += e + "\n";
  INFO(all);
  CHECK(all.find("servers.srv-x.description: must be at least 10 characters long") != std::string::npos);
  CHECK(all.find("servers.srv-x.tier: Unsupported value: \"Gold\"") != std::string::npos);
  CHECK(all.find("servers.srv-x.transport: Unsupported value") != std::string::npos);
  CHECK(all.find("servers.srv-x.tools: must have at least 1 items") != std::string::npos);
  CHECK(all.find("unknown field \"bogus\"") != std::string::npos);
  errors.clear();
  CHECK(!ParseRegistryData(R"({"version": "1.0.0", "last_updated": "t", "servers": {"X": {}}})",
                           "toolhive", &registry, &warnings, &errors));
  CHECK(errors.front().find("name \"X\" does not match") != std::string::npos);
  errors.clear();
  CHECK(!ParseRegistryData("", "toolhive", &registry, &warnings, &errors));
  CHECK(errors.front() == "registry data is empty");
  errors.clear();
  CHECK(!ParseRegistryData("{\"version\": ", "toolhive", &registry, &warnings, &errors));
  CHECK(errors.front().find("not valid JSON: 1:") != std::string::npos);
}

TEST_CASE("filters: exclude wins, include restricts, tags exact, remote servers alike") {
  Value registry = Parse(kSmall);
  Value out;
  std::string err;
  NameTagFilter none;
  REQUIRE(FilterRegistry(registry, none, &out, &err));
  CHECK(out == registry);

  NameTagFilter names;
  names.names_include = {"prod-*", "dev-fs"};
  names.names_exclude = {"dev-*"};
  REQUIRE(FilterRegistry(registry, names, &out, &err));
  CHECK(Names(out) == std::vector<std::string>{"prod-fs", "prod-remote"});

  NameTagFilter tags;
  tags.tags_include = {"production"};
  REQUIRE(FilterRegistry(registry, tags, &out, &err));
  CHECK(Names(out) == std::vector<std::string>{"prod-fs", "prod-remote"});

  NameTagFilter exclude_only;
  exclude_only.tags_exclude = {"development"};
  REQUIRE(FilterRegistry(registry, exclude_only, &out, &err));
  CHECK(Names(out) == std::vector<std::string>{"prod-fs", "untagged", "prod-remote"});

  NameTagFilter bad;
  bad.names_include = {"[unterminated"};
  CHECK(!FilterRegistry(registry, bad, &out, &err));
  CHECK(err.find("[unterminated") != std::string::npos);
}

TEST_CASE("the real registry round-trips toolhive -> upstream -> toolhive") {
  Value original = Parse(ReadTestFile("testdata/registry/registry.json"));
  Value upstream = ToolhiveToUpstream(original);
  CHECK(upstream.items.size() == 86);
  Value back = Parse(GoJsonCompact(upstream), "upstream");
  REQUIRE(CountServers(back) == 86);
  const char* shared[] = {"description", "tier", "status", "transport", "tools", "metadata",
                          "repository_url", "tags", "custom_metadata", "image", "target_port",
                          "permissions", "env_vars", "args", "docker_tags", "provenance", "url",
                          "headers"};
  for (const char* kind : {"servers", "remote_servers"}) {
    for (const Member& m : original.Find(kind)->members) {
      const Value* copy = back.Find(kind)->Find(m.key);
      CAPTURE(m.key);
      REQUIRE(copy != nullptr);
      for (const char* field : shared) {
        CAPTURE(field);
        const Value* a = m.value.Find(field);
        const Value* b = copy->Find(field);
        if (!a || a->IsEmpty()) continue;
        REQUIRE(b != nullptr);
        CHECK(GoJsonCompact(*a) == GoJsonCompact(*b));
      }
    }
  }
}

TEST_CASE("today's registry API shape: oci packages run, others are skipped with a warning") {
  const char* page = R"({"servers": [
    {"server": {"name": "io.github.a/oci", "description": "An OCI server", "version": "1.2.0",
                "repository": {"url": "https://github.com/a/oci", "source": "github"},
                "packages": [{"registryType": "oci", "identifier": "ghcr.io/a/oci", "version": "1.2.0",
                              "transport": {"type": "streamable-http"},
                              "environmentVariables": [{"name": "TOKEN", "isRequired": true, "isSecret": true}]}]},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "active"}}},
    {"server": {"name": "io.github.b/npm-only", "description": "An npm server", "version": "0.1.0",
                "packages": [{"registryType": "npm", "identifier": "@b/npm", "version": "0.1.0"}]}},
    {"server": {"name": "io.github.c/remote", "description": "A remote server", "version": "2.0.0",
                "remotes": [{"type": "streamable-http", "url": "https://c.example.com/mcp"}]}}],
    "metadata": {"count": 3}})";
  Value registry;
  std::vector<std::string> warnings, errors;
  REQUIRE(ParseRegistryData(page, "upstream", &registry, &warnings, &errors));
  CHECK(Names(registry) == std::vector<std::string>{"io.github.a/oci", "io.github.c/remote"});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("io.github.b/npm-only") != std::string::npos);
  const Value& oci = *registry.Find("servers")->Find("io.github.a/oci");
  CHECK(oci.Find("image")->text == "ghcr.io/a/oci:1.2.0");
  CHECK(oci.Find("transport")->text == "streamable-http");
  CHECK(GoJsonCompact(*oci.Find("env_vars")) ==
        R"([{"name":"TOKEN","description":"","required":true,"secret":true}])");
  const Value& remote = *registry.Find("remote_servers")->Find("io.github.c/remote");
  CHECK(remote.Find("transport")->text == "streamable-http");
  CHECK(remote.Find("url")->text == "https://c.example.com/mcp");
}

TEST_CASE("upstream data errors: empty list, missing name or description") {
  Value registry;
  std::vector<std::string> warnings, errors;
  CHECK(!ParseRegistryData("[]", "upstream", &registry, &warnings, &errors));
  CHECK(errors.back() == "upstream registry data contains no servers");
  CHECK(!ParseRegistryData(R"([{"server": {"name": "x", "version_detail": {"version": "1"}}}])",
                           "upstream", &registry, &warnings, &errors));
  CHECK(errors.back() == "server at index 0: name and description are required");
}

}  // namespace thv
