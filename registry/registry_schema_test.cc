// The registry schema validator against the operator's: same verdicts, same messages.
// Expected messages were produced by pkg/registry.ValidateRegistrySchema (jsonschema v5.3.1).
#include <doctest/doctest.h>

#include "core/json_parse.h"
#include "core/testing.h"
#include "registry/registry_schema.h"

namespace thv {

namespace {

std::string Validate(const std::string& text) {
  Value doc;
  JsonSyntaxError err;
  REQUIRE(ParseJson(text, &doc, &err));
  std::vector<RegistrySchemaError> errors = ValidateRegistrySchema(doc);
  return errors.empty() ? "OK" : FormatRegistrySchemaErrors(errors);
}

}  // namespace

TEST_CASE("registry schema: the real registry is valid") {
  CHECK(ValidateRegistrySchema(ReadTestdataJson("registry/registry.json")).empty());
}

TEST_CASE("registry schema: operator test cases give the operator's messages") {
  struct Case {
    const char* name;
    const char* json;
    const char* want;
  };
  const Case cases[] = {
      {"allow_host",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\", \"permissions\": {\"network\": {\"outbound\": "
       "{\"allow_host\": [\"-bad\"]}}}}}}",
       "registry schema validation failed with 2 errors:\n  1. '-bad' is not valid 'hostname' at "
       "'/servers/test-server/permissions/network/outbound/allow_host/0'\n  2. does not match "
       "pattern '^\\\\.[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$' at "
       "'/servers/test-server/permissions/network/outbound/allow_host/0'"},
      {"bad_name",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"Invalid_Server_Name\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: additionalProperties 'Invalid_Server_Name' not allowed "
       "at '/servers'"},
      {"bad_status",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"InvalidStatus\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"Active\", \"Deprecated\" at "
       "'/servers/test-server/status'"},
      {"bad_tier",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"InvalidTier\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"Official\", \"Community\" at "
       "'/servers/test-server/tier'"},
      {"bad_transport",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"invalid-transport\"}}}",
       "registry schema validation failed: value must be one of \"stdio\", \"sse\", "
       "\"streamable-http\" at '/servers/test-server/transport'"},
      {"dup_tags",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\", \"tags\": [\"a-b\", \"c1\", \"a-b\"]}}}",
       "registry schema validation failed: items at index 0 and 2 are equal at "
       "'/servers/test-server/tags'"},
      {"empty_tools",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [], "
       "\"transport\": \"stdio\"}}}",
       "registry schema validation failed: minimum 1 items required, but found 0 items at "
       "'/servers/test-server/tools'"},
      {"float_port",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\", \"target_port\": 1.5}}}",
       "registry schema validation failed: expected integer, but got number at "
       "'/servers/test-server/target_port'"},
      {"invalid_date",
       "{\"version\": \"1.0.0\", \"last_updated\": \"invalid-date\", \"servers\": {}}",
       "registry schema validation failed: 'invalid-date' is not valid 'date-time' at "
       "'/last_updated'"},
      {"invalid_version",
       "{\"version\": \"invalid-version\", \"last_updated\": \"2025-01-01T00:00:00Z\", "
       "\"servers\": {}}",
       "registry schema validation failed: does not match pattern '^\\\\d+\\\\.\\\\d+\\\\.\\\\d+$' "
       "at '/version'"},
      {"missing_last_updated", "{\"version\": \"1.0.0\", \"servers\": {}}",
       "registry schema validation failed: missing properties: 'last_updated'"},
      {"missing_servers", "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\"}",
       "registry schema validation failed: missing properties: 'servers'"},
      {"missing_version", "{\"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {}}",
       "registry schema validation failed: missing properties: 'version'"},
      {"no_description",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": "
       "\"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: missing properties: 'description' at "
       "'/servers/test-server'"},
      {"no_image",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"status\": "
       "\"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": "
       "\"stdio\"}}}",
       "registry schema validation failed: missing properties: 'image' at '/servers/test-server'"},
      {"port_range",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"A test server for validation\", \"image\": "
       "\"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": "
       "[\"test_tool\"], \"transport\": \"stdio\", \"target_port\": 70000}}}",
       "registry schema validation failed: must be <= 65535 but found 70000 at "
       "'/servers/test-server/target_port'"},
      {"remote_stdio",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {}, "
       "\"remote_servers\": {\"test-remote\": {\"url\": \"https://api.example.com/mcp\", "
       "\"description\": \"A test remote server for validation\", \"status\": \"Active\", "
       "\"tier\": \"Community\", \"tools\": [\"remote_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"sse\", \"streamable-http\" at "
       "'/remote_servers/test-remote/transport'"},
      {"short_description",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": "
       "{\"test-server\": {\"description\": \"Short\", \"image\": \"test/server:latest\", "
       "\"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], "
       "\"transport\": \"stdio\"}}}",
       "registry schema validation failed: length must be >= 10, but got 5 at "
       "'/servers/test-server/description'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(Validate(c.json) == c.want);
  }
  CHECK(Validate(R"({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{}})") ==
        "OK");
}

TEST_CASE("registry schema: several errors are numbered, each with its location") {
  std::string out = Validate(R"({"servers":{"test-server":{"description":"Short",
      "status":"InvalidStatus","tier":"InvalidTier","tools":[],"transport":"invalid-transport"}}})");
  CHECK(out.rfind("registry schema validation failed with 7 errors:\n  1. ", 0) == 0);
  for (const char* part : {"missing properties: 'last_updated', 'version'",
                           "missing properties: 'image' at '/servers/test-server'",
                           "length must be >= 10, but got 5 at '/servers/test-server/description'",
                           "at '/servers/test-server/status'", "at '/servers/test-server/tools'"}) {
    CHECK_MESSAGE(out.find(part) != std::string::npos, part);
  }
}

TEST_CASE("registry schema: errors carry dotted paths and positions") {
  Value doc;
  JsonSyntaxError err;
  REQUIRE(
      ParseJson("{\"version\":\"1.0.0\",\"last_updated\":\"2025-01-01T00:00:00Z\",\n"
                "\"servers\":{\"fetch\":{\"description\":\"A test server for validation\","
                "\"image\":\"a\",\"status\":\"Active\",\"tier\":\"Community\",\"tools\":[\"t\"],\n"
                "\"transport\":\"carrier-pigeon\"}}}",
                &doc, &err));
  std::vector<RegistrySchemaError> errors = ValidateRegistrySchema(doc);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == "servers.fetch.transport");
  CHECK(errors[0].pointer == "/servers/fetch/transport");
  CHECK(errors[0].mark.line == 3);
  CHECK(errors[0].mark.column == 13);
  Diagnostics diags;
  ReportRegistrySchemaErrors(errors, "registry.json", &diags);
  CHECK(FormatDiagnostic(diags.items()[0]) ==
        "registry.json:3:13: servers.fetch.transport: value must be one of \"stdio\", \"sse\", "
        "\"streamable-http\"");
}

TEST_CASE("registry schema: duplicate keys count once, the last one") {
  CHECK(
      Validate(
          R"({"version":"x","version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{}})") ==
      "OK");
  CHECK(
      Validate(
          R"({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{},"x":1e999})") ==
      "registry schema validation failed: failed to parse registry data: json: cannot unmarshal "
      "number 1e999 into Go value of type float64 at '/x'");
}

TEST_CASE("registry schema: formats behave as jsonschema v5 (checked against it)") {
  struct Case {
    const char* s;
    bool date_time, uri, hostname;
  };
  const Case cases[] = {
      {"2025-01-01T00:00:00Z", true, false, false},
      {"2024-02-29T12:00:00.5+05:30", true, false, false},
      {"2025-02-29T00:00:00Z", false, false, false},
      {"2025-01-01T23:59:60Z", true, false, false},
      {"2025-01-01T00:59:60+01:00", true, false, false},
      {"2025-01-01T+1:00:00Z", true, false, false},
      {"2025-01-01 00:00:00Z", false, false, false},
      {"2025-01-01T24:00:00Z", false, false, false},
      {"2025-1-01T00:00:00Z", false, false, false},
      {"https://github.com/stacklok/toolhive", false, true, false},
      {"mailto:a@b", false, true, false},
      {"example.com", false, false, true},
      {"http://[::1]:8080/x", false, true, false},
      {"http://[fe80::1%25en0]/", false, false, false},
      {"http://a:b:80", false, false, false},
      {"https://ex ample.com", false, false, false},
      {"https://a/b%zz", false, false, false},
      {"https://us^er@host", false, false, false},
      {"http://h%41st/", false, false, false},
      {"1abc://x", false, false, false},
      {":x", false, false, false},
      {"https:", false, true, false},
      {"tuf-repo-cdn.sigstore.dev", false, false, true},
      {"a.com.", false, false, true},
      {"-a.com", false, false, false},
      {"a-.com", false, false, false},
      {"a..com", false, false, false},
      {"a_b.com", false, false, false},
      {"\xC3\xA9.com", false, false, false},
      {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.s);
    CHECK(IsSchemaDateTime(c.s) == c.date_time);
    CHECK(IsSchemaUri(c.s) == c.uri);
    CHECK(IsSchemaHostname(c.s) == c.hostname);
  }
}

}  // namespace thv
