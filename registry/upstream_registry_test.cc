// The toolhive -> upstream converter of toolhive-core v0.0.38 (registry/converters), against
// its own fixtures (testdata/registry/toolhive-core-converters, copied from
// registry/converters/testdata at v0.0.38, compared as converters_fixture_test.go compares:
// json.Unmarshal of both into interface{}), and `thv registry convert`'s bytes.
#include "registry/upstream_registry.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "core/json_text.h"
#include "core/testing.h"

namespace thv {

namespace {

const char kFixtures[] = "registry/toolhive-core-converters/";

// json.Unmarshal into interface{}: sorted maps, float64 numbers.
Value GoAny(const std::string& json) {
  Value parsed, normalized;
  JsonSyntaxError syntax;
  REQUIRE_MESSAGE(ParseJson(json, &parsed, &syntax), syntax.message);
  std::string err;
  REQUIRE(NormalizeGoAny(parsed, &normalized, &err));
  return normalized;
}

// mcp.Tool has its own MarshalJSON (toolhive-core mcpcompat/mcp/tools.go:349), which always
// writes "annotations"; thv-render holds tool_definitions as raw JSON, since the registry stage
// reads data with 7002a239b's types, which have no tool_definitions. What the fixtures expect of
// the round trip, added here so the rest compares exactly.
std::string WithToolAnnotations(const std::string& server_json) {
  Value v = GoAny(server_json);
  Value* ext = v.Find("_meta")->Find("io.modelcontextprotocol.registry/publisher-provided");
  for (Member& by_key : ext->Find("io.github.stacklok")->members)
    if (Value* tools = by_key.value.Find("tool_definitions"))
      for (Value& tool : tools->items)
        if (!tool.Find("annotations")) tool.Set("annotations", Value::Mapping());
  return GoJsonCompact(v);
}

template <typename T>
T DecodeCore(const char* type, const std::string& json) {
  Value doc;
  JsonSyntaxError syntax;
  REQUIRE(ParseJson(json, &doc, &syntax));
  Diagnostics diags;
  GoDecodeContext ctx{"", &diags};
  T out;
  UpstreamRegistryGoTypes().Decode(type, doc, JsonPath(), &out, &ctx);
  REQUIRE(ctx.errors == 0);
  return out;
}

}  // namespace

// converters_fixture_test.go: the input decoded into T, converted under name, marshalled
// indented, compared with the expected file as interface{} values; returns the bytes.
template <typename T, typename Convert>
std::string CheckFixture(const char* type, const std::string& dir, const std::string& input,
                         const std::string& expected, const std::string& name, Convert convert) {
  const T in = DecodeCore<T>(type, ReadTestdata(std::string(kFixtures) + dir + input));
  McpServerJSON server;
  std::string err;
  REQUIRE(convert(name, in, &server, &err));
  const std::string out = MarshalIndentServerJson(server);
  CHECK(GoJsonCompact(GoAny(WithToolAnnotations(out))) ==
        GoJsonCompact(GoAny(ReadTestdata(std::string(kFixtures) + dir + expected))));
  return out;
}

TEST_CASE("upstream registry: the toolhive-core fixtures (image_to_server, remote_to_server)") {
  const std::string image =
      CheckFixture<CoreImageMetadata>("CoreImageMetadata", "image_to_server/", "input_github.json",
                                      "expected_github.json", "github", ImageMetadataToServerJson);
  // MarshalIndent's layout: two spaces, Go's field order, the extension's keys sorted.
  CHECK(image.rfind("{\n  \"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/"
                    "server.schema.json\",\n  \"name\": \"io.github.stacklok/github\",\n  "
                    "\"description\":",
                    0) == 0);
  CHECK(image.find("\"args\"") == std::string::npos);  // omitempty in ServerExtensions
  CheckFixture<CoreRemoteServerMetadata>("CoreRemoteServerMetadata", "remote_to_server/",
                                         "input_example.json", "expected_example.json",
                                         "example-remote", RemoteServerMetadataToServerJson);
  CHECK(UpstreamRegistryGoTypes().BindingErrors().empty());
}

TEST_CASE("upstream registry: names, defaults and the empty name") {
  CoreImageMetadata image;
  image.image = "ghcr.io/x/y:1";
  image.transport = "streamable-http";
  image.target_port = 8080;
  McpServerJSON server;
  std::string err;
  REQUIRE(ImageMetadataToServerJson("fetch", image, &server, &err));
  CHECK(server.name == "io.github.stacklok/fetch");  // BuildReverseDNSName
  CHECK(server.packages.at(0).transport.url == "http://localhost:8080");
  CHECK(!server.repository);
  image.target_port = 0;
  image.transport = "";
  image.name = "org.example/fetch";
  REQUIRE(ImageMetadataToServerJson("fetch", image, &server, &err));
  CHECK(server.name == "org.example/fetch");
  CHECK(server.packages.at(0).transport.type == "stdio");
  CHECK(server.packages.at(0).transport.url.empty());
  // "status" defaults to active in the extensions.
  CHECK(GoJsonCompact(server.meta->publisher_provided) ==
        R"({"io.github.stacklok":{"ghcr.io/x/y:1":{"status":"active"}}})");
  CHECK(!ImageMetadataToServerJson("", image, &server, &err));
  CHECK(err == "name cannot be empty");
}

TEST_CASE("upstream registry: thv registry convert bytes, servers sorted, HTML escaped") {
  std::string out, err;
  std::vector<std::string> problems;
  REQUIRE(ConvertToolhiveJsonToUpstream(
      R"({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z",
          "servers":{"zeta":{"description":"Z <z>","image":"z:1","tier":"Community","status":"Active",
                             "transport":"stdio","tools":["t"],"metadata":{"stars":3,"pulls":9}},
                     "alpha":{"description":"A & a","image":"a:1","tools":null}},
          "remote_servers":{"beta":{"description":"B","url":"https://b.example/mcp","transport":"sse",
                                    "headers":[{"name":"X","description":"x","required":true}]}}})",
      &out, &problems, &err));
  CHECK(problems.empty());
  if (std::getenv("THV_UPDATE_GOLDEN")) {
    std::ofstream(THV_SOURCE_DIR "/testdata/registry/registry.upstream-v0.44.0.golden.json") << out;
  } else {
    CHECK(out == ReadTestdata("registry/registry.upstream-v0.44.0.golden.json"));
  }
  // Container servers by name, then remote servers; pulls is not a toolhive-core field.
  const size_t a = out.find("stacklok/alpha"), z = out.find("stacklok/zeta"),
               b = out.find("stacklok/beta");
  CHECK((a < z && z < b));
  CHECK(out.find("pulls") == std::string::npos);
  CHECK(out.find("A \\u0026 a") != std::string::npos);
  CHECK(out.find("Z \\u003cz\\u003e") != std::string::npos);
  CHECK(out.back() == '}');

  CHECK(!ConvertToolhiveJsonToUpstream(R"({"servers":{"":{"image":"x"}}})", &out, nullptr, &err));
  CHECK(err ==
        "failed to convert to upstream format: failed to convert server : name cannot be "
        "empty");
  const std::string deep = R"({"servers":{"x":{"description":"d","image":"i","custom_metadata":)" +
                           std::string(990, '[') + std::string(990, ']') + "}}}";
  CHECK(!ConvertToolhiveJsonToUpstream(deep, &out, nullptr, &err));
  CHECK(err == "failed to convert to upstream format: the data nests deeper than 990 levels");
  CHECK(!ConvertToolhiveJsonToUpstream(R"({"servers":[]})", &out, nullptr, &err));
  CHECK(err.rfind("failed to parse legacy registry data: ", 0) == 0);
}

TEST_CASE("upstream registry: what the registry server's file source refuses") {
  CoreUpstreamRegistry r;
  r.version = "1.0";
  r.meta.last_updated = "";
  r.data.servers = std::vector<McpServerJSON>{};
  auto problems = CheckUpstreamRegistryForServer(r);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "version: Does not match pattern '^\\d+\\.\\d+\\.\\d+$' (got \"1.0\")");
  CHECK(problems[1] == "meta.last_updated: Does not match format 'date-time' (got \"\")");
  CHECK(problems[2] == "upstream registry must contain at least one server");
  r.version = "1.0.0";
  r.meta.last_updated = "2025-01-01T00:00:00Z";
  McpServerJSON s;
  s.name = "io.github.stacklok/x";
  r.data.servers->push_back(s);
  s.name = "no slash";
  s.description = std::string(101, 'd');
  r.data.servers->push_back(s);
  problems = CheckUpstreamRegistryForServer(r);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "server at index 0 (io.github.stacklok/x): description is required");
  CHECK(problems[1].rfind("server at index 1: name \"no slash\" is not a reverse-DNS name", 0) ==
        0);
  CHECK(problems[2] == "server at index 1 (no slash): description is longer than 100 characters");
}

}  // namespace thv
