// kustomize's own files among the inputs: configuration, skipped with one warning.
#include "cli/load.h"

#include <doctest/doctest.h>

#include "core/testing.h"
#include "targets/targets.h"

namespace thv {

namespace {

const char kConfigMap[] = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";

std::vector<Object> Load(MemoryDiskInterface* disk, const std::vector<std::string>& paths,
                         Diagnostics* diags) {
  LoadOptions options;
  options.input.target = &DefaultTarget();
  return LoadObjects(
      disk, paths, [](size_t, std::string*, std::string*) { return false; }, options, diags);
}

}  // namespace

TEST_CASE("IsKustomizeConfig: kustomize's Kustomization and Component, and its file names") {
  CHECK(IsKustomizeConfig("any.yaml", ReadYamlValue("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                                    "kind: Kustomization\nresources: [a.yaml]\n")));
  CHECK(IsKustomizeConfig("c.yaml", ReadYamlValue("apiVersion: kustomize.config.k8s.io/v1alpha1\n"
                                                  "kind: Component\n")));
  for (const char* name : {"dir/kustomization.yaml", "kustomization.yml", "a/b/Kustomization"})
    CHECK(IsKustomizeConfig(name, ReadYamlValue("resources: [a.yaml]\nnamespace: x\n")));
  // Objects, whatever the file is called: Flux's Kustomization is a custom resource.
  CHECK_FALSE(IsKustomizeConfig(
      "kustomization.yaml",
      ReadYamlValue("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n")));
  CHECK_FALSE(IsKustomizeConfig("kustomization.yaml", ReadYamlValue(kConfigMap)));
  CHECK_FALSE(IsKustomizeConfig("k.yaml", ReadYamlValue("resources: [a.yaml]\n")));
  CHECK_FALSE(IsKustomizeConfig(
      "k.yaml", ReadYamlValue("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Other\n")));
}

TEST_CASE("LoadObjects: a directory with a kustomization loads its objects, with one warning") {
  MemoryDiskInterface disk;
  disk.files["app/kustomization.yaml"] = "resources: [cm.yaml]\n";
  disk.files["app/cm.yaml"] = kConfigMap;
  disk.files["app/base/kustomization.yml"] =
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";
  disk.files["app/comp.yaml"] =
      "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n";
  Diagnostics diags;
  std::vector<Object> objects = Load(&disk, {"app"}, &diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(objects.size() == 2);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.file == "app/base/kustomization.yml");
  CHECK(d.message.find("(also in app/comp.yaml, app/kustomization.yaml)") != std::string::npos);
  CHECK(d.message.find("kubectl kustomize DIR | thv-render render -") != std::string::npos);
  CHECK(d.message.find("--enable-alpha-plugins") != std::string::npos);

  // Without them, no warning.
  Diagnostics none;
  CHECK(Load(&disk, {"app/cm.yaml"}, &none).size() == 1);
  CHECK(none.items().empty());
}

}  // namespace thv
