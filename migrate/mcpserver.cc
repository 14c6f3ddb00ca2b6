#include "migrate/mcpserver.h"

#include <algorithm>

#include "core/value_builder.h"

namespace thv {

namespace {

constexpr char kOldApiVersion[] = "toolhive.stacklok.dev/v1alpha1";
constexpr char kNewApiVersion[] = "toolhive.stacklok.dev/v1beta1";

struct Split {
  Value config_spec;
  std::vector<std::string> ref_lines;  // after "<ref>:" and "  name: ...", at depth 1
  bool ok = true;
};

// oidcConfig type configMap: 7002a239b's operator read the ConfigMap in the server's namespace
// and passed its well-known keys as proxy flags (controllers/mcpserver_controller.go@7002a239b:
// 1792-1844; an empty value or a missing ConfigMap passed nothing). The same settings become an
// inline MCPOIDCConfig; the audience (returned) goes to the reference.
std::string OidcFromConfigMap(const DocumentEdit& d, const Value& oidc, const std::string& path,
                              const std::string& ns, const InputConfigMaps& configmaps, Split* s,
                              Diagnostics* diags) {
  const std::string name =
      StringAt(oidc.Find("configMap") ? oidc.Find("configMap")->Find("name") : nullptr);
  const std::string key = (ns.empty() ? d.default_namespace : ns) + "/" + name;
  auto found = configmaps.find(key);
  if (name.empty() || found == configmaps.end()) {
    diags->Error(d.file, oidc.mark, path + ".configMap.name",
                 "the OIDC settings are in ConfigMap " + key +
                     ", which is not among the inputs: migrate converts it into an MCPOIDCConfig "
                     "when it is (same namespace); add its manifest to the inputs, then migrate");
    s->ok = false;
    return "";
  }
  const InputConfigMap& cm = found->second;
  auto refuse = [&](const Value& at, const std::string& field, const std::string& why) {
    diags->Error(cm.file, at.mark, field, why);
    s->ok = false;
  };
  // 7002a239b's keys -> MCPOIDCConfig inline fields (v0.44.0 api/v1beta1/mcpoidcconfig_types.go:
  // 103-135, written in that order).
  static const std::pair<const char*, const char*> kFields[] = {
      {"issuer", "issuer"},
      {"jwksUrl", "jwksUrl"},
      {"introspectionUrl", "introspectionUrl"},
      {"clientId", "clientId"},
      {"jwksAuthTokenPath", "jwksAuthTokenPath"}};
  Value in = Value::Mapping();
  std::string audience;
  bool allow_private_ip = false;
  const Value* data = cm.doc->Find("data");
  if (data && data->IsMapping()) {
    for (const Member& m : data->members) {
      const std::string field = "data." + m.key;
      if (!m.value.IsString()) {
        refuse(m.value, field, "a ConfigMap's data values are strings: quote it, then migrate");
        continue;
      }
      if (m.value.text.empty()) continue;  // 7002a239b passed nothing for an empty value
      if (m.key == "audience") {
        audience = m.value.text;
      } else if (m.key == "jwksAllowPrivateIP") {
        allow_private_ip = m.value.text == "true";  // anything else passed nothing
      } else if (m.key == "clientSecret") {
        refuse(m.value, field,
               "v0.44.0 reads the OIDC client secret only from a Secret (MCPOIDCConfig "
               "inline.clientSecretRef); migrate never writes secrets: put it in a Secret, "
               "remove the key, then migrate and set clientSecretRef by hand");
      } else if (m.key == "thvCABundlePath") {
        refuse(m.value, field,
               "v0.44.0 takes the CA bundle from a ConfigMap (MCPOIDCConfig "
               "inline.caBundleRef), not a path: remove the key, then migrate and reference the "
               "bundle's ConfigMap by hand");
      } else if (std::none_of(std::begin(kFields), std::end(kFields),
                              [&](const auto& f) { return m.key == f.first; })) {
        diags->Warning(cm.file, m.key_mark, field,
                       "note: 7002a239b's operator did not read this key (it reads issuer, "
                       "audience, jwksUrl, introspectionUrl, clientId, clientSecret, "
                       "thvCABundlePath, jwksAuthTokenPath, jwksAllowPrivateIP), so it set "
                       "nothing and is not carried over");
      }
    }
    for (const auto& [from, to] : kFields)
      if (const Value* v = data->Find(from); v && v->IsString() && !v->text.empty()) in.Set(to, *v);
    if (allow_private_ip) in.Set("jwksAllowPrivateIP", Value::Bool(true));
  }
  if (cm.doc->Find("binaryData"))
    diags->Warning(cm.file, cm.doc->Find("binaryData")->mark, "binaryData",
                   "note: 7002a239b's operator read only data, not binaryData; not carried over");
  if (!in.Find("issuer"))
    refuse(*cm.doc, "data.issuer",
           "no issuer: 7002a239b's proxy got no --oidc-issuer from this ConfigMap, and v0.44.0 "
           "requires one (MCPOIDCConfig inline.issuer); set the issuer, then migrate");
  if (audience.empty())
    refuse(*cm.doc, "data.audience",
           "v0.44.0 requires an audience (oidcConfigRef.audience); 7002a239b checked none when "
           "it was empty: set the audience your tokens carry, then migrate");
  s->config_spec.Set("type", Str("inline"));
  s->config_spec.Set("inline", std::move(in));
  diags->Warning(d.file, oidc.mark, path,
                 "note: the settings of ConfigMap " + key +
                     " are now an MCPOIDCConfig; the server no longer reads the ConfigMap "
                     "(delete it when nothing else does)");
  return audience;
}

// spec.oidcConfig (7002a239b: type kubernetes (default), configMap or inline) -> an
// MCPOIDCConfig spec and the oidcConfigRef's audience and resourceUrl.
Split ConvertOidc(const DocumentEdit& d, const Value& oidc, const std::string& path,
                  const std::string& ns, const std::string& default_resource_url,
                  const InputConfigMaps& configmaps, Diagnostics* diags) {
  Split s;
  std::string type = StringAt(oidc.Find("type"));
  if (type.empty()) type = "kubernetes";
  auto refuse = [&](const Value& at, const std::string& field, const std::string& why) {
    diags->Error(d.file, at.mark, path + field, why);
    s.ok = false;
  };
  std::string audience;
  s.config_spec = Value::Mapping();
  if (type == "configMap") {
    audience = OidcFromConfigMap(d, oidc, path, ns, configmaps, &s, diags);
  } else if (type == "kubernetes") {
    const Value* k = oidc.Find("kubernetes");
    Value sub = k && k->IsMapping() ? Pick(*k, {"serviceAccount", "namespace", "issuer", "jwksUrl",
                                                "introspectionUrl", "useClusterAuth"})
                                    : Value::Mapping();
    audience = k ? StringAt(k->Find("audience")) : "";
    if (k && !StringAt(k->Find("introspectionUrl")).empty())
      refuse(*k, ".kubernetes.introspectionUrl",
             "7002a239b passed the client id <serviceAccount>.<namespace>.svc.cluster.local, "
             "which made the proxy introspect opaque tokens; v0.44.0's kubernetesServiceAccount "
             "passes none, so they would be refused: write an inline MCPOIDCConfig with that "
             "clientId, then migrate");
    if (audience.empty()) audience = "toolhive";  // the 7002a239b CRD default
    s.config_spec.Set("type", Str("kubernetesServiceAccount"));
    s.config_spec.Set("kubernetesServiceAccount", std::move(sub));
  } else if (type == "inline") {
    const Value* in = oidc.Find("inline");
    if (!in || !in->IsMapping()) {
      refuse(oidc, ".inline", "type inline without inline settings");
      return s;
    }
    if (const Value* secret = in->Find("clientSecret"); secret && !StringAt(secret).empty())
      refuse(*secret, ".inline.clientSecret",
             "v0.44.0 reads the client secret only from a Secret (MCPOIDCConfig "
             "inline.clientSecretRef); migrate never writes secrets: put it in a Secret, set "
             "clientSecretRef in the MCPOIDCConfig by hand, and remove clientSecret");
    if (const Value* ca = in->Find("thvCABundlePath"); ca && !StringAt(ca).empty())
      refuse(*ca, ".inline.thvCABundlePath",
             "v0.44.0 takes the CA bundle from a ConfigMap (MCPOIDCConfig inline.caBundleRef), "
             "not a path: create the ConfigMap, reference it, and remove thvCABundlePath");
    audience = StringAt(in->Find("audience"));
    if (audience.empty())
      refuse(oidc, ".inline.audience",
             "v0.44.0 requires an audience (oidcConfigRef.audience); 7002a239b checked none when "
             "it was empty: set the audience your tokens carry, then migrate");
    s.config_spec.Set("type", Str("inline"));
    s.config_spec.Set("inline", Pick(*in, {"issuer", "jwksUrl", "introspectionUrl", "clientId",
                                           "jwksAuthTokenPath", "jwksAllowPrivateIP"}));
  }
  if (!s.ok) return s;
  s.ref_lines.push_back("audience: " + YamlScalar(audience));
  std::string url = StringAt(oidc.Find("resourceUrl"));
  if (url.empty()) {
    // 7002a239b defaulted it to the proxy Service's URL (mcp-<name>-proxy); v0.44.0 defaults
    // to another one (<name>.<ns>...), which would change the audience tokens are checked for.
    url = default_resource_url;
    diags->Warning(d.file, oidc.mark, path + ".resourceUrl",
                   "note: v0.44.0 defaults the resource URL differently; the 7002a239b default " +
                       url + " is kept explicitly");
  }
  s.ref_lines.push_back("resourceUrl: " + YamlScalar(url));
  return s;
}

// spec.telemetry -> an MCPTelemetryConfig spec; openTelemetry.serviceName moves to the
// reference, headers "k=v" become a map.
Split ConvertTelemetry(const DocumentEdit& d, const Value& telemetry, const std::string& path,
                       Diagnostics* diags) {
  Split s;
  s.config_spec = Value::Mapping();
  if (const Value* otel = telemetry.Find("openTelemetry"); otel && otel->IsMapping()) {
    Value out = Value::Mapping();
    for (const Member& m : otel->members) {
      if (m.key == "serviceName") {
        if (!StringAt(&m.value).empty())
          s.ref_lines.push_back("serviceName: " + YamlScalar(m.value.text));
        continue;
      }
      if (m.key != "headers") {
        out.members.push_back({m.key, Mark{}, m.value});
        continue;
      }
      Value headers = Value::Mapping();
      for (size_t i = 0; i < m.value.items.size(); ++i) {
        const Value& h = m.value.items[i];
        std::string field = path + ".openTelemetry.headers[" + std::to_string(i) + "]";
        size_t eq = h.text.find('=');
        if (!h.IsString() || eq == std::string::npos || eq == 0) {
          diags->Error(d.file, h.mark, field,
                       "not KEY=VALUE: v0.44.0 takes headers as a map; fix the header first");
          s.ok = false;
          continue;
        }
        std::string key = h.text.substr(0, eq);
        if (headers.Find(key)) {
          diags->Error(
              d.file, h.mark, field,
              "header " + key + " given twice; v0.44.0 takes headers as a map (one value each)");
          s.ok = false;
          continue;
        }
        headers.Set(key, Str(h.text.substr(eq + 1)));
      }
      if (!headers.members.empty()) out.members.push_back({"headers", Mark{}, std::move(headers)});
    }
    // 7002a239b's proxy (flags mode, the chart's default) exported to --otel-endpoint whatever
    // enabled said (cmd/thv/app/run_flags.go@7002a239b:635-640: only the endpoint and the
    // Prometheus flag count); v0.44.0 reads the endpoint only when enabled.
    const Value* enabled = otel->Find("enabled");
    if (!StringAt(otel->Find("endpoint")).empty() && !(enabled && enabled->AsBool())) {
      if (Value* e = out.Find("enabled"))
        *e = Value::Bool(true);
      else
        out.members.insert(out.members.begin(), {"enabled", Mark{}, Value::Bool(true)});
      diags->Warning(d.file, enabled ? enabled->mark : otel->mark, path + ".openTelemetry.enabled",
                     "note: 7002a239b's proxy exported to the endpoint even without enabled: "
                     "true; v0.44.0 honours enabled, so migrate writes enabled: true to keep "
                     "exporting (remove the endpoint or set it false to stop)");
    }
    s.config_spec.Set("openTelemetry", std::move(out));
  }
  const Value* prom = telemetry.Find("prometheus");
  if (prom) s.config_spec.Set("prometheus", *prom);
  // Without --otel-service-name, 7002a239b's proxy (flags mode) named its OpenTelemetry resource
  // "toolhive-mcp-proxy" (pkg/runner/config_builder.go@7002a239b:362-366, pkg/telemetry/
  // config.go:65), and the SDK lets that win over the container's OTEL_RESOURCE_ATTRIBUTES
  // service.name=<server> (go.opentelemetry.io/otel/sdk v1.38.0 trace/provider.go:395-403 and
  // metric/config.go:108-116: resource.Merge(resource.Environment(), res), res last). v0.44.0
  // names it <server> (ResolveServiceName), so the old name is kept explicitly. Only when the
  // proxy built a telemetry config at all: an endpoint or the Prometheus path
  // (config_builder.go:349-351; the operator passes the latter for prometheus.enabled,
  // controllers/mcpserver_controller.go:1933-1935).
  const Value* otel = telemetry.Find("openTelemetry");
  const bool configured = (otel && !StringAt(otel->Find("endpoint")).empty()) ||
                          (prom && prom->Find("enabled") && prom->Find("enabled")->AsBool());
  if (configured && (!otel || StringAt(otel->Find("serviceName")).empty())) {
    s.ref_lines.push_back("serviceName: toolhive-mcp-proxy");
    diags->Warning(d.file, otel ? otel->mark : telemetry.mark,
                   path + (otel ? ".openTelemetry.serviceName" : ""),
                   "note: 7002a239b's proxy reported the service name toolhive-mcp-proxy when "
                   "none was set (its default overrode OTEL_RESOURCE_ATTRIBUTES); v0.44.0 would "
                   "report the server's name, so migrate keeps toolhive-mcp-proxy explicitly "
                   "(remove serviceName to take the new default)");
  }
  return s;
}

}  // namespace

void BumpApiVersion(DocumentEdit* d, Diagnostics* diags) {
  const Value* av = d->doc->Find("apiVersion");
  if (!av || !d->ReplaceInScalar(*av, kOldApiVersion, kNewApiVersion))
    diags->Error(d->file, av ? av->mark : d->doc->mark, "apiVersion",
                 "cannot rewrite the apiVersion in place (write it as a plain scalar)");
}

void MigrateServer(DocumentEdit* d, ConfigPool* pool, const InputConfigMaps& configmaps,
                   Diagnostics* diags) {
  const Value& doc = *d->doc;
  BumpApiVersion(d, diags);
  const Value* spec = doc.Find("spec");
  if (!spec || !spec->IsMapping()) return;
  const Value* meta = doc.Find("metadata");
  const std::string name = meta ? StringAt(meta->Find("name")) : "";
  const std::string ns = meta ? StringAt(meta->Find("namespace")) : "";
  const size_t spec_at = d->Offset(spec->mark);
  const bool flow = spec_at < d->text.size() && d->text[spec_at] == '{';
  auto block_only = [&](const Member& m) {
    diags->Error(d->file, m.key_mark, "spec." + m.key,
                 "spec is a flow mapping ({...}); migrate edits block mappings only: write spec "
                 "in block style, then migrate");
  };

  const Value* transport = spec->Find("transport");
  const std::string transport_name = transport ? StringAt(transport) : "stdio";
  const Member* transport_member = spec->FindMember("transport");
  const Member* image_member = spec->FindMember("image");
  const Value* port_value = spec->Find("port");
  const std::string port = port_value && port_value->IsInt() ? port_value->text : "8080";
  // Members must be written inside spec: one merged in (<<: *anchor) is written elsewhere, and
  // editing it there would change what the anchor means for everything else using it.
  const Member* spec_member = doc.FindMember("spec");
  const TextRange spec_lines = d->positions->MemberLines(d->Offset(spec_member->key_mark));
  for (const Member& m : spec->members) {
    const size_t at = d->Offset(m.key_mark);
    if (at < spec_lines.begin || at >= spec_lines.end || at == std::string::npos) {
      diags->Error(d->file, m.key_mark, "spec." + m.key,
                   "spec takes this field from elsewhere (a YAML merge key or alias); write it "
                   "out in spec, then migrate");
      return;
    }
  }
  for (const Member& m : spec->members) {
    const std::string field = "spec." + m.key;
    if (m.key == "port") d->RenameKey(m, "proxyPort");
    if (m.key == "targetPort") d->RenameKey(m, "mcpPort");
    if (m.key == "permissionProfile" && StringAt(m.value.Find("type")) == "configmap")
      diags->Error(d->file, m.value.mark, field + ".type",
                   "the v0.44.0 operator reads configmap permission profiles from its own file "
                   "system and fails (runner.PermissionProfile via permissions.FromFile): "
                   "use a builtin profile (network, none) before migrating");
    if (m.key == "resourceOverrides") {
      const Value* pd = m.value.Find("proxyDeployment");
      if (pd && pd->Find("podTemplateMetadataOverrides"))
        diags->Warning(d->file, m.key_mark, field + ".proxyDeployment.podTemplateMetadataOverrides",
                       "note: v0.44.0 puts these labels and annotations on the pod template; "
                       "7002a239b merged the labels into the Deployment's labels");
    }
    if (m.key != "oidcConfig" && m.key != "telemetry" && m.key != "tools") continue;
    if (flow) {
      block_only(m);
      continue;
    }
    if (m.value.IsNull()) {  // "oidcConfig:" with nothing: absent to both releases
      d->ReplaceMember(m, {});
      continue;
    }
    Split split;
    std::string kind, suffix, ref;
    if (m.key == "oidcConfig") {
      split =
          ConvertOidc(*d, m.value, field, ns,
                      "http://mcp-" + name + "-proxy." + (ns.empty() ? d->default_namespace : ns) +
                          ".svc.cluster.local:" + port,
                      configmaps, diags);
      kind = "MCPOIDCConfig", suffix = "-oidc", ref = "oidcConfigRef";
    } else if (m.key == "telemetry") {
      split = ConvertTelemetry(*d, m.value, field, diags);
      kind = "MCPTelemetryConfig", suffix = "-telemetry", ref = "telemetryConfigRef";
    } else {
      if (spec->Find("toolConfigRef")) {
        diags->Error(d->file, m.key_mark, field,
                     "both tools and toolConfigRef: 7002a239b filtered by the MCPToolConfig in the "
                     "RunConfig but by tools in the proxy's --tools flag; keep one, then migrate");
        continue;
      }
      if (m.value.items.empty()) {
        d->ReplaceMember(m, {});
        diags->Warning(d->file, m.key_mark, field,
                       "note: an empty tools list filters nothing; removed");
        continue;
      }
      split.config_spec = Value::Mapping();
      split.config_spec.Set("toolsFilter", m.value);
      kind = "MCPToolConfig", suffix = "-tools", ref = "toolConfigRef";
    }
    if (!split.ok) continue;
    std::string config_name, err;
    bool is_new = false;
    if (!pool->Place(kind, ns, name + suffix, split.config_spec, &config_name, &is_new, &err)) {
      diags->Error(d->file, m.key_mark, field, err);
      continue;
    }
    std::vector<std::string> lines = {ref + ":", "  name: " + YamlScalar(config_name)};
    for (const std::string& l : split.ref_lines) lines.push_back("  " + l);
    if (!d->ReplaceMember(m, lines)) {
      block_only(m);
      continue;
    }
    if (is_new)
      d->new_docs.push_back(
          NewToolhiveDocument(kNewApiVersion, kind, config_name, ns, split.config_spec));
  }

  if (transport_name == "stdio" && !spec->Find("proxyMode")) {
    const Member* after = transport_member ? transport_member : image_member;
    if (flow || !after || !d->InsertAfterMember(*after, "proxyMode: sse")) {
      diags->Error(d->file, spec->mark, "spec.proxyMode",
                   "cannot insert proxyMode: sse (the 7002a239b default) in place: write spec in "
                   "block style or set proxyMode, then migrate");
    } else {
      diags->Warning(d->file, after->key_mark, "spec.proxyMode",
                     "note: the stdio proxy mode default changed from sse (7002a239b) to "
                     "streamable-http (v0.44.0); proxyMode: sse keeps the old behaviour (remove it "
                     "to switch)");
    }
  }
  if (transport_name != "stdio" && !spec->Find("targetPort") && !spec->Find("mcpPort"))
    diags->Warning(
        d->file, transport_member ? transport_member->key_mark : spec->mark, "spec.mcpPort",
        "note: without targetPort 7002a239b used the registry's or a free port chosen at "
        "run time; v0.44.0 uses mcpPort, default 8080: set it if the server listens "
        "elsewhere");
}

}  // namespace thv
