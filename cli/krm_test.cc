#include "cli/krm.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("KRM function: items kept, rendered objects appended, tool config found among items") {
  const char* in = R"(apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
- apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPToolConfig
  metadata: {name: tools, namespace: default}
  spec: {toolsFilter: [fetch]}
functionConfig:
  apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPServer
  metadata:
    name: fetch
    annotations: {config.kubernetes.io/path: fetch.yaml}
  spec:
    image: ghcr.io/stackloklabs/gofetch/server
    toolConfigRef: {name: tools}
)";
  std::string out;
  CHECK(RunKrmFunction(in, {}, &out) == 0);
  CHECK(out.rfind("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n", 0) == 0);
  CHECK(out.find("kind: MCPToolConfig") != std::string::npos);
  CHECK(out.find("name: fetch-runconfig") != std::string::npos);
  CHECK(out.find("\"tools_filter\": [") != std::string::npos);
  CHECK(out.find("results:") == std::string::npos);
}

TEST_CASE("KRM function: errors become results with field and file, and a non-zero exit") {
  const char* in = R"(apiVersion: config.kubernetes.io/v1
kind: ResourceList
items: []
functionConfig:
  apiVersion: toolhive.stacklok.dev/v1alpha1
  kind: MCPServer
  metadata:
    name: bad
    annotations: {internal.config.kubernetes.io/path: servers/bad.yaml}
  spec: {image: x, port: 0}
)";
  std::string out;
  CHECK(RunKrmFunction(in, {}, &out) == 1);
  CHECK(out.find("results:\n- message: ") != std::string::npos);
  CHECK(out.find("severity: error") != std::string::npos);
  CHECK(out.find("path: spec.port") != std::string::npos);
  CHECK(out.find("path: servers/bad.yaml") != std::string::npos);
  CHECK(out.find("kind: Deployment") == std::string::npos);
  std::string garbage;
  CHECK(RunKrmFunction("kind: Something\n", {}, &garbage) == 1);
  CHECK(garbage.find("expected one ResourceList") != std::string::npos);
}

}  // namespace thv
