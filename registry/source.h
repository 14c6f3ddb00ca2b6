// A registry source: where an MCPRegistry's raw data comes from. ConfigMap data comes from the
// inputs; remote sources (url, git, registry API) go through one small interface so the
// resolve stage never touches the network itself.
#pragma once

#include <string>

#include "model/mcpregistry.h"

namespace thv {

struct FetchedData {
  std::string bytes;     // raw registry data as served
  std::string resolved;  // the final URL, or the git commit
};

class RemoteSource {
 public:
  virtual ~RemoteSource() = default;
  // Fetches the source's data, within its timeouts and retry policy; false with *err naming the
  // cause (HTTP status, timeout, DNS, TLS, missing ref or path).
  virtual bool Fetch(const RegistrySource& source, const SyncPolicy& retry, FetchedData* out,
                     std::string* err) = 0;
};

// What the MCPRegistry asked for, as one string: a changed spec makes its lock entry stale.
std::string DescribeSource(const RegistrySource& source);

}  // namespace thv
