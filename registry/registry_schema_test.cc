// The hand-written registry schema against schema.json and against the operator's validator.
// Expected messages were produced by pkg/registry.ValidateRegistrySchema (jsonschema v5.3.1).
#include <doctest/doctest.h>

#include <fstream>
#include <random>
// GCC 12 reports a false -Wmaybe-uninitialized inside <regex> under sanitizers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
#include <set>
#include <sstream>

#include "registry/format_json.h"
#include "registry/registry_schema.h"

#ifndef THV_SOURCE_DIR
#define THV_SOURCE_DIR "."
#endif

namespace thv {

namespace {

Value LoadTestdataJson(const std::string& name) {
  std::ifstream in(std::string(THV_SOURCE_DIR) + "/testdata/registry/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing testdata/registry/" << name);
  std::stringstream s;
  s << in.rdbuf();
  Value v;
  JsonSyntaxError err;
  REQUIRE_MESSAGE(ParseJson(s.str(), &v, &err), err.message);
  return v;
}

std::string Validate(const std::string& text) {
  Value doc;
  JsonSyntaxError err;
  REQUIRE(ParseJson(text, &doc, &err));
  std::vector<RegistrySchemaError> errors = ValidateRegistrySchema(doc);
  return errors.empty() ? "OK" : FormatRegistrySchemaErrors(errors);
}

const char* TypeKeyword(RegistrySchemaType t) {
  switch (t) {
    case RegistrySchemaType::kObject: return "object";
    case RegistrySchemaType::kArray: return "array";
    case RegistrySchemaType::kString: return "string";
    case RegistrySchemaType::kInteger: return "integer";
    case RegistrySchemaType::kBoolean: return "boolean";
    case RegistrySchemaType::kAny: break;
  }
  return "";
}

const char* FormatKeyword(RegistrySchemaFormat f) {
  switch (f) {
    case RegistrySchemaFormat::kDateTime: return "date-time";
    case RegistrySchemaFormat::kUri: return "uri";
    case RegistrySchemaFormat::kHostname: return "hostname";
    case RegistrySchemaFormat::kNone: break;
  }
  return "";
}

std::vector<std::string> Strings(const Value& list) {
  std::vector<std::string> out;
  for (const Value& v : list.items) out.push_back(v.text);
  return out;
}

std::vector<std::string> Strings(const std::vector<const char*>& list) {
  return std::vector<std::string>(list.begin(), list.end());
}

int64_t Int(const Value& v) { return std::stoll(v.text); }

// Walks schema.json and the transcribed table together; every keyword must be accounted for.
void Compare(const Value& defs, const Value* json, const RegistrySchemaNode* node,
             const std::string& where, std::set<const RegistrySchemaPattern*>* patterns) {
  CAPTURE(where);
  REQUIRE(node);
  if (const Value* ref = json->Find("$ref")) {
    std::string name = ref->text.substr(std::string("#/definitions/").size());
    REQUIRE(node->ref);
    CHECK(name == node->ref);
    json = defs.Find(name);
    REQUIRE(json);
  }
  static const std::set<std::string> kKnown = {
      "$schema", "$id", "title", "description", "default", "examples", "definitions", "$ref",
      "type", "required", "properties", "patternProperties", "additionalProperties", "items",
      "enum", "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "minItems",
      "uniqueItems", "anyOf"};
  for (const Member& m : json->members) CHECK_MESSAGE(kKnown.count(m.key), "keyword " << m.key);
  const Value* type = json->Find("type");
  CHECK((type ? type->text : "") == TypeKeyword(node->type));
  const Value* e = json->Find("enum");
  CHECK((e ? Strings(*e) : std::vector<std::string>{}) == Strings(node->enum_values));
  const Value* format = json->Find("format");
  CHECK((format ? format->text : "") == FormatKeyword(node->format));
  const Value* pattern = json->Find("pattern");
  CHECK((pattern ? pattern->text : "") == (node->pattern ? node->pattern->source : ""));
  if (node->pattern) patterns->insert(node->pattern);
  auto number = [&](const char* key, int64_t none) {
    const Value* v = json->Find(key);
    return v ? Int(*v) : none;
  };
  CHECK(number("minLength", -1) == node->min_length);
  CHECK(number("maxLength", -1) == node->max_length);
  CHECK(number("minItems", -1) == node->min_items);
  const Value* unique = json->Find("uniqueItems");
  CHECK((unique && unique->AsBool()) == node->unique_items);
  const Value* minimum = json->Find("minimum");
  const Value* maximum = json->Find("maximum");
  CHECK((minimum != nullptr) == node->has_minimum);
  CHECK((maximum != nullptr) == node->has_maximum);
  if (minimum) CHECK(Int(*minimum) == node->minimum);
  if (maximum) CHECK(Int(*maximum) == node->maximum);
  const Value* req = json->Find("required");
  CHECK((req ? Strings(*req) : std::vector<std::string>{}) == Strings(node->required));
  const Value* additional = json->Find("additionalProperties");
  CHECK((additional ? additional->AsBool() : true) == node->additional_properties);
  const Value* props = json->Find("properties");
  CHECK((props ? props->members.size() : 0) == node->properties.size());
  if (props) {
    for (const Member& m : props->members) {
      const RegistrySchemaNode* child = nullptr;
      for (const RegistrySchemaProperty& p : node->properties) {
        if (m.key == p.name) child = p.node;
      }
      CHECK_MESSAGE(child, "property " << m.key);
      if (child) Compare(defs, &m.value, child, where + "/" + m.key, patterns);
    }
  }
  const Value* pp = json->Find("patternProperties");
  CHECK(static_cast<bool>(pp) == static_cast<bool>(node->key_pattern));
  if (pp && node->key_pattern) {
    REQUIRE(pp->members.size() == 1);
    CHECK(pp->members[0].key == node->key_pattern->source);
    patterns->insert(node->key_pattern);
    Compare(defs, &pp->members[0].value, node->pattern_node, where + "/*", patterns);
  }
  const Value* items = json->Find("items");
  CHECK(static_cast<bool>(items) == static_cast<bool>(node->items));
  if (items && node->items) Compare(defs, items, node->items, where + "/items", patterns);
  const Value* any_of = json->Find("anyOf");
  CHECK((any_of ? any_of->items.size() : 0) == node->any_of.size());
  if (any_of) {
    for (size_t i = 0; i < any_of->items.size() && i < node->any_of.size(); ++i) {
      Compare(defs, &any_of->items[i], node->any_of[i], where + "/anyOf", patterns);
    }
  }
}

std::set<const RegistrySchemaPattern*> AllPatterns() {
  Value schema = LoadTestdataJson("schema.json");
  std::set<const RegistrySchemaPattern*> patterns;
  Compare(*schema.Find("definitions"), &schema, &RegistrySchemaRoot(), "", &patterns);
  return patterns;
}

}  // namespace

TEST_CASE("registry schema: the transcribed table equals schema.json keyword for keyword") {
  Value schema = LoadTestdataJson("schema.json");
  const Value* defs = schema.Find("definitions");
  REQUIRE(defs);
  std::set<const RegistrySchemaPattern*> patterns;
  Compare(*defs, &schema, &RegistrySchemaRoot(), "", &patterns);
  std::vector<std::string> names;
  for (const Member& m : defs->members) {
    names.push_back(m.key);
    const RegistrySchemaNode* def = RegistrySchemaDefinition(m.key);
    CHECK_MESSAGE(def, "definition " << m.key);
    if (def) Compare(*defs, &m.value, def, "#/definitions/" + m.key, &patterns);
  }
  std::vector<std::string> ours = RegistrySchemaDefinitionNames();
  CHECK(std::set<std::string>(names.begin(), names.end()) ==
        std::set<std::string>(ours.begin(), ours.end()));
  CHECK(patterns.size() == 10);
}

TEST_CASE("registry schema: pattern matchers agree with the regular expressions") {
  // ECMAScript and Go's RE2 agree on these patterns (anchored, ASCII classes, no backrefs).
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a", "z", "A", "Z", "0", "9", "-", "_", ".", "/", ":", " ",
                                  std::string(1, '\0'), "\xC3\xA9", "@", "ab", "a1", "/a"};
  for (const RegistrySchemaPattern* p : AllPatterns()) {
    CAPTURE(p->source);
    std::regex re(p->source, std::regex::ECMAScript);
    for (int i = 0; i < 4000; ++i) {
      std::string s;
      int len = static_cast<int>(rng() % 9);
      for (int j = 0; j < len; ++j) s += alphabet[rng() % std::size(alphabet)];
      CAPTURE(s);
      CHECK(p->match(s) == std::regex_search(s, re));
    }
  }
}

TEST_CASE("registry schema: the real registry is valid") {
  CHECK(ValidateRegistrySchema(LoadTestdataJson("registry.json")).empty());
}

TEST_CASE("registry schema: operator test cases give the operator's messages") {
  struct Case {
    const char* name;
    const char* json;
    const char* want;
  };
  const Case cases[] = {
      {"allow_host",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\", \"permissions\": {\"network\": {\"outbound\": {\"allow_host\": [\"-bad\"]}}}}}}",
       "registry schema validation failed with 2 errors:\n  1. '-bad' is not valid 'hostname' at '/servers/test-server/permissions/network/outbound/allow_host/0'\n  2. does not match pattern '^\\\\.[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$' at '/servers/test-server/permissions/network/outbound/allow_host/0'"},
      {"bad_name",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"Invalid_Server_Name\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: additionalProperties 'Invalid_Server_Name' not allowed at '/servers'"},
      {"bad_status",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"InvalidStatus\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"Active\", \"Deprecated\" at '/servers/test-server/status'"},
      {"bad_tier",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"InvalidTier\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"Official\", \"Community\" at '/servers/test-server/tier'"},
      {"bad_transport",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"invalid-transport\"}}}",
       "registry schema validation failed: value must be one of \"stdio\", \"sse\", \"streamable-http\" at '/servers/test-server/transport'"},
      {"dup_tags",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\", \"tags\": [\"a-b\", \"c1\", \"a-b\"]}}}",
       "registry schema validation failed: items at index 0 and 2 are equal at '/servers/test-server/tags'"},
      {"empty_tools",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: minimum 1 items required, but found 0 items at '/servers/test-server/tools'"},
      {"float_port",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\", \"target_port\": 1.5}}}",
       "registry schema validation failed: expected integer, but got number at '/servers/test-server/target_port'"},
      {"invalid_date",
       "{\"version\": \"1.0.0\", \"last_updated\": \"invalid-date\", \"servers\": {}}",
       "registry schema validation failed: 'invalid-date' is not valid 'date-time' at '/last_updated'"},
      {"invalid_version",
       "{\"version\": \"invalid-version\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {}}",
       "registry schema validation failed: does not match pattern '^\\\\d+\\\\.\\\\d+\\\\.\\\\d+$' at '/version'"},
      {"missing_last_updated",
       "{\"version\": \"1.0.0\", \"servers\": {}}",
       "registry schema validation failed: missing properties: 'last_updated'"},
      {"missing_servers",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\"}",
       "registry schema validation failed: missing properties: 'servers'"},
      {"missing_version",
       "{\"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {}}",
       "registry schema validation failed: missing properties: 'version'"},
      {"no_description",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: missing properties: 'description' at '/servers/test-server'"},
      {"no_image",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: missing properties: 'image' at '/servers/test-server'"},
      {"port_range",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"A test server for validation\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\", \"target_port\": 70000}}}",
       "registry schema validation failed: must be <= 65535 but found 70000 at '/servers/test-server/target_port'"},
      {"remote_stdio",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {}, \"remote_servers\": {\"test-remote\": {\"url\": \"https://api.example.com/mcp\", \"description\": \"A test remote server for validation\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"remote_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: value must be one of \"sse\", \"streamable-http\" at '/remote_servers/test-remote/transport'"},
      {"short_description",
       "{\"version\": \"1.0.0\", \"last_updated\": \"2025-01-01T00:00:00Z\", \"servers\": {\"test-server\": {\"description\": \"Short\", \"image\": \"test/server:latest\", \"status\": \"Active\", \"tier\": \"Community\", \"tools\": [\"test_tool\"], \"transport\": \"stdio\"}}}",
       "registry schema validation failed: length must be >= 10, but got 5 at '/servers/test-server/description'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(Validate(c.json) == c.want);
  }
  CHECK(Validate(R"({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{}})") == "OK");
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
  REQUIRE(ParseJson("{\"version\":\"1.0.0\",\"last_updated\":\"2025-01-01T00:00:00Z\",\n"
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
  CHECK(Validate(R"({"version":"x","version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{}})") ==
        "OK");
  CHECK(Validate(R"({"version":"1.0.0","last_updated":"2025-01-01T00:00:00Z","servers":{},"x":1e999})") ==
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
