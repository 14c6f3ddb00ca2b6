// ToolHive registry format: Go json.Unmarshal/json.Marshal parity through core/go_json. Expected
// outputs were produced by the operator's types (pkg/registry/types.go) under Go's encoding/json.
#include <doctest/doctest.h>

#include "core/testing.h"
#include "registry/registry_json.h"

namespace thv {

namespace {

// json.Unmarshal then json.Marshal (no schema check, unlike LoadRegistryData).
bool Decode(const std::string& text, Registry* reg, Diagnostics* diags) {
  Value doc;
  return ParseJsonDocument(text, "in.json", "", &doc, diags) &&
         DecodeToolhiveRegistry(doc, "in.json", reg, diags);
}

std::string RoundTrip(const std::string& text, Diagnostics* diags = nullptr) {
  Registry reg;
  Diagnostics local;
  return Decode(text, &reg, diags ? diags : &local) ? MarshalToolhiveRegistry(reg) : "ERROR";
}

}  // namespace

TEST_CASE("registry types: every generated binding holds its Go type") {
  CHECK(RegistryGoTypes().BindingErrors() == std::vector<std::string>{});
}

TEST_CASE("toolhive format: the real registry parses and reserializes as Go writes it") {
  std::string text = ReadTestdata("registry/registry.json");
  Registry reg;
  Diagnostics diags;
  REQUIRE(Decode(text, &reg, &diags));
  REQUIRE(reg.servers);
  CHECK(reg.servers->size() == 68);
  CHECK(reg.remote_servers.size() == 18);
  CHECK(reg.version == "1.0.0");
  CHECK(reg.last_updated == "2025-09-19T00:17:19Z");
  const ImageMetadata& fetch = reg.servers->at("fetch");
  CHECK(fetch.image.rfind("ghcr.io/stackloklabs/gofetch/server:", 0) == 0);
  CHECK(fetch.transport == "streamable-http");
  CHECK(fetch.tools->size() == 1);
  // The input's key order ($schema first, common fields mixed in) differs from Go's struct
  // order; json.Marshal writes struct order, sorted map keys, and drops the unknown $schema.
  CHECK(MarshalToolhiveRegistry(reg) == ReadTestdata("registry/registry.marshal.golden.json"));
}

TEST_CASE("toolhive format: Go decoding rules (folded keys, repeated keys, unknown fields)") {
  const std::string in =
      R"json({"version":"1","last_updated":"t","servers":{"b":{"Description":"D","TOOLS":["x"],"image":"i","metadata":{"stars":1},"metadata":{"pulls":2},"tags":["a"],"tags":["b","c"],"custom_metadata":{"z":1},"custom_metadata":{"a":1.50},"unknown":1,"env_vars":[{"name":"A","secret":true}],"env_vars":[{"name":"B"}]},"a":{"image":"x","tools":[],"permissions":{"network":{"outbound":{"allow_port":[443,80],"insecure_allow_all":true}},"read":["/r"],"name":"p"},"provenance":{"attestation":{"predicate":{"b":[1e2],"a":null}}}}},"remote_servers":{"r":{"url":"u","oauth_config":{"oauth_params":{"z":"1","a":"2"},"callback_port":8765,"scopes":["openid"],"use_pkce":true},"headers":[{"name":"H","choices":["a","b"],"secret":true,"default":"d"}]}},"groups":[{"name":"g","description":"dd","servers":{"s":{"image":"y"}}}]})json";
  const std::string want =
      R"json({"version":"1","last_updated":"t","servers":{"a":{"description":"","tier":"","status":"","transport":"","tools":[],"image":"x","permissions":{"name":"p","read":["/r"],"network":{"outbound":{"insecure_allow_all":true,"allow_port":[443,80]}}},"provenance":{"sigstore_url":"","repository_uri":"","signer_identity":"","runner_environment":"","cert_issuer":"","attestation":{"predicate":{"a":null,"b":[100]}}}},"b":{"description":"D","tier":"","status":"","transport":"","tools":["x"],"metadata":{"stars":1,"pulls":2,"last_updated":""},"tags":["b","c"],"custom_metadata":{"a":1.5,"z":1},"image":"i","env_vars":[{"name":"B","description":"","required":false,"secret":true}]}},"remote_servers":{"r":{"description":"","tier":"","status":"","transport":"","tools":null,"url":"u","headers":[{"name":"H","description":"","required":false,"default":"d","secret":true,"choices":["a","b"]}],"oauth_config":{"scopes":["openid"],"use_pkce":true,"oauth_params":{"a":"2","z":"1"},"callback_port":8765}}},"groups":[{"name":"g","description":"dd","servers":{"s":{"description":"","tier":"","status":"","transport":"","tools":null,"image":"y"}}}]})json";
  CHECK(RoundTrip(in) == want);
}

TEST_CASE("toolhive format: nil and empty marshal differently where Go has no omitempty") {
  CHECK(RoundTrip(R"({"version":"1","last_updated":"t"})") ==
        R"({"version":"1","last_updated":"t","servers":null})");
  CHECK(RoundTrip(
            R"({"version":"1","last_updated":"t","servers":{},"remote_servers":{},"groups":[]})") ==
        R"({"version":"1","last_updated":"t","servers":{}})");
  CHECK(
      RoundTrip(R"({"servers":{"a":{"tools":null,"tags":[]}}})") ==
      R"({"version":"","last_updated":"","servers":{"a":{"description":"","tier":"","status":"","transport":"","tools":null,"image":""}}})");
}

TEST_CASE("toolhive format: type errors name the JSON path and position") {
  Diagnostics diags;
  CHECK(RoundTrip("{\"servers\":{\"x\":{\n  \"tools\":\"a\",\n  \"metadata\":{\"stars\":1.5}}}}",
                  &diags) == "ERROR");
  REQUIRE(diags.items().size() == 2);
  CHECK(FormatDiagnostic(diags.items()[0]) ==
        "in.json:2:11: servers.x.tools: expected array, got string");
  CHECK(FormatDiagnostic(diags.items()[1]) ==
        "in.json:3:23: servers.x.metadata.stars: expected integer, got number 1.5");
  Diagnostics syntax;
  CHECK(RoundTrip("{\"servers\":{\n  \"x\": {]}}", &syntax) == "ERROR");
  CHECK(FormatDiagnostic(syntax.items()[0]) ==
        "in.json:2:9: invalid character ']' looking for beginning of object key string");
  Diagnostics top;
  CHECK(RoundTrip("[]", &top) == "ERROR");
  CHECK(FormatDiagnostic(top.items()[0]) == "in.json:1:1: expected object, got array");
  Diagnostics nulls;
  CHECK(RoundTrip(R"({"servers":{"x":null}})", &nulls) == "ERROR");
  CHECK(FormatDiagnostic(nulls.items()[0]) == "in.json:1:17: servers.x: expected object, got null");
}

TEST_CASE("toolhive format: free-form values may nest 1000 levels deep") {
  const std::string deep = std::string(990, '[') + std::string(990, ']');
  std::string out = RoundTrip(R"({"servers":{"a":{"custom_metadata":{"x":)" + deep + "}}}}");
  CHECK(out.find("\"custom_metadata\":{\"x\":" + deep + "}") != std::string::npos);
}

TEST_CASE("toolhive format: integers follow Go's int decoding") {
  CHECK(RoundTrip(R"({"servers":{"a":{"target_port":8080}}})").find("\"target_port\":8080") !=
        std::string::npos);
  CHECK(RoundTrip(R"({"servers":{"a":{"target_port":8080.0}}})") == "ERROR");
  CHECK(RoundTrip(R"({"servers":{"a":{"target_port":1e3}}})") == "ERROR");
  CHECK(RoundTrip(R"({"servers":{"a":{"target_port":99999999999999999999}}})") == "ERROR");
  CHECK(RoundTrip(R"({"servers":{"a":{"target_port":-0}}})").find("target_port") ==
        std::string::npos);
}

}  // namespace thv
