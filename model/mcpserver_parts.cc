#include "model/mcpserver_parts.h"

#include "model/decode.h"

namespace thv {

std::vector<HostVolume> DecodeHostVolumes(const Value& spec) {
  std::vector<HostVolume> volumes;
  if (const Value* list = spec.Find("volumes"); list && list->IsSequence()) {
    for (const Value& v : list->items)
      volumes.push_back({GetString(v, "name"), GetString(v, "hostPath"), GetString(v, "mountPath"),
                         GetBool(v, "readOnly")});
  }
  return volumes;
}

CpuMemory DecodeCpuMemory(const Value& spec, const char* key) {
  const Value* resources = GetObject(spec, "resources");
  const Value* list = resources ? GetObject(*resources, key) : nullptr;
  return list ? CpuMemory{GetString(*list, "cpu"), GetString(*list, "memory")} : CpuMemory{};
}

}  // namespace thv
