// MCPRegistry 7002a239b -> v0.44.0: every 7002a239b example (ToolHive-format data) becomes a
// RegistryData with the same source, filter and sync policy, whose ConfigMap holds the servers
// 7002a239b served, and a v1beta1 MCPRegistry whose configYAML (as the v0.44.0 target renders it
// into the registry server's config.yaml) reads it as a file source with its volume and mount
// wired; upstream-format data keeps its source and filter in configYAML; the database comes
// from flags or the object is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "core/disk_interface.h"
#include "core/testing.h"
#include "migrate/migrate_testing.h"
#include "registry/resolve.h"
#include "render/render_all.h"
#include "targets/testing.h"

namespace thv {

namespace {

// The head of an MCPRegistry r, up to its spec's members.
const char kRegistryR[] =
    "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\nmetadata: {name: r}\nspec:\n";

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

// Each MCPRegistry's (or RegistryData's) filtered data by <namespace>/<name>, ConfigMap sources
// only (remote ones need the network or a lock).
std::map<std::string, ResolvedRegistry> Resolve(const std::vector<Object>& objects,
                                                Diagnostics* diags) {
  MemoryDiskInterface disk;
  ResolveOptions options;
  options.skip_remote = true;
  return ResolveRegistries(objects, &disk, nullptr, options, diags).registries;
}

// The server names of ToolHive-format registry JSON (servers and remote_servers).
std::vector<std::string> ToolhiveNames(const std::string& json) {
  std::vector<std::string> names;
  const Value data = ReadYamlValue(json);
  for (const char* key : {"servers", "remote_servers"})
    if (const Value* servers = data.Find(key))
      for (const Member& m : servers->members) names.push_back(m.key);
  return names;
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

  // Before: the data the 7002a239b operator served; after: what the v0.44.0 output holds.
  InputOptions old_target;
  old_target.target = FindTarget("7002a239b");
  Diagnostics old_diags;
  const auto old_data = Resolve(ObjectsFromYaml(in, &old_diags, old_target), &old_diags);
  REQUIRE_FALSE(old_diags.HasErrors());
  InputOptions v044;
  v044.target = FindTarget("v0.44.0");
  Diagnostics render_diags;
  std::vector<Object> objects = ObjectsFromYaml(out, &render_diags, v044);
  RenderAllOptions render_options;
  for (auto& [key, resolved] : Resolve(objects, &render_diags))
    render_options.registries[key] = resolved.content;
  std::vector<Value> rendered = RenderAll(objects, render_options, &render_diags);
  REQUIRE_FALSE(render_diags.HasErrors());
  std::vector<Value> outputs;
  REQUIRE(ReadYamlDocuments(path, out, &outputs, &diags));

  std::vector<Value> inputs;
  REQUIRE(ReadYamlDocuments(path, in, &inputs, &diags));
  int registries = 0;
  for (const Value& doc : inputs) {
    if (doc.Find("kind")->text != "MCPRegistry") continue;
    ++registries;
    const std::string name = doc.Find("metadata")->Find("name")->text;
    const std::string ns = doc.Find("metadata")->Find("namespace")->text;
    CAPTURE(name);
    const Value* cm = nullptr;
    const Value* deployment = nullptr;
    const Value* pinned = nullptr;
    for (const Value& r : rendered) {
      const std::string n = r.Find("metadata")->Find("name")->text;
      if (n == name + "-registry-server-config") cm = &r;
      if (n == name + "-api" && r.Find("kind")->text == "Deployment") deployment = &r;
      if (n == name + "-pinned-data") pinned = &r;
    }
    REQUIRE(cm);
    REQUIRE(deployment);
    const Value config = ReadYamlValue(cm->Find("data")->Find("config.yaml")->text);
    const Value& source = config.Find("sources")->items.at(0);
    const Value& old_spec = *doc.Find("spec");
    const Value* sync = Path(&old_spec, {"syncPolicy", "interval"});
    CHECK(Path(&source, {"syncPolicy", "interval"})->text == (sync ? sync->text : "24h"));
    CHECK(Path(&config, {"database", "host"})->text == "postgres.db");
    CHECK(Path(&config, {"database", "port"})->text == "5432");
    CHECK(Path(&config, {"database", "database"})->text == "registry");
    CHECK(Path(&config, {"auth", "mode"})->text == "anonymous");
    // Every example is ToolHive-format data: pinned in RegistryData <name>-pinned-data with
    // the registry's source, filter and syncPolicy as they were.
    const Value* data_doc = nullptr;
    for (const Value& o : outputs)
      if (o.Find("kind")->text == "RegistryData" &&
          o.Find("metadata")->Find("name")->text == name + "-pinned-data")
        data_doc = &o;
    REQUIRE(data_doc);
    for (const char* key : {"source", "filter", "syncPolicy"}) {
      CAPTURE(key);
      const Value* want = old_spec.Find(key);
      const Value* got = data_doc->Find("spec")->Find(key);
      CHECK((want ? *want : Value()) == (got ? *got : Value()));
    }
    CHECK_FALSE(source.Find("filter"));  // filtered before the server sees it
    // The file source reads registry.json of a volume of ConfigMap <name>-pinned-data.
    const std::string file = Path(&source, {"file", "path"})->text;
    const Value& pod = *Path(deployment, {"spec", "template", "spec"});
    bool wired = false;
    for (const Value& mount : pod.Find("containers")->items.at(0).Find("volumeMounts")->items) {
      if (file != mount.Find("mountPath")->text + "/registry.json") continue;
      for (const Value& volume : pod.Find("volumes")->items)
        if (volume.Find("name")->text == mount.Find("name")->text)
          wired = Path(&volume, {"configMap", "name"})->text == name + "-pinned-data";
    }
    CHECK(wired);
    if (old_spec.Find("source")->Find("git")) {
      CHECK_FALSE(pinned);  // not fetched here (thv-render sync does)
      continue;
    }
    // The pinned ConfigMap holds the servers 7002a239b served after its filter, by their
    // upstream (reverse-DNS) names.
    REQUIRE(pinned);
    const Value upstream = ReadYamlValue(pinned->Find("data")->Find("registry.json")->text);
    std::vector<std::string> got;
    for (const Value& server : Path(&upstream, {"data", "servers"})->items) {
      const std::string n = server.Find("name")->text;
      got.push_back(n.substr(n.rfind('/') + 1));
    }
    std::vector<std::string> want =
        ToolhiveNames(old_data.at(ns + "/" + name).content.registry_json);
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    CHECK_FALSE(want.empty());
    CHECK(got == want);
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
      std::string(kRegistryR) + "  source:\n    type: configmap\n    configmap: {name: data}\n";
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

TEST_CASE("migrate: upstream-format MCPRegistry data keeps its source and filter in configYAML") {
  Diagnostics diags;
  const std::string out =
      MigrateText(std::string(kRegistryR) +
                      "  source:\n    type: configmap\n    format: upstream\n"
                      "    configmap: {name: data}\n  syncPolicy: {interval: 1h}\n"
                      "  filter:\n    names:\n      include: [a-*]  # only a\n",
                  &diags, RegistryFlags());
  REQUIRE_FALSE(diags.HasErrors());
  for (const char* part :
       {"      filter:\n        names:\n          include:\n          - \"a-*\"  # only a\n",
        "path: /config/registry/r/registry.json"})
    CHECK(out.find(part) != std::string::npos);
  CHECK(out.find("RegistryData") == std::string::npos);
  CHECK(Mentions(diags, "note: the v0.44.0 registry server reads only toolhive-core's"));
}

TEST_CASE("migrate: a filter on the file's last line, without a line feed, copies no comments") {
  Diagnostics diags;
  const std::string out =
      MigrateText("# the team's registry\n" + std::string(kRegistryR) +
                      "  source:\n    type: configmap\n    format: upstream\n"
                      "    configmap: {name: data}\n  syncPolicy: {interval: 1h}\n"
                      "  filter: {names: {include: [a-*]}}",
                  &diags, RegistryFlags());
  REQUIRE_FALSE(diags.HasErrors());
  size_t first = out.find("# the team's registry");
  REQUIRE(first != std::string::npos);
  CHECK(out.find("# the team's registry", first + 1) == std::string::npos);
  CHECK(out.find("          - \"a-*\"") != std::string::npos);
}

TEST_CASE("migrate: a registry API, or upstream-format data at a URL, is read by the server") {
  Diagnostics diags;
  std::string out = MigrateText(std::string(kRegistryR) +
                                    "  source:\n    type: registry\n"
                                    "    registry: {endpoint: 'https://registry.example.com'}\n"
                                    "  filter:\n    names:\n      exclude: [old-*]\n",
                                &diags, RegistryFlags());
  REQUIRE_FALSE(diags.HasErrors());
  for (const char* part : {"      api:\n        endpoint: https://registry.example.com\n",
                           "      filter:\n        names:\n          exclude:\n"})
    CHECK(out.find(part) != std::string::npos);
  CHECK(out.find("RegistryData") == std::string::npos);
  CHECK(Mentions(diags, "reads this registry API itself"));

  Diagnostics url_diags;
  out = MigrateText(std::string(kRegistryR) +
                        "  source:\n    type: url\n    format: upstream\n"
                        "    url: {endpoint: 'https://data.example.com/r.json', timeout: 45s}\n",
                    &url_diags, RegistryFlags());
  REQUIRE_FALSE(url_diags.HasErrors());
  CHECK(out.find(
            "      file:\n        url: https://data.example.com/r.json\n        timeout: 45s\n") !=
        std::string::npos);
  CHECK(Mentions(url_diags, "note: the v0.44.0 registry server reads only toolhive-core's"));
}

TEST_CASE("migrate: pinned MCPRegistry data whose ConfigMap name is taken is refused") {
  const std::string taken = std::string(kRegistryR) +
                            "  source:\n    type: configmap\n    configmap: {name: data}\n"
                            "  syncPolicy: {interval: 1h}\n---\napiVersion: v1\nkind: ConfigMap\n"
                            "metadata: {name: r-pinned-data}\n";
  Diagnostics refused;
  CHECK(MigrateText(taken, &refused, RegistryFlags()) == taken);
  CHECK(Mentions(refused, "the pinned data would be ConfigMap r-pinned-data"));
  // Without syncPolicy the registry server still needs an interval for the file source.
  MigrateOptions no_interval = RegistryFlags();
  no_interval.registry_sync_interval.clear();
  Diagnostics manual;
  const std::string no_sync =
      std::string(kRegistryR) +
      "  source:\n    type: git\n    git: {repository: https://example.com/r}\n";
  CHECK(MigrateText(no_sync, &manual, no_interval) == no_sync);
  CHECK(Mentions(manual, "--registry-sync-interval"));
  Diagnostics with_flag;
  const std::string out = MigrateText(no_sync, &with_flag, RegistryFlags());
  REQUIRE_FALSE(with_flag.HasErrors());
  CHECK(Mentions(with_flag, "rereads the pinned data every 24h"));
  CHECK(out.find("kind: RegistryData\nmetadata:\n  name: r-pinned-data\nspec:\n  source:\n"
                 "    type: git\n    git: {repository: https://example.com/r}\n") !=
        std::string::npos);
}

}  // namespace thv
