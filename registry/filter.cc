#include "registry/filter.h"

#include <unordered_set>

#include "model/names.h"
#include "registry/glob.h"

namespace thv {

namespace {

void SetReason(std::string* reason, std::string text) {
  if (reason) *reason = std::move(text);
}

bool AnyGlob(const std::vector<std::string>& patterns, const std::string& name,
             const std::string** which) {
  for (const std::string& p : patterns) {
    if (GoFilepathMatch(p, name, nullptr)) {
      *which = &p;
      return true;
    }
  }
  return false;
}

// Tag lists become hash sets once per filter run, so large lists stay linear.
struct TagSets {
  std::unordered_set<std::string> include, exclude;
  explicit TagSets(const IncludeExclude& f)
      : include(f.include.begin(), f.include.end()), exclude(f.exclude.begin(), f.exclude.end()) {}
};

bool TagsPass(const std::vector<std::string>& tags, const IncludeExclude& f, const TagSets& sets,
              std::string* reason) {
  for (const std::string& t : tags) {
    if (sets.exclude.count(t)) {
      SetReason(reason, "excluded by tag '" + t + "'");
      return false;
    }
  }
  if (!f.include.empty()) {
    for (const std::string& t : tags) {
      if (sets.include.count(t)) {
        SetReason(reason, "included by tag '" + t + "'");
        return true;
      }
    }
    SetReason(reason, "no matching tags found in include list " + GoList(f.include) +
                          " (server tags: " + GoList(tags) + ")");
    return false;
  }
  if (!f.exclude.empty()) {
    SetReason(reason, "no matching tags in exclude list " + GoList(f.exclude) +
                          " (server tags: " + GoList(tags) + ")");
    return true;
  }
  SetReason(reason, "no tag filters specified");
  return true;
}

template <typename Map>
void FilterMap(Map* servers, const IncludeExclude& names, const IncludeExclude& tags) {
  TagSets sets(tags);
  for (auto it = servers->begin(); it != servers->end();) {
    bool keep = ShouldIncludeName(it->first, names, nullptr) &&
                TagsPass(it->second.tags, tags, sets, nullptr);
    it = keep ? std::next(it) : servers->erase(it);
  }
}

void CheckPatterns(const std::vector<std::string>& patterns, const char* list,
                   std::vector<std::string>* errors) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!GlobValid(patterns[i])) {
      errors->push_back(std::string(list) + "[" + std::to_string(i) + "]: invalid pattern '" +
                        patterns[i] + "': syntax error in pattern");
    }
  }
}

}  // namespace

bool ShouldIncludeName(const std::string& name, const IncludeExclude& f, std::string* reason) {
  const std::string* which = nullptr;
  if (AnyGlob(f.exclude, name, &which)) {
    SetReason(reason, "excluded by pattern '" + *which + "'");
    return false;
  }
  if (!f.include.empty()) {
    if (AnyGlob(f.include, name, &which)) {
      SetReason(reason, "included by pattern '" + *which + "'");
      return true;
    }
    SetReason(reason, "no match found in include patterns " + GoList(f.include));
    return false;
  }
  SetReason(reason, f.exclude.empty() ? "no name filters specified"
                                      : "no match in exclude patterns " + GoList(f.exclude));
  return true;
}

bool ShouldIncludeTags(const std::vector<std::string>& tags, const IncludeExclude& f,
                       std::string* reason) {
  return TagsPass(tags, f, TagSets(f), reason);
}

std::vector<std::string> ValidateRegistryFilter(const RegistryFilter& filter) {
  std::vector<std::string> errors;
  if (filter.names) {
    CheckPatterns(filter.names->include, "names.include", &errors);
    CheckPatterns(filter.names->exclude, "names.exclude", &errors);
  }
  return errors;
}

bool ApplyRegistryFilter(const RegistryFilter* filter, Registry* registry,
                         std::vector<std::string>* errors) {
  if (!filter) return true;
  std::vector<std::string> bad = ValidateRegistryFilter(*filter);
  if (!bad.empty()) {
    if (errors) errors->insert(errors->end(), bad.begin(), bad.end());
    return false;
  }
  IncludeExclude none;
  const IncludeExclude& names = filter->names ? *filter->names : none;
  const IncludeExclude& tags = filter->tags ? *filter->tags : none;
  if (!registry->servers) registry->servers.emplace();
  FilterMap(&*registry->servers, names, tags);
  FilterMap(&registry->remote_servers, names, tags);
  return true;
}

}  // namespace thv
