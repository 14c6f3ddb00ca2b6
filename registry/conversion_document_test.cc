// Whole documents: the source-data facts of cmd/thv-operator/pkg/sources/types_test.go, the
// real registry through both directions (golden files written by the Go code), today's shape.
#include <doctest/doctest.h>

#include "core/json_text.h"
#include "core/testing.h"
#include "registry/conversion.h"

namespace thv {

namespace {

using Strings = std::vector<std::string>;
const char kNow[] = "2025-01-02T03:04:05Z";  // what the Go harness used for time.Now()

Registry Load(const std::string& data, RegistryFormat format, Strings* warnings,
              Diagnostics* diags) {
  Registry reg;
  if (!LoadRegistryData(data, format, "data.json", ConvertOptions{kNow}, &reg, warnings, diags)) {
    return Registry{"ERROR", "", {}, {}, {}};
  }
  return reg;
}

// A testdata/registry file through LoadRegistryData.
Registry LoadTestdata(const std::string& name, RegistryFormat format, Strings* warnings) {
  Diagnostics diags;
  Registry reg = Load(ReadTestdata("registry/" + name), format, warnings, &diags);
  for (const Diagnostic& d : diags.items()) MESSAGE(FormatDiagnostic(d));
  return reg;
}

std::string Json(const PermissionProfile& p) { return RegistryJson("PermissionProfile", p); }
std::string Json(const Provenance& p) { return RegistryJson("Provenance", p); }
std::string Json(const Value& v) { return GoJsonCompact(v); }

void CheckEnvVars(const std::vector<EnvVar>& a, const std::vector<EnvVar>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].name == b[i].name);
    CHECK(a[i].description == b[i].description);
    CHECK(a[i].required == b[i].required);
    CHECK(a[i].default_value == b[i].default_value);
    CHECK(a[i].secret == b[i].secret);
  }
}

// Fields both formats carry. Status travels lower-cased (convertStatusToUpstream), so it is
// compared case-insensitively; tools/tags compare by content (nil and empty are one on output).
void CheckBase(const BaseServerMetadata& a, const BaseServerMetadata& b, const std::string& key) {
  CHECK(b.name == (a.name.empty() ? key : a.name));
  CHECK(a.description == b.description);
  CHECK(a.tier == b.tier);
  std::string status = a.status;
  for (char& c : status) c = static_cast<char>(std::tolower(c));
  CHECK(status == b.status);
  CHECK(a.transport == b.transport);
  CHECK(a.tools.value_or(Strings{}) == b.tools.value_or(Strings{}));
  REQUIRE(a.metadata.has_value() == b.metadata.has_value());
  if (a.metadata) {
    CHECK(a.metadata->stars == b.metadata->stars);
    CHECK(a.metadata->pulls == b.metadata->pulls);
    CHECK(a.metadata->last_updated == b.metadata->last_updated);
  }
  CHECK(a.repository_url == b.repository_url);
  CHECK(a.tags == b.tags);
  CHECK(Json(a.custom_metadata) == Json(b.custom_metadata));
}

}  // namespace

TEST_CASE("conversion: source data rules (sources/types_test.go)") {
  Strings warnings;
  Diagnostics empty;
  CHECK(Load("", RegistryFormat::kUpstream, &warnings, &empty).version == "ERROR");
  CHECK(FormatDiagnostic(empty.items()[0]) == "data.json: data cannot be empty");
  Diagnostics none;
  CHECK(Load("[]", RegistryFormat::kUpstream, &warnings, &none).version == "ERROR");
  CHECK(FormatDiagnostic(none.items()[0]) ==
        "data.json:1:1: upstream registry must contain at least one server");
  Diagnostics no_name;
  CHECK(Load("[{\"server\":{\"name\":\"a\",\"description\":\"d\"}},\n "
             "{\"server\":{\"description\":\"x\"}}]",
             RegistryFormat::kUpstream, &warnings, &no_name)
            .version == "ERROR");
  CHECK(FormatDiagnostic(no_name.items()[0]) ==
        "data.json:2:2: server at index 1: name is required");
  Diagnostics no_desc;
  CHECK(Load(R"js([{"server":{"name":"srv"}}])js", RegistryFormat::kUpstream, &warnings, &no_desc)
            .version == "ERROR");
  CHECK(FormatDiagnostic(no_desc.items()[0]) ==
        "data.json:1:2: server at index 0 (srv): description is required");
  Diagnostics no_pkg;
  CHECK(Load(R"js([{"server":{"name":"srv","description":"d"}}])js", RegistryFormat::kUpstream,
             &warnings, &no_pkg)
            .version == "ERROR");
  CHECK(FormatDiagnostic(no_pkg.items()[0]) ==
        "data.json:1:2: failed to convert server srv: no packages found for container server");
  Diagnostics ok;
  Registry reg = Load(R"js([{"server":{"name":"srv","description":"d","packages":[
      {"registry_name":"docker","name":"img","version":"1"}]}}])js",
                      RegistryFormat::kUpstream, &warnings, &ok);
  CHECK(reg.version == "1.0");
  CHECK(reg.last_updated.empty());
  REQUIRE(reg.servers);
  CHECK(reg.servers->at("srv").image == "img:1");
  CHECK(MarshalToolhiveRegistry(reg).rfind(
            R"js({"version":"1.0","last_updated":"","servers":{"srv":)js", 0) == 0);
}

TEST_CASE("conversion: ToolHive data is schema-checked before decoding") {
  Strings warnings;
  Diagnostics syntax;
  Load("{\"version\": \"1.0.0\",\n \"servers\": {\"a\" 1}}", RegistryFormat::kToolhive, &warnings,
       &syntax);
  CHECK(FormatDiagnostic(syntax.items()[0]) ==
        "data.json:2:18: failed to parse registry data: invalid character '1' after object key");
  Diagnostics schema;
  Load(R"js({"version": "1.0.0", "servers": {}})js", RegistryFormat::kToolhive, &warnings, &schema);
  CHECK(FormatDiagnostic(schema.items()[0]) == "data.json:1:1: missing properties: 'last_updated'");
  // The schema allows 8080.0 as an integer; Go's int decoding does not.
  Diagnostics decode;
  Load(R"js({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{"abc":{
      "description":"A test server for validation","image":"a","status":"Active",
      "tier":"Community","tools":["t"],"transport":"sse","target_port":8080.0}}})js",
       RegistryFormat::kToolhive, &warnings, &decode);
  REQUIRE(decode.HasErrors());
  CHECK(FormatDiagnostic(decode.items()[0]).find("servers.abc.target_port: expected integer") !=
        std::string::npos);
}

TEST_CASE("conversion: the real registry to upstream and back matches Go byte for byte") {
  Strings warnings;
  Diagnostics diags;
  Registry reg = LoadTestdata("registry.json", RegistryFormat::kToolhive, &warnings);
  REQUIRE(reg.version == "1.0.0");
  std::string upstream = MarshalUpstreamDraft(ConvertRegistryToUpstream(reg));
  CHECK(upstream == ReadTestdata("registry/registry.upstream.golden.json"));
  Registry back = Load(upstream, RegistryFormat::kUpstream, &warnings, &diags);
  CHECK(MarshalToolhiveRegistry(back) == ReadTestdata("registry/registry.roundtrip.golden.json"));
  CHECK(warnings.empty());
}

TEST_CASE("conversion: the round trip keeps every field both formats carry") {
  Strings warnings;
  Diagnostics diags;
  Registry reg = LoadTestdata("registry.json", RegistryFormat::kToolhive, &warnings);
  REQUIRE(reg.servers);
  Registry back = Load(MarshalUpstreamDraft(ConvertRegistryToUpstream(reg)),
                       RegistryFormat::kUpstream, &warnings, &diags);
  REQUIRE(back.servers);
  // The upstream key is the server name, which the ToolHive CLI fills from the registry key.
  CHECK(back.servers->size() == reg.servers->size());
  CHECK(back.remote_servers.size() == reg.remote_servers.size());
  for (const auto& [key, a] : *reg.servers) {
    CAPTURE(key);
    REQUIRE(back.servers->count(key));
    const ImageMetadata& b = back.servers->at(key);
    CheckBase(a, b, key);
    CHECK(a.image.find(':') != std::string::npos);  // untagged images would gain ":latest"
    CHECK(a.image == b.image);
    CHECK(a.target_port == b.target_port);
    REQUIRE(a.permissions.has_value() == b.permissions.has_value());
    if (a.permissions) CHECK(Json(*a.permissions) == Json(*b.permissions));
    CheckEnvVars(a.env_vars, b.env_vars);
    CHECK(a.args == b.args);
    CHECK(a.docker_tags == b.docker_tags);
    REQUIRE(a.provenance.has_value() == b.provenance.has_value());
    if (a.provenance) CHECK(Json(*a.provenance) == Json(*b.provenance));
  }
  for (const auto& [key, a] : reg.remote_servers) {
    CAPTURE(key);
    REQUIRE(back.remote_servers.count(key));
    const RemoteServerMetadata& b = back.remote_servers.at(key);
    CheckBase(a, b, key);
    CHECK(a.url == b.url);
    REQUIRE(a.headers.size() == b.headers.size());
    for (size_t i = 0; i < a.headers.size(); ++i) {
      CHECK(a.headers[i].name == b.headers[i].name);
      CHECK(a.headers[i].description == b.headers[i].description);
      CHECK(a.headers[i].required == b.headers[i].required);
      CHECK(a.headers[i].default_value == b.headers[i].default_value);
      CHECK(a.headers[i].secret == b.headers[i].secret);
      CHECK(a.headers[i].choices == b.headers[i].choices);
    }
    CheckEnvVars(a.env_vars, b.env_vars);
    // oauth_config has no place in the draft's x-dev.toolhive extension: it is dropped.
    CHECK(!b.oauth_config);
  }
}

TEST_CASE("conversion: today's API shape (oci images, remotes, skipped packages)") {
  Strings warnings;
  Registry reg = LoadTestdata("api-servers.json", RegistryFormat::kUpstream, &warnings);
  REQUIRE(reg.version == "1.0");
  REQUIRE(reg.servers);
  CHECK(reg.servers->size() == 3);
  const ImageMetadata& one = reg.servers->at("io.github.example/one");
  CHECK(one.image == "ghcr.io/example/one:1.0.0");
  CHECK(one.transport == "stdio");
  CHECK(one.status == "active");
  CHECK(one.tier == "Community");
  CHECK(one.repository_url == "https://github.com/example/one");
  const ImageMetadata& two = reg.servers->at("io.github.example/two");
  CHECK(two.image == "docker.io/example/two:2.1.0");
  CHECK(two.transport == "streamable-http");
  REQUIRE(two.env_vars.size() == 1);
  CHECK(two.env_vars[0].required);
  CHECK(two.env_vars[0].secret);
  const RemoteServerMetadata& remote = reg.remote_servers.at("io.github.example/remote");
  CHECK(remote.url == "https://mcp.example.com/mcp");
  CHECK(remote.transport == "streamable-http");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "upstream server 'io.github.example/npm-only' skipped: no oci package or remote to run in "
        "the proxy (packages: npm)");
}

TEST_CASE("conversion: today's shape carries ToolHive data from _meta") {
  Strings warnings;
  Diagnostics diags;
  Registry reg = Load(R"js({"servers": [
    {"server": {"name": "a/img", "description": "Image server", "version": "2.0.0",
       "packages": [{"registryType": "oci", "identifier": "ghcr.io/a/img", "version": "2.0.0",
         "transport": {"type": "streamable-http", "url": "http://localhost:9090/mcp"},
         "packageArguments": [{"type": "positional", "value": "serve"}]},
         {"registryType": "npm", "identifier": "img"}],
       "_meta": {"io.modelcontextprotocol.registry/publisher-provided": {"io.github.stacklok": {
         "ghcr.io/a/img:2.0.0": {"status": "Active", "tier": "Official", "tools": ["t"],
           "tags": ["x"], "metadata": {"stars": 3, "pulls": 4, "last_updated": "2025-05-05T00:00:00Z"},
           "permissions": {"network": {"outbound": {"allow_host": ["a.example"]}}},
           "args": ["unused"], "docker_tags": ["2.0.0"], "custom_metadata": {"k": 1}}}}}},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "active", "isLatest": true}}},
    {"server": {"name": "a/img", "description": "Old version", "version": "1.0.0",
       "packages": [{"registryType": "oci", "identifier": "ghcr.io/a/img", "version": "1.0.0"}]},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "active", "isLatest": false}}},
    {"server": {"name": "a/gone", "description": "Deleted", "version": "1.0.0",
       "remotes": [{"type": "sse", "url": "https://gone.example/sse"}]},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "deleted"}}},
    {"server": {"name": "a/remote", "description": "Remote", "version": "1.0.0",
       "remotes": [{"type": "sse", "url": "https://r.example/sse"}],
       "_meta": {"io.modelcontextprotocol.registry/publisher-provided": {"io.github.stacklok": {
         "https://r.example/sse": {"oauth_config": {"issuer": "https://id.example"},
           "env_vars": [{"name": "E", "description": "e", "required": true}]}}}}},
     "_meta": {"io.modelcontextprotocol.registry/official": {"status": "deprecated"}}}]})js",
                      RegistryFormat::kUpstream, &warnings, &diags);
  REQUIRE(reg.servers);
  REQUIRE(reg.servers->count("a/img"));
  const ImageMetadata& img = reg.servers->at("a/img");
  CHECK(img.description == "Image server");  // the isLatest entry wins
  CHECK(img.image == "ghcr.io/a/img:2.0.0");
  CHECK(img.status == "Active");
  CHECK(img.tier == "Official");
  CHECK(img.target_port == 9090);
  CHECK(img.args == Strings{"serve"});  // package arguments before the extension's args
  CHECK(img.metadata->stars == 3);
  CHECK(img.docker_tags == Strings{"2.0.0"});
  CHECK(img.permissions->network->outbound->allow_host == Strings{"a.example"});
  CHECK(Json(img.custom_metadata) == R"js({"k":1})js");
  CHECK(!reg.remote_servers.count("a/gone"));
  const RemoteServerMetadata& remote = reg.remote_servers.at("a/remote");
  CHECK(remote.status == "deprecated");
  CHECK(remote.transport == "sse");
  CHECK(remote.oauth_config->issuer == "https://id.example");
  CHECK(remote.env_vars[0].required);
  CHECK(remote.metadata->last_updated == kNow);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "upstream server 'a/gone' skipped: it is marked deleted in the registry");
}

}  // namespace thv
