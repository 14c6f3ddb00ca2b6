// Goldens of a VirtualMCPServer's outgoing auth at v0.44.0 (targets/v0.44.0/vmcp_outgoing_auth.h):
// every strategy type named in the spec, and auth discovered from the group's workloads in
// discovered and static mode. config.yaml of each was compared with Go's yaml.v3 (notes).
#include "cli/app_testing.h"

namespace thv {

TEST_CASE("golden v0.44.0: VirtualMCPServer outgoing auth of every MCPExternalAuthConfig type") {
  const std::string dir = "testdata/servers/v0.44.0/vmcp-outgoing-auth/";
  CheckGolden({dir + "00-configs.yaml", dir + "20-spec-refs.yaml"},
              "v0.44.0/vmcp-outgoing-auth/spec-refs.yaml", kRenderV044);
  CheckGolden({dir + "00-configs.yaml", dir + "10-workloads.yaml", dir + "30-discovered.yaml",
               dir + "40-static.yaml"},
              "v0.44.0/vmcp-outgoing-auth/group.yaml", kRenderV044);
}

}  // namespace thv
