#include "targets/v0.44.0/list.h"

#include <string>
#include <vector>

#include "model/decode.h"
#include "targets/v0.44.0/mcpserver.h"

namespace thv {
namespace t0_44_0 {

namespace {

using Cells = std::vector<std::string>;

// The string at a dotted spec path, as kubectl prints a column's value: "" when absent; a
// boolean column prints true/false.
std::string SpecField(const Object& o, std::initializer_list<const char*> path) {
  const Value* v = GetObject(o.doc, "spec");
  for (const char* key : path) v = v && v->IsMapping() ? v->Find(key) : nullptr;
  return v && v->IsScalar() && !v->IsNull() ? v->text : "";
}

// status.url as the controller sets it on its first reconcile (mcpserver_controller.go:514-519).
Cells Server(const Object& o, const std::vector<Object>&) {
  return {"", "", "", ServiceUrl(DecodeMCPServer(o))};
}
// status.url once the registry API is ready (mcpregistry_controller.go:307-312; the Service
// <name>-api, mcpregistry_types.go:247-250).
Cells Registry(const Object& o, const std::vector<Object>&) {
  return {"", "", "", "http://" + o.meta.name + "-api." + o.meta.namespace_ + ":8080"};
}
Cells RemoteProxy(const Object& o, const std::vector<Object>&) {
  return {"", SpecField(o, {"remoteUrl"}), "", ""};
}
// status.url once its Service exists (ensureServiceURL, createVmcpServiceURL,
// virtualmcpserver_controller.go:1687-1695,2277-2280).
Cells VirtualServer(const Object& o, const std::vector<Object>&) {
  return {"", "http://vmcp-" + o.meta.name + "." + o.meta.namespace_ + ".svc.cluster.local:4483",
          "", ""};
}
Cells CompositeTool(const Object& o, const std::vector<Object>&) {
  return {SpecField(o, {"name"}), "", ""};
}
Cells TypedConfig(const Object& o, const std::vector<Object>&) {
  return {SpecField(o, {"type"}), ""};
}
Cells TelemetryConfig(const Object& o, const std::vector<Object>&) {
  return {SpecField(o, {"openTelemetry", "endpoint"}), "",
          SpecField(o, {"openTelemetry", "tracing", "enabled"}),
          SpecField(o, {"openTelemetry", "metrics", "enabled"})};
}
Cells ValidOnly(const Object&, const std::vector<Object>&) { return {""}; }

}  // namespace

const KindLister kServerList = {{"STATUS", "READY", "REPLICAS", "URL", nullptr}, Server};
const KindLister kRemoteProxyList = {{"PHASE", "REMOTE URL", "URL", "READY", nullptr}, RemoteProxy};
const KindLister kRegistryList = {{"STATUS", "READY", "REPLICAS", "URL", nullptr}, Registry};
const KindLister kVirtualServerList = {{"PHASE", "URL", "BACKENDS", "READY", nullptr},
                                       VirtualServer};
const KindLister kCompositeToolList = {{"WORKFLOW", "STATUS", "READY", nullptr}, CompositeTool};
const KindLister kTypedConfigList = {{"TYPE", "VALID", nullptr}, TypedConfig};
const KindLister kOidcConfigList = {{"SOURCE", "VALID", nullptr}, TypedConfig};
const KindLister kTelemetryConfigList = {{"ENDPOINT", "VALID", "TRACING", "METRICS", nullptr},
                                         TelemetryConfig};
const KindLister kValidOnlyList = {{"VALID", nullptr}, ValidOnly};

}  // namespace t0_44_0
}  // namespace thv
