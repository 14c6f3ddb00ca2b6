// Typed model of MCPRegistry, accepting both the operator README's shape and the operator's
// real v1alpha1 shape (spec/mcpregistry.md section 1). Decoded from a schema-checked object.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/object.h"

namespace thv {

enum class SourceType { kConfigMap, kGit, kUrl, kRegistryApi };

struct RegistrySource {
  SourceType type = SourceType::kConfigMap;
  std::string type_name;  // as written: configmap, git, url, registry, api
  std::string format;     // toolhive | upstream
  // configmap
  std::string configmap_name, configmap_key;
  // git
  std::string repository, branch, tag, commit, path;
  // url / registry API
  std::string endpoint;
  int64_t timeout_ms = 30000;
  Mark mark;
};

struct NameTagFilter {
  std::vector<std::string> names_include, names_exclude, tags_include, tags_exclude;
  Mark mark;
};

struct SyncPolicy {
  bool automatic = false;  // absent or type manual: only on demand
  std::string interval;    // Go duration as written; empty when none
  int64_t interval_ms = 0;
  int max_attempts = 3;
  int64_t backoff_ms = 1000;
};

struct MCPRegistry {
  Object object;
  std::string display_name;
  RegistrySource source;
  NameTagFilter filter;
  SyncPolicy sync;
};

// Decodes and cross-checks an MCPRegistry (shapes that disagree, durations, missing source
// blocks); problems go to diags.
MCPRegistry DecodeMCPRegistry(Object object, Diagnostics* diags);

// Parses a Go duration ("1h30m", "500ms", "1.5s"); false when malformed.
bool ParseGoDuration(const std::string& text, int64_t* milliseconds);

}  // namespace thv
