// Upstream documents: which top-level shape holds the entries, which shape each entry is in,
// and today's `_meta` blocks. The Go types inside are decoded by core/go_json.
#include <initializer_list>
#include <string>
#include <vector>

#include "registry/upstream_format.h"

namespace thv {

namespace {

constexpr char kOfficialKey[] = "io.modelcontextprotocol.registry/official";
constexpr char kPublisherKey[] = "io.modelcontextprotocol.registry/publisher-provided";
constexpr char kStacklokKey[] = "io.github.stacklok";

bool HasAny(const Value& v, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (v.Find(k)) return true;
  }
  return false;
}

// The draft is the operator's reading and the default; any current-only marker wins otherwise.
UpstreamShape DetectShape(const Value& e) {
  constexpr UpstreamShape kDraft = UpstreamShape::kDraft, kCurrent = UpstreamShape::kCurrent;
  if (!e.IsMapping()) return kDraft;
  if (e.Find("x-publisher")) return kDraft;
  if (e.Find("_meta")) return kCurrent;
  const Value* s = e.Find("server");
  if (!s || !s->IsMapping()) return e.Find("name") ? kCurrent : kDraft;  // a bare server.json
  if (s->Find("version_detail")) return kDraft;
  if (HasAny(*s, {"$schema", "_meta", "websiteUrl", "title"})) return kCurrent;
  if (const Value* ver = s->Find("version"); ver && ver->IsString()) return kCurrent;
  for (const char* list : {"packages", "remotes"}) {
    const Value* items = s->Find(list);
    if (!items || !items->IsSequence()) continue;
    for (const Value& it : items->items) {
      if (!it.IsMapping()) continue;
      if (HasAny(it, {"registry_name", "transport_type", "runtime_hint"})) return kDraft;
      if (HasAny(it, {"registryType", "identifier", "transport", "type"})) return kCurrent;
    }
  }
  return kDraft;
}

// The key ToolHive files its extension under: the image reference or the remote URL.
std::vector<std::string> PreferredExtensionKeys(const ApiServer& s) {
  std::vector<std::string> keys;
  for (const ApiPackage& p : s.packages) {
    keys.push_back(p.identifier);
    if (!p.version.empty()) keys.push_back(p.identifier + ":" + p.version);
  }
  for (const ApiTransport& r : s.remotes) keys.push_back(r.url);
  return keys;
}

void DecodeStacklok(const Value& v, const JsonPath& path, UpstreamEntry* out,
                    GoDecodeContext* ctx) {
  if (v.IsNull()) return;
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  // Several entries: prefer the one keyed by this server's image or URL, else the smallest key
  // (Go's map iteration is random; this is at least stable). Of equal keys the last wins.
  const Member* chosen = nullptr;
  for (const std::string& key : PreferredExtensionKeys(out->server)) {
    for (const Member& m : v.members) {
      if (m.key == key && m.value.IsMapping()) chosen = &m;
    }
    if (chosen) break;
  }
  if (!chosen) {
    for (const Member& m : v.members) {
      if (m.value.IsMapping() && (!chosen || m.key <= chosen->key)) chosen = &m;
    }
  }
  if (!chosen) return;
  ServerExtensions ext;
  RegistryGoTypes().Decode("ServerExtensions", chosen->value, path.Key(chosen->key), &ext, ctx);
  out->stacklok = std::move(ext);
}

void DecodeMeta(const Value& v, const JsonPath& path, UpstreamEntry* out, GoDecodeContext* ctx) {
  static const char* const kFields[] = {kOfficialKey, kPublisherKey};
  GoDecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    if (i == 0) {
      static const char* const kOfficial[] = {"status", "isLatest"};
      return GoDecodeFields(f, p, kOfficial, ctx, [&](size_t j, const Value& g, const JsonPath& q) {
        if (j == 0) return RegistryGoTypes().Decode("string", g, q, &out->official_status, ctx);
        bool latest = false;  // null leaves an earlier _meta's isLatest in place
        RegistryGoTypes().Decode("bool", g, q, &latest, ctx);
        if (g.IsBool()) out->is_latest = latest;
      });
    }
    static const char* const kPublisher[] = {kStacklokKey};
    GoDecodeFields(f, p, kPublisher, ctx, [&](size_t, const Value& g, const JsonPath& q) {
      DecodeStacklok(g, q, out, ctx);
    });
  });
}

// `_meta` members of v (decoded after the server, whose packages pick the extension key).
void DecodeMetaOf(const Value& v, const JsonPath& path, UpstreamEntry* out, GoDecodeContext* ctx) {
  static const char* const kFields[] = {"_meta"};
  GoDecodeFields(v, path, kFields, ctx,
                 [&](size_t, const Value& f, const JsonPath& p) { DecodeMeta(f, p, out, ctx); });
}

void DecodeEntry(const Value& e, const JsonPath& path, UpstreamEntry* out, GoDecodeContext* ctx) {
  const GoTypes& types = RegistryGoTypes();
  out->mark = e.mark;
  out->shape = DetectShape(e);
  if (out->shape == UpstreamShape::kDraft) {
    return types.Decode("UpstreamServerDetail", e, path, &out->draft, ctx);
  }
  const Member* wrapped = nullptr;
  for (const Member& m : e.members) {
    if (GoKeyMatches(m.key, "server")) wrapped = &m;
  }
  if (!wrapped) {  // a bare server.json
    types.Decode("ApiServer", e, path, &out->server, ctx);
    return DecodeMetaOf(e, path, out, ctx);
  }
  JsonPath sp = path.Key(wrapped->key);
  types.Decode("ApiServer", wrapped->value, sp, &out->server, ctx);
  if (wrapped->value.IsMapping()) DecodeMetaOf(wrapped->value, sp, out, ctx);
  DecodeMetaOf(e, path, out, ctx);
}

}  // namespace

bool DecodeUpstreamDocument(const Value& doc, const std::string& file, UpstreamDocument* out,
                            Diagnostics* diags) {
  GoDecodeContext ctx{file, diags};
  JsonPath root;
  JsonPath servers_path = root.Key("servers");
  JsonPath data_path = root.Key("data");
  JsonPath data_servers_path = data_path.Key("servers");
  const JsonPath* base = &root;
  const Value* list = nullptr;
  if (doc.IsSequence()) {
    list = &doc;
  } else if (doc.IsMapping()) {
    const Value* servers = doc.Find("servers");
    const Value* data = doc.Find("data");
    const Value* data_servers = data && data->IsMapping() ? data->Find("servers") : nullptr;
    if (servers && servers->IsSequence()) {
      list = servers;
      base = &servers_path;
    } else if (servers && servers->IsMapping()) {
      ctx.Error(*servers, servers_path,
                "servers is an object: this is the ToolHive registry format, not upstream");
      return false;
    } else if (data_servers && data_servers->IsSequence()) {
      list = data_servers;
      base = &data_servers_path;
    } else if (doc.Find("name")) {
      out->servers.emplace_back();
      DecodeEntry(doc, root, &out->servers.back(), &ctx);
      return ctx.errors == 0;
    }
  } else if (doc.IsNull()) {
    return true;  // Go decodes null into an empty list; the caller rejects zero servers
  }
  if (!list) {
    ctx.Error(doc, root,
              "invalid upstream format: expected a JSON array of servers, a registry API response "
              "({\"servers\": [...]}) or a server.json object");
    return false;
  }
  out->servers.resize(list->items.size());
  for (size_t i = 0; i < list->items.size(); ++i) {
    DecodeEntry(list->items[i], base->Index(i), &out->servers[i], &ctx);
  }
  return ctx.errors == 0;
}

bool ParseUpstreamDocument(std::string_view text, const std::string& file, UpstreamDocument* out,
                           Diagnostics* diags) {
  Value doc;
  return ParseJsonDocument(text, file, "invalid upstream format: ", &doc, diags) &&
         DecodeUpstreamDocument(doc, file, out, diags);
}

}  // namespace thv
