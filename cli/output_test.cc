#include "cli/output.h"

#include <doctest/doctest.h>

#include "core/yaml_reader.h"

namespace thv {

namespace {

Value Role(const std::string& name) {
  Value doc = Value::Mapping();
  doc.Set("apiVersion", Value::String("rbac.authorization.k8s.io/v1"));
  doc.Set("kind", Value::String("Role"));
  doc.Set("metadata", Value::Mapping()).Set("name", Value::String(name));
  return doc;
}

}  // namespace

TEST_CASE("CheckOutputDir refuses a directory that is, holds or lies inside an input") {
  MemoryDiskInterface disk;
  disk.files["deploy/mcp/a.yaml"] = "";
  disk.files["deploy/notes.txt"] = "";
  std::string target, err;
  CHECK(CheckOutputDir(&disk, "rendered", {"deploy/mcp"}, true, &target, &err));
  CHECK(target == "rendered");
  CHECK(CheckOutputDir(&disk, "deploy/rendered", {"deploy/mcp"}, true, &target, &err));
  struct Case {
    const char* dir;
    const char* input;
    const char* why;
  };
  for (const Case& c : {Case{"deploy", "deploy", "is the input"},
                        Case{"deploy/", "./deploy/mcp/../", "is the input"},
                        Case{"deploy", "deploy/mcp", "holds the input"},
                        Case{"deploy", "deploy/mcp/a.yaml", "holds the input"},
                        Case{"deploy/mcp/out", "deploy/mcp", "lies inside the input"},
                        Case{"deploy/mcp/out", "deploy", "lies inside the input"}}) {
    CAPTURE(c.dir);
    CAPTURE(c.input);
    CHECK(!CheckOutputDir(&disk, c.dir, {"other", c.input}, false, &target, &err));
    CHECK(err.find(c.why) != std::string::npos);
  }
  CHECK(!CheckOutputDir(&disk, "deploy/notes.txt", {}, true, &target, &err));
  CHECK(err == "--output-dir deploy/notes.txt: exists and is not a directory");
}

TEST_CASE("CheckOutputDir replaces only a directory thv-render wrote") {
  MemoryDiskInterface disk;
  disk.files["out/kustomization.yaml"] = "resources:\n- a.yaml\n- b.yaml\n";
  disk.files["out/a.yaml"] = "";
  disk.files["out/b.yaml"] = "";
  std::string target, err;
  CHECK(CheckOutputDir(&disk, "out", {}, true, &target, &err));
  disk.files["out/README.md"] = "";
  disk.files["out/sub/c.yaml"] = "";
  CHECK(!CheckOutputDir(&disk, "out", {}, true, &target, &err));
  CHECK(err.find("holds files thv-render did not write (README.md, sub)") != std::string::npos);
  CHECK(CheckOutputDir(&disk, "out", {}, false, &target, &err));  // --check only reads it
  disk.files.erase("out/kustomization.yaml");
  disk.files.erase("out/README.md");
  disk.files.erase("out/sub/c.yaml");
  CHECK(!CheckOutputDir(&disk, "out", {}, true, &target, &err));  // no kustomization.yaml
  CHECK(err.find("(a.yaml, b.yaml)") != std::string::npos);
}

TEST_CASE("--output-dir files: names differing only in case stay apart; kustomization is YAML") {
  RenderedOutput output(RenderedOutput::Format::kDir);
  Diagnostics diags;
  for (const char* name : {"Admin", "admin", "ADMIN", "a#b: c"}) output.Add(Role(name), &diags);
  CHECK(!diags.HasErrors());
  std::vector<RenderedFile> files = output.TakeFiles();
  std::vector<std::string> names;
  for (const RenderedFile& f : files) names.push_back(f.name);
  CHECK(names == std::vector<std::string>{"rbac.authorization.k8s.io_v1_role_admin.yaml",
                                          "rbac.authorization.k8s.io_v1_role_admin_2.yaml",
                                          "rbac.authorization.k8s.io_v1_role_admin_3.yaml",
                                          "rbac.authorization.k8s.io_v1_role_a#b: c.yaml",
                                          "kustomization.yaml"});
  std::vector<Value> docs;
  ReadYamlDocuments("kustomization.yaml", files.back().contents, &docs, &diags);
  REQUIRE(docs.size() == 1);
  const Value* resources = docs[0].Find("resources");
  REQUIRE(resources);
  REQUIRE(resources->items.size() == 4);
  CHECK(resources->items[3].text == "rbac.authorization.k8s.io_v1_role_a#b: c.yaml");
}

}  // namespace thv
