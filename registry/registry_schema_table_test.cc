// The transcribed registry schema compared with testdata/registry/schema.json, so a schema
// update that the table misses fails here.
#include <doctest/doctest.h>

#include <random>
#include <set>

// GCC 12 reports a false -Wmaybe-uninitialized inside <regex> under sanitizers.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop

#include "core/json_parse.h"
#include "core/testing.h"
#include "registry/registry_schema.h"

namespace thv {

namespace {

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
  static const std::set<std::string> kKnown = {"$schema",
                                               "$id",
                                               "title",
                                               "description",
                                               "default",
                                               "examples",
                                               "definitions",
                                               "$ref",
                                               "type",
                                               "required",
                                               "properties",
                                               "patternProperties",
                                               "additionalProperties",
                                               "items",
                                               "enum",
                                               "pattern",
                                               "format",
                                               "minLength",
                                               "maxLength",
                                               "minimum",
                                               "maximum",
                                               "minItems",
                                               "uniqueItems",
                                               "anyOf"};
  for (const Member& m : json->members) CHECK_MESSAGE(kKnown.count(m.key), "keyword " << m.key);
  const Value* type = json->Find("type");
  CHECK((type ? type->text : "") == RegistrySchemaTypeName(node->type));
  const Value* e = json->Find("enum");
  CHECK((e ? Strings(*e) : std::vector<std::string>{}) == Strings(node->enum_values));
  const Value* format = json->Find("format");
  CHECK((format ? format->text : "") == RegistrySchemaFormatName(node->format));
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
  Value schema = ReadTestdataJson("registry/schema.json");
  std::set<const RegistrySchemaPattern*> patterns;
  Compare(*schema.Find("definitions"), &schema, &RegistrySchemaRoot(), "", &patterns);
  return patterns;
}

}  // namespace

TEST_CASE("registry schema: the transcribed table equals schema.json keyword for keyword") {
  Value schema = ReadTestdataJson("registry/schema.json");
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
  const std::string alphabet[] = {
      "a",        "z", "A",  "Z",  "0", "9", "-", "_", ".", "/", ":", " ", std::string(1, '\0'),
      "\xC3\xA9", "@", "ab", "a1", "/a"};
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

}  // namespace thv
