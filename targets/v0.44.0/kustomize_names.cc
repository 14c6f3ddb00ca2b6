// Names the v0.44.0 objects hold inside strings, for the kustomize transformer
// (render/kustomize_names.h). An MCPServer's: the pod patch's PodSpec names; the RunConfig's
// names of the server (the proxy names its workload after them, runconfig.go) and its resource
// URL (http://<name>.<namespace>.svc.cluster.local:<port> unless given,
// controllers/mcpserver_runconfig.go), the bearer token Secret, the rate limiter's namespace; the
// telemetry resource's namespace. The RunConfig's content checksum is on its ConfigMap and the
// Deployment's pod template.
#include "render/kustomize_names.h"
#include "targets/v0.44.0/target.h"

namespace thv {
namespace t0_44_0 {

namespace {

#define THV_RUNCONFIG(path, form) \
  { "ConfigMap", "%-runconfig", "data runconfig.json", path, form }
const NameInString kServerNames[] = {
    THV_RUNCONFIG("name", "{name}"),
    THV_RUNCONFIG("container_name", "{name}"),
    THV_RUNCONFIG("base_name", "{name}"),
    THV_RUNCONFIG("container_labels.toolhive-name", "{name}"),
    THV_RUNCONFIG("container_labels.toolhive-basename", "{name}"),
    THV_RUNCONFIG("oidc_config.ResourceURL", "http://{name}.{namespace}.svc.cluster.local:{*}"),
    THV_RUNCONFIG("middleware_configs[].parameters.oidc_config.ResourceURL",
                  "http://{name}.{namespace}.svc.cluster.local:{*}"),
    THV_RUNCONFIG("middleware_configs[].parameters.server_name", "{name}"),
    THV_RUNCONFIG("middleware_configs[].parameters.namespace", "{namespace}"),
    THV_RUNCONFIG("remote_auth_config.bearer_token", "{Secret *},target={*}"),
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "{*}service.namespace={namespace}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef THV_RUNCONFIG

const NameInString* const kServerTables[] = {kPodPatchNames, kServerNames, nullptr};

const ContentChecksum kServerChecksums[] = {
    {"%-runconfig", "toolhive.stacklok.dev/content-checksum", "toolhive.stacklok.io/", "%",
     "toolhive.stacklok.dev/runconfig-checksum"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

const RenamedKind kRenamedKinds[] = {
    {"MCPServer", "Deployment", "%", "app.kubernetes.io/name=mcpserver",
     "app.kubernetes.io/instance", kServerTables, kServerChecksums},
    {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace t0_44_0
}  // namespace thv
