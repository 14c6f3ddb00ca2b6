// The operator's registry filters (cmd/thv-operator/pkg/filtering at 7002a239b), applied to
// container and remote servers alike; groups are never filtered.
//
// A server stays when both filters pass. Names (the registry map key): any matching exclude
// glob removes it; otherwise a non-empty include list keeps it only if some glob matches.
// Tags (exact, case-sensitive): any server tag in exclude removes it; otherwise a non-empty
// include list keeps it only if some server tag is listed, so a server without tags fails any
// non-empty include. Globs are Go's filepath.Match; where the operator silently drops servers
// on a malformed glob, thv-render reports an input error naming the pattern.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "registry/registry_types.h"

namespace thv {

struct IncludeExclude {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// MCPRegistry spec.filter: {names: {include, exclude}, tags: {include, exclude}}.
struct RegistryFilter {
  std::optional<IncludeExclude> names;
  std::optional<IncludeExclude> tags;
};

// The name filter alone (DefaultNameFilter.ShouldInclude); *reason gets Go's wording.
bool ShouldIncludeName(const std::string& name, const IncludeExclude& f, std::string* reason);
// The tag filter alone (DefaultTagFilter.ShouldInclude).
bool ShouldIncludeTags(const std::vector<std::string>& tags, const IncludeExclude& f,
                       std::string* reason);

// Malformed globs, e.g. "names.include[1]: invalid pattern '[a': syntax error in pattern".
std::vector<std::string> ValidateRegistryFilter(const RegistryFilter& filter);

// ApplyFilters in place. No filter (nullptr) leaves the registry untouched; with one, servers
// becomes a (possibly empty) map, and version, last_updated and groups are kept. For
// schema-valid data an empty filter and no filter write the same registry.json. False with
// *errors when a glob is malformed (the registry is then unchanged).
bool ApplyRegistryFilter(const RegistryFilter* filter, Registry* registry,
                         std::vector<std::string>* errors);

}  // namespace thv
