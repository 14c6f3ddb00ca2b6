#include "model/json_schema.h"

#include <doctest/doctest.h>

#include "core/json_parse.h"
#include "targets/7002a239b/target.h"
#include "targets/v0.44.0/target.h"

namespace thv {
namespace {

Value SchemaOf(const std::vector<JsonSchemaFile>& files, const std::string& path) {
  for (const JsonSchemaFile& f : files) {
    if (f.path != path) continue;
    Value v;
    JsonSyntaxError err;
    REQUIRE_MESSAGE(ParseJson(f.contents, &v, &err), err.message);
    return v;
  }
  FAIL("no " << path);
  return Value();
}

// The schema at a dotted path of property names ("[]" for items).
const Value* At(const Value& schema, const std::string& path) {
  const Value* at = &schema;
  size_t start = 0;
  while (at && start < path.size()) {
    size_t dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? dot : dot - start);
    const Value* properties = at->Find("properties");
    at = part == "[]" ? at->Find("items") : properties ? properties->Find(part) : nullptr;
    start = dot == std::string::npos ? path.size() : dot + 1;
  }
  return at;
}

std::string Text(const Value* v) { return v && v->IsString() ? v->text : "<none>"; }

}  // namespace

TEST_CASE("json schema: one file per served version, named as kubeconform looks them up") {
  const std::vector<JsonSchemaFile> files = CrdJsonSchemas(t0_44_0::kCrds, &t0_44_0::kDescriptions);
  size_t served = 0;
  for (const CrdVersion* c = t0_44_0::kCrds; c->kind; ++c) ++served;
  CHECK(files.size() == served);
  for (const JsonSchemaFile& f : files) CHECK(IsJsonSchemaPath(f.path));
  CHECK(JsonSchemaPath("toolhive.stacklok.dev/v1beta1", "MCPServer") ==
        "toolhive.stacklok.dev/mcpserver_v1beta1.json");
  // Byte-deterministic.
  const std::vector<JsonSchemaFile> again = CrdJsonSchemas(t0_44_0::kCrds, &t0_44_0::kDescriptions);
  REQUIRE(again.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) CHECK(again[i].contents == files[i].contents);
}

TEST_CASE("json schema: the CRD's types, bounds, defaults, enums and descriptions") {
  const Value s = SchemaOf(CrdJsonSchemas(t0_44_0::kCrds, &t0_44_0::kDescriptions),
                           "toolhive.stacklok.dev/mcpserver_v1beta1.json");
  CHECK(Text(s.Find("$schema")) == "http://json-schema.org/draft-07/schema#");
  REQUIRE(At(s, "kind"));
  CHECK(At(s, "kind")->Find("enum")->items[0].text == "MCPServer");
  CHECK(At(s, "apiVersion")->Find("enum")->items[0].text == "toolhive.stacklok.dev/v1beta1");
  const Value* port = At(s, "spec.proxyPort");
  REQUIRE(port);
  CHECK(Text(port->Find("type")) == "integer");
  CHECK(port->Find("default")->text == "8080");
  CHECK(port->Find("minimum")->text == "1");
  CHECK(port->Find("maximum")->text == "65535");
  CHECK(Text(port->Find("description")).find("ProxyPort") == 0);
  const Value* transport = At(s, "spec.transport");
  REQUIRE(transport);
  REQUIRE(transport->Find("enum"));
  CHECK(transport->Find("enum")->items.size() == 3);
  // Unknown fields are refused where the API server would prune them, not where it keeps them.
  CHECK(At(s, "spec")->Find("additionalProperties")->type == Value::Type::kBool);
  CHECK(At(s, "spec")->Find("additionalProperties")->text == "false");
  const Value* pod = At(s, "spec.podTemplateSpec");
  REQUIRE(pod);
  CHECK(pod->Find("x-kubernetes-preserve-unknown-fields"));
  CHECK_FALSE(pod->Find("additionalProperties"));
  // CEL rules: passed through and told in the description.
  const Value* rules = At(s, "spec")->Find("x-kubernetes-validations");
  REQUIRE(rules);
  CHECK(rules->items[0].Find("rule"));
  CHECK(Text(At(s, "spec")->Find("description")).find("Validation rules (CEL") !=
        std::string::npos);
  // Root metadata is ObjectMeta's, not the CRD's bare object.
  CHECK(At(s, "metadata.labels"));
}

TEST_CASE("json schema: int-or-string, int32 bounds, the deprecated version, no descriptions") {
  const Value s = SchemaOf(CrdJsonSchemas(t7002a239b::kCrds, nullptr),
                           "toolhive.stacklok.dev/mcpserver_v1alpha1.json");
  const Value* port = At(s, "spec.podTemplateSpec.spec.containers.[].livenessProbe.httpGet.port");
  REQUIRE(port);
  REQUIRE(port->Find("anyOf"));
  CHECK(port->Find("anyOf")->items.size() == 2);
  CHECK_FALSE(port->Find("type"));
  CHECK_FALSE(port->Find("description"));
  const Value* replicas = At(s, "spec.podTemplateSpec.spec.containers.[].ports.[].containerPort");
  REQUIRE(replicas);
  CHECK(Text(replicas->Find("format")) == "int32");
  CHECK(replicas->Find("minimum")->text == "-2147483648");
  CHECK(replicas->Find("maximum")->text == "2147483647");

  const Value old = SchemaOf(CrdJsonSchemas(t0_44_0::kCrds, &t0_44_0::kDescriptions),
                             "toolhive.stacklok.dev/mcpserver_v1alpha1.json");
  CHECK(Text(old.Find("description")).find("Deprecated: toolhive.stacklok.dev/v1alpha1") == 0);
}

TEST_CASE("json schema: the API server's uri and duration formats become loose patterns") {
  const Value s = SchemaOf(CrdJsonSchemas(t0_44_0::kCrds, &t0_44_0::kDescriptions),
                           "toolhive.stacklok.dev/mcpwebhookconfig_v1alpha1.json");
  const Value* url = At(s, "spec.validating.[].url");
  REQUIRE(url);
  CHECK_FALSE(url->Find("format"));
  CHECK(Text(url->Find("pattern")) == "^([A-Za-z][A-Za-z0-9+.-]*:|/)");
  CHECK(Text(url->Find("description")).find("Format uri") != std::string::npos);
}

TEST_CASE("schema descriptions: looked up by field path") {
  const SchemaDescriptions& d = t0_44_0::kDescriptions;
  REQUIRE(d.count > 100);
  CHECK(std::string(FindSchemaDescription(d, "MCPServer")) ==
        "MCPServer is the Schema for the mcpservers API");
  CHECK(FindSchemaDescription(d, "MCPServer.spec.image"));
  CHECK_FALSE(FindSchemaDescription(d, "MCPServer.spec.nothing"));
  CHECK_FALSE(FindSchemaDescription(d, ""));
  // Every entry is found by its own path.
  size_t found = 0;
  for (const char* path : {"MCPServer.spec.proxyPort", "MCPToolConfig", "MCPServer.spec.env[].name",
                           "MCPServer.status"})
    found += FindSchemaDescription(d, path) != nullptr;
  CHECK(found == 4);
}

TEST_CASE("json schema paths: what an earlier schema output may hold") {
  const std::pair<const char*, bool> paths[] = {
      {"toolhive.stacklok.dev/mcpserver_v1beta1.json", true},
      {"toolhive.stacklok.dev/virtualmcpcompositetooldefinition_v1alpha1.json", true},
      {"toolhive.stacklok.dev/notes.txt", false},
      {"toolhive.stacklok.dev/_v1.json", false},
      {"toolhive.stacklok.dev/mcpserver_.json", false},
      {"toolhive.stacklok.dev/MCPServer_v1.json", false},
      {"mcpserver_v1beta1.json", false},
      {"other.group/mcpserver_v1beta1.json", false},
      {"render.thv-render.stacklok.dev/registrydata_v1alpha1.json", true},
      {"toolhive.stacklok.dev/sub/mcpserver_v1beta1.json", false}};
  for (const auto& [path, ours] : paths) CHECK_MESSAGE(IsJsonSchemaPath(path) == ours, path);
}

}  // namespace thv
