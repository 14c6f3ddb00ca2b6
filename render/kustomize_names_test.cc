#include "render/kustomize_names.h"

#include <doctest/doctest.h>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "core/yaml_reader.h"
#include "render/k8s_objects.h"

namespace thv {
namespace {

// A server "s": Deployment s (the anchor), ServiceAccount s-sa, ConfigMap s-config with a JSON
// document and its checksum, and a user's Secret; each renamed as kustomize hands them over
// (prefix p-, namespace to).
const NameInString kStrings[] = {
    {"Deployment", "%", "args --patch=", "spec.serviceAccountName", "{ServiceAccount *}"},
    {"Deployment", "%", "args --patch=", "spec.secrets[].name", "{Secret *}"},
    {"Deployment", "%", "args --url=", "", "http://{ServiceAccount %-sa}.{namespace}:{*}"},
    {"Deployment", "%", "env NS", "", "{namespace}"},
    {"Deployment", "%", "env KEY", "", "k:{{{namespace}:{name}}}:"},
    {"ConfigMap", "%-config", "data config.json", "name", "{name}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
const NameInString* const kTables[] = {kStrings, nullptr};
const ContentChecksum kChecksums[] = {
    {"%-config", "sum", OperatorConfigMapChecksum, "%", "pod-sum"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
const RenamedKind kKinds[] = {
    {"Server", "Deployment", "%", "app=server", "instance", kTables, kChecksums, nullptr},
    RenamedKind{}};

std::string Renamed(const std::string& from, const std::string& to) {
  return "    internal.config.kubernetes.io/previousNames: " + from + "," + to +
         "\n    internal.config.kubernetes.io/previousNamespaces: ns,to\n";
}

std::string Items(const std::string& url, const std::string& secret_annotations = "",
                  const std::string& json = "{\"name\":\"s\"}") {
  const std::string sum =
      ConfigMapChecksum({{"config.json", json}}, {{"toolhive.stacklok.io/server", "s"}});
  return "kind: Deployment\nmetadata:\n  name: p-s\n  namespace: to\n  labels: {app: server, "
         "instance: s}\n  annotations:\n" +
         Renamed("s", "p-s") +
         "spec:\n  template:\n    metadata:\n      annotations: {pod-sum: " + sum +
         "}\n    spec:\n      containers:\n      - args:\n        - "
         "'--patch={\"spec\":{\"secrets\":[{\"name\":\"key\"},{\"name\":\"other\"}],"
         "\"serviceAccountName\":\"s-sa\"}}'\n        - '--url=" +
         url +
         "'\n        env:\n        - {name: NS, value: ns}\n        - {name: KEY, value: "
         "'k:{ns:s}:'}\n---\n" +
         "kind: ServiceAccount\nmetadata:\n  name: p-s-sa\n  namespace: to\n  annotations:\n" +
         Renamed("s-sa", "p-s-sa") +
         "---\nkind: ConfigMap\nmetadata:\n  name: p-s-config\n  namespace: to\n  labels: "
         "{toolhive.stacklok.io/server: s, team: x}\n  annotations:\n" +
         Renamed("s-config", "p-s-config") + "    sum: " + sum + "\ndata:\n  config.json: '" +
         json + "'\n---\n" +
         "kind: Secret\nmetadata:\n  name: p-key\n  namespace: to\n  annotations:\n" +
         Renamed("key", "p-key") + secret_annotations;
}

std::vector<Value> Transform(const std::string& yaml, Diagnostics* diags) {
  std::vector<Value> docs;
  REQUIRE(ReadYamlDocuments("items", yaml, &docs, diags));
  TransformRenamedObjects(kKinds, &docs, diags);
  return docs;
}

std::string At(const Value& doc, std::initializer_list<const char*> keys) {
  const Value* at = &doc;
  for (const char* key : keys) {
    at = at->IsSequence() ? &at->items[std::atoi(key)] : at->Find(key);
    if (!at) return "<none>";
  }
  return at->text;
}

}  // namespace

TEST_CASE("kustomize names: strings follow the renamed objects, checksums the content") {
  Diagnostics diags;
  std::vector<Value> docs = Transform(Items("http://s-sa.ns:8080/mcp"), &diags);
  for (const Diagnostic& d : diags.items()) MESSAGE(FormatDiagnostic(d));
  REQUIRE_FALSE(diags.HasErrors());
  const Value& deployment = docs[0];
  const char* args[] = {"spec", "template", "spec", "containers", "0", "args"};
  const std::string patch =
      At(deployment, {args[0], args[1], args[2], args[3], args[4], args[5], "0"});
  // A Secret in the build follows; one outside it (other) stays.
  CHECK(patch ==
        "--patch={\"spec\":{\"secrets\":[{\"name\":\"p-key\"},{\"name\":\"other\"}],"
        "\"serviceAccountName\":\"p-s-sa\"}}");
  CHECK(At(deployment, {args[0], args[1], args[2], args[3], args[4], args[5], "1"}) ==
        "--url=http://p-s-sa.to:8080/mcp");
  CHECK(At(deployment, {"spec", "template", "spec", "containers", "0", "env", "0", "value"}) ==
        "to");
  // {{ and }} are literal braces around placeholders.
  CHECK(At(deployment, {"spec", "template", "spec", "containers", "0", "env", "1", "value"}) ==
        "k:{to:p-s}:");
  const std::string json = At(docs[2], {"data", "config.json"});
  CHECK(json == "{\"name\":\"p-s\"}");
  const std::string sum =
      ConfigMapChecksum({{"config.json", json}}, {{"toolhive.stacklok.io/server", "s"}});
  CHECK(At(docs[2], {"metadata", "annotations", "sum"}) == sum);
  CHECK(At(deployment, {"spec", "template", "metadata", "annotations", "pod-sum"}) == sum);
}

TEST_CASE("kustomize names: a value the user gave stays; nothing renamed, nothing changes") {
  Diagnostics diags;
  std::vector<Value> docs = Transform(Items("https://mcp.example.com/s"), &diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(At(docs[0], {"spec", "template", "spec", "containers", "0", "args", "1"}) ==
        "--url=https://mcp.example.com/s");

  const std::string plain =
      "kind: Deployment\nmetadata:\n  name: s\n  namespace: ns\n  labels: "
      "{app: server, instance: s}\nspec: {}\n";
  docs = Transform(plain, &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(At(docs[0], {"metadata", "name"}) == "s");
}

// The first error transforming yaml gives.
std::string ErrorOf(const std::string& yaml) {
  Diagnostics diags;
  Transform(yaml, &diags);
  return diags.HasErrors() ? FormatDiagnostic(diags.items()[0]) : "no error";
}

std::string With(std::string yaml, const std::string& from, const std::string& to) {
  return yaml.replace(yaml.find(from), from.size(), to);
}

TEST_CASE("kustomize names: what cannot be made consistent is an error naming it") {
  const std::string hashed =
      ErrorOf(Items("x", "    internal.config.kubernetes.io/needsHashSuffix: enabled\n"));
  CHECK(hashed.find("names Secret key, which kustomize gives a content-hash suffix") !=
        std::string::npos);
  const std::string not_go = ErrorOf(Items("x", "", "{ \"name\": \"s\" }"));
  CHECK(not_go.find("not JSON as the operator wrote it") != std::string::npos);
  const std::string patched =
      ErrorOf(With(Items("x"), "config.json: '{", "config.json: '{\"extra\":1,"));
  CHECK(patched.find("not the checksum of its data") != std::string::npos);
  const std::string renamed = ErrorOf(With(Items("x"), "name: p-s\n", "name: other\n"));
  CHECK(renamed.find("cannot tell how Server s's Deployment s") != std::string::npos);
}

// A hub naming servers (found by their anchor Deployment) and entries (objects in the build) in
// a codec'd data value: by value and as mapping keys.
bool ReadHub(const std::string& text, Value* out) {
  JsonSyntaxError err;
  return ParseJson(text, out, &err);
}
std::string WriteHub(const Value& v) { return GoJsonCompact(v); }
const NameInString kHubStrings[] = {
    {"ConfigMap", "%-cfg", "data c.txt", "main", "{Server|Entry *}"},
    {"ConfigMap", "%-cfg", "data c.txt", "servers{}", "{Server|Entry *}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
const NameInString* const kHubTables[] = {kHubStrings, nullptr};
const DataCodec kHubCodecs[] = {{"data c.txt", ReadHub, WriteHub}, {nullptr, nullptr, nullptr}};
const RenamedKind kHubKinds[] = {
    {"Server", "Deployment", "%", "app=server", "instance", nullptr, nullptr, nullptr},
    {"Hub", "Deployment", "%", "app=hub", "instance", kHubTables, nullptr, kHubCodecs},
    RenamedKind{}};

std::string HubItems(const std::string& data) {
  return "kind: Deployment\nmetadata:\n  name: p-s\n  namespace: to\n  labels: {app: server, "
         "instance: s}\n  annotations:\n" +
         Renamed("s", "p-s") +
         "---\nkind: Deployment\nmetadata:\n  name: p-h\n  namespace: to\n  labels: {app: hub, "
         "instance: h}\n  annotations:\n" +
         Renamed("h", "p-h") +
         "---\nkind: Entry\nmetadata:\n  name: p-e\n  namespace: to\n  annotations:\n" +
         Renamed("e", "p-e") +
         "---\nkind: ConfigMap\nmetadata:\n  name: p-h-cfg\n  namespace: to\n  annotations:\n" +
         Renamed("h-cfg", "p-h-cfg") + "data:\n  c.txt: '" + data + "'\n";
}

TEST_CASE("kustomize names: {A|B *} finds an object or a kind's anchor; {} rewrites keys") {
  Diagnostics diags;
  std::vector<Value> docs;
  REQUIRE(ReadYamlDocuments("items",
                            HubItems(R"({"main":"s","servers":{"s":1,"e":2,"x":3},"other":"s"})"),
                            &docs, &diags));
  TransformRenamedObjects(kHubKinds, &docs, &diags);
  CHECK_FALSE(diags.HasErrors());
  CHECK(At(docs[3], {"data", "c.txt"}) ==
        R"({"main":"p-s","servers":{"p-s":1,"p-e":2,"x":3},"other":"s"})");
  // A value the codec does not write back byte for byte is not rewritten: an error.
  docs.clear();
  REQUIRE(ReadYamlDocuments("items", HubItems(R"({"main": "s"})"), &docs, &diags));
  TransformRenamedObjects(kHubKinds, &docs, &diags);
  REQUIRE(diags.HasErrors());
  CHECK(FormatDiagnostic(diags.items()[0]).find("not as the operator wrote it") !=
        std::string::npos);
}

}  // namespace thv
