// Names the 7002a239b objects hold inside strings, for the kustomize transformer
// (render/kustomize_names.h). An MCPServer's: the proxy's --name (its workload's name), the pod
// patch's PodSpec names, --resource-url (the proxy Service's URL unless given),
// --from-configmap (ConfigMap mode), the kubernetes OIDC client ID
// (<serviceAccount>.<namespace>.svc.cluster.local), the telemetry resource's namespace; the
// RunConfig's names of the server and its content checksum. An MCPRegistry's: the API's
// --registry-name.
#include "render/kustomize_names.h"
#include "targets/7002a239b/target.h"

namespace thv {
namespace t7002a239b {

namespace {

#define THV_RUNCONFIG(path) \
  { "ConfigMap", "%-runconfig", "data runconfig.json", path, "{name}" }
const NameInString kServerNames[] = {
    {"Deployment", "%", "args --name=", "", "{name}"},
    {"Deployment", "%", "args --resource-url=", "",
     "http://{Service mcp-%-proxy}.{namespace}.svc.cluster.local:{*}"},
    {"Deployment", "%", "args --from-configmap=", "", "{namespace}/{ConfigMap %-runconfig}"},
    {"Deployment", "%", "args --oidc-client-id=", "",
     "{ServiceAccount *}.{namespace}.svc.cluster.local"},
    {"Deployment", "%", "env OTEL_RESOURCE_ATTRIBUTES", "", "{*}service.namespace={namespace}"},
    THV_RUNCONFIG("name"),
    THV_RUNCONFIG("container_name"),
    THV_RUNCONFIG("base_name"),
    THV_RUNCONFIG("container_labels.toolhive-name"),
    THV_RUNCONFIG("container_labels.toolhive-basename"),
    {nullptr, nullptr, nullptr, nullptr, nullptr}};
#undef THV_RUNCONFIG

const NameInString* const kServerTables[] = {kPodPatchNames, kServerNames, nullptr};

const ContentChecksum kServerChecksums[] = {
    {"%-runconfig", "toolhive.stacklok.dev/content-checksum", OperatorConfigMapChecksum, nullptr,
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

const NameInString kRegistryNames[] = {
    {"Deployment", "%-api", "args --registry-name=", "", "{name}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

const NameInString* const kRegistryTables[] = {kRegistryNames, nullptr};

}  // namespace

const RenamedKind kRenamedKinds[] = {WithTables(kMcpServerAnchor, kServerTables, kServerChecksums),
                                     WithTables(kMcpRegistryAnchor, kRegistryTables, nullptr),
                                     RenamedKind{}};

}  // namespace t7002a239b
}  // namespace thv
