// Parts of the proxy runner's RunConfig (toolhive pkg/runner/config.go) that every operator
// release fills in alike from an MCPServer.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/mcpserver_parts.h"

namespace thv {

// cmd_args (when there are any), name, container_name, base_name, transport, host and port, in
// the RunConfig's field order. An MCPServer's name is a DNS-1123 name and so its own sanitized
// container name (WithContainerName): the three names are the same.
void SetRunConfigProcess(Value* rc, const MCPServerCommon& server, const std::string& name,
                         const std::string& host, int port);

// volumes, "host:container[:ro]" per spec.volumes entry; unset when there are none.
void SetRunConfigVolumes(Value* rc, const std::vector<HostVolume>& volumes);

}  // namespace thv
