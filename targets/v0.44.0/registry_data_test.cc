// An MCPRegistry that mounts a RegistryData's ConfigMap, checked against its configYAML
// (targets/v0.44.0/registry_data.h).
#include "targets/v0.44.0/registry_data.h"

#include <doctest/doctest.h>

#include <string>

#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kData[] = R"(apiVersion: render.thv-render.stacklok.dev/v1alpha1
kind: RegistryData
metadata: {name: data, namespace: ns}
spec:
  source: {type: configmap, configmap: {name: src, key: registry.json}}
---
)";

// An MCPRegistry whose configYAML reads `path`, with volumes and mounts as given.
std::string Registry(const std::string& path, const std::string& volumes,
                     const std::string& mounts) {
  return std::string(kData) +
         "apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPRegistry\n"
         "metadata: {name: r, namespace: ns}\nspec:\n  configYAML: |\n    sources:\n"
         "      - name: prod\n        file: {path: " +
         path + "}\n    registries: [{name: default, sources: [prod]}]\n  volumes: " + volumes +
         "\n" + (mounts.empty() ? "" : "  volumeMounts: " + mounts + "\n");
}

}  // namespace

TEST_CASE("RegistryData volume: items without registry.json are an error at them") {
  RenderRun r = RunAt044(Registry(
      "/data/registry.json",
      "[{name: d, configMap: {name: data, items: [{key: other.json, path: registry.json}]}}]",
      "[{name: d, mountPath: /data}]"));
  REQUIRE(r.errors.size() == 1);
  CHECK(
      r.HasError("spec.volumes[0].configMap.items: Invalid value: RegistryData ns/data renders "
                 "ConfigMap data with the key registry.json, which these items leave out"));
  CHECK(r.out.empty());  // the operator's objects are not rendered half-right
}

TEST_CASE("RegistryData volume: read where it is mounted, no finding") {
  // mountPath + item path
  CHECK(RunAt044(Registry("/data/registry.json", "[{name: d, configMap: {name: data}}]",
                          "[{name: d, mountPath: /data, readOnly: true}]"))
            .warnings.size() == 1);  // only the CRD's deprecation warning
  // an item renamed
  RenderRun renamed = RunAt044(Registry(
      "/data/upstream.json",
      "[{name: d, configMap: {name: data, items: [{key: registry.json, path: upstream.json}]}}]",
      "[{name: d, mountPath: /data/}]"));
  CHECK(renamed.errors.empty());
  CHECK(!renamed.HasWarning("RegistryData"));
  // subPath names the file itself
  RenderRun sub =
      RunAt044(Registry("/srv/reg.json", "[{name: d, configMap: {name: data}}]",
                        "[{name: d, mountPath: /srv/reg.json, subPath: registry.json}]"));
  CHECK(sub.errors.empty());
  CHECK(!sub.HasWarning("RegistryData"));
  CHECK(sub.Find("Deployment", "r-api"));
}

TEST_CASE(
    "RegistryData volume: mounted where no file source reads it is a warning naming the path") {
  RenderRun r =
      RunAt044(Registry("/data/production/registry.json", "[{name: d, configMap: {name: data}}]",
                        "[{name: d, mountPath: /data/prod}]"));
  CHECK(r.errors.empty());
  CHECK(
      r.HasWarning("spec.volumes[0]: RegistryData ns/data's registry.json is mounted at "
                   "/data/prod/registry.json, but no configYAML file source reads it; use "
                   "`file: {path: /data/prod/registry.json}`"));
  CHECK(r.Find("Deployment", "r-api"));  // a warning: the operator still creates it
  RenderRun unmounted =
      RunAt044(Registry("/data/registry.json", "[{name: d, configMap: {name: data}}]", ""));
  CHECK(
      unmounted.HasWarning("spec.volumes[0]: RegistryData ns/data's registry.json is not "
                           "mounted by spec.volumeMounts"));
  // A subPath of another file of the volume does not put registry.json there.
  RenderRun other = RunAt044(Registry("/srv/reg.json", "[{name: d, configMap: {name: data}}]",
                                      "[{name: d, mountPath: /srv/reg.json, subPath: x.json}]"));
  CHECK(other.HasWarning("is not mounted by spec.volumeMounts"));
}

TEST_CASE("RegistryData volume: a ConfigMap that is no RegistryData is not checked") {
  RenderRun r = RunAt044(Registry(
      "/x/registry.json", "[{name: d, configMap: {name: plain, items: [{key: a, path: b}]}}]",
      "[{name: d, mountPath: /data}]"));
  CHECK(r.errors.empty());
  CHECK(!r.HasWarning("RegistryData"));
}

TEST_CASE("RegistryData is read like a ToolHive kind: schema-checked, namespace defaulted") {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsAt044(
      "apiVersion: render.thv-render.stacklok.dev/v1alpha1\nkind: RegistryData\n"
      "metadata: {name: data}\nspec:\n  source: {type: configmap, configmap: {name: s, key: k}}\n"
      "  syncPolicy: {interval: 1h}\n",
      &diags);
  REQUIRE(objects.size() == 1);
  CHECK(!diags.HasErrors());
  CHECK(objects[0].meta.namespace_ == "default");
  CHECK(objects[0].namespace_defaulted);
  REQUIRE(objects[0].toolhive);
  CHECK(objects[0].toolhive->role == KindRole::kRendered);
  Diagnostics bad;
  ObjectsAt044(
      "apiVersion: render.thv-render.stacklok.dev/v1alpha1\nkind: RegistryData\n"
      "metadata: {name: data}\nspec:\n  source: {type: configmap}\n  bogus: 1\n",
      &bad);
  CHECK(bad.items().size() >= 1);  // the unknown field at least (a warning unless --strict)
  bool named = false;
  for (const Diagnostic& d : bad.items()) named = named || d.path == "spec.bogus";
  CHECK(named);
}

}  // namespace t0_44_0
}  // namespace thv
