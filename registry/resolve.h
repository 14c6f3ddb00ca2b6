// The registry stage between loading inputs and rendering: for each MCPRegistry, get its raw
// data (ConfigMap from the inputs, remote sources from the lock or the network), then parse,
// convert, filter and serialize it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk_interface.h"
#include "model/object.h"
#include "registry/lock_file.h"
#include "registry/source.h"
#include "render/mcpregistry_render.h"

namespace thv {

enum class LockMode {
  kLocked,   // render: locked content when present, fetch (and record) what is missing
  kRefresh,  // render --refresh: fetch everything, leave the lock as it is
  kOffline,  // render --offline: never fetch; anything missing is an error
  kSync,     // sync: fetch everything and rewrite the lock
};

struct ResolveOptions {
  LockMode mode = LockMode::kLocked;
  std::string lock_path;                                  // empty: no lock file (stdin)
  std::string now;                                        // RFC 3339 time recorded for new fetches
  bool skip_remote = false;                               // validate: check ConfigMap sources only
  std::function<void(const std::string& what)> progress;  // told before each network fetch
};

struct ResolvedRegistry {
  RegistryContent content;
  size_t server_count = 0;
  std::string source_label;  // for list: configmap/<name>, git <repo>@<ref>, url, registry
  std::string fetched_at;    // lock time for remote sources, empty for ConfigMaps
};

struct ResolveResult {
  std::map<std::string, ResolvedRegistry> registries;  // by <namespace>/<name>
  LockFile lock;                                       // the lock to write back (if changed)
  bool lock_changed = false;
  bool fetch_failed = false;   // a remote source could not be fetched (exit 3)
  bool lock_required = false;  // a fetch would be recorded, but there is no lock file (exit 2)
  std::map<std::string, std::string> raw_content;  // raw source bytes, by registry
};

ResolveResult ResolveRegistries(const std::vector<Object>& objects, DiskInterface* disk,
                                RemoteSource* remote, const ResolveOptions& options,
                                Diagnostics* diags);

// Writes the lock file and any content it names that is not stored yet, each atomically.
bool WriteLock(DiskInterface* disk, const std::string& lock_path, const ResolveResult& result,
               std::string* err);

}  // namespace thv
