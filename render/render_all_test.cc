// RenderAll refuses what the API server would refuse, naming the input field to fix.
#include "render/render_all.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "targets/testing.h"

namespace thv {

namespace {

struct Result {
  std::vector<Value> docs;
  std::vector<std::string> errors;  // formatted diagnostics
};

Result Render(const std::string& yaml, RenderAllOptions options = {}) {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsFromYaml(yaml, &diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), FormatDiagnostic(diags.items().front()));
  Result r;
  r.docs = RenderAll(objects, options, &diags);
  for (const Diagnostic& d : diags.items())
    if (d.severity == Severity::kError) r.errors.push_back(FormatDiagnostic(d));
  return r;
}

std::string Server(const std::string& name, const std::string& spec = "") {
  return "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: " + name +
         "\n  namespace: ns\nspec:\n  image: ghcr.io/example/mcp:1\n" + spec;
}

std::string Registry(const std::string& name) {
  return "apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\nmetadata:\n  name: " +
         name + "\n  namespace: ns\nspec:\n  source: {type: configmap, configmap: {name: src}}\n";
}

RenderAllOptions WithRegistry(const std::string& name, std::string registry_json) {
  RenderAllOptions options;
  options.registries["ns/" + name] = RegistryContent{std::move(registry_json), "hash", ""};
  return options;
}

}  // namespace

TEST_CASE("a derived name too long for its kind is reported at metadata.name, once") {
  const std::string name(60, 'a');
  Result r = Render(Server(name));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == "test.yaml:4:9: metadata.name: Service \"mcp-" + name +
                           "-proxy\" would be rejected: metadata.name: Invalid value: \"mcp-" +
                           name +
                           "-proxy\": must be no more than 63 characters; the operator "
                           "(7002a239b) could not create it");
  // 64 characters also make every label value too long: still the one field to fix.
  r = Render(Server(std::string(64, 'b')));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].rfind("test.yaml:4:9: metadata.name: ", 0) == 0);
}

TEST_CASE("a name with dots cannot name the Service") {
  Result r = Render(Server("my.server"));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("metadata.name: Service \"mcp-my.server-proxy\" would be rejected: "
                         "metadata.name: Invalid value: \"mcp-my.server-proxy\": a DNS-1035 "
                         "label") != std::string::npos);
}

TEST_CASE("values from overrides are reported where the input wrote them") {
  Result r = Render(Server("s",
                           "  resourceOverrides:\n    proxyDeployment:\n"
                           "      env: [{name: 'A=B', value: v}]\n"
                           "      labels: {'bad key': v}\n"));
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[1].rfind("test.yaml:10:20: spec.resourceOverrides.proxyDeployment.env[0].name: "
                          "Deployment \"s\" would be rejected: spec.template.spec.containers[0]"
                          ".env[0].name: Invalid value: \"A=B\"",
                          0) == 0);
  CHECK(r.errors[0].rfind("test.yaml:11:16: spec.resourceOverrides.proxyDeployment.labels.bad "
                          "key: Deployment \"s\" would be rejected: metadata.labels: Invalid "
                          "value: \"bad key\"",
                          0) == 0);
}

TEST_CASE("an input field's own error is not reported again on the objects it reaches") {
  Result r = Render(Server("s", "  resources: {limits: {cpu: '-1'}}\n"));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "test.yaml:8:29: spec.resources.limits.cpu: Invalid value: \"-1\": must be "
        "greater than or equal to 0");
}

TEST_CASE("MCPRegistry objects") {
  Result r = Render(Registry("1reg"), WithRegistry("1reg", "{}"));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].rfind("test.yaml:4:9: metadata.name: Service \"1reg-api\" would be rejected: "
                          "metadata.name: Invalid value: \"1reg-api\": a DNS-1035 label",
                          0) == 0);

  // A registry whose storage ConfigMap is too large: its size, its name and what to do.
  r = Render(Registry("big"), WithRegistry("big", std::string(3 << 20, 'x')));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "test.yaml:1:1: ConfigMap \"big-registry-storage\" would be rejected: data: Too long: may "
        "not be more than 1048576 bytes (its data is 3145728 bytes); the operator (7002a239b) "
        "could not create it; narrow the registry with spec.filter or use a smaller source");
  CHECK(r.docs.empty() == false);  // the registry's Service and Deployment still render
}

TEST_CASE("an image no runtime can pull, from a flag, is reported at the object") {
  RenderAllOptions options;
  options.render.proxy_image = "Proxy:Latest";
  Result r = Render(Server("s"), options);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "test.yaml:1:1: Deployment \"s\" could never run: spec.template.spec.containers[0].image: "
        "Invalid value: \"Proxy:Latest\": invalid reference format: repository name "
        "(library/Proxy) must be lowercase; the operator (7002a239b) creates it, but its pods "
        "cannot start");
}

TEST_CASE("passed-through objects are refused at the offending node") {
  Result r = Render(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ns}\ndata:\n  count: 3\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "test.yaml:5:10: data[count]: ConfigMap \"c\" would be rejected: data[count]: "
        "Invalid value: 3: the ConfigMap cannot be decoded: json: cannot "
        "unmarshal number into a string (quote the value)");
  r = Render("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ns}\ndata: {k: " +
             std::string((1 << 20) + 1, 'x') + "}\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("data: ConfigMap \"c\" would be rejected: data: Too long: may not be "
                         "more than 1048576 bytes (its data is 1048577 bytes); split it into "
                         "smaller objects") != std::string::npos);
  r = Render(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: ns}\nspec:\n"
      "  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n"
      "    spec: {containers: [{name: c, image: 'Not An Image'}]}\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].rfind("test.yaml:8:42: spec.template.spec.containers[0].image: Deployment "
                          "\"d\" could never run: spec.template.spec.containers[0].image: Invalid "
                          "value: \"Not An Image\": invalid reference format",
                          0) == 0);
}

}  // namespace thv
