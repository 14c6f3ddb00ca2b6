// `thv-render list` at v0.44.0: each kind's table is its CRD's printer columns
// (additionalPrinterColumns in targets/v0.44.0/crds, v1beta1), without Age. The columns read
// from spec are filled, and so is URL where the controller derives status.url from the spec
// alone (MCPServer, MCPRegistry, EmbeddingServer); the others only the operator's status holds
// (phase, Ready, counts) are empty, as kubectl shows them for an object with no status.
// EmbeddingServer's, MCPGroup's and MCPServerEntry's tables are beside those kinds
// (embeddingserver.h, groups.h).
#pragma once

#include "targets/target.h"

namespace thv {
namespace t0_44_0 {

extern const KindLister kServerList;           // STATUS READY REPLICAS URL
extern const KindLister kRemoteProxyList;      // PHASE REMOTE URL URL READY
extern const KindLister kRegistryList;         // STATUS READY REPLICAS URL
extern const KindLister kVirtualServerList;    // PHASE URL BACKENDS READY
extern const KindLister kCompositeToolList;    // WORKFLOW STATUS READY
extern const KindLister kTypedConfigList;      // TYPE VALID (MCPAuthzConfig, ...ExternalAuth...)
extern const KindLister kOidcConfigList;       // SOURCE VALID
extern const KindLister kTelemetryConfigList;  // ENDPOINT VALID TRACING METRICS
extern const KindLister kValidOnlyList;        // VALID (MCPToolConfig, MCPWebhookConfig)

}  // namespace t0_44_0
}  // namespace thv
