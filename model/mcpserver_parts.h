// Parts of an MCPServer's spec that every operator release shapes the same way (spec.volumes
// entries, spec.resources lists), decoded for the releases' typed models.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace thv {

struct HostVolume {
  std::string name;
  std::string host_path;
  std::string mount_path;
  bool read_only = false;
};

struct CpuMemory {
  std::string cpu;
  std::string memory;
};

// spec.volumes.
std::vector<HostVolume> DecodeHostVolumes(const Value& spec);
// spec.resources.<key> ("limits" or "requests"); empty when absent.
CpuMemory DecodeCpuMemory(const Value& spec, const char* key);

}  // namespace thv
