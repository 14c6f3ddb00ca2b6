// json.Marshal of []registry.UpstreamServerDetail (the draft shape), field order and omitempty
// as in pkg/registry/upstream.go and upstream_conversion.go.
#include "registry/upstream_format.h"

namespace thv {

namespace {

// UpstreamInput's fields; KeyValueInput and Argument share this tail.
void AppendInputFields(const std::string& description, bool is_required, const std::string& format,
                       const std::string& value, bool is_secret, const std::string& default_value,
                       const std::vector<std::string>& choices, GoObjectWriter* w) {
  w->StringOmitEmpty("description", description);
  w->BoolOmitEmpty("is_required", is_required);
  w->StringOmitEmpty("format", format);
  w->StringOmitEmpty("value", value);
  w->BoolOmitEmpty("is_secret", is_secret);
  w->StringOmitEmpty("default", default_value);
  w->StringsOmitEmpty("choices", choices);
}

void AppendVariables(const std::map<std::string, UpstreamInput>& vars, GoObjectWriter* w) {
  if (vars.empty()) return;
  std::string* out = w->Field("variables");
  out->push_back('{');
  bool first = true;
  for (const auto& [name, in] : vars) {
    if (!first) out->push_back(',');
    first = false;
    AppendGoString(name, out);
    out->push_back(':');
    GoObjectWriter iw(out);
    AppendInputFields(in.description, in.is_required, in.format, in.value, in.is_secret,
                      in.default_value, in.choices, &iw);
    iw.Close();
  }
  out->push_back('}');
}

void AppendKeyValues(const std::vector<UpstreamKeyValueInput>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    const UpstreamKeyValueInput& kv = v[i];
    GoObjectWriter w(out);
    w.String("name", kv.name);
    AppendInputFields(kv.description, kv.is_required, kv.format, kv.value, kv.is_secret,
                      kv.default_value, kv.choices, &w);
    AppendVariables(kv.variables, &w);
    w.Close();
  }
  out->push_back(']');
}

void AppendArguments(const std::vector<UpstreamArgument>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    const UpstreamArgument& a = v[i];
    GoObjectWriter w(out);
    w.String("type", a.type);
    w.StringOmitEmpty("name", a.name);
    w.StringOmitEmpty("value_hint", a.value_hint);
    w.StringOmitEmpty("description", a.description);
    w.BoolOmitEmpty("is_required", a.is_required);
    w.BoolOmitEmpty("is_repeated", a.is_repeated);
    w.StringOmitEmpty("format", a.format);
    w.StringOmitEmpty("value", a.value);
    w.BoolOmitEmpty("is_secret", a.is_secret);
    w.StringOmitEmpty("default", a.default_value);
    w.StringsOmitEmpty("choices", a.choices);
    AppendVariables(a.variables, &w);
    w.Close();
  }
  out->push_back(']');
}

void AppendPackage(const UpstreamPackage& p, std::string* out) {
  GoObjectWriter w(out);
  w.String("registry_name", p.registry_name);
  w.String("name", p.name);
  w.String("version", p.version);
  w.StringOmitEmpty("runtime_hint", p.runtime_hint);
  if (!p.runtime_arguments.empty())
    AppendArguments(p.runtime_arguments, w.Field("runtime_arguments"));
  if (!p.package_arguments.empty())
    AppendArguments(p.package_arguments, w.Field("package_arguments"));
  if (!p.environment_variables.empty()) {
    AppendKeyValues(p.environment_variables, w.Field("environment_variables"));
  }
  w.Close();
}

void AppendExtension(const ToolhivePublisherExtension& e, std::string* out) {
  GoObjectWriter w(out);
  w.StringOmitEmpty("tier", e.tier);
  w.StringOmitEmpty("transport", e.transport);
  w.StringsOmitEmpty("tools", e.tools);
  if (e.metadata) RegistryGoTypes().Append("Metadata", *e.metadata, w.Field("metadata"));
  w.StringsOmitEmpty("tags", e.tags);
  w.AnyMapOmitEmpty("custom_metadata", e.custom_metadata);
  if (e.permissions)
    RegistryGoTypes().Append("PermissionProfile", *e.permissions, w.Field("permissions"));
  w.IntOmitEmpty("target_port", e.target_port);
  w.StringsOmitEmpty("docker_tags", e.docker_tags);
  if (e.provenance) RegistryGoTypes().Append("Provenance", *e.provenance, w.Field("provenance"));
  w.Close();
}

void AppendDetail(const UpstreamServerDetail& d, std::string* out) {
  GoObjectWriter w(out);
  const UpstreamServer& s = d.server;
  {
    GoObjectWriter sw(w.Field("server"));
    sw.String("name", s.name);
    sw.String("description", s.description);
    sw.StringOmitEmpty("status", s.status);
    if (s.repository) {
      GoObjectWriter rw(sw.Field("repository"));
      rw.String("url", s.repository->url);
      rw.String("source", s.repository->source);
      rw.StringOmitEmpty("id", s.repository->id);
      rw.Close();
    }
    GoObjectWriter vw(sw.Field("version_detail"));
    vw.String("version", s.version);
    vw.Close();
    if (!s.packages.empty()) {
      std::string* p = sw.Field("packages");
      p->push_back('[');
      for (size_t i = 0; i < s.packages.size(); ++i) {
        if (i) p->push_back(',');
        AppendPackage(s.packages[i], p);
      }
      p->push_back(']');
    }
    if (!s.remotes.empty()) {
      std::string* r = sw.Field("remotes");
      r->push_back('[');
      for (size_t i = 0; i < s.remotes.size(); ++i) {
        if (i) r->push_back(',');
        GoObjectWriter rw(r);
        rw.String("transport_type", s.remotes[i].transport_type);
        rw.String("url", s.remotes[i].url);
        if (!s.remotes[i].headers.empty())
          AppendKeyValues(s.remotes[i].headers, rw.Field("headers"));
        rw.Close();
      }
      r->push_back(']');
    }
    sw.Close();
  }
  if (d.x_publisher) {
    GoObjectWriter pw(w.Field("x-publisher"));
    if (d.x_publisher->x_dev_toolhive) {
      AppendExtension(*d.x_publisher->x_dev_toolhive, pw.Field("x-dev.toolhive"));
    }
    pw.Close();
  }
  w.Close();
}

}  // namespace

std::string MarshalUpstreamDraft(const std::vector<UpstreamServerDetail>& servers) {
  std::string out = "[";
  out.reserve(2048 * servers.size() + 2);
  for (size_t i = 0; i < servers.size(); ++i) {
    if (i) out.push_back(',');
    AppendDetail(servers[i], &out);
  }
  out.push_back(']');
  return out;
}

}  // namespace thv
