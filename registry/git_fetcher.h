// One file from a git repository at a branch, tag or commit (libgit2), through a cache of bare
// clones that concurrent runs share safely.
#pragma once

#include <string>

namespace thv {

struct GitRequest {
  std::string repository, branch, tag, commit, path;
  std::string netrc_file;  // credentials for git over HTTP(S) (--netrc-file); none when empty
  // Bounds the whole update (waiting for the cache lock, connecting, every read); <= 0: none.
  long timeout_ms = 0;
};

struct GitResult {
  std::string data;    // the file's bytes
  std::string commit;  // the resolved commit sha
};

// Precedence as the operator's: commit > branch > tag > default branch. The cache entry for a
// repository is locked (flock) while it is updated; a corrupt entry is deleted and cloned again.
// Errors name the repository with its credentials redacted.
bool GitFetchFile(const GitRequest& request, const std::string& cache_dir, GitResult* out,
                  std::string* err);

}  // namespace thv
