#include "migrate/mcpregistry.h"

#include <set>
#include <string>

#include "core/value_builder.h"
#include "core/yaml_writer.h"
#include "migrate/mcpserver.h"

namespace thv {

namespace {

// Where the ConfigMap a 7002a239b configmap source named is mounted for the registry server's
// file source (below /config, the operator's own mount, as the v0.44.0 example does).
std::string DataMountPath(const std::string& registry) { return "/config/registry/" + registry; }

// The registry server's filter (toolhive-registry-server v1.3.0 internal/config/config.go:337-353:
// names and tags, include and exclude) as configYAML lines for a source list item, from
// 7002a239b's spec.filter, each item with the comment its line had; the block's other comments
// follow it.
std::vector<std::string> FilterLines(const DocumentEdit& d, const Member& member) {
  const Value& filter = member.value;
  std::vector<std::string> lines;
  auto comment_at = [&](Mark mark) {
    size_t at = d.Offset(mark);
    size_t end = d.text.find('\n', at);
    std::string_view c =
        TrailingComment(d.text.substr(at, (end == std::string::npos ? d.text.size() : end) - at));
    return c.empty() ? std::string() : "  " + std::string(c);
  };
  for (const char* key : {"names", "tags"}) {
    const Value* f = filter.Find(key);
    if (!f || !f->IsMapping()) continue;
    std::vector<std::string> part;
    for (const char* side : {"include", "exclude"}) {
      const Value* list = f->Find(side);
      if (!list || list->items.empty()) continue;
      part.push_back(std::string("    ") + side + ":");
      for (const Value& item : list->items)
        part.push_back("    - " + YamlScalar(item.text) + comment_at(item.mark));
    }
    if (part.empty()) continue;
    lines.push_back(std::string("  ") + key + ":");
    lines.insert(lines.end(), part.begin(), part.end());
  }
  if (lines.empty()) return lines;
  lines.insert(lines.begin(), "filter:" + comment_at(member.key_mark));
  // Comment lines of the block (not after an item) keep their place at its end.
  TextRange r = d.positions->MemberLines(d.Offset(member.key_mark));
  const size_t key_eol = d.text.find('\n', r.begin);
  size_t at = key_eol == std::string::npos ? r.end : key_eol + 1;  // after the key's line
  while (at < r.end) {
    size_t end = d.text.find('\n', at);
    if (end == std::string::npos || end > r.end) end = r.end;
    std::string_view line = d.text.substr(at, end - at);
    size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos && line[first] == '#')
      lines.push_back("  " + std::string(line.substr(first)));
    at = end + 1;
  }
  return lines;
}

// YAML text of a value, each line prefixed with two spaces per nesting level of `depth` (for
// DocumentEdit::ReplaceMember lines).
void AddLines(const Value& v, int depth, std::vector<std::string>* lines) {
  std::string yaml;
  AppendYaml(v, &yaml);
  size_t at = 0;
  while (at < yaml.size()) {
    size_t end = yaml.find('\n', at);
    if (end == std::string::npos) end = yaml.size();
    lines->push_back(std::string(2 * depth, ' ') + yaml.substr(at, end - at));
    at = end + 1;
  }
}

// The RegistryData document pinning a registry's ToolHive-format data: source, filter and
// syncPolicy copied line for line (comments and all) from the registry's spec; edits of d drop
// the trailing comments copied. Empty when a member is not on lines of its own (not block
// style).
// The end of the comment lines after a member's lines that are indented deeper than its key
// (MemberLines leaves them to what follows, but they are about the member): from when none.
size_t DeeperCommentsEnd(std::string_view text, size_t from, size_t key_column) {
  size_t end = from, at = from;
  while (at < text.size()) {
    size_t next = text.find('\n', at);
    next = next == std::string_view::npos ? text.size() : next + 1;
    std::string_view line = text.substr(at, next - at);
    size_t first = line.find_first_not_of(" \r\n");
    if (first != std::string_view::npos) {
      if (line[first] != '#' || first <= key_column) break;
      end = next;
    }
    at = next;
  }
  return end;
}

std::string RegistryDataText(DocumentEdit* d, const Value& spec, const std::string& name,
                             const std::string& ns) {
  std::string text =
      "apiVersion: render.thv-render.stacklok.dev/v1alpha1   # thv-render's own: never applied\n"
      "kind: RegistryData\nmetadata:\n  name: " +
      YamlScalar(name) + "\n" + (ns.empty() ? "" : "  namespace: " + YamlScalar(ns) + "\n") +
      "spec:\n";
  for (const Member& m : spec.members) {
    if (m.key != "source" && m.key != "filter" && m.key != "syncPolicy") continue;
    const size_t key = d->Offset(m.key_mark);
    TextRange r = d->positions->MemberLines(key);
    if (r.begin == key ||
        d->text.substr(r.begin, key - r.begin).find_first_not_of(' ') != std::string_view::npos)
      return "";  // not indented under spec on a line of its own
    // Its trailing comments move with it (the member's own lines go when it is replaced).
    const size_t end = DeeperCommentsEnd(d->text, r.end, key - r.begin);
    if (end > r.end) d->edits.push_back({r.end, end, ""});
    text += d->text.substr(r.begin, end - r.begin);
    if (text.back() != '\n') text += '\n';
  }
  return text;
}

}  // namespace

void MigrateRegistry(DocumentEdit* d, const MigrateOptions& options,
                     const std::set<std::string>& configmaps, Diagnostics* diags) {
  const Value& doc = *d->doc;
  const Value* spec = doc.Find("spec");
  const Value* meta = doc.Find("metadata");
  if (!spec || !spec->IsMapping() || !meta) return;
  const std::string name = StringAt(meta->Find("name"));
  const Member* source_member = spec->FindMember("source");
  const Value& source = source_member->value;
  auto refuse = [&](Mark mark, const std::string& field, const std::string& why) {
    diags->Error(d->file, mark, field, why);
  };
  BumpApiVersion(d, diags);

  // The registry server requires a database and (for synced sources) an interval; 7002a239b's
  // operator had neither.
  if (options.registry_database.empty() || options.registry_database_user.empty()) {
    refuse(source_member->key_mark, "spec",
           "the v0.44.0 registry server needs a PostgreSQL database, which the 7002a239b "
           "MCPRegistry had no setting for: give --registry-database HOST:PORT/NAME and "
           "--registry-database-user USER");
    return;
  }
  const std::string type =
      StringAt(source.Find("type")).empty() ? "configmap" : StringAt(source.Find("type"));
  const std::string format =
      StringAt(source.Find("format")).empty() ? "toolhive" : StringAt(source.Find("format"));
  // The v0.44.0 registry server reads only toolhive-core's UpstreamRegistry format
  // (toolhive-registry-server v1.3.0 internal/sources/types.go:88-115): ToolHive-format data
  // is pinned by thv-render (RegistryData -> ConfigMap <name>-pinned-data) and read as a file.
  const bool pinned =
      format == "toolhive" && (type == "configmap" || type == "git" || type == "url");

  // A file source is a synced source too: the server requires syncPolicy.interval for every
  // source but managed and kubernetes ones (v1.3.0 internal/config/config.go:917-927, 976-978).
  // Pinned, it is how often the server rereads the mounted file, which changes only when a
  // re-synced ConfigMap is applied; the refetch itself keeps the original syncPolicy in the
  // RegistryData (thv-render sync).
  const Value* sync = spec->Find("syncPolicy");
  std::string interval = sync ? StringAt(sync->Find("interval")) : "";
  if (interval.empty()) {
    if (options.registry_sync_interval.empty()) {
      refuse(source_member->key_mark, "spec.syncPolicy",
             "7002a239b synced this registry only when created or triggered (no syncPolicy); the "
             "v0.44.0 registry server requires syncPolicy.interval: give "
             "--registry-sync-interval DURATION");
      return;
    }
    interval = options.registry_sync_interval;
    diags->Warning(
        d->file, source_member->key_mark, "spec.syncPolicy",
        pinned ? "note: the registry server now rereads the pinned data every " + interval +
                     " (--registry-sync-interval); the data itself still changes on demand only "
                     "(thv-render sync)"
               : "note: 7002a239b synced this registry on demand only; it now syncs every " +
                     interval + " (--registry-sync-interval)");
  }

  Value src = Value::Mapping();
  src.Set("name", Str(name));
  Value volumes, mounts;
  if (pinned) {
    const std::string data_name = name + "-pinned-data";
    const std::string ns = StringAt(meta->Find("namespace"));
    if (configmaps.count((ns.empty() ? d->default_namespace : ns) + "/" + data_name)) {
      refuse(source_member->key_mark, "spec.source",
             "the pinned data would be ConfigMap " + data_name +
                 ", which the inputs already define; rename that ConfigMap, then migrate");
      return;
    }
    const std::string text = RegistryDataText(d, *spec, data_name, ns);
    if (text.empty()) {
      refuse(source_member->key_mark, "spec.source",
             "spec is not in block style; write it in block style, then migrate");
      return;
    }
    d->new_doc_texts.push_back(text);
    src.Set("file", Obj({{"path", Str("/data/" + name + "/registry.json")}}));
    volumes = List({Obj(
        {{"name", Str("pinned-registry-data")}, {"configMap", Obj({{"name", Str(data_name)}})}})});
    mounts = List({Obj({{"name", Str("pinned-registry-data")},
                        {"mountPath", Str("/data/" + name)},
                        {"readOnly", Bool(true)}})});
    diags->Warning(d->file, source.mark, "spec.source",
                   "note: the " + format + "-format data is now pinned: RegistryData " + data_name +
                       " (inserted after this registry) renders it converted to the upstream "
                       "format the v0.44.0 registry server reads, from thv-render.lock; run "
                       "`thv-render sync` to fetch it");
  } else if (type == "git") {
    Value g = Pick(*source.Find("git"), {"repository", "branch", "tag", "commit", "path"});
    if (!g.Find("path")) g.Set("path", Str("registry.json"));  // the 7002a239b CRD default
    src.Set("git", std::move(g));
  } else if (type == "configmap") {
    const Value* cm = source.Find("configmap");
    const std::string cm_name = StringAt(cm->Find("name"));
    std::string key = StringAt(cm->Find("key"));
    if (key.empty()) key = "registry.json";  // the 7002a239b CRD default
    if (key.find('/') != std::string::npos || key == ".." || key == ".") {
      refuse(cm->mark, "spec.source.configmap.key",
             "a key that cannot be a file name in the mounted volume");
      return;
    }
    const std::string volume = "registry-data-" + name;
    src.Set("file", Obj({{"path", Str(DataMountPath(name) + "/" + key)}}));
    volumes = List({Obj(
        {{"name", Str(volume)},
         {"configMap", Obj({{"name", Str(cm_name)},
                            {"items", List({Obj({{"key", Str(key)}, {"path", Str(key)}})})}})}})});
    mounts = List({Obj({{"name", Str(volume)},
                        {"mountPath", Str(DataMountPath(name))},
                        {"readOnly", Bool(true)}})});
  } else if (type == "registry" || type == "api") {
    // The registry server reads an MCP registry API itself (v1.3.0 internal/config/config.go:281,
    // APIConfig.endpoint); 7002a239b thv-render converted its answers to ToolHive servers.
    const Value* block = source.Find("registry") ? source.Find("registry") : source.Find("api");
    src.Set("api", Obj({{"endpoint", Str(StringAt(block ? block->Find("endpoint") : nullptr))}}));
  } else if (type == "url") {
    // Upstream-format data over HTTP(S): the server's file source fetches a URL itself
    // (config.go:293-312, FileConfig.url and timeout, default 30s as 7002a239b's).
    const Value* url = source.Find("url");
    Value file = Obj({{"url", Str(StringAt(url ? url->Find("endpoint") : nullptr))}});
    if (const std::string timeout = StringAt(url ? url->Find("timeout") : nullptr);
        !timeout.empty())
      file.Set("timeout", Str(timeout));
    src.Set("file", std::move(file));
  } else {
    refuse(source.mark, "spec.source.type", "source type " + type + " has no migration");
    return;
  }
  src.Set("syncPolicy", Obj({{"interval", Str(interval)}}));
  std::vector<std::string> filter_lines;
  const Member* filter = spec->FindMember("filter");
  // Pinned: RegistryData filters (ToolHive names, as before). Else the server does, on the
  // upstream data's reverse-DNS names; the data is not in these manifests, so a note.
  if (filter && !pinned) filter_lines = FilterLines(*d, *filter);
  const bool api = type == "registry" || type == "api";
  if (api)
    diags->Warning(d->file, source.mark, "spec.source.type",
                   "note: the v0.44.0 registry server reads this registry API itself; name "
                   "filters now match its servers' reverse-DNS names, not the ToolHive names "
                   "7002a239b converted them to");
  else if (!pinned)
    diags->Warning(d->file, source.mark, "spec.source.format",
                   "note: the v0.44.0 registry server reads only toolhive-core's UpstreamRegistry "
                   "format ({$schema, version, meta: {last_updated}, data: {servers}}); check "
                   "that this " +
                       format +
                       "-format data is in it, and that name filters match the servers' "
                       "reverse-DNS names");

  // Database: HOST:PORT/NAME.
  const std::string& db = options.registry_database;
  size_t colon = db.rfind(':'), slash = db.find('/', colon);
  Value database = Value::Mapping();
  database.Set("host", Str(db.substr(0, colon)));
  database.Set("port", Value::Int(std::stoll(db.substr(colon + 1, slash - colon - 1))));
  database.Set("user", Str(options.registry_database_user));
  if (!options.registry_database_migration_user.empty() &&
      options.registry_database_migration_user != options.registry_database_user)
    database.Set("migrationUser", Str(options.registry_database_migration_user));
  database.Set("database", Str(db.substr(slash + 1)));

  Value config = Value::Mapping();
  config.Set("sources", List({std::move(src)}));
  config.Set("registries", List({Obj({{"name", Str("default")}, {"sources", StrList({name})}})}));
  config.Set("database", std::move(database));
  // 7002a239b's registry API had no authentication; the server defaults to oauth.
  config.Set("auth", Obj({{"mode", Str("anonymous")}}));

  std::vector<std::string> lines = {"configYAML: |"};
  AddLines(config, 1, &lines);
  // The filter goes last in the source item, before "registries:".
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i] == "  registries:") {
      for (std::string& l : filter_lines) l = "    " + l;
      lines.insert(lines.begin() + i, filter_lines.begin(), filter_lines.end());
      break;
    }
  if (!volumes.IsNull()) {
    Value wiring = Value::Mapping();
    wiring.Set("volumes", std::move(volumes));
    wiring.Set("volumeMounts", std::move(mounts));
    AddLines(wiring, 0, &lines);
  }
  // source becomes configYAML (and the wiring); syncPolicy and filter moved into it.
  if (!d->ReplaceMember(*source_member, lines, /*keep_comments=*/!pinned)) {
    refuse(source_member->key_mark, "spec.source",
           "spec is not in block style; write it in block style, then migrate");
    return;
  }
  // (Pinned: their comments went to the RegistryData with them.)
  if (const Member* m = spec->FindMember("syncPolicy")) d->ReplaceMember(*m, {}, !pinned);
  if (filter) d->ReplaceMember(*filter, {}, /*keep_comments=*/false);
}

}  // namespace thv
