// MCPRegistry 7002a239b -> v0.44.0: every 7002a239b example becomes a v1beta1 MCPRegistry whose
// configYAML (as the v0.44.0 target renders it into the registry server's config.yaml) carries
// the same source, filters and sync interval, a ConfigMap source as a file source with its
// volume and mount wired; the database comes from flags or the object is refused.
#include <doctest/doctest.h>

#include "core/testing.h"
#include "migrate/migrate_testing.h"
#include "render/render_all.h"
#include "targets/testing.h"

namespace thv {

namespace {

MigrateOptions RegistryFlags() {
  MigrateOptions options;
  options.registry_database = "postgres.db:5432/registry";
  options.registry_database_user = "db_app";
  options.registry_sync_interval = "24h";
  return options;
}

const Value* Path(const Value* v, std::initializer_list<const char*> keys) {
  for (const char* k : keys) v = v ? v->Find(k) : nullptr;
  return v;
}

void CheckRegistryFile(const std::string& path) {
  CAPTURE(path);
  const std::string in = ReadTestdata(path);
  Diagnostics diags;
  const std::string out = MigrateText(in, &diags, RegistryFlags());
  std::string messages;
  for (const Diagnostic& d : diags.items()) messages += FormatDiagnostic(d) + "\n";
  INFO(messages);
  REQUIRE_FALSE(diags.HasErrors());
  Diagnostics again;
  CHECK(MigrateText(out, &again, RegistryFlags()) == out);
  CHECK(IsSubsequence(Comments(in), Comments(out)));
  CHECK(IsSubsequence(UntouchedLines(in), AllLines(out)));

  InputOptions v044;
  v044.target = FindTarget("v0.44.0");
  Diagnostics render_diags;
  std::vector<Object> objects = ObjectsFromYaml(out, &render_diags, v044);
  std::vector<Value> rendered = RenderAll(objects, {}, &render_diags);
  REQUIRE_FALSE(render_diags.HasErrors());

  std::vector<Value> inputs;
  REQUIRE(ReadYamlDocuments(path, in, &inputs, &diags));
  int registries = 0;
  for (const Value& doc : inputs) {
    if (doc.Find("kind")->text != "MCPRegistry") continue;
    ++registries;
    const std::string name = doc.Find("metadata")->Find("name")->text;
    CAPTURE(name);
    const Value* cm = nullptr;
    const Value* deployment = nullptr;
    for (const Value& r : rendered) {
      const std::string n = r.Find("metadata")->Find("name")->text;
      if (n == name + "-registry-server-config") cm = &r;
      if (n == name + "-api" && r.Find("kind")->text == "Deployment") deployment = &r;
    }
    REQUIRE(cm);
    REQUIRE(deployment);
    const Value config = ReadYamlValue(cm->Find("data")->Find("config.yaml")->text);
    const Value& source = config.Find("sources")->items.at(0);
    const Value& old_spec = *doc.Find("spec");
    const Value* sync = Path(&old_spec, {"syncPolicy", "interval"});
    CHECK(Path(&source, {"syncPolicy", "interval"})->text == (sync ? sync->text : "24h"));
    for (const char* key : {"names", "tags"})
      for (const char* side : {"include", "exclude"}) {
        const Value* want = Path(&old_spec, {"filter", key, side});
        const Value* got = Path(&source, {"filter", key, side});
        CAPTURE(key);
        CAPTURE(side);
        CHECK((want ? *want : Value()) == (got ? *got : Value()));
      }
    const Value* old_source = old_spec.Find("source");
    if (const Value* git = old_source->Find("git")) {
      for (const Member& m : git->members)
        CHECK(Path(&source, {"git", m.key.c_str()})->text == m.value.text);
      continue;
    }
    const Value* cm_ref = old_source->Find("configmap");
    const std::string key = cm_ref->Find("key") ? cm_ref->Find("key")->text : "registry.json";
    const std::string file = Path(&source, {"file", "path"})->text;
    const Value& pod = *Path(deployment, {"spec", "template", "spec"});
    bool wired = false;
    for (const Value& mount : pod.Find("containers")->items.at(0).Find("volumeMounts")->items) {
      const std::string dir = mount.Find("mountPath")->text;
      if (file != dir + "/" + key) continue;
      for (const Value& volume : pod.Find("volumes")->items)
        if (volume.Find("name")->text == mount.Find("name")->text)
          wired = Path(&volume, {"configMap", "name"})->text == cm_ref->Find("name")->text &&
                  Path(&volume, {"configMap", "items"})->items.at(0).Find("key")->text == key;
    }
    CHECK(wired);
    CHECK(Path(&config, {"database", "host"})->text == "postgres.db");
    CHECK(Path(&config, {"database", "port"})->text == "5432");
    CHECK(Path(&config, {"database", "database"})->text == "registry");
    CHECK(Path(&config, {"auth", "mode"})->text == "anonymous");
  }
  CHECK(registries > 0);
}

}  // namespace

TEST_CASE("migrate: every 7002a239b MCPRegistry example keeps its source, filters and interval") {
  for (const char* path : {"examples/mcp-registries/mcpregistry-configmap.yaml",
                           "examples/mcp-registries/mcpregistry-git-simple.yaml",
                           "examples/mcp-registries/mcpregistry-minimal.yaml",
                           "examples/mcp-registries/mcpregistry-tag-filtering.yaml"})
    CheckRegistryFile(path);
}

TEST_CASE(
    "migrate: an MCPRegistry without the settings the new server needs is refused, naming "
    "the flag") {
  const std::string registry =
      "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\nmetadata: {name: r}\n"
      "spec:\n  source:\n    type: configmap\n    configmap: {name: data}\n";
  Diagnostics no_db;
  CHECK(MigrateText(registry + "  syncPolicy: {interval: 1h}\n", &no_db) ==
        registry + "  syncPolicy: {interval: 1h}\n");
  CHECK(Mentions(no_db, "--registry-database HOST:PORT/NAME"));
  MigrateOptions no_interval = RegistryFlags();
  no_interval.registry_sync_interval.clear();
  Diagnostics manual;
  MigrateText(registry, &manual, no_interval);
  CHECK(Mentions(manual, "--registry-sync-interval"));
}

}  // namespace thv
