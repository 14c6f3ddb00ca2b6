#include "registry/resolve.h"

#include <unistd.h>

#include "core/sha256.h"
#include "model/decode.h"
#include "model/inputs.h"
#include "registry/conversion.h"
#include "registry/filter.h"
#include "registry/registry_json.h"
#include "registry/upstream_registry.h"
#include "registry/url_credentials.h"

namespace thv {

namespace {

std::string SourceText(const RegistrySource& s) {
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

}  // namespace

std::string DescribeSource(const RegistrySource& s) {
  // Printed and written to the lock: credentials never show (sources with them are refused, and
  // this holds even if that check is bypassed).
  return RedactUrl(SourceText(s));
}

namespace {

std::string Key(const Object& o) { return o.meta.namespace_ + "/" + o.meta.name; }

// Refuses a remote source whose URL carries credentials, at the field that holds it.
bool CheckNoCredentials(const MCPRegistry& r, Diagnostics* diags) {
  const RegistrySource& s = r.source;
  const bool git = s.type == SourceType::kGit;
  const std::string& url = git ? s.repository : s.endpoint;
  if (s.type == SourceType::kConfigMap || !UrlHasCredentials(url)) return true;
  // The field as written: the decoder keeps only the source's mark.
  std::string field = "spec.source." + s.type_name + (git ? ".repository" : ".endpoint");
  Mark mark = s.mark;
  const Value* spec = GetObject(r.object.doc, "spec");
  const Value* source = spec ? GetObject(*spec, "source") : nullptr;
  for (const char* block : {"url", "registry", "api", "git"}) {
    const Value* b = source ? GetObject(*source, block) : nullptr;
    const Value* v = b ? b->Find(git ? "repository" : "endpoint") : nullptr;
    if (v && v->IsString() && v->text == url) {
      field = std::string("spec.source.") + block + (git ? ".repository" : ".endpoint");
      mark = v->mark;
      break;
    }
  }
  diags->Error(r.object.origin.file, mark, field,
               "Invalid value: \"" + RedactUrl(url) +
                   "\": credentials in a source URL would be written to thv-render.lock and "
                   "printed in logs; remove them" +
                   (IsHttpUrl(url) ? " and pass them in a netrc file (--netrc-file FILE or "
                                     "THV_RENDER_NETRC_FILE; a line \"machine " +
                                         UrlHost(url) + " login USER password SECRET\")"
                                   : " (git over ssh authenticates with keys; git over HTTP(S) "
                                     "takes credentials from --netrc-file FILE)"));
  return false;
}

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

// A RegistryData's content for a v0.44.0 registry server's file source: the filtered data in
// toolhive-core's UpstreamRegistry format, as `thv registry convert` writes it; data the
// server would refuse is an error here.
bool UpstreamFor(const Object& object, const MCPRegistry& r, const std::string& source_label,
                 RegistryContent* content, Diagnostics* diags) {
  const std::string where = object.kind + " " + Key(object) + ": registry data from " +
                            source_label + " for a v0.44.0 registry server";
  std::string err;
  std::vector<std::string> problems;
  if (!ConvertToolhiveJsonToUpstream(content->registry_json, &content->upstream_json, &problems,
                                     &err))
    problems.push_back(err);
  for (const std::string& p : problems)
    diags->Error(object.origin.file, r.source.mark, "spec.source",
                 where + ": the server would refuse it: " + p);
  return problems.empty();
}

}  // namespace

ResolveResult ResolveRegistries(const std::vector<Object>& objects, DiskInterface* disk,
                                RemoteSource* remote, const ResolveOptions& options,
                                Diagnostics* diags) {
  ResolveResult result;
  // validate never looks at remote sources, so neither at the lock.
  if (!options.lock_path.empty() && !options.skip_remote) {
    const DiskInterface::Kind kind = disk->Stat(options.lock_path);
    std::string text, err;
    if (kind == DiskInterface::Kind::kFile) {
      if (!disk->ReadFile(options.lock_path, &text, &err) ||
          !ParseLockFile(text, &result.lock, &err))
        diags->Error(options.lock_path, Mark{}, "", "invalid lock file: " + err);
    } else if (kind != DiskInterface::Kind::kMissing) {
      // Never read (a FIFO would block) nor replaced: the name is wrong, not the content.
      diags->Error(
          options.lock_path, Mark{}, "",
          std::string("the lock file is ") +
              (kind == DiskInterface::Kind::kDirectory ? "a directory" : "not a regular file") +
              "; --lock must name a regular file (or one to create)");
      return result;
    }
  }
  for (const Object& object : objects) {
    if (ToolhiveKindOf(object) != ToolhiveKind::kMCPRegistry) continue;
    const int errors_before = diags->error_count();
    MCPRegistry r = DecodeMCPRegistry(object, diags);
    if (diags->error_count() > errors_before || !CheckNoCredentials(r, diags)) continue;
    if (object.kind == kRegistryDataKind && r.source.format == "upstream") {
      // 7002a239b's conversion of upstream data writes version "1.0" and no last_updated, both
      // of which the v0.44.0 registry server refuses; inventing them would not be its data.
      diags->Error(object.origin.file, r.source.mark, "spec.source.format",
                   "Unsupported value: \"upstream\": RegistryData takes ToolHive-format data at "
                   "v0.44.0 (not supported at v0.44.0 yet for upstream data); the registry "
                   "server reads upstream data itself: name the source in configYAML (git, api "
                   "or url)");
      continue;
    }
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
                       object.kind + " " + key + ": locked content " + path +
                           " is missing or does not match its sha256; run thv-render sync");
          result.fetch_failed = true;
          continue;
        }
      }
      if (!have && options.mode == LockMode::kOffline) {
        diags->Error(file, r.source.mark, "spec.source",
                     object.kind + " " + key + ": " + description +
                         (options.lock_path.empty()
                              ? " needs a lock file and there is none (inputs from stdin have no "
                                "directory for thv-render.lock): pass --lock FILE"
                              : " is not in the lock file and --offline forbids fetching; run "
                                "thv-render sync"));
        result.fetch_failed = true;
        continue;
      }
      if (!have && options.lock_path.empty() && options.mode != LockMode::kRefresh) {
        // A fetch here would be recorded, and there is nowhere to record it.
        diags->Error(
            file, r.source.mark, "spec.source",
            object.kind + " " + key + ": " + description +
                " would be fetched and recorded in a lock file, and there is none "
                "(inputs from stdin have no directory for thv-render.lock): pass --lock "
                "FILE" +
                (options.mode == LockMode::kSync ? ""
                                                 : ", or --refresh to fetch without recording"));
        result.lock_required = true;
        continue;
      }
      if (!have) {
        FetchedData fetched;
        std::string err;
        if (options.progress) options.progress(description);
        if (!remote || !remote->Fetch(r.source, r.sync, &fetched, &err)) {
          diags->Error(file, r.source.mark, "spec.source",
                       object.kind + " " + key + ": cannot fetch " + description + ": " +
                           (remote ? err : "no network access in this mode"));
          result.fetch_failed = true;
          continue;
        }
        raw = std::move(fetched.bytes);
        raw_sha = Sha256Hex(raw);
        resolved.fetched_at = options.now;
        if (options.mode != LockMode::kRefresh) {
          result.lock.entries[key] = LockEntry{r.source.type_name, description,
                                               RedactUrl(fetched.resolved), raw_sha, options.now};
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
    const std::string where = object.kind + " " + key + ": " + r.source.format +
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
      diags->Warning(file, r.source.mark, "spec.source", object.kind + " " + key + ": " + w);
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
    if (object.kind == kRegistryDataKind &&
        !UpstreamFor(object, r, resolved.source_label, &resolved.content, diags)) {
      if (r.source.type != SourceType::kConfigMap) result.fetch_failed = true;
      continue;
    }
    resolved.content.source_hash = raw_sha.empty() ? Sha256Hex(raw) : raw_sha;
    resolved.server_count =
        (registry.servers ? registry.servers->size() : 0) + registry.remote_servers.size();
    result.registries[key] = std::move(resolved);
    result.raw_content[key] = std::move(raw);
  }
  return result;
}

namespace {

// Writes path atomically: a temporary file of this process's own beside it, renamed over it.
// Whatever sits at the temporary name is removed first, never written through (a planted
// symlink would redirect the write), and the temporary file goes away when anything fails.
bool WriteAtomically(DiskInterface* disk, const std::string& path, const std::string& contents,
                     std::string* err) {
  const std::string tmp = path + ".tmp-" + std::to_string(getpid());
  if (!disk->RemoveTree(tmp, err)) return false;
  if (disk->WriteFile(tmp, contents, err) && disk->Rename(tmp, path, err)) return true;
  std::string ignored;
  disk->RemoveTree(tmp, &ignored);
  return false;
}

}  // namespace

bool WriteLock(DiskInterface* disk, const std::string& lock_path, const ResolveResult& result,
               std::string* err) {
  const DiskInterface::Kind kind = disk->Stat(lock_path);
  if (lock_path.empty() ||
      (kind != DiskInterface::Kind::kMissing && kind != DiskInterface::Kind::kFile)) {
    *err = "cannot write the lock file " + lock_path + ": not a regular file";
    return false;
  }
  for (const auto& [key, entry] : result.lock.entries) {
    auto raw = result.raw_content.find(key);
    if (raw == result.raw_content.end()) continue;
    const std::string path = LockContentPath(lock_path, entry.sha256);
    if (disk->Stat(path) == DiskInterface::Kind::kFile) continue;
    if (!disk->MakeDirs(LockContentDir(lock_path), err) ||
        !WriteAtomically(disk, path, raw->second, err))
      return false;
  }
  return WriteAtomically(disk, lock_path, SerializeLockFile(result.lock), err);
}

}  // namespace thv
