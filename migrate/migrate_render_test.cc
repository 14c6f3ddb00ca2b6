// Meaning kept: every 7002a239b example (testdata/examples, copied from the upstream examples)
// and the fixtures in testdata/migrate migrate, and the server the v0.44.0 target renders from
// the output has the settings the 7002a239b target rendered from the input, compared field by
// field (proxy port, target port, proxy mode, image, args, env, secrets, permission profile,
// resources, tool filter, OIDC, authz, audit, telemetry); a second migrate changes nothing and
// every comment survives byte for byte, in order.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "core/testing.h"
#include "core/value_builder.h"
#include "core/yaml_writer.h"
#include "migrate/edits.h"
#include "migrate/migrate_testing.h"
#include "render/render_all.h"
#include "targets/testing.h"

namespace thv {

namespace {

using Settings = std::map<std::string, std::string>;

std::vector<Value> RenderAt(const std::string& target, const std::string& yaml) {
  InputOptions options;
  options.target = FindTarget(target);
  Diagnostics diags;
  std::vector<Object> objects = ObjectsFromYaml(yaml, &diags, options);
  std::vector<Value> out = RenderAll(objects, {}, &diags);
  std::string messages;
  for (const Diagnostic& d : diags.items()) messages += FormatDiagnostic(d) + "\n";
  INFO(target, messages);
  REQUIRE_FALSE(diags.HasErrors());
  return out;
}

const Value* FindObject(const std::vector<Value>& docs, const std::string& kind,
                        const std::string& name) {
  for (const Value& d : docs) {
    const Value* k = d.Find("kind");
    const Value* m = d.Find("metadata");
    if (k && k->text == kind && m && m->Find("name") && m->Find("name")->text == name) return &d;
  }
  return nullptr;
}

std::string Json(const Value* v) { return v ? GoJsonCompact(*v) : "-"; }

Value RunConfig(const std::vector<Value>& docs, const std::string& server) {
  const Value* cm = FindObject(docs, "ConfigMap", server + "-runconfig");
  REQUIRE(cm);
  Value rc;
  JsonSyntaxError err;
  REQUIRE(ParseJson(cm->Find("data")->Find("runconfig.json")->text, &rc, &err));
  return rc;
}

const Value& ProxyContainer(const std::vector<Value>& docs, const std::string& server) {
  const Value* deployment = FindObject(docs, "Deployment", server);
  REQUIRE(deployment);
  return deployment->Find("spec")->Find("template")->Find("spec")->Find("containers")->items[0];
}

// What both releases share in the Deployment: the proxy's resources and the MCP container's
// secret env vars in the pod patch.
void DeploymentSettings(const std::vector<Value>& docs, const std::string& server, Settings* s) {
  const Value& proxy = ProxyContainer(docs, server);
  (*s)["resources"] = Json(proxy.Find("resources"));
  for (const Value& arg : proxy.Find("args")->items) {
    if (arg.text.rfind("--k8s-pod-patch=", 0) != 0) continue;
    Value patch;
    JsonSyntaxError err;
    REQUIRE(ParseJson(arg.text.substr(16), &patch, &err));
    for (const Value& c : patch.Find("spec")->Find("containers")->items)
      if (c.Find("name")->text == "mcp") (*s)["secrets"] = Json(c.Find("env"));
  }
}

// The RunConfig fields that mean the same in both releases.
void RunConfigSettings(const Value& rc, bool stdio, bool had_target_port, Settings* s) {
  (*s)["port"] = Json(rc.Find("port"));
  if (had_target_port) (*s)["target_port"] = Json(rc.Find("target_port"));
  if (stdio) (*s)["proxy_mode"] = Json(rc.Find("proxy_mode"));
  (*s)["image"] = Json(rc.Find("image"));
  (*s)["cmd_args"] = Json(rc.Find("cmd_args"));
  Value env = rc.Find("env_vars") ? *rc.Find("env_vars") : Value::Mapping();
  for (const char* derived : {"MCP_TRANSPORT", "MCP_PORT", "FASTMCP_PORT"}) env.Erase(derived);
  (*s)["env_vars"] = Json(&env);
  (*s)["permission_profile"] = Json(rc.Find("permission_profile_name_or_path"));
  const Value* profile = rc.Find("permission_profile");
  (*s)["permission_outbound"] = Json(
      profile && profile->Find("network") ? profile->Find("network")->Find("outbound") : nullptr);
  (*s)["tools_filter"] = Json(rc.Find("tools_filter"));
  // Without its version: in flags mode the 7002a239b proxy read the authz ConfigMap (version
  // "1.0", spec/mcpserver.md 2.9), not the RunConfig's copy ("v1"); v0.44.0 writes "1.0".
  Value authz = rc.Find("authz_config") ? *rc.Find("authz_config") : Value();
  authz.Erase("version");
  (*s)["authz_config"] = Json(&authz);
  (*s)["audit"] = rc.Find("audit_config") ? "on" : "off";
}

// 7002a239b's telemetry_config fields (v0.44.0 adds more, which keep their defaults).
void TelemetrySettings(const Value* telemetry, Settings* s) {
  if (!telemetry) return;
  for (const char* key : {"endpoint", "serviceName", "tracingEnabled", "metricsEnabled",
                          "samplingRate", "headers", "insecure", "enablePrometheusMetricsPath"}) {
    const Value* v = telemetry->Find(key);
    // v0.44.0 omits false booleans (omitempty) and writes the sampling rate as a string.
    std::string text = !v && std::string(key) != "endpoint" && std::string(key) != "headers" &&
                               std::string(key) != "serviceName"
                           ? "false"
                       : v && v->IsString() && std::string(key) == "samplingRate" ? v->text
                                                                                  : Json(v);
    // No endpoint: nothing is exported over OTLP, so its headers and sampling rate mean
    // nothing; "" and {} are absent (7002a239b writes them for a Prometheus-only config).
    const Value* endpoint = telemetry->Find("endpoint");
    const bool otlp = endpoint && !endpoint->text.empty();
    if (!otlp && std::string(key) == "samplingRate") continue;
    if (v && ((v->IsString() && v->text.empty() && std::string(key) == "endpoint") ||
              (v->IsMapping() && v->members.empty())))
      text = "-";
    (*s)[std::string("telemetry.") + key] = text;
  }
}

// The service name 7002a239b's proxy reported (flags mode): --otel-service-name, else its
// default, which overrode OTEL_RESOURCE_ATTRIBUTES (see migrate/mcpserver.cc ConvertTelemetry).
// Empty when the proxy built no telemetry (no endpoint, no Prometheus path).
std::string ServiceNameFromArgs(const Value& proxy) {
  std::string name = "toolhive-mcp-proxy";
  bool telemetry = false;
  for (const Value& arg : proxy.Find("args")->items) {
    if (arg.text.rfind("--otel-service-name=", 0) == 0) name = arg.text.substr(20);
    telemetry |= arg.text.rfind("--otel-endpoint=", 0) == 0 ||
                 arg.text == "--enable-prometheus-metrics-path";
  }
  return telemetry ? name : "";
}

// The OIDC settings the 7002a239b proxy got as flags (flags mode), by oidc_config field name.
void OidcFromArgs(const Value& proxy, bool kubernetes_type, Settings* s) {
  Settings oidc = {{"Issuer", ""},      {"Audience", ""},         {"JWKSURL", ""},
                   {"CACertPath", ""},  {"AuthTokenFile", ""},    {"AllowPrivateIP", "false"},
                   {"ResourceURL", ""}, {"IntrospectionURL", ""}, {"ClientID", ""}};
  bool any = false;
  const std::map<std::string, std::string> flags = {
      {"--oidc-issuer=", "Issuer"},
      {"--oidc-audience=", "Audience"},
      {"--oidc-jwks-url=", "JWKSURL"},
      {"--thv-ca-bundle=", "CACertPath"},
      {"--jwks-auth-token-file=", "AuthTokenFile"},
      {"--resource-url=", "ResourceURL"},
      {"--oidc-introspection-url=", "IntrospectionURL"},
      {"--oidc-client-id=", "ClientID"}};
  for (const Value& arg : proxy.Find("args")->items) {
    if (arg.text == "--jwks-allow-private-ip") oidc["AllowPrivateIP"] = "true", any = true;
    for (const auto& [flag, field] : flags)
      if (arg.text.rfind(flag, 0) == 0) oidc[field] = arg.text.substr(flag.size()), any = true;
  }
  // Without an introspection URL the client id of the kubernetes type changed nothing (it only
  // enabled RFC 7662 introspection, token.go@7002a239b:521); v0.44.0 passes none.
  if (kubernetes_type && oidc["IntrospectionURL"].empty()) oidc.erase("ClientID");
  if (any)
    for (const auto& [k, v] : oidc) (*s)["oidc." + k] = v;
}

void OidcFromRunConfig(const Value& rc, const Settings& want, Settings* s) {
  const Value* oidc = rc.Find("oidc_config");
  if (!oidc) return;
  for (const Member& m : oidc->members) {
    std::string key = "oidc." + m.key;
    if (!want.count(key)) continue;
    (*s)[key] = m.value.IsString() ? m.value.text : Json(&m.value);
  }
}

void CheckMigratesKeepingMeaning(const std::string& path) {
  CAPTURE(path);
  const std::string in = ReadTestdata(path);
  Diagnostics diags;
  const std::string out = MigrateText(in, &diags);
  std::string messages;
  for (const Diagnostic& d : diags.items()) messages += FormatDiagnostic(d) + "\n";
  INFO(messages);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(out != in);

  Diagnostics again;
  CHECK(MigrateText(out, &again) == out);
  CHECK_FALSE(again.HasErrors());
  CHECK(IsSubsequence(Comments(in), Comments(out)));
  // Only the necessary edits: every other line is still there, byte for byte, in order.
  CHECK(IsSubsequence(UntouchedLines(in), AllLines(out)));

  std::vector<Value> old_docs = RenderAt("7002a239b", in);
  std::vector<Value> new_docs = RenderAt("v0.44.0", out);
  std::vector<Value> inputs;
  Diagnostics read;
  REQUIRE(ReadYamlDocuments(path, in, &inputs, &read));
  for (const Value& doc : inputs) {
    if (doc.Find("kind")->text != "MCPServer") continue;
    const std::string name = doc.Find("metadata")->Find("name")->text;
    CAPTURE(name);
    const Value& spec = *doc.Find("spec");
    const bool stdio = !spec.Find("transport") || spec.Find("transport")->text == "stdio";
    const Value* oidc = spec.Find("oidcConfig");
    const bool kubernetes_type =
        oidc && (!oidc->Find("type") || oidc->Find("type")->text == "kubernetes");

    Settings old_settings, new_settings;
    const Value old_rc = RunConfig(old_docs, name);
    const Value new_rc = RunConfig(new_docs, name);
    const bool had_target_port = old_rc.Find("target_port") != nullptr;
    RunConfigSettings(old_rc, stdio, had_target_port, &old_settings);
    RunConfigSettings(new_rc, stdio, had_target_port, &new_settings);
    TelemetrySettings(old_rc.Find("telemetry_config"), &old_settings);
    const Value reported = Str(ServiceNameFromArgs(ProxyContainer(old_docs, name)));
    if (old_settings.count("telemetry.serviceName") && !reported.text.empty())
      old_settings["telemetry.serviceName"] = Json(&reported);
    TelemetrySettings(old_rc.Find("telemetry_config") ? new_rc.Find("telemetry_config") : nullptr,
                      &new_settings);
    DeploymentSettings(old_docs, name, &old_settings);
    DeploymentSettings(new_docs, name, &new_settings);
    OidcFromArgs(ProxyContainer(old_docs, name), kubernetes_type, &old_settings);
    OidcFromRunConfig(new_rc, old_settings, &new_settings);
    for (const auto& [key, value] : old_settings) {
      CAPTURE(key);
      CHECK(new_settings[key] == value);
    }
    CHECK(old_settings.size() == new_settings.size());
  }
}

}  // namespace

TEST_CASE("migrate: every 7002a239b example renders at v0.44.0 with the same settings") {
  for (const char* path : {
           "examples/mcp-servers/mcpserver_fetch.yaml",
           "examples/mcp-servers/mcpserver_fetch_tools_filter.yaml",
           "examples/mcp-servers/mcpserver_github.yaml",
           "examples/mcp-servers/mcpserver_with_pod_template.yaml",
           "examples/mcp-servers/mcpserver_with_resource_overrides.yaml",
           "examples/mcp-servers/mcpserver_yardstick_sse.yaml",
           "examples/mcp-servers/mcpserver_yardstick_stdio.yaml",
           "examples/tool-configs/toolconfig_basic.yaml",
           "migrate/full.yaml",
           "migrate/shared.yaml",
           "migrate/telemetry_default_name.yaml",
           "migrate/oidc_configmap.yaml",
       })
    CheckMigratesKeepingMeaning(path);
}

}  // namespace thv
