// The real RemoteSource: url and registry API sources over libcurl, git sources over libgit2
// with a clone cache.
#pragma once

#include <string>

#include "registry/source.h"

namespace thv {

struct NetworkOptions {
  std::string ca_file;     // extra trust for private CAs (--ca-file), else SSL_CERT_FILE / system
  std::string cache_dir;   // git clones; default $XDG_CACHE_HOME/thv-render
  std::string netrc_file;  // credentials by host for HTTP(S) and git over HTTP(S) (--netrc-file)
  long connect_timeout_ms = 10000;
};

class NetworkSource : public RemoteSource {
 public:
  explicit NetworkSource(NetworkOptions options) : options_(std::move(options)) {}
  bool Fetch(const RegistrySource& source, const SyncPolicy& retry, FetchedData* out,
             std::string* err) override;

 private:
  NetworkOptions options_;
};

// $XDG_CACHE_HOME/thv-render, else ~/.cache/thv-render.
std::string DefaultCacheDir();

}  // namespace thv
