// The lock file pins each remote registry source so renders are reproducible: what was fetched
// (resolved URL or commit), its sha256, and when. The content itself lives beside the lock, in
// <lock>.d/<sha256>.json, so a render from a clean checkout (Argo CD, CI) needs no network.
#pragma once

#include <map>
#include <string>

namespace thv {

struct LockEntry {
  std::string type;        // url, git, registry
  std::string source;      // what the MCPRegistry asked for; a change makes the entry stale
  std::string resolved;    // final URL or git commit
  std::string sha256;      // of the fetched bytes
  std::string fetched_at;  // RFC 3339, UTC
};

struct LockFile {
  std::map<std::string, LockEntry> entries;  // keyed by <namespace>/<name> of the MCPRegistry
};

// Parses lock file text; false and *err on malformed input.
bool ParseLockFile(const std::string& text, LockFile* lock, std::string* err);
// Deterministic text: keys sorted, two-space indent, trailing newline.
std::string SerializeLockFile(const LockFile& lock);

// Directory holding locked content for a lock file path: "<lock>.d".
std::string LockContentDir(const std::string& lock_path);
std::string LockContentPath(const std::string& lock_path, const std::string& sha256);

}  // namespace thv
