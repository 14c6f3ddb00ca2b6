#include "registry/network_source.h"

#include <cstdlib>

#include "registry/git_fetcher.h"
#include "registry/http_fetcher.h"

namespace thv {

std::string DefaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/thv-render";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.cache/thv-render";
}

// A git source has no timeout field, and a first clone of a large repository takes a while:
// 5 minutes, or THV_RENDER_GIT_TIMEOUT seconds.
long GitTimeoutMs() {
  const char* seconds = std::getenv("THV_RENDER_GIT_TIMEOUT");
  const long parsed = seconds ? std::atol(seconds) : 0;
  return (parsed > 0 ? parsed : 300) * 1000;
}

bool NetworkSource::Fetch(const RegistrySource& source, const SyncPolicy& retry, FetchedData* out,
                          std::string* err) {
  HttpOptions http;
  http.connect_timeout_ms = options_.connect_timeout_ms;
  http.total_timeout_ms = source.timeout_ms;
  http.max_attempts = retry.max_attempts;
  http.backoff_ms = retry.backoff_ms;
  http.ca_file = options_.ca_file;
  http.netrc_file = options_.netrc_file;
  switch (source.type) {
    case SourceType::kUrl: {
      HttpResult result;
      if (!HttpGet(source.endpoint, http, &result, err)) return false;
      out->bytes = std::move(result.body);
      out->resolved = result.final_url;
      return true;
    }
    case SourceType::kRegistryApi:
      return FetchRegistryApi(source.endpoint, http, &out->bytes, &out->resolved, err);
    case SourceType::kGit: {
      GitRequest request{source.repository, source.branch,       source.tag,    source.commit,
                         source.path,       options_.netrc_file, GitTimeoutMs()};
      GitResult result;
      const std::string cache = options_.cache_dir.empty() ? DefaultCacheDir() : options_.cache_dir;
      if (!GitFetchFile(request, cache + "/git", &result, err)) return false;
      out->bytes = std::move(result.data);
      out->resolved = result.commit;
      return true;
    }
    case SourceType::kConfigMap:
      break;
  }
  *err = "not a remote source";
  return false;
}

}  // namespace thv
