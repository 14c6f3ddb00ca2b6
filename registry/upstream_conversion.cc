#include "registry/upstream_conversion.h"

#include "core/value_builder.h"

namespace thv {

namespace {

std::string Text(const Value* v) { return v && v->IsScalar() && !v->IsNull() ? v->text : ""; }
std::string Field(const Value& v, const char* key) { return Text(v.Find(key)); }
bool Flag(const Value& v, const char* key) {
  const Value* f = v.Find(key);
  return f && f->AsBool();
}
const Value* Seq(const Value& v, const char* key) {
  const Value* s = v.Find(key);
  return s && s->IsSequence() ? s : nullptr;
}
const Value* Map(const Value* v, const char* key) {
  const Value* m = v ? v->Find(key) : nullptr;
  return m && m->IsMapping() ? m : nullptr;
}

// Today's camelCase input -> the draft's snake_case names (same meaning).
Value NormalizeInput(const Value& in) {
  Value out = Value::Mapping();
  for (const auto& [from, to] : {std::pair<const char*, const char*>{"name", "name"},
                                 {"description", "description"},
                                 {"value", "value"},
                                 {"default", "default"},
                                 {"type", "type"},
                                 {"format", "format"}}) {
    if (const Value* v = in.Find(from)) out.Set(to, *v);
  }
  for (const auto& [camel, snake] :
       {std::pair<const char*, const char*>{"isRequired", "is_required"},
        {"isSecret", "is_secret"},
        {"valueHint", "value_hint"},
        {"is_required", "is_required"},
        {"is_secret", "is_secret"},
        {"value_hint", "value_hint"}}) {
    if (const Value* v = in.Find(camel)) out.Set(snake, *v);
  }
  if (const Value* c = in.Find("choices")) out.Set("choices", *c);
  return out;
}

Value NormalizeList(const Value* list) {
  Value out = Value::Sequence();
  if (list)
    for (const Value& item : list->items) out.Append(NormalizeInput(item));
  return out;
}

// One server of today's API shape, rewritten in the draft's terms; false when it has nothing
// the proxy can run.
bool NormalizeServer(const Value& entry, Value* detail, std::vector<std::string>* warnings) {
  const Value& server = entry.Find("server") ? *entry.Find("server") : entry;
  if (!server.Find("packages") && !server.Find("remotes") && !server.Find("version_detail") &&
      !server.Find("$schema") && !server.Find("version")) {
    *detail = entry;
    return true;
  }
  const bool draft = server.Find("version_detail") || entry.Find("x-publisher");
  if (draft) {
    *detail = entry;
    return true;
  }
  const std::string name = Field(server, "name");
  Value s = Obj({{"name", Str(name)}, {"description", Str(Field(server, "description"))}});
  const Value* official = Map(Map(&entry, "_meta"), "io.modelcontextprotocol.registry/official");
  if (official && official->Find("status")) s.Set("status", Str(Field(*official, "status")));
  if (const Value* repo = Map(&server, "repository")) s.Set("repository", *repo);
  s.Set("version_detail", Obj({{"version", Str(Field(server, "version"))}}));
  Value packages = Value::Sequence();
  std::string transport, skipped;
  if (const Value* list = Seq(server, "packages")) {
    for (const Value& p : list->items) {
      const std::string type = Field(p, "registryType");
      if (type != "oci") {
        skipped += (skipped.empty() ? "" : ", ") + (type.empty() ? "untyped" : type) + " package " +
                   Field(p, "identifier");
        continue;
      }
      if (transport.empty()) transport = Text(Map(&p, "transport") ? Map(&p, "transport")->Find("type") : nullptr);
      packages.Append(Obj({{"registry_name", Str("docker")},
                           {"name", Str(Field(p, "identifier"))},
                           {"version", Str(Field(p, "version"))},
                           {"package_arguments", NormalizeList(Seq(p, "packageArguments"))},
                           {"environment_variables", NormalizeList(Seq(p, "environmentVariables"))}}));
    }
  }
  Value remotes = Value::Sequence();
  if (const Value* list = Seq(server, "remotes")) {
    for (const Value& r : list->items) {
      const std::string type = Field(r, "type");
      remotes.Append(Obj({{"transport_type", Str(type == "streamable-http" ? "streamable" : type)},
                          {"url", Str(Field(r, "url"))},
                          {"headers", NormalizeList(Seq(r, "headers"))}}));
    }
  }
  const bool runnable = !packages.items.empty() || !remotes.items.empty();
  if (!skipped.empty() || !runnable) {
    warnings->push_back("server " + name + (runnable ? ": ignored " : " skipped: its ") +
                        (skipped.empty() ? "no package" : skipped) +
                        (runnable ? "" : " cannot run in the ToolHive proxy (only oci packages and remotes can)"));
  }
  if (!runnable) return false;
  s.Set("packages", packages);
  s.Set("remotes", remotes);
  *detail = Obj({{"server", s}});
  if (!transport.empty())
    detail->Set("x-publisher", Obj({{"x-dev.toolhive", Obj({{"transport", Str(transport)}})}}));
  return true;
}

Value EnvVars(const Value* list) {
  Value out = Value::Sequence();
  if (!list) return out;
  for (const Value& ev : list->items) {
    Value e = Obj({{"name", Str(Field(ev, "name"))},
                   {"description", Str(Field(ev, "description"))},
                   {"required", Bool(Flag(ev, "is_required"))}});
    if (!Field(ev, "default").empty()) e.Set("default", Str(Field(ev, "default")));
    if (Flag(ev, "is_secret")) e.Set("secret", Bool(true));
    out.Append(std::move(e));
  }
  return out;
}

// The shared base fields, with the extension's values or the operator's defaults.
Value Base(const Value& server, const Value* ext, const std::string& default_transport) {
  auto ext_text = [&](const char* key, const std::string& fallback) {
    std::string v = ext ? Field(*ext, key) : "";
    return v.empty() ? fallback : v;
  };
  auto ext_list = [&](const char* key) {
    const Value* v = ext ? Seq(*ext, key) : nullptr;
    return v && !v->items.empty() ? *v : Value::Sequence();
  };
  Value out = Obj({{"name", Str(Field(server, "name"))},
                   {"description", Str(Field(server, "description"))},
                   {"tier", Str(ext_text("tier", "Community"))},
                   // The operator writes "active"/"deprecated", which its own schema rejects;
                   // thv-render writes the ToolHive enum values.
                   {"status", Str(Field(server, "status") == "deprecated" ? "Deprecated" : "Active")},
                   {"transport", Str(ext_text("transport", default_transport))},
                   {"tools", ext_list("tools")}});
  // The operator stamps time.Now() here; a reproducible render leaves it empty.
  const Value* metadata = Map(ext, "metadata");
  out.Set("metadata", metadata ? *metadata
                               : Obj({{"stars", Int(0)}, {"pulls", Int(0)}, {"last_updated", Str("")}}));
  if (const Value* repo = Map(&server, "repository")) out.Set("repository_url", Str(Field(*repo, "url")));
  out.Set("tags", ext_list("tags"));
  if (const Value* custom = Map(ext, "custom_metadata"); custom && !custom->members.empty())
    out.Set("custom_metadata", *custom);
  return out;
}

}  // namespace

bool UpstreamToToolhive(const Value& input, Value* registry, std::vector<std::string>* warnings,
                        std::string* err) {
  const Value* list = input.IsSequence() ? &input : input.Find("servers");
  if (!list || !list->IsSequence()) {
    *err = "upstream registry data must be a JSON array of servers (or {\"servers\": [...]})";
    return false;
  }
  if (list->items.empty()) {
    *err = "upstream registry data contains no servers";
    return false;
  }
  Value servers = Value::Mapping(), remotes = Value::Mapping();
  for (size_t i = 0; i < list->items.size(); ++i) {
    Value detail;
    if (!NormalizeServer(list->items[i], &detail, warnings)) continue;
    const Value* server = Map(&detail, "server");
    if (!server || Field(*server, "name").empty() || Field(*server, "description").empty()) {
      *err = "server at index " + std::to_string(i) + ": name and description are required";
      return false;
    }
    const std::string name = Field(*server, "name");
    const Value* ext = Map(Map(&detail, "x-publisher"), "x-dev.toolhive");
    const Value* remote_list = Seq(*server, "remotes");
    if (remote_list && !remote_list->items.empty()) {
      const Value& r = remote_list->items[0];
      const std::string type = Field(r, "transport_type");
      Value out = Base(*server, ext, type == "sse" ? "sse" : type == "streamable" ? "streamable-http" : "stdio");
      out.Set("url", Str(Field(r, "url")));
      Value headers = Value::Sequence();
      if (const Value* hs = Seq(r, "headers")) {
        for (const Value& h : hs->items) {
          Value header = Obj({{"name", Str(Field(h, "name"))},
                              {"description", Str(Field(h, "description"))},
                              {"required", Bool(Flag(h, "is_required"))}});
          if (!Field(h, "default").empty()) header.Set("default", Str(Field(h, "default")));
          if (Flag(h, "is_secret")) header.Set("secret", Bool(true));
          if (const Value* c = Seq(h, "choices")) header.Set("choices", *c);
          headers.Append(std::move(header));
        }
      }
      out.Set("headers", headers);
      const Value* packages = Seq(*server, "packages");
      const Value* env = nullptr;
      if (packages)
        for (const Value& p : packages->items)
          if (const Value* e = Seq(p, "environment_variables"); e && !e->items.empty() && !env) env = e;
      out.Set("env_vars", EnvVars(env));
      remotes.Set(name, std::move(out));
      continue;
    }
    const Value* packages = Seq(*server, "packages");
    if (!packages || packages->items.empty()) {
      *err = "server " + name + ": no packages found for container server";
      return false;
    }
    const Value* primary = &packages->items[0];
    for (const Value& p : packages->items)
      if (Field(p, "registry_name") == "docker") {
        primary = &p;
        break;
      }
    const std::string reg = Field(*primary, "registry_name");
    const std::string pkg = Field(*primary, "name"), version = Field(*primary, "version");
    const std::string image = reg == "docker" ? pkg + ":" + version
                              : reg == "npm"  ? "npx://" + pkg + "@" + version
                              : reg == "pypi" ? "uvx://" + pkg + "@" + version
                                              : pkg;
    Value out = Base(*server, ext, "stdio");
    out.Set("image", Str(image));
    if (ext && !Field(*ext, "target_port").empty() && Field(*ext, "target_port") != "0")
      out.Set("target_port", *ext->Find("target_port"));
    if (const Value* p = Map(ext, "permissions")) out.Set("permissions", *p);
    out.Set("env_vars", EnvVars(Seq(*primary, "environment_variables")));
    Value args = Value::Sequence();
    if (const Value* list_args = Seq(*primary, "package_arguments")) {
      for (const Value& a : list_args->items) {
        const std::string type = Field(a, "type"), value = Field(a, "value");
        if (type == "positional") {
          if (!value.empty()) args.Append(Str(value));
          else if (!Field(a, "value_hint").empty()) args.Append(Str(Field(a, "value_hint")));
        } else if (type == "named") {
          const std::string v = !value.empty() ? value : Field(a, "default");
          if (!v.empty()) {
            args.Append(Str(Field(a, "name")));
            args.Append(Str(v));
          }
        }
      }
    }
    out.Set("args", args);
    if (const Value* tags = ext ? Seq(*ext, "docker_tags") : nullptr) out.Set("docker_tags", *tags);
    if (const Value* p = Map(ext, "provenance")) out.Set("provenance", *p);
    servers.Set(name, std::move(out));
  }
  *registry = Obj({{"version", Str("1.0")}, {"last_updated", Str("")}, {"servers", servers}});
  if (!remotes.members.empty()) registry->Set("remote_servers", remotes);
  return true;
}

namespace {

Value UpstreamEnvVars(const Value* list) {
  Value out = Value::Sequence();
  if (!list) return out;
  for (const Value& ev : list->items) {
    Value e = Obj({{"name", Str(Field(ev, "name"))}});
    if (!Field(ev, "description").empty()) e.Set("description", Str(Field(ev, "description")));
    if (Flag(ev, "required")) e.Set("is_required", Bool(true));
    if (Flag(ev, "secret")) e.Set("is_secret", Bool(true));
    if (!Field(ev, "default").empty()) e.Set("default", Str(Field(ev, "default")));
    if (const Value* c = Seq(ev, "choices")) e.Set("choices", *c);
    out.Append(std::move(e));
  }
  return out;
}

Value ToUpstream(const std::string& name, const Value& s, bool remote) {
  Value server = Obj({{"name", Str(name)},
                      {"description", Str(Field(s, "description"))},
                      {"status", Str(Field(s, "status") == "Deprecated" || Field(s, "status") == "deprecated"
                                         ? "deprecated"
                                         : "active")}});
  const std::string repo = Field(s, "repository_url");
  if (!repo.empty()) {
    const char* source = repo.find("github.com") != std::string::npos   ? "github"
                         : repo.find("gitlab.com") != std::string::npos ? "gitlab"
                                                                         : "unknown";
    server.Set("repository", Obj({{"url", Str(repo)}, {"source", Str(source)}}));
  }
  server.Set("version_detail", Obj({{"version", Str("1.0.0")}}));
  Value ext = Value::Mapping();
  for (const char* key : {"tier", "transport"})
    if (!Field(s, key).empty()) ext.Set(key, Str(Field(s, key)));
  for (const char* key : {"tools", "metadata", "tags", "custom_metadata"})
    if (const Value* v = s.Find(key); v && !v->IsEmpty()) ext.Set(key, *v);
  if (remote) {
    const std::string transport = Field(s, "transport");
    Value headers = UpstreamEnvVars(Seq(s, "headers"));
    Value r = Obj({{"transport_type", Str(transport == "streamable-http" ? "streamable" : "sse")},
                   {"url", Str(Field(s, "url"))}});
    if (!headers.items.empty()) r.Set("headers", headers);
    server.Set("remotes", List({r}));
    if (const Value* env = Seq(s, "env_vars"); env && !env->items.empty()) {
      server.Set("packages", List({Obj({{"registry_name", Str("remote")},
                                        {"name", Str("remote-server")},
                                        {"version", Str("1.0.0")},
                                        {"environment_variables", UpstreamEnvVars(env)}})}));
    }
  } else {
    for (const char* key : {"target_port", "permissions", "docker_tags", "provenance"})
      if (const Value* v = s.Find(key); v && !v->IsEmpty() && v->text != "0") ext.Set(key, *v);
    const std::string image = Field(s, "image");
    size_t colon = image.find(':');
    Value pkg = Obj({{"registry_name", Str("docker")},
                     {"name", Str(image.substr(0, colon))},
                     {"version", Str(colon == std::string::npos ? "latest"
                                                                : image.substr(colon + 1, image.find(':', colon + 1) - colon - 1))}});
    if (const Value* args = Seq(s, "args"); args && !args->items.empty()) {
      Value list = Value::Sequence();
      for (const Value& a : args->items) list.Append(Obj({{"type", Str("positional")}, {"value", a}}));
      pkg.Set("package_arguments", list);
    }
    if (const Value* env = Seq(s, "env_vars"); env && !env->items.empty())
      pkg.Set("environment_variables", UpstreamEnvVars(env));
    server.Set("packages", List({pkg}));
  }
  return Obj({{"server", server}, {"x-publisher", Obj({{"x-dev.toolhive", ext}})}});
}

}  // namespace

Value ToolhiveToUpstream(const Value& registry) {
  Value out = Value::Sequence();
  for (const auto& [key, remote] : {std::pair<const char*, bool>{"servers", false}, {"remote_servers", true}}) {
    if (const Value* map = registry.Find(key); map && map->IsMapping())
      for (const Member& m : map->members) out.Append(ToUpstream(m.key, m.value, remote));
  }
  return out;
}

}  // namespace thv
