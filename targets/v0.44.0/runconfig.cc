#include "targets/v0.44.0/runconfig.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "model/formats.h"
#include "model/names.h"
#include "render/runconfig_parts.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/webhooks.h"

namespace thv {
namespace t0_44_0 {

namespace {

bool IsHttpTransport(const std::string& t) { return t == "sse" || t == "streamable-http"; }

// strconv.ParseFloat(text, 64) for decimal text: the whole string, no spaces.
bool ParseFloat(const std::string& text, double* out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end && *end == '\0';
}

// The middleware entry types.MiddlewareConfig {type, parameters}
// (pkg/transport/types/transport.go:45-66; parameters is the json.Marshal of the params struct).
Value Middleware(const char* type, Value parameters) {
  return Obj({{"type", Str(type)}, {"parameters", std::move(parameters)}});
}

class RunConfigBuilder {
 public:
  RunConfigBuilder(const MCPServer& server, const ServerRefs& refs, const RenderOptions& options,
                   Diagnostics* diags, const RemoteProxyRun* remote)
      : s_(server),
        remote_(remote),
        refs_(refs),
        options_(options),
        diags_(diags),
        name_(server.object->meta.name),
        ns_(server.object->meta.namespace_),
        errors_before_(diags->error_count()) {}

  Value Build() {
    Resolve();
    if (diags_->error_count() != errors_before_) return Value::Null();
    Value rc = Marshal();
    return diags_->error_count() == errors_before_ ? rc : Value::Null();
  }

 private:
  const std::string& File() const { return s_.object->origin.file; }

  // The builder's error: the operator writes the RBAC objects but no RunConfig ConfigMap and no
  // Deployment. Reported at the field (mark), else where path was written.
  void Refuse(Mark mark, const std::string& path, const std::string& why) {
    diags_->Error(File(), mark.line > 0 ? mark : MarkOfPath(s_.object->doc, path), path,
                  why + "; " + kOperator + " refuses the RunConfig (no ConfigMap, no Deployment)");
  }

  // Everything the builder options and validateConfig settle before the struct is written.
  void Resolve() {
    port_ = s_.proxy_port ? s_.proxy_port : 8080;
    // WithPorts in the operator context: the MCP port (GetMCPPort, default 8080) for every
    // transport (runner/config.go:557-560); a remote proxy passes 0
    // (mcpremoteproxy_runconfig.go:101).
    target_port_ = remote_ ? 0 : s_.mcp_port ? s_.mcp_port : 8080;
    // GetEffectiveProxyMode (pkg/transport/types/transport.go:318-326).
    proxy_mode_ = s_.transport == "stdio"
                      ? (s_.proxy_mode.empty() ? "streamable-http" : s_.proxy_mode)
                      : s_.transport;
    PermissionProfile();
    for (const EnvVar& e : s_.env) env_[e.name] = e.value;
    // environment.SetTransportEnvironmentVariables (pkg/environment/environment.go:63-78).
    env_["MCP_TRANSPORT"] = s_.transport;
    if (target_port_ > 0 && IsHttpTransport(s_.transport)) {
      env_["MCP_PORT"] = std::to_string(target_port_);
      env_["FASTMCP_PORT"] = std::to_string(target_port_);
    }
    Validate();
    // The embedded auth server's options (mcpserver_runconfig.go:248-263).
    const std::optional<ResolvedOidc> oidc = ResolveOidc();
    embedded_ = BuildEmbeddedAuthServer(s_, refs_, oidc ? &*oidc : nullptr, diags_);
  }

  // loadPermissionProfile and processVolumeMounts (runner/config_builder.go:1300-1415).
  void PermissionProfile() {
    bool network = true;
    if (s_.permission_profile) {
      const PermissionProfileRef& p = *s_.permission_profile;
      profile_name_or_path_ = p.type == "configmap" ? "/etc/toolhive/profiles/" + p.key : p.name;
      if (p.type == "configmap" || (p.name != "none" && p.name != "stdio" && p.name != "network")) {
        // permissions.FromFile runs in the operator's own container, where no profile file is.
        Refuse(p.mark, "spec.permissionProfile",
               "failed to validate run config: failed to read permission profile: open " +
                   profile_name_or_path_ +
                   ": no such file or directory (the operator reads the profile from its own "
                   "filesystem; use a builtin profile: network or none)");
        return;
      }
      network = p.name == "network";
    }
    std::set<std::string> targets;
    std::vector<std::string> read, write;
    for (const HostVolume& v : s_.volumes) {
      if (!targets.insert(v.mount_path).second) continue;  // a duplicate target is skipped
      (v.read_only ? read : write).push_back(v.host_path + ":" + v.mount_path);
    }
    // toolhive-core v0.0.38 permissions/profile.go:27-80: Profile {name, read, write, network,
    // privileged}, NetworkPermissions {mode, outbound, inbound}, OutboundNetworkPermissions
    // {insecure_allow_all, allow_host, allow_port}, InboundNetworkPermissions {allow_host}; the
    // builtin profiles' empty slices are dropped by omitempty.
    profile_ = Obj({{"name", Str(network ? "network" : "none")}});
    if (!read.empty()) profile_.Set("read", StrList(read));
    if (!write.empty()) profile_.Set("write", StrList(write));
    Value outbound = Value::Mapping();
    if (network) outbound.Set("insecure_allow_all", Bool(true));
    profile_.Set("network",
                 Obj({{"outbound", std::move(outbound)}, {"inbound", Value::Mapping()}}));
  }

  // validateRunConfig (mcpserver_runconfig.go:354-577) over what the MCPServer can set.
  void Validate() {
    if (remote_) {
      RemoteValidate();
      return;
    }
    if (s_.image.empty()) Refuse({}, "spec.image", "invalid RunConfig: image is required");
    for (size_t i = 0; i < s_.env.size(); ++i) {
      const EnvVar& e = s_.env[i];
      const std::string at = "spec.env[" + std::to_string(i) + "]";
      if (e.name.empty() || e.name.find_first_of("=\n\r") != std::string::npos)
        Refuse({}, at + ".name", "invalid RunConfig: invalid environment variable key: " + e.name);
      else if (e.value.find_first_of("\n\r") != std::string::npos)
        Refuse({}, at + ".value",
               "invalid RunConfig: environment variable value for " + e.name +
                   " contains invalid characters");
    }
    for (size_t i = 0; i < s_.volumes.size(); ++i) {
      const HostVolume& v = s_.volumes[i];
      const bool host_bad = v.host_path.empty() || v.host_path.find(':') != std::string::npos;
      if (host_bad || v.mount_path.empty() || v.mount_path.find(':') != std::string::npos)
        Refuse({}, "spec.volumes[" + std::to_string(i) + (host_bad ? "].hostPath" : "].mountPath"),
               "invalid RunConfig: invalid volume mount format: " + v.host_path + ":" +
                   v.mount_path + ", expected host-path:container-path[:ro]");
    }
  }

  // validateRunConfigForRemoteProxy (mcpremoteproxy_runconfig.go:271-307): what the CRD does
  // not already guarantee (a URL, sse or streamable-http, a port, a host) is the tools filter.
  void RemoteValidate() {
    const Value* filter = ToolsFilter();
    for (const Value& tool : filter && filter->IsSequence() ? filter->items : std::vector<Value>{})
      if (tool.IsString() && tool.text.empty())
        Refuse({}, "spec.toolConfigRef.name",
               "invalid RunConfig: tool filter cannot contain empty values (MCPToolConfig " +
                   refs_.tool_config->meta.name + " spec.toolsFilter)");
  }

  // --- Fields from references ---

  // tools_filter / tools_override from the MCPToolConfig (mcpserver_runconfig.go:100-121).
  const Value* ToolsFilter() const {
    return refs_.tool_config ? SpecOf(*refs_.tool_config).Find("toolsFilter") : nullptr;
  }
  const Value* ToolsOverride() const {
    const Value* o =
        refs_.tool_config ? GetObject(SpecOf(*refs_.tool_config), "toolsOverride") : nullptr;
    return o && !o->members.empty() ? o : nullptr;
  }

  // What the resolver returns when it returns a configuration: the resource URL defaulted to the
  // proxy's Service URL (resolver.go:85-88), the reference's audience and scopes.
  std::optional<ResolvedOidc> ResolveOidc() const {
    if (!refs_.oidc_config || !s_.oidc_config_ref) return std::nullopt;
    const Value& spec = SpecOf(*refs_.oidc_config);
    if (GetString(spec, "type") != "kubernetesServiceAccount" && !GetObject(spec, "inline"))
      return std::nullopt;
    const OidcConfigRef& ref = *s_.oidc_config_ref;
    return ResolvedOidc{
        !ref.resource_url.empty()
            ? ref.resource_url
            : "http://" + name_ + "." + ns_ + ".svc.cluster.local:" + std::to_string(port_),
        ref.audience, ref.scopes};
  }

  // oidc.Resolver.ResolveFromConfigRef (cmd/thv-operator/pkg/oidc/resolver.go:74-190) then
  // runner.WithOIDCConfig (runner/config_builder.go:515-560). auth.TokenValidatorConfig has no
  // json tags (pkg/auth/token.go:397-437): Go field names, every field written.
  void Oidc(Value* rc) {
    if (!refs_.oidc_config || !s_.oidc_config_ref) return;
    const OidcConfigRef& ref = *s_.oidc_config_ref;
    OidcProvider o;
    if (!ResolveOidcProvider(*refs_.oidc_config, &o)) return;
    const std::string &issuer = o.issuer, &jwks = o.jwks_url, &introspection = o.introspection_url,
                      &client_id = o.client_id, &ca = o.ca_bundle_path,
                      &token_file = o.jwks_token_path;
    const bool allow_private_ip = o.jwks_allow_private_ip, insecure_http = o.insecure_allow_http;
    const std::string resource_url = ResolveOidc()->resource_url;
    Value scopes = ref.scopes ? StrList(*ref.scopes) : Value::Null();
    // With an embedded auth server and no scopes of its own, the proxy advertises the auth
    // server's (the same, ref.scopes), else registration.DefaultScopes (config_builder.go
    // :1045-1053).
    if (embedded_ && (!ref.scopes || ref.scopes->empty()))
      scopes = StrList(DefaultAuthServerScopes());
    // The client secret reaches the proxy as TOOLHIVE_OIDC_CLIENT_SECRET, never the RunConfig.
    if (!issuer.empty() || !ref.audience.empty() || !jwks.empty() || !introspection.empty() ||
        !client_id.empty()) {
      rc->Set("oidc_config", Obj({{"Issuer", Str(issuer)},
                                  {"Audience", Str(ref.audience)},
                                  {"JWKSURL", Str(jwks)},
                                  {"ClientID", Str(client_id)},
                                  {"ClientSecret", Str("")},
                                  {"CACertPath", Str(ca)},
                                  {"AuthTokenFile", Str(token_file)},
                                  {"AllowPrivateIP", Bool(allow_private_ip)},
                                  {"InsecureAllowHTTP", Bool(insecure_http)},
                                  {"IntrospectionURL", Str(introspection)},
                                  {"ResourceURL", Str(resource_url)},
                                  {"Scopes", scopes}}));
    } else {
      rc->Set("oidc_config", TokenValidatorWithResourceUrl(resource_url));
    }
    thv_ca_bundle_ = ca;
    jwks_auth_token_file_ = token_file;
  }

  static Value TokenValidatorWithResourceUrl(const std::string& url) {
    return Obj({{"Issuer", Str("")},
                {"Audience", Str("")},
                {"JWKSURL", Str("")},
                {"ClientID", Str("")},
                {"ClientSecret", Str("")},
                {"CACertPath", Str("")},
                {"AuthTokenFile", Str("")},
                {"AllowPrivateIP", Bool(false)},
                {"InsecureAllowHTTP", Bool(false)},
                {"IntrospectionURL", Str("")},
                {"ResourceURL", Str(url)},
                {"Scopes", Value::Null()}});
  }

  // addTokenExchangeConfig (cu/tokenexchange.go:325-384); tokenexchange.Config
  // (pkg/oauthproto/tokenexchange/middleware.go:58-85): client_secret has no omitempty.
  Value TokenExchange() {
    if (!refs_.external_auth || ExternalAuthType(*refs_.external_auth) != "tokenExchange")
      return Value::Null();
    const Value* te = GetObject(SpecOf(*refs_.external_auth), "tokenExchange");
    if (!te) return Value::Null();
    std::string type = GetString(*te, "subjectTokenType");
    static const std::map<std::string, std::string> kUrns = {
        {"access_token", "urn:ietf:params:oauth:token-type:access_token"},
        {"id_token", "urn:ietf:params:oauth:token-type:id_token"},
        {"jwt", "urn:ietf:params:oauth:token-type:jwt"}};
    if (auto it = kUrns.find(type); it != kUrns.end()) type = it->second;
    const std::string header = GetString(*te, "externalTokenHeaderName");
    Value config = Obj({{"token_url", Str(GetString(*te, "tokenUrl"))},
                        {"client_id", Str(GetString(*te, "clientId"))},
                        {"client_secret", Str("")},
                        {"audience", Str(GetString(*te, "audience"))}});
    if (const std::vector<std::string> scopes = GetStrings(*te, "scopes"); !scopes.empty())
      config.Set("scopes", StrList(scopes));
    if (!type.empty()) config.Set("subject_token_type", Str(type));
    config.Set("header_strategy", Str(header.empty() ? "replace" : "custom"));
    if (!header.empty()) config.Set("external_token_header_name", Str(header));
    return config;
  }

  // addBearerTokenConfig (cu/tokenexchange.go:416-448): remote.Config
  // (pkg/auth/remote/config.go:20-93) with the Secret in CLI form; use_pkce has no omitempty and
  // the two time.Time fields are structs, which omitempty never drops.
  Value RemoteAuth() const {
    if (!refs_.external_auth || ExternalAuthType(*refs_.external_auth) != "bearerToken")
      return Value::Null();
    const Value* bt = GetObject(SpecOf(*refs_.external_auth), "bearerToken");
    const Value* ref = bt ? GetObject(*bt, "tokenSecretRef") : nullptr;
    if (!ref) return Value::Null();
    const Value kZeroTime = Str("0001-01-01T00:00:00Z");
    return Obj({{"use_pkce", Bool(false)},
                {"bearer_token", Str(GetString(*ref, "name") + ",target=bearer_token")},
                {"cached_token_expiry", kZeroTime},
                {"cached_secret_expiry", kZeroTime}});
  }

  // Authorization: inline Cedar (cu/authz.go:184-205), a ConfigMap's configuration
  // (cu/authz.go:228-345), or an MCPAuthzConfig (cu/authz_ref.go:20-120). The RunConfig holds
  // authorizers.Config, whose MarshalJSON writes its raw configuration verbatim.
  Value Authz() {
    if (s_.authz_config && s_.authz_config->type == "inline" && s_.authz_config->has_inline) {
      const AuthzConfig& a = *s_.authz_config;
      return CedarConfig(StrList(a.policies), a.entities_json, "", a);
    }
    if (s_.authz_config && s_.authz_config->type == "configMap" && refs_.authz_config_map)
      return AuthzFromConfigMap(*s_.authz_config, *refs_.authz_config_map);
    if (refs_.authz_config) {
      const Value& spec = SpecOf(*refs_.authz_config);
      const std::string type = GetString(spec, "type");
      const Value* config = spec.Find("config");
      Value full = Value::Mapping();
      full.Set(type == "httpv1" ? "pdp" : "cedar", config ? *config : Value::Null());
      full.Set("type", Str(type));
      full.Set("version", Str("1.0"));
      return SortedKeys(full);
    }
    return Value::Null();
  }

  // cedar.Config {version, type, cedar: ConfigOptions} (pkg/authz/authorizers/cedar/core.go
  // :38-42, 211-251) as json.Marshal writes it.
  static Value CedarConfig(Value policies, const std::string& entities_json,
                           const std::string& primary_upstream, const AuthzConfig& claims) {
    Value options = Obj({{"policies", std::move(policies)}, {"entities_json", Str(entities_json)}});
    if (!primary_upstream.empty()) options.Set("primary_upstream_provider", Str(primary_upstream));
    if (!claims.group_claim_name.empty())
      options.Set("group_claim_name", Str(claims.group_claim_name));
    if (!claims.role_claim_name.empty())
      options.Set("role_claim_name", Str(claims.role_claim_name));
    if (!claims.group_entity_type.empty())
      options.Set("group_entity_type", Str(claims.group_entity_type));
    return Obj({{"version", Str("1.0")}, {"type", Str("cedarv1")}, {"cedar", std::move(options)}});
  }

  // LoadAuthzConfigFromConfigMap: sigs.k8s.io/yaml turns the text into JSON (map keys sorted),
  // which the Config keeps raw; claim overrides re-marshal it through cedar.Config.
  Value AuthzFromConfigMap(const AuthzConfig& a, const Object& map) {
    const Value* text = GetObject(map.doc, "data")->Find(a.config_map_key);
    const std::string where =
        "ConfigMap " + ns_ + "/" + a.config_map_name + " key \"" + a.config_map_key + "\"";
    const AuthzText loaded = LoadAuthzText(map.origin.file, text);
    if (!loaded.readable) {
      Refuse(a.mark, "spec.authzConfig.configMap",
             "failed to process AuthzConfig: the authorization configuration in " + where +
                 " is empty or not one JSON/YAML object");
      return Value::Null();
    }
    if (!loaded.invalid.empty()) {
      Refuse(a.mark, "spec.authzConfig.configMap",
             "failed to process AuthzConfig: invalid authz config from " + where + ": " +
                 loaded.invalid);
      return Value::Null();
    }
    const Value& config = loaded.config;
    const std::string type = GetString(config, "type");
    if (type != "cedarv1" ||
        (a.group_claim_name.empty() && a.role_claim_name.empty() && a.group_entity_type.empty()))
      return config;
    const Value& cedar = *GetObject(config, "cedar");
    const Value* policies = cedar.Find("policies");
    AuthzConfig claims = a;
    // Overrides only replace what they set (ApplyClaimMappingOverrides).
    for (auto [field, key] :
         {std::pair<std::string*, const char*>{&claims.group_claim_name, "group_claim_name"},
          {&claims.role_claim_name, "role_claim_name"},
          {&claims.group_entity_type, "group_entity_type"}}) {
      if (field->empty()) *field = GetString(cedar, key);
    }
    return CedarConfig(policies ? *policies : Value::Null(), GetString(cedar, "entities_json"),
                       GetString(cedar, "primary_upstream_provider"), claims);
  }

  // rate_limit_config: the CRD's RateLimitConfig re-marshalled (pkg/ratelimit/types/types.go:
  // RateLimitConfig {shared, perUser, tools}, RateLimitBucket {maxTokens, refillPeriod:
  // metav1.Duration}, ToolRateLimitConfig {name, shared, perUser}).
  Value RateLimit() {
    if (!s_.rate_limiting) return Value::Null();
    auto bucket = [this](const Value* b, const std::string& path) {
      if (!b) return Value::Null();
      int64_t period = 0;
      const std::string text = GetString(*b, "refillPeriod");
      if (!ParseGoDuration(text, &period)) {
        // metav1.Duration reads it with time.ParseDuration: the operator cannot even decode the
        // MCPServer, so it creates nothing.
        const std::string at = path + ".refillPeriod";
        diags_->Error(File(), MarkOfPath(s_.object->doc, at), at,
                      "time: invalid duration " + GoQuote(text) + "; " + kOperator +
                          " reads it as a Go duration (metav1.Duration) and cannot decode the "
                          "MCPServer, so it creates nothing for it");
      }
      return Obj({{"maxTokens", Int(GetInt(*b, "maxTokens"))},
                  {"refillPeriod", Str(FormatGoDuration(period))}});
    };
    const Value& rl = *s_.rate_limiting;
    const std::string base = "spec.rateLimiting";
    Value out = Value::Mapping();
    if (const Value* b = GetObject(rl, "shared")) out.Set("shared", bucket(b, base + ".shared"));
    if (const Value* b = GetObject(rl, "perUser")) out.Set("perUser", bucket(b, base + ".perUser"));
    if (const Value* tools = rl.Find("tools");
        tools && tools->IsSequence() && !tools->items.empty()) {
      Value list = Value::Sequence();
      for (size_t i = 0; i < tools->items.size(); ++i) {
        const Value& t = tools->items[i];
        const std::string at = base + ".tools[" + std::to_string(i) + "]";
        Value entry = Obj({{"name", Str(GetString(t, "name"))}});
        if (const Value* b = GetObject(t, "shared")) entry.Set("shared", bucket(b, at + ".shared"));
        if (const Value* b = GetObject(t, "perUser"))
          entry.Set("perUser", bucket(b, at + ".perUser"));
        list.Append(std::move(entry));
      }
      out.Set("tools", std::move(list));
    }
    return out;
  }

  // populateScalingConfig (mcpserver_runconfig.go:309-342): ScalingConfig {backend_replicas,
  // session_redis {address, db, key_prefix}} (runner/config.go:315-340), all omitempty.
  // A remote proxy's (populateScalingConfigForRemoteProxy, mcpremoteproxy_runconfig.go:200-225)
  // takes the default Redis address only without spec.sessionStorage, of any provider.
  Value Scaling() {
    const bool redis = s_.session_storage && s_.session_storage->provider == "redis";
    const bool default_redis = (remote_ ? !s_.session_storage : !redis) &&
                               options_.default_redis_addr && !options_.default_redis_addr->empty();
    if (!s_.backend_replicas && !redis && !default_redis) return Value::Null();
    Value scaling = Value::Mapping();
    if (s_.backend_replicas) scaling.Set("backend_replicas", Int(*s_.backend_replicas));
    Value session = Value::Mapping();
    if (redis) {
      const SessionStorage& st = *s_.session_storage;
      redis_addr_ = st.address;
      redis_db_ = st.db;
      if (!st.address.empty()) session.Set("address", Str(st.address));
      if (st.db) session.Set("db", Int(st.db));
      if (!st.key_prefix.empty()) session.Set("key_prefix", Str(st.key_prefix));
    } else if (default_redis) {
      redis_addr_ = *options_.default_redis_addr;
      session.Set("address", Str(redis_addr_));
    }
    if (redis || default_redis) {
      has_session_redis_ = true;
      scaling.Set("session_redis", std::move(session));
    }
    return scaling;
  }

  // --- The struct ---

  // runner.RunConfig, field order of pkg/runner/config.go:48-309.
  Value Marshal() {
    Value rc = Value::Mapping();
    rc.Set("schema_version", Str("v0.1.0"));
    if (s_.generation && !remote_) rc.Set("mcpserver_generation", Int(s_.generation));
    rc.Set("image", Str(s_.image));
    if (remote_) rc.Set("remote_url", Str(remote_->remote_url));
    if (Value remote = RemoteAuth(); !remote.IsNull()) rc.Set("remote_auth_config", remote);
    SetRunConfigProcess(&rc, s_, name_, ProxyHost(options_), port_);
    if (target_port_) rc.Set("target_port", Int(target_port_));  // omitempty; 0 for a remote proxy
    if (!profile_name_or_path_.empty())
      rc.Set("permission_profile_name_or_path", Str(profile_name_or_path_));
    rc.Set("permission_profile", profile_);
    rc.Set("env_vars", StrMap(env_));
    SetRunConfigVolumes(&rc, s_.volumes);
    // labels.AddStandardLabels (pkg/labels/labels.go:47-53): the transport itself.
    rc.Set("container_labels", Obj({{"toolhive", Str("true")},
                                    {"toolhive-basename", Str(name_)},
                                    {"toolhive-name", Str(name_)},
                                    {"toolhive-port", Str(std::to_string(port_))},
                                    {"toolhive-transport", Str(s_.transport)}}));
    Oidc(&rc);
    token_exchange_ = TokenExchange();
    if (!token_exchange_.IsNull()) rc.Set("token_exchange_config", token_exchange_);
    if (refs_.external_auth && ExternalAuthType(*refs_.external_auth) == "awsSts")
      aws_sts_ = AwsStsConfig(*refs_.external_auth);
    if (!aws_sts_.IsNull()) rc.Set("aws_sts_config", aws_sts_);
    authz_ = Authz();
    if (!authz_.IsNull()) rc.Set("authz_config", authz_);
    if (s_.audit_enabled.value_or(false)) {
      // runner.WithAuditEnabled: audit.DefaultConfig() (pkg/audit/config.go:21-95).
      audit_ = Obj({{"detectApplicationErrors", Bool(true)}, {"maxDataSize", Int(1024)}});
      rc.Set("audit_config", audit_);
    }
    if (refs_.telemetry_config) {
      const std::string& override_name = s_.telemetry_config_ref->service_name;
      telemetry_ =
          TelemetryConfig(*refs_.telemetry_config, override_name.empty() ? name_ : override_name);
      rc.Set("telemetry_config", telemetry_);
    }
    const Value scaling = Scaling();
    rate_limit_ = RateLimit();
    if (!rate_limit_.IsNull()) {
      rc.Set("rate_limit_config", rate_limit_);
      rc.Set("rate_limit_namespace", Str(ns_));
    }
    if (s_.trust_proxy_headers) rc.Set("trust_proxy_headers", Bool(true));
    rc.Set("proxy_mode", Str(proxy_mode_));
    if (!thv_ca_bundle_.empty()) rc.Set("thv_ca_bundle", Str(thv_ca_bundle_));
    if (!jwks_auth_token_file_.empty()) rc.Set("jwks_auth_token_file", Str(jwks_auth_token_file_));
    const Value* filter = ToolsFilter();
    const Value* overrides = ToolsOverride();
    if (filter && filter->IsSequence() && !filter->items.empty()) rc.Set("tools_filter", *filter);
    if (overrides) {
      // runner.ToolOverride {name, description}, both omitempty (runner/config.go:827-833).
      Value out = Value::Mapping();
      for (const Member& m : SortedKeys(*overrides).members) {
        Value entry = Value::Mapping();
        if (const std::string n = GetString(m.value, "name"); !n.empty()) entry.Set("name", Str(n));
        if (const std::string d = GetString(m.value, "description"); !d.empty())
          entry.Set("description", Str(d));
        out.members.push_back(Member{m.key, Mark{}, std::move(entry)});
      }
      rc.Set("tools_override", std::move(out));
    }
    if (refs_.webhook_config) {
      validating_ = WebhookConfigs(*refs_.webhook_config, "validating");
      mutating_ = WebhookConfigs(*refs_.webhook_config, "mutating");
    }
    rc.Set("middleware_configs", Middlewares(rc.Find("oidc_config")));
    if (!validating_.items.empty()) rc.Set("validating_webhooks", validating_);
    if (!mutating_.items.empty()) rc.Set("mutating_webhooks", mutating_);
    if (!s_.endpoint_prefix.empty()) rc.Set("endpoint_prefix", Str(s_.endpoint_prefix));
    if (remote_)
      if (Value forward = HeaderForwardConfig(*remote_); !forward.IsNull())
        rc.Set("header_forward", forward);
    if (embedded_) rc.Set("embedded_auth_server_config", embedded_->run_config);
    if (!scaling.IsNull()) rc.Set("scaling_config", scaling);
    return rc;
  }

  // runner.PopulateMiddlewareConfigs (pkg/runner/middleware.go:63-290), in its order.
  Value Middlewares(const Value* oidc) {
    Value list = Value::Sequence();
    // bodylimit.MiddlewareParams {max_bytes} (pkg/bodylimit/middleware.go:27-45): 8 MiB.
    list.Append(Middleware("bodylimit", Obj({{"max_bytes", Int(8 << 20)}})));
    if (!audit_.IsNull()) {
      // audit.MiddlewareParams {config_path, config_data, component, transport_type}, all
      // omitempty (pkg/audit/middleware.go:19-25).
      list.Append(Middleware(
          "audit", Obj({{"config_data", audit_}, {"transport_type", Str(s_.transport)}})));
    }
    // auth.MiddlewareParams {oidc_config omitempty} (pkg/auth/middleware.go:21-23).
    Value auth = Value::Mapping();
    if (oidc) auth.Set("oidc_config", *oidc);
    list.Append(Middleware("auth", std::move(auth)));
    if (embedded_) {
      MiddlewareEntry swap = UpstreamSwapMiddleware(*embedded_);
      list.Append(Middleware(swap.type.c_str(), std::move(swap.parameters)));
    }
    if (!token_exchange_.IsNull()) {
      // tokenexchange.MiddlewareParams {token_exchange_config omitempty}.
      list.Append(Middleware("tokenexchange", Obj({{"token_exchange_config", token_exchange_}})));
    }
    const Value* filter = ToolsFilter();
    const Value* overrides = ToolsOverride();
    if ((filter && filter->IsSequence() && !filter->items.empty()) || overrides) {
      // mcp.ToolFilterMiddlewareParams {filter_tools, tools_override} and mcp.ToolOverride
      // {name, description}, none omitempty (pkg/mcp/middleware.go:26-35).
      Value tools_override = Value::Mapping();
      if (overrides) {
        for (const Member& m : SortedKeys(*overrides).members)
          tools_override.members.push_back(
              Member{m.key, Mark{},
                     Obj({{"name", Str(GetString(m.value, "name"))},
                          {"description", Str(GetString(m.value, "description"))}})});
      }
      Value params =
          Obj({{"filter_tools", filter && filter->IsSequence() ? *filter : Value::Null()},
               {"tools_override", std::move(tools_override)}});
      list.Append(Middleware("tool-filter", params));
      list.Append(Middleware("tool-call-filter", std::move(params)));
    }
    list.Append(Middleware("mcp-parser", Value::Mapping()));
    if (!telemetry_.IsNull()) {
      // telemetry.FactoryMiddlewareParams {config, server_name, transport}
      // (pkg/telemetry/middleware.go:895-899).
      list.Append(Middleware("telemetry", Obj({{"config", telemetry_},
                                               {"server_name", Str(name_)},
                                               {"transport", Str(s_.transport)}})));
    }
    if (!rate_limit_.IsNull()) {
      if (!has_session_redis_) {
        Refuse({}, "spec.rateLimiting",
               "failed to populate middleware configs: rate limiting requires sessionStorage with "
               "provider redis");
      }
      // ratelimit.MiddlewareParams {namespace, server_name, config, redis_addr omitempty,
      // redis_db omitempty} (pkg/ratelimit/middleware.go:37-43).
      Value params =
          Obj({{"namespace", Str(ns_)}, {"server_name", Str(name_)}, {"config", rate_limit_}});
      if (!redis_addr_.empty()) params.Set("redis_addr", Str(redis_addr_));
      if (redis_db_) params.Set("redis_db", Int(redis_db_));
      list.Append(Middleware("ratelimit", std::move(params)));
    }
    // Mutating, then validating webhooks: {webhooks, server_name, transport}, the embedded
    // MiddlewareParams' field first (pkg/webhook/{mutating,validating}/config.go); types
    // "mutating-webhook", "validating-webhook" (pkg/webhook/*/middleware.go:27).
    for (auto [type, hooks] : {std::pair<const char*, const Value*>{"mutating-webhook", &mutating_},
                               {"validating-webhook", &validating_}}) {
      if (hooks->items.empty()) continue;
      list.Append(Middleware(type, Obj({{"webhooks", *hooks},
                                        {"server_name", Str(name_)},
                                        {"transport", Str(s_.transport)}})));
    }
    if (UsageMetrics(options_)) list.Append(Middleware("usagemetrics", Value::Mapping()));
    if (!authz_.IsNull()) {
      // Type "authorization" (pkg/authz/middleware.go:384); authz.FactoryMiddlewareParams
      // {config_path omitempty, config_data omitempty} (pkg/authz/middleware.go:388-391).
      // With an embedded auth server, Cedar reads the upstream's claims (middleware.go:219).
      list.Append(Middleware(
          "authorization",
          Obj({{"config_data",
                embedded_ ? InjectUpstreamProvider(authz_, embedded_->provider_name) : authz_}})));
    }
    if (!aws_sts_.IsNull() && !remote_) {
      Refuse({}, "spec.externalAuthConfigRef.name",
             "failed to populate middleware configs: AWS STS middleware requires a remote URL: "
             "SigV4 signing is only meaningful for remote MCP servers");
    } else if (!aws_sts_.IsNull()) {
      // awssts.MiddlewareParams {aws_sts_config, target_url}, both omitempty
      // (pkg/auth/awssts/middleware.go:34-39).
      list.Append(Middleware(
          "awssts", Obj({{"aws_sts_config", aws_sts_}, {"target_url", Str(remote_->remote_url)}})));
    }
    if (remote_ && (!remote_->plaintext_headers.empty() || !remote_->secret_headers.empty())) {
      // headerfwd.HeaderForwardMiddlewareParams {add_headers}: the plaintext headers (secret
      // ones are resolved in the proxy), null when there are none
      // (pkg/runner/middleware.go:378-391, pkg/transport/middleware/header_forward.go:48-51).
      list.Append(Middleware("header-forward",
                             Obj({{"add_headers", remote_->plaintext_headers.empty()
                                                      ? Value::Null()
                                                      : StrMap(remote_->plaintext_headers)}})));
    }
    // recovery: parameters are json.Marshal(nil).
    list.Append(Middleware("recovery", Value::Null()));
    return list;
  }

  const MCPServer& s_;
  const RemoteProxyRun* remote_;
  const ServerRefs& refs_;
  const RenderOptions& options_;
  Diagnostics* diags_;
  const std::string& name_;
  const std::string& ns_;
  const int errors_before_;

  int port_ = 8080;
  int target_port_ = 8080;
  std::string proxy_mode_;
  std::string profile_name_or_path_;
  Value profile_;
  StringMap env_;
  std::string thv_ca_bundle_, jwks_auth_token_file_;
  Value token_exchange_, aws_sts_, authz_, audit_, telemetry_, rate_limit_;
  Value validating_ = Value::Sequence(), mutating_ = Value::Sequence();
  bool has_session_redis_ = false;
  std::optional<EmbeddedAuthServer> embedded_;
  std::string redis_addr_;
  int64_t redis_db_ = 0;
};

}  // namespace

std::string FormatFloatShortest(double rate) {
  char buf[400];
  const auto result = std::to_chars(buf, buf + sizeof(buf), rate, std::chars_format::fixed);
  return std::string(buf, result.ptr);
}

Value TelemetryConfig(const Object& telemetry, const std::string& service_name) {
  const Value& spec = SpecOf(telemetry);
  const Value* otel = GetObject(spec, "openTelemetry");
  const bool enabled = otel && GetBool(*otel, "enabled");
  // telemetry.Config, field order of pkg/telemetry/config.go:28-105.
  Value config = Value::Mapping();
  std::string endpoint = enabled ? GetString(*otel, "endpoint") : "";
  for (const char* prefix : {"https://", "http://"}) {
    if (endpoint.rfind(prefix, 0) == 0) endpoint = endpoint.substr(std::string(prefix).size());
  }
  if (!endpoint.empty()) config.Set("endpoint", Str(endpoint));
  config.Set("serviceName", Str(service_name));
  // serviceVersion stays empty: resolved at run time (spectoconfig/telemetry.go:71-74).
  const Value* tracing = enabled ? GetObject(*otel, "tracing") : nullptr;
  const Value* metrics = enabled ? GetObject(*otel, "metrics") : nullptr;
  config.Set("tracingEnabled", Bool(tracing && GetBool(*tracing, "enabled")));
  config.Set("metricsEnabled", Bool(metrics && GetBool(*metrics, "enabled")));
  if (tracing) {
    const std::string rate = GetString(*tracing, "samplingRate");
    double parsed = 0;
    if (ParseFloat(rate, &parsed))
      config.Set("samplingRate", Str(FormatFloatShortest(std::clamp(parsed, 0.0, 1.0))));
  }
  if (enabled) {
    if (const Value* headers = GetObject(*otel, "headers"); headers && !headers->members.empty())
      config.Set("headers", StrMap(GetStringMap(*otel, "headers")));
    if (GetBool(*otel, "insecure")) config.Set("insecure", Bool(true));
  }
  if (const Value* prom = GetObject(spec, "prometheus"); prom && GetBool(*prom, "enabled"))
    config.Set("enablePrometheusMetricsPath", Bool(true));
  if (enabled) {
    if (const Value* attrs = GetObject(*otel, "resourceAttributes");
        attrs && !attrs->members.empty())
      config.Set("customAttributes", StrMap(GetStringMap(*otel, "resourceAttributes")));
  }
  config.Set("useLegacyAttributes", Bool(enabled && GetBool(*otel, "useLegacyAttributes")));
  // TelemetryCABundleFilePath (cu/telemetry_volumes.go): /config/certs/otel/<cm>/<key|ca.crt>.
  const Value* ca = otel ? GetObject(*otel, "caBundleRef") : nullptr;
  if (const Value* cm = ca ? GetObject(*ca, "configMapRef") : nullptr) {
    const std::string key = GetString(*cm, "key");
    config.Set("caCertPath", Str("/config/certs/otel/" + GetString(*cm, "name") + "/" +
                                 (key.empty() ? "ca.crt" : key)));
  }
  return config;
}

Value BuildRunConfig(const MCPServer& server, const ServerRefs& refs, const RenderOptions& options,
                     Diagnostics* diags, const RemoteProxyRun* remote) {
  return RunConfigBuilder(server, refs, options, diags, remote).Build();
}

}  // namespace t0_44_0
}  // namespace thv
