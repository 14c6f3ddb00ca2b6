// checksum.HashRawJSON (pkg/runconfig/configmap/checksum/checksum.go:189-203 at v0.44.0), as the
// MCPRemoteProxy, VirtualMCPServer and MCPRegistry Deployments' podtemplatespec-hash uses it.
#include "targets/v0.44.0/pod_template_patch.h"

#include <doctest/doctest.h>

#include "core/sha256.h"

namespace thv {
namespace t0_44_0 {

namespace {

Value Map(std::initializer_list<std::pair<const char*, Value>> members) {
  Value m = Value::Mapping();
  for (const auto& [k, v] : members) m.Set(k, v);
  return m;
}

}  // namespace

TEST_CASE("HashRawJson: sha256 of json.Marshal of the raw JSON unmarshalled into any") {
  // Keys sorted bytewise, compact, numbers as float64 (1.50 -> 1.5, 1e3 -> 1000).
  const Value raw =
      Map({{"spec",
            Map({{"priority", Value::Number("1e3", true)},
                 {"nodeSelector", Map({{"b", Value::String("x")}, {"a", Value::String("<&>")}})}})},
           {"metadata", Map({{"labels", Map({{"w", Value::Number("1.50", true)}})}})}});
  CHECK(HashRawJson(raw) == Sha256Hex(R"({"metadata":{"labels":{"w":1.5}},"spec":{"nodeSelector":)"
                                      R"({"a":"\u003c\u0026\u003e","b":"x"},"priority":1000}})"));
  CHECK(HashRawJson(Value::Mapping()) == Sha256Hex("{}"));
}

TEST_CASE("HashRawJson: a number that overflows float64 fails json.Unmarshal: no hash") {
  // HashRawJSON returns an error and every v0.44.0 caller then omits the annotation
  // (virtualmcpserver_deployment.go:934-939, mcpremoteproxy_deployment.go:406-411,
  // registryapi/deployment.go:249-254), where ServedJson would still hash the raw text.
  const Value raw = Map({{"spec", Map({{"x", Value::Number("1e400", true)}})}});
  CHECK(HashRawJson(raw).empty());
  CHECK(HashRawJson(Map({{"x", Value::Number("-1e400", true)}})).empty());
  CHECK(ServedJson(raw) == R"({"spec":{"x":1e400}})");
}

}  // namespace t0_44_0
}  // namespace thv
