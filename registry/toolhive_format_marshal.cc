// json.Marshal of the ToolHive registry: struct fields in Go's declaration order, omitempty
// honoured, map keys sorted (std::map order is Go's bytewise order).
#include "registry/toolhive_format.h"

namespace thv {

namespace {

void AppendBase(const BaseServerMetadata& b, GoObjectWriter* w) {
  w->StringOmitEmpty("name", b.name);
  w->String("description", b.description);
  w->String("tier", b.tier);
  w->String("status", b.status);
  w->String("transport", b.transport);
  w->Strings("tools", b.tools);
  if (b.metadata) AppendMetadataJson(*b.metadata, w->Field("metadata"));
  w->StringOmitEmpty("repository_url", b.repository_url);
  w->StringsOmitEmpty("tags", b.tags);
  w->AnyMapOmitEmpty("custom_metadata", b.custom_metadata);
}

void AppendHeaders(const std::vector<Header>& headers, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < headers.size(); ++i) {
    if (i) out->push_back(',');
    const Header& h = headers[i];
    GoObjectWriter w(out);
    w.String("name", h.name);
    w.String("description", h.description);
    w.Bool("required", h.required);
    w.StringOmitEmpty("default", h.default_value);
    w.BoolOmitEmpty("secret", h.secret);
    w.StringsOmitEmpty("choices", h.choices);
    w.Close();
  }
  out->push_back(']');
}

template <typename Map, typename F>
void AppendMap(const Map& map, std::string* out, F&& append_value) {
  out->push_back('{');
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out->push_back(',');
    first = false;
    AppendGoString(key, out);
    out->push_back(':');
    append_value(value, out);
  }
  out->push_back('}');
}

void AppendServers(const ServerMap& m, std::string* out) {
  AppendMap(m, out, AppendImageMetadataJson);
}

void AppendRemoteServers(const RemoteServerMap& m, std::string* out) {
  AppendMap(m, out, AppendRemoteServerMetadataJson);
}

}  // namespace

void AppendMetadataJson(const Metadata& m, std::string* out) {
  GoObjectWriter w(out);
  w.Int("stars", m.stars);
  w.Int("pulls", m.pulls);
  w.String("last_updated", m.last_updated);
  w.Close();
}

void AppendEnvVarsJson(const std::vector<EnvVar>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    GoObjectWriter w(out);
    w.String("name", v[i].name);
    w.String("description", v[i].description);
    w.Bool("required", v[i].required);
    w.StringOmitEmpty("default", v[i].default_value);
    w.BoolOmitEmpty("secret", v[i].secret);
    w.Close();
  }
  out->push_back(']');
}

void AppendPermissionsJson(const PermissionProfile& p, std::string* out) {
  GoObjectWriter w(out);
  w.StringOmitEmpty("name", p.name);
  w.StringsOmitEmpty("read", p.read);
  w.StringsOmitEmpty("write", p.write);
  if (p.network) {
    GoObjectWriter n(w.Field("network"));
    if (p.network->outbound) {
      const OutboundNetworkPermissions& o = *p.network->outbound;
      GoObjectWriter ow(n.Field("outbound"));
      ow.BoolOmitEmpty("insecure_allow_all", o.insecure_allow_all);
      ow.StringsOmitEmpty("allow_host", o.allow_host);
      if (!o.allow_port.empty()) {
        std::string* s = ow.Field("allow_port");
        s->push_back('[');
        for (size_t i = 0; i < o.allow_port.size(); ++i) {
          if (i) s->push_back(',');
          s->append(std::to_string(o.allow_port[i]));
        }
        s->push_back(']');
      }
      ow.Close();
    }
    n.Close();
  }
  w.BoolOmitEmpty("privileged", p.privileged);
  w.Close();
}

void AppendProvenanceJson(const Provenance& p, std::string* out) {
  GoObjectWriter w(out);
  w.String("sigstore_url", p.sigstore_url);
  w.String("repository_uri", p.repository_uri);
  w.StringOmitEmpty("repository_ref", p.repository_ref);
  w.String("signer_identity", p.signer_identity);
  w.String("runner_environment", p.runner_environment);
  w.String("cert_issuer", p.cert_issuer);
  if (p.attestation) {
    GoObjectWriter a(w.Field("attestation"));
    a.StringOmitEmpty("predicate_type", p.attestation->predicate_type);
    if (p.attestation->predicate) AppendGoValue(*p.attestation->predicate, a.Field("predicate"));
    a.Close();
  }
  w.Close();
}

void AppendOAuthConfigJson(const OAuthConfig& o, std::string* out) {
  GoObjectWriter w(out);
  w.StringOmitEmpty("issuer", o.issuer);
  w.StringOmitEmpty("authorize_url", o.authorize_url);
  w.StringOmitEmpty("token_url", o.token_url);
  w.StringOmitEmpty("client_id", o.client_id);
  w.StringsOmitEmpty("scopes", o.scopes);
  w.BoolOmitEmpty("use_pkce", o.use_pkce);
  if (!o.oauth_params.empty()) {
    AppendMap(o.oauth_params, w.Field("oauth_params"),
              [](const std::string& s, std::string* b) { AppendGoString(s, b); });
  }
  w.IntOmitEmpty("callback_port", o.callback_port);
  w.Close();
}

void AppendImageMetadataJson(const ImageMetadata& s, std::string* out) {
  GoObjectWriter w(out);
  AppendBase(s, &w);
  w.String("image", s.image);
  w.IntOmitEmpty("target_port", s.target_port);
  if (s.permissions) AppendPermissionsJson(*s.permissions, w.Field("permissions"));
  if (!s.env_vars.empty()) AppendEnvVarsJson(s.env_vars, w.Field("env_vars"));
  w.StringsOmitEmpty("args", s.args);
  w.StringsOmitEmpty("docker_tags", s.docker_tags);
  if (s.provenance) AppendProvenanceJson(*s.provenance, w.Field("provenance"));
  w.Close();
}

void AppendRemoteServerMetadataJson(const RemoteServerMetadata& s, std::string* out) {
  GoObjectWriter w(out);
  AppendBase(s, &w);
  w.String("url", s.url);
  if (!s.headers.empty()) AppendHeaders(s.headers, w.Field("headers"));
  if (s.oauth_config) AppendOAuthConfigJson(*s.oauth_config, w.Field("oauth_config"));
  if (!s.env_vars.empty()) AppendEnvVarsJson(s.env_vars, w.Field("env_vars"));
  w.Close();
}

std::string MarshalToolhiveRegistry(const Registry& registry) {
  std::string out;
  out.reserve(4096 + 2048 * ((registry.servers ? registry.servers->size() : 0) +
                             registry.remote_servers.size()));
  GoObjectWriter w(&out);
  w.String("version", registry.version);
  w.String("last_updated", registry.last_updated);
  if (registry.servers) {
    AppendServers(*registry.servers, w.Field("servers"));
  } else {
    w.Field("servers")->append("null");
  }
  if (!registry.remote_servers.empty()) {
    AppendRemoteServers(registry.remote_servers, w.Field("remote_servers"));
  }
  if (!registry.groups.empty()) {
    std::string* s = w.Field("groups");
    s->push_back('[');
    for (size_t i = 0; i < registry.groups.size(); ++i) {
      if (i) s->push_back(',');
      const Group& g = registry.groups[i];
      GoObjectWriter gw(s);
      gw.String("name", g.name);
      gw.String("description", g.description);
      if (!g.servers.empty()) AppendServers(g.servers, gw.Field("servers"));
      if (!g.remote_servers.empty())
        AppendRemoteServers(g.remote_servers, gw.Field("remote_servers"));
      gw.Close();
    }
    s->push_back(']');
  }
  w.Close();
  return out;
}

}  // namespace thv
