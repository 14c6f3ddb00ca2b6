#include "registry/resolve.h"

#include "core/sha256.h"
#include "model/decode.h"
#include "model/inputs.h"
#include "registry/conversion.h"
#include "registry/filter.h"
#include "registry/toolhive_format.h"

namespace thv {

std::string DescribeSource(const RegistrySource& s) {
  switch (s.type) {
    case SourceType::kConfigMap:
      return "configmap " + s.configmap_name + "/" + s.configmap_key;
    case SourceType::kGit: {
      std::string ref = !s.commit.empty()   ? "commit " + s.commit
                        : !s.branch.empty() ? "branch " + s.branch
                        : !s.tag.empty()    ? "tag " + s.tag
                                            : "default branch";
      return "git " + s.repository + " " + ref + " path " + s.path;
    }
    case SourceType::kUrl:
      return "url " + s.endpoint;
    case SourceType::kRegistryApi:
      return "registry " + s.endpoint;
  }
  return "";
}

namespace {

std::string Key(const Object& o) { return o.meta.namespace_ + "/" + o.meta.name; }

// The ConfigMap source: data from the inputs, in the registry's namespace.
bool ConfigMapData(const MCPRegistry& r, const std::vector<Object>& objects, std::string* data,
                   Diagnostics* diags) {
  const RegistrySource& s = r.source;
  const std::string& ns = r.object.meta.namespace_;
  const Object* cm = ObjectIndex(objects).Find("ConfigMap", ns, s.configmap_name);
  if (!cm) {
    diags->Error(
        r.object.origin.file, s.mark, "spec.source.configmap.name",
        "failed to get ConfigMap " + ns + "/" + s.configmap_name + ": not found among the inputs");
    return false;
  }
  const Value* d = GetObject(cm->doc, "data");
  const Value* value = d ? d->Find(s.configmap_key) : nullptr;
  if (!value || !value->IsString()) {
    diags->Error(
        r.object.origin.file, s.mark, "spec.source.configmap.key",
        "key " + s.configmap_key + " not found in ConfigMap " + ns + "/" + s.configmap_name);
    return false;
  }
  *data = value->text;
  return true;
}

}  // namespace

ResolveResult ResolveRegistries(const std::vector<Object>& objects, DiskInterface* disk,
                                RemoteSource* remote, const ResolveOptions& options,
                                Diagnostics* diags) {
  ResolveResult result;
  if (!options.lock_path.empty() && disk->Stat(options.lock_path) == DiskInterface::Kind::kFile) {
    std::string text, err;
    if (!disk->ReadFile(options.lock_path, &text, &err) || !ParseLockFile(text, &result.lock, &err))
      diags->Error(options.lock_path, Mark{}, "", "invalid lock file: " + err);
  }
  for (const Object& object : objects) {
    if (ToolhiveKindOf(object) != ToolhiveKind::kMCPRegistry) continue;
    const int errors_before = diags->error_count();
    MCPRegistry r = DecodeMCPRegistry(object, diags);
    if (diags->error_count() > errors_before) continue;
    const std::string key = Key(object);
    const std::string& file = object.origin.file;
    ResolvedRegistry resolved;
    resolved.source_label = DescribeSource(r.source);
    std::string raw, raw_sha;  // the hash of megabytes of data is computed once
    if (r.source.type == SourceType::kConfigMap) {
      if (!ConfigMapData(r, objects, &raw, diags)) continue;
    } else if (options.skip_remote) {
      continue;
    } else {
      const std::string description = DescribeSource(r.source);
      auto locked = result.lock.entries.find(key);
      const bool usable =
          locked != result.lock.entries.end() && locked->second.source == description;
      bool have = false;
      if (usable && (options.mode == LockMode::kLocked || options.mode == LockMode::kOffline)) {
        std::string err;
        const std::string path = LockContentPath(options.lock_path, locked->second.sha256);
        if (disk->ReadFile(path, &raw, &err) &&
            (raw_sha = Sha256Hex(raw)) == locked->second.sha256) {
          have = true;
          resolved.fetched_at = locked->second.fetched_at;
        } else if (options.mode == LockMode::kOffline) {
          diags->Error(file, r.source.mark, "spec.source",
                       "MCPRegistry " + key + ": locked content " + path +
                           " is missing or does not match its sha256; run thv-render sync");
          result.fetch_failed = true;
          continue;
        }
      }
      if (!have && options.mode == LockMode::kOffline) {
        diags->Error(
            file, r.source.mark, "spec.source",
            "MCPRegistry " + key + ": " + description +
                " is not in the lock file and --offline forbids fetching; run thv-render sync");
        result.fetch_failed = true;
        continue;
      }
      if (!have) {
        FetchedData fetched;
        std::string err;
        if (options.progress) options.progress(description);
        if (!remote || !remote->Fetch(r.source, r.sync, &fetched, &err)) {
          diags->Error(file, r.source.mark, "spec.source",
                       "MCPRegistry " + key + ": cannot fetch " + description + ": " +
                           (remote ? err : "no network access in this mode"));
          result.fetch_failed = true;
          continue;
        }
        raw = std::move(fetched.bytes);
        raw_sha = Sha256Hex(raw);
        resolved.fetched_at = options.now;
        if (options.mode != LockMode::kRefresh) {
          result.lock.entries[key] =
              LockEntry{r.source.type_name, description, fetched.resolved, raw_sha, options.now};
          result.lock_changed = true;
        }
      }
    }

    // The data: parsed in its format, schema-checked or converted, then filtered. The fetch
    // time stands in for the operator's time.Now() in converted metadata, keeping renders
    // reproducible.
    Registry registry;
    std::vector<std::string> warnings;
    Diagnostics data_diags;
    const RegistryFormat format =
        r.source.format == "upstream" ? RegistryFormat::kUpstream : RegistryFormat::kToolhive;
    const std::string where = "MCPRegistry " + key + ": " + r.source.format +
                              " registry data from " + resolved.source_label;
    if (!LoadRegistryData(raw, format, "", ConvertOptions{resolved.fetched_at}, &registry,
                          &warnings, &data_diags)) {
      // Bad data from a remote source is the source's failure (exit 3), not the input's.
      if (r.source.type != SourceType::kConfigMap) result.fetch_failed = true;
      for (const Diagnostic& d : data_diags.items()) {
        if (d.severity != Severity::kError) continue;
        std::string at = d.mark.line > 0 ? " (" + std::to_string(d.mark.line) + ":" +
                                               std::to_string(d.mark.column) + ")"
                                         : "";
        diags->Error(file, r.source.mark, "spec.source",
                     where + at + ": " + (d.path.empty() ? "" : d.path + ": ") + d.message);
      }
      continue;
    }
    for (const std::string& w : warnings)
      diags->Warning(file, r.source.mark, "spec.source", "MCPRegistry " + key + ": " + w);
    RegistryFilter filter;
    if (!r.filter.names_include.empty() || !r.filter.names_exclude.empty())
      filter.names = IncludeExclude{r.filter.names_include, r.filter.names_exclude};
    if (!r.filter.tags_include.empty() || !r.filter.tags_exclude.empty())
      filter.tags = IncludeExclude{r.filter.tags_include, r.filter.tags_exclude};
    const bool filtered = filter.names || filter.tags;
    std::vector<std::string> filter_errors;
    if (!ApplyRegistryFilter(filtered ? &filter : nullptr, &registry, &filter_errors)) {
      for (const std::string& e : filter_errors)
        diags->Error(file, r.filter.mark, "spec.filter", e);
      continue;
    }
    resolved.content.registry_json = MarshalToolhiveRegistry(registry);
    resolved.content.source_hash = raw_sha.empty() ? Sha256Hex(raw) : raw_sha;
    resolved.server_count =
        (registry.servers ? registry.servers->size() : 0) + registry.remote_servers.size();
    result.registries[key] = std::move(resolved);
    result.raw_content[key] = std::move(raw);
  }
  return result;
}

bool WriteLock(DiskInterface* disk, const std::string& lock_path, const ResolveResult& result,
               std::string* err) {
  for (const auto& [key, entry] : result.lock.entries) {
    auto raw = result.raw_content.find(key);
    if (raw == result.raw_content.end()) continue;
    const std::string path = LockContentPath(lock_path, entry.sha256);
    if (disk->Stat(path) == DiskInterface::Kind::kFile) continue;
    if (!disk->MakeDirs(LockContentDir(lock_path), err)) return false;
    if (!disk->WriteFile(path + ".tmp", raw->second, err) ||
        !disk->Rename(path + ".tmp", path, err))
      return false;
  }
  return disk->WriteFile(lock_path + ".tmp", SerializeLockFile(result.lock), err) &&
         disk->Rename(lock_path + ".tmp", lock_path, err);
}

}  // namespace thv
