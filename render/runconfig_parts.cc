#include "render/runconfig_parts.h"

#include <utility>

#include "core/value_builder.h"

namespace thv {

void SetRunConfigProcess(Value* rc, const MCPServerCommon& server, const std::string& name,
                         const std::string& host, int port) {
  if (!server.args.empty()) rc->Set("cmd_args", StrList(server.args));
  rc->Set("name", Str(name));
  rc->Set("container_name", Str(name));
  rc->Set("base_name", Str(name));
  rc->Set("transport", Str(server.transport));
  rc->Set("host", Str(host));
  rc->Set("port", Int(port));
}

void SetRunConfigVolumes(Value* rc, const std::vector<HostVolume>& volumes) {
  if (volumes.empty()) return;
  Value list = Value::Sequence();
  for (const HostVolume& v : volumes)
    list.Append(Str(v.host_path + ":" + v.mount_path + (v.read_only ? ":ro" : "")));
  rc->Set("volumes", std::move(list));
}

}  // namespace thv
