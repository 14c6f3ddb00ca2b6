#include "targets/v0.44.0/authserver.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/value_builder.h"
#include "model/decode.h"
#include "model/names.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/authserver_checks.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"

namespace thv {
namespace t0_44_0 {

namespace {

// authserver.go:26-77 and pkg/authserver/runner/embeddedauthserver.go:34-38.
const char kKeysPath[] = "/etc/toolhive/authserver/keys";
const char kHmacPath[] = "/etc/toolhive/authserver/hmac";
const char kRedisCaPath[] = "/etc/toolhive/authserver/redis-tls";
const char kRedisUsernameEnv[] = "TOOLHIVE_AUTH_SERVER_REDIS_USERNAME";
const char kRedisPasswordEnv[] = "TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD";

using Renames = std::initializer_list<std::pair<const char*, const char*>>;

// Each CRD string (list) field that is set, under its RunConfig name (all omitempty there).
void CopyStrings(const Value& in, Renames names, Value* out) {
  for (auto [from, to] : names)
    if (std::string v = GetString(in, from); !v.empty()) out->Set(to, Str(v));
}
void CopyStringLists(const Value& in, Renames names, Value* out) {
  for (auto [from, to] : names)
    if (std::vector<std::string> v = GetStrings(in, from); !v.empty()) out->Set(to, StrList(v));
}
// A struct of string lists only: those set, renamed.
Value StringLists(const Value& in, Renames names) {
  Value out = Value::Mapping();
  CopyStringLists(in, names, &out);
  return out;
}

// buildUpstreamSecretBindings (authserver.go:133-146): <prefix>_<NAME> with the provider name
// uppercased and '-' made '_'.
std::string ProviderEnv(const char* prefix, const std::string& provider) {
  std::string var = std::string(prefix) + "_";
  for (char c : provider)
    var += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return var;
}
std::string ClientSecretEnv(const std::string& provider) {
  return ProviderEnv("TOOLHIVE_UPSTREAM_CLIENT_SECRET", provider);
}
std::string InitialAccessTokenEnv(const std::string& provider) {
  return ProviderEnv("TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN", provider);
}
std::string DelegateSecretEnv(size_t i) {
  return "TOOLHIVE_DELEGATE_CLIENT_SECRET_" + std::to_string(i);
}

// extractUpstreamSecretRefs (authserver.go:182-200): the refs of the provider's own type only.
const Value* UpstreamConfig(const Value& provider) {
  const std::string type = GetString(provider, "type");
  if (type == "oidc") return GetObject(provider, "oidcConfig");
  if (type == "oauth2") return GetObject(provider, "oauth2Config");
  return nullptr;
}

// The Secret volume and its subPath mount (authserver.go:338-357).
void AddSecretFile(const std::string& volume, const Value& ref, const std::string& file,
                   const std::string& dir, Value* volumes, Value* mounts) {
  volumes->Append(
      Obj({{"name", Str(volume)},
           {"secret",
            Obj({{"secretName", Str(GetString(ref, "name"))},
                 {"items", List({Obj({{"key", Str(GetString(ref, "key"))}, {"path", Str(file)}})})},
                 {"defaultMode", Int(0400)}})}}));
  mounts->Append(Obj({{"name", Str(volume)},
                      {"readOnly", Bool(true)},
                      {"mountPath", Str(dir + "/" + file)},
                      {"subPath", Str(file)}}));
}

// BuildAuthServerRunConfig (authserver.go:626-717) over one EmbeddedAuthServerConfig.
class RunConfigBuilder {
 public:
  RunConfigBuilder(const AuthServerRunConfigInputs& in, const AuthServerRefusal& refuse)
      : in_(in), refuse_(refuse) {}

  Value Build(const Value& embedded) {
    Value rc = RunConfig(embedded);
    return failed_ ? Value::Null() : rc;
  }

 private:
  void RefuseConfig(const std::string& path, const std::string& why) {
    failed_ = true;
    refuse_(path, why);
  }

  // BuildAuthServerRunConfig (authserver.go:626-717) into authserver.RunConfig, field order of
  // pkg/authserver/config.go:39-210.
  Value RunConfig(const Value& in) {
    Value rc = Obj({{"schema_version", Str("v0.1.0")}, {"issuer", Str(GetString(in, "issuer"))}});
    if (std::string base = GetString(in, "authorizationEndpointBaseUrl"); !base.empty())
      rc.Set("authorization_endpoint_base_url", Str(base));
    // Signing keys: key-0.pem signs, the others verify (authserver.go:661-675).
    const std::vector<Value>& keys = AuthServerItems(in, "signingKeySecretRefs");
    if (!keys.empty()) {
      Value signing = Obj({{"key_dir", Str(kKeysPath)}, {"signing_key_file", Str("key-0.pem")}});
      std::vector<std::string> fallback;
      for (size_t i = 1; i < keys.size(); ++i)
        fallback.push_back("key-" + std::to_string(i) + ".pem");
      if (!fallback.empty()) signing.Set("fallback_key_files", StrList(fallback));
      rc.Set("signing_key_config", std::move(signing));
    }
    if (const std::vector<Value>& hmacs = AuthServerItems(in, "hmacSecretRefs"); !hmacs.empty()) {
      std::vector<std::string> files;
      for (size_t i = 0; i < hmacs.size(); ++i)
        files.push_back(std::string(kHmacPath) + "/hmac-" + std::to_string(i));
      rc.Set("hmac_secret_files", StrList(files));
    }
    if (const Value* life = GetObject(in, "tokenLifespans")) {
      Value& spans = rc.Set("token_lifespans", Value::Mapping());
      CopyStrings(*life,
                  {{"accessTokenLifespan", "access_token_lifespan"},
                   {"refreshTokenLifespan", "refresh_token_lifespan"},
                   {"authCodeLifespan", "auth_code_lifespan"}},
                  &spans);
    }
    Value upstreams = Value::Sequence();
    const std::vector<Value>& providers = AuthServerItems(in, "upstreamProviders");
    for (size_t i = 0; i < providers.size(); ++i) upstreams.Append(Upstream(providers[i], i));
    rc.Set("upstreams", std::move(upstreams));
    // ScopesSupported and AllowedAudiences come from the resolved OIDC configuration.
    if (in_.scopes_supported && !in_.scopes_supported->empty())
      rc.Set("scopes_supported", StrList(*in_.scopes_supported));
    if (std::vector<std::string> b = GetStrings(in, "baselineClientScopes"); !b.empty())
      rc.Set("baseline_client_scopes", StrList(b));
    // nil (no resolved OIDC resource) has no omitempty: yaml writes [], JSON null.
    rc.Set("allowed_audiences",
           in_.allowed_audiences.empty() ? Value::Null() : StrList(in_.allowed_audiences));
    if (Value storage = Storage(in); !storage.IsNull()) rc.Set("storage", std::move(storage));
    // applySimpleAuthServerConfigFields (authserver.go:723-749).
    if (GetBool(in, "disableUpstreamTokenInjection"))
      rc.Set("disable_upstream_token_injection", Bool(true));
    if (const Value* cimd = GetObject(in, "cimd"); cimd && GetBool(*cimd, "enabled")) {
      Value out = Obj({{"enabled", Bool(true)}});
      if (int64_t size = GetInt(*cimd, "cacheMaxSize"); size != 0)
        out.Set("cache_max_size", Int(size));
      if (std::string ttl = GetString(*cimd, "cacheFallbackTtl"); !ttl.empty())
        out.Set("cache_fallback_ttl", Str(ttl));
      rc.Set("cimd", std::move(out));
    }
    if (GetBool(in, "insecureAllowHTTP")) rc.Set("insecure_allow_http", Bool(true));
    if (!AuthServerItems(in, "trustedIssuers").empty())
      rc.Set("trusted_issuers", TrustedIssuers(in));
    if (GetBool(in, "allowConfidentialClientRegistration"))
      rc.Set("allow_confidential_client_registration", Bool(true));
    if (std::vector<std::string> f = GetStrings(in, "forceConfidentialRedirectUris"); !f.empty())
      rc.Set("force_confidential_redirect_uris", StrList(f));
    if (GetBool(in, "insecureAllowConfidentialOverLoopbackHTTP"))
      rc.Set("insecure_allow_confidential_over_loopback_http", Bool(true));
    if (const std::vector<Value>& clients = AuthServerItems(in, "delegateClients");
        !clients.empty())
      rc.Set("delegate_clients", DelegateClients(clients));
    if (!failed_ && (!AuthServerItems(in, "delegateClients").empty() ||
                     !AuthServerItems(in, "trustedIssuers").empty()))
      ValidateDelegatesAndIssuers(in);
    return rc;
  }

  // buildUpstreamRunConfig (authserver.go:920-947): UpstreamRunConfig {name, type, oidc_config,
  // oauth2_config} (pkg/authserver/config.go:504-520).
  Value Upstream(const Value& p, size_t i) {
    const std::string name = GetString(p, "name"), type = GetString(p, "type");
    Value out = Value::Mapping();
    if (!name.empty()) out.Set("name", Str(name));
    out.Set("type", Str(type));
    const Value* c = UpstreamConfig(p);
    if (!c) return out;
    // defaultRedirectURI (authserver.go:906-908): <resourceUrl without trailing
    // '/'>/oauth/callback.
    std::string redirect = GetString(*c, "redirectUri");
    if (redirect.empty() && !in_.resource_url.empty()) {
      std::string base = in_.resource_url;
      while (!base.empty() && base.back() == '/') base.pop_back();
      redirect = base + "/oauth/callback";
    }
    const bool secret = GetObject(*c, "clientSecretRef") != nullptr;
    if (type == "oidc") {
      // buildOIDCUpstreamRunConfig (authserver.go:952-976); OIDCUpstreamRunConfig field order.
      Value o = Obj({{"issuer_url", Str(GetString(*c, "issuerUrl"))},
                     {"client_id", Str(GetString(*c, "clientId"))}});
      if (secret) o.Set("client_secret_env_var", Str(ClientSecretEnv(name)));
      if (!redirect.empty()) o.Set("redirect_uri", Str(redirect));
      if (std::vector<std::string> sc = GetStrings(*c, "scopes"); !sc.empty())
        o.Set("scopes", StrList(sc));
      if (const Value* u = GetObject(*c, "userInfoOverride"))
        o.Set("userinfo_override", UserInfo(*u));
      if (StringMap params = GetStringMap(*c, "additionalAuthorizationParams"); !params.empty())
        o.Set("additional_authorization_params", StrMap(params));
      if (std::string claim = GetString(*c, "subjectClaim"); !claim.empty())
        o.Set("subject_claim", Str(claim));
      out.Set("oidc_config", std::move(o));
      return out;
    }
    // buildOAuth2UpstreamRunConfig (authserver.go:991-1042): ValidateOAuth2DCRConfig first
    // (mcpexternalauthconfig_types.go:1996-2032), which the config's own validity covers.
    const std::string at = ItemPath("upstreamProviders", i) + ".oauth2Config";
    const Value* dcr = GetObject(*c, "dcrConfig");
    if (GetString(*c, "clientId").empty() == (dcr == nullptr)) {
      RefuseConfig(at, "upstream " + GoQuote(name) +
                           ": oauth2Config: exactly one of clientId or dcrConfig must be set");
      return out;
    }
    Value o = Obj({{"authorization_endpoint", Str(GetString(*c, "authorizationEndpoint"))},
                   {"token_endpoint", Str(GetString(*c, "tokenEndpoint"))},
                   {"client_id", Str(GetString(*c, "clientId"))}});
    if (secret) o.Set("client_secret_env_var", Str(ClientSecretEnv(name)));
    if (!redirect.empty()) o.Set("redirect_uri", Str(redirect));
    if (std::vector<std::string> sc = GetStrings(*c, "scopes"); !sc.empty())
      o.Set("scopes", StrList(sc));
    if (const Value* u = GetObject(*c, "userInfo")) o.Set("userinfo", UserInfo(*u));
    if (const Value* m = GetObject(*c, "tokenResponseMapping")) {
      Value t = Obj({{"access_token_path", Str(GetString(*m, "accessTokenPath"))}});
      CopyStrings(*m,
                  {{"scopePath", "scope_path"},
                   {"refreshTokenPath", "refresh_token_path"},
                   {"expiresInPath", "expires_in_path"}},
                  &t);
      o.Set("token_response_mapping", std::move(t));
    }
    if (const Value* ift = GetObject(*c, "identityFromToken")) {
      Value t = Obj({{"subject_path", Str(GetString(*ift, "subjectPath"))}});
      CopyStrings(*ift, {{"namePath", "name_path"}, {"emailPath", "email_path"}}, &t);
      o.Set("identity_from_token", std::move(t));
    }
    if (StringMap params = GetStringMap(*c, "additionalAuthorizationParams"); !params.empty())
      o.Set("additional_authorization_params", StrMap(params));
    if (dcr) {
      // buildDCRUpstreamRunConfig (authserver.go:1049-1063); DCRUpstreamConfig field order.
      Value d = Value::Mapping();
      CopyStrings(
          *dcr,
          {{"discoveryUrl", "discovery_url"}, {"registrationEndpoint", "registration_endpoint"}},
          &d);
      if (GetObject(*dcr, "initialAccessTokenRef"))
        d.Set("initial_access_token_env_var", Str(InitialAccessTokenEnv(name)));
      CopyStrings(*dcr,
                  {{"softwareId", "software_id"}, {"softwareStatement", "software_statement"}}, &d);
      o.Set("dcr_config", std::move(d));
    }
    if (GetBool(*c, "allowPrivateIPs")) o.Set("allow_private_ips", Bool(true));
    if (GetBool(*c, "insecureAllowHTTP")) o.Set("insecure_allow_http", Bool(true));
    out.Set("oauth2_config", std::move(o));
    return out;
  }

  // buildUserInfoRunConfig (authserver.go:1066-1084).
  static Value UserInfo(const Value& u) {
    Value out = Obj({{"endpoint_url", Str(GetString(u, "endpointUrl"))}});
    if (std::string m = GetString(u, "httpMethod"); !m.empty()) out.Set("http_method", Str(m));
    if (StringMap h = GetStringMap(u, "additionalHeaders"); !h.empty())
      out.Set("additional_headers", StrMap(h));
    if (const Value* f = GetObject(u, "fieldMapping"))
      out.Set("field_mapping", StringLists(*f, {{"subjectFields", "subject_fields"},
                                                {"nameFields", "name_fields"},
                                                {"emailFields", "email_fields"}}));
    return out;
  }

  // buildStorageRunConfig (authserver.go:780-850): nil for memory; storage.RunConfig {type,
  // redis_config} (pkg/authserver/storage/config.go:63-140).
  Value Storage(const Value& in) {
    const Value* st = GetObject(in, "storage");
    const std::string type = st ? GetString(*st, "type") : "";
    if (!st || type == "memory") return Value::Null();
    auto fail = [&](const std::string& path, const std::string& why) {
      RefuseConfig(path, "failed to build storage config: " + why);
      return Value::Null();
    };
    if (type != "redis") return fail("storage.type", "unsupported storage type: " + type);
    const Value* redis = GetObject(*st, "redis");
    if (!redis) return fail("storage", "redis config is required when storage type is redis");
    const std::string addr = GetString(*redis, "addr");
    const Value* sentinel = GetObject(*redis, "sentinelConfig");
    if (!addr.empty() && sentinel)
      return fail("storage.redis",
                  "addr and sentinelConfig are mutually exclusive for Redis storage");
    if (addr.empty() && !sentinel)
      return fail("storage.redis",
                  "one of addr (standalone or cluster) or sentinelConfig (Sentinel) is required "
                  "for Redis storage");
    const Value* acl = GetObject(*redis, "aclUserConfig");
    if (!acl || !GetObject(*acl, "passwordSecretRef"))
      return fail("storage.redis", "ACL user config is required for Redis storage");
    Value out = Value::Mapping();
    if (!addr.empty()) out.Set("addr", Str(addr));
    if (GetBool(*redis, "clusterMode")) out.Set("cluster_mode", Bool(true));
    if (sentinel) {
      // resolveSentinelAddrs (authserver.go:872-901): the static list, else the Service's DNS
      // name (the operator resolves no EndpointSlices).
      std::vector<std::string> addrs = GetStrings(*sentinel, "sentinelAddrs");
      if (addrs.empty()) {
        const Value* svc = GetObject(*sentinel, "sentinelService");
        if (!svc)
          return fail("storage.redis.sentinelConfig",
                      "failed to resolve sentinel addresses: either sentinelAddrs or "
                      "sentinelService must be specified");
        std::string svc_ns = GetString(*svc, "namespace");
        const int64_t port = GetInt(*svc, "port");
        addrs.push_back(GetString(*svc, "name") + "." + (svc_ns.empty() ? in_.ns : svc_ns) +
                        ".svc.cluster.local:" + std::to_string(port ? port : 26379));
      }
      Value s = Obj({{"master_name", Str(GetString(*sentinel, "masterName"))},
                     {"sentinel_addrs", StrList(addrs)}});
      if (int64_t db = GetInt(*sentinel, "db"); db != 0) s.Set("db", Int(db));
      out.Set("sentinel_config", std::move(s));
    }
    out.Set("auth_type", Str("aclUser"));
    // ACLUserRunConfig: username_env_var has no omitempty.
    out.Set("acl_user_config",
            Obj({{"username_env_var",
                  Str(GetObject(*acl, "usernameSecretRef") ? kRedisUsernameEnv : "")},
                 {"password_env_var", Str(kRedisPasswordEnv)}}));
    // storage.DeriveKeyPrefix (pkg/authserver/storage/redis_keys.go:78-80).
    out.Set("key_prefix", Str("thv:auth:{" + in_.ns + ":" + in_.name + "}:"));
    CopyStrings(*redis,
                {{"dialTimeout", "dial_timeout"},
                 {"readTimeout", "read_timeout"},
                 {"writeTimeout", "write_timeout"}},
                &out);
    if (const Value* tls = GetObject(*redis, "tls")) out.Set("tls", RedisTls(*tls, "ca.crt"));
    if (const Value* tls = sentinel ? GetObject(*redis, "sentinelTls") : nullptr)
      out.Set("sentinel_tls", RedisTls(*tls, "sentinel-ca.crt"));
    return Obj({{"type", Str("redis")}, {"redis_config", std::move(out)}});
  }

  // convertRedisTLSConfig (authserver.go:854-869).
  static Value RedisTls(const Value& tls, const char* file) {
    Value out = Value::Mapping();
    if (GetBool(tls, "insecureSkipVerify")) out.Set("insecure_skip_verify", Bool(true));
    if (GetObject(tls, "caCertSecretRef"))
      out.Set("ca_cert_file", Str(std::string(kRedisCaPath) + "/" + file));
    return out;
  }

  // buildDelegateClientRunConfigs (authserver.go:225-242).
  Value DelegateClients(const std::vector<Value>& clients) {
    Value out = Value::Sequence();
    for (size_t i = 0; i < clients.size(); ++i) {
      const Value& c = clients[i];
      const Value* ref = GetObject(c, "clientSecretRef");
      if (!ref || GetString(*ref, "name").empty() || GetString(*ref, "key").empty()) {
        RefuseConfig(ItemPath("delegateClients", i) + ".clientSecretRef",
                     ItemPath("delegateClients", i) +
                         ".clientSecretRef.name and clientSecretRef.key are required");
        return out;
      }
      // DelegateClientRunConfig: scopes and audiences have no omitempty (nil writes null).
      const Value* scopes = c.Find("scopes");
      const Value* audiences = c.Find("audiences");
      out.Append(
          Obj({{"client_id", Str(GetString(c, "clientId"))},
               {"client_secret_env_var", Str(DelegateSecretEnv(i))},
               {"scopes", scopes && scopes->IsSequence() && !scopes->items.empty()
                              ? StrList(GetStrings(c, "scopes"))
                              : Value::Null()},
               {"audiences", audiences && audiences->IsSequence() && !audiences->items.empty()
                                 ? StrList(GetStrings(c, "audiences"))
                                 : Value::Null()}}));
    }
    return out;
  }

  // buildTrustedIssuerRunConfigs (authserver.go:248-264): tokenexchange.TrustedIssuer
  // (pkg/authserver/server/tokenexchange/multi_issuer_validator.go:108-200).
  static Value TrustedIssuers(const Value& in) {
    Value out = Value::Sequence();
    for (const Value& t : AuthServerItems(in, "trustedIssuers")) {
      Value ti = Obj({{"issuer_url", Str(GetString(t, "issuerUrl"))},
                      {"expected_audience", Str(GetString(t, "expectedAudience"))}});
      if (std::string v = GetString(t, "jwksUrl"); !v.empty()) ti.Set("jwks_url", Str(v));
      if (GetBool(t, "insecureAllowHTTP")) ti.Set("insecure_allow_http", Bool(true));
      if (GetBool(t, "allowPrivateIPs")) ti.Set("allow_private_ips", Bool(true));
      if (std::string v = GetString(t, "actorClaim"); !v.empty()) ti.Set("actor_claim", Str(v));
      CopyStringLists(t,
                      {{"allowedActors", "allowed_actors"},
                       {"allowedDelegateClients", "allowed_delegate_clients"}},
                      &ti);
      if (GetBool(t, "allowMayAct")) ti.Set("allow_may_act", Bool(true));
      out.Append(std::move(ti));
    }
    return out;
  }

  // validateDelegateClientsAndTrustedIssuers (authserver.go:758-776): RunConfig.Validate
  // (pkg/authserver/config.go:247-279) over the audiences, delegate clients, trusted issuers and
  // transport; the first problem.
  void ValidateDelegatesAndIssuers(const Value& in) {
    const std::vector<Value>& clients = AuthServerItems(in, "delegateClients");
    const std::string why = "invalid embedded auth server delegate clients or trusted issuers: ";
    for (const std::string& audience : in_.allowed_audiences) {
      if (audience.empty())
        return RefuseConfig("", why + "allowed_audiences must not contain an empty audience");
      if (std::string hint = AudienceUriProblem(audience); !hint.empty())
        return RefuseConfig("", why + "allowed_audiences contains invalid audience " +
                                    GoQuote(audience) + ": invalid_target (" + hint + ")");
    }
    std::vector<std::string> effective = in_.scopes_supported && !in_.scopes_supported->empty()
                                             ? *in_.scopes_supported
                                             : DefaultAuthServerScopes();
    std::set<std::string> seen;
    for (size_t i = 0; i < clients.size(); ++i) {
      const Value& c = clients[i];
      const std::string id = GetString(c, "clientId");
      const std::string at = ItemPath("delegateClients", i);
      std::string problem;
      if (id.empty()) {
        problem = "delegate_clients: client_id is required";
      } else if (!seen.insert(id).second) {
        problem = "delegate_clients: duplicate client_id " + GoQuote(id);
      } else if (GetStrings(c, "scopes").empty()) {
        problem = "delegate_clients: client_id " + GoQuote(id) + ": scopes is required";
      } else {
        for (const std::string& scope : GetStrings(c, "scopes")) {
          if (std::find(effective.begin(), effective.end(), scope) != effective.end()) continue;
          problem = "delegate_clients[" + id + "].scopes contains " + GoQuote(scope) +
                    " which is not in scopes_supported";
          break;
        }
        if (problem.empty() && GetStrings(c, "audiences").empty())
          problem = "delegate_clients: client_id " + GoQuote(id) + ": audiences is required";
        for (const std::string& a :
             problem.empty() ? GetStrings(c, "audiences") : std::vector<std::string>{}) {
          const std::vector<std::string>& allowed = in_.allowed_audiences;
          if (std::find(allowed.begin(), allowed.end(), a) != allowed.end()) continue;
          problem = "delegate_clients: client_id " + GoQuote(id) + ": audience " + GoQuote(a) +
                    " is not in allowed_audiences";
          break;
        }
      }
      if (!problem.empty()) {
        RefuseConfig(at, why + problem);
        return;
      }
    }
    // validateTrustedIssuers (config.go:1133-1170): each issuer's URL and JWKS URL, then the
    // structure (tokenexchange.ValidateTrustedIssuers).
    const std::vector<Value>& issuers = AuthServerItems(in, "trustedIssuers");
    for (size_t i = 0; i < issuers.size(); ++i) {
      const Value& t = issuers[i];
      const std::string url = GetString(t, "issuerUrl"), jwks = GetString(t, "jwksUrl");
      const std::string at = ItemPath("trustedIssuers", i);
      if (std::string p = TrustedIssuerUrlProblem(url, GetBool(t, "insecureAllowHTTP")); !p.empty())
        return RefuseConfig(at + ".issuerUrl",
                            why + "trusted_issuers: issuer_url " + GoQuote(url) + ": " + p);
      const std::string p = jwks.empty() ? ""
                                         : JwksUrlProblem(jwks, GetBool(t, "insecureAllowHTTP"),
                                                          GetBool(t, "allowPrivateIPs"));
      if (!p.empty())
        return RefuseConfig(at + ".jwksUrl",
                            why + "trusted_issuers: jwks_url " + GoQuote(jwks) + ": " + p);
    }
    if (std::optional<std::pair<size_t, std::string>> bad = TrustedIssuerStructure(in))
      return RefuseConfig(ItemPath("trustedIssuers", bad->first),
                          why + "trusted_issuers: " + bad->second);
    // ValidateConfidentialClientTransport with delegate clients present. A plain-HTTP issuer
    // with delegate clients is refused by the CRD's rule already.
    if (!clients.empty() && GetBool(in, "insecureAllowHTTP"))
      RefuseConfig("insecureAllowHTTP",
                   why +
                       "allow_confidential_client_registration cannot be combined with "
                       "insecure_allow_http: confidential clients would send secrets over "
                       "cleartext HTTP");
  }

  const AuthServerRunConfigInputs& in_;
  const AuthServerRefusal& refuse_;
  bool failed_ = false;
};

class Builder {
 public:
  Builder(const MCPServer& server, const ServerRefs& refs, const ResolvedOidc* oidc,
          Diagnostics* diags)
      : s_(server),
        refs_(refs),
        oidc_(oidc),
        diags_(diags),
        ns_(server.object->meta.namespace_),
        errors_before_(diags->error_count()) {}

  std::optional<EmbeddedAuthServer> Run() {
    std::optional<EmbeddedAuthServer> result;
    // AddExternalAuthConfigOptions runs first (mcpserver_runconfig.go:250-255).
    const bool external_embedded =
        refs_.external_auth && ExternalAuthType(*refs_.external_auth) == "embeddedAuthServer";
    if (external_embedded) {
      result = Build(*refs_.external_auth, "spec.externalAuthConfigRef",
                     "failed to process ExternalAuthConfig");
      if (!result) return std::nullopt;  // the builder stops at its first error
    }
    if (s_.auth_server_ref && refs_.auth_server) {
      // ValidateAndAddAuthServerRefOptions (authserver.go:1101-1114).
      if (external_embedded) {
        Refuse(MarkOf("spec.externalAuthConfigRef.name"), "spec.externalAuthConfigRef.name",
               "failed to process authServerRef: conflict: both authServerRef and "
               "externalAuthConfigRef reference an embedded auth server; use authServerRef for "
               "the embedded auth server and externalAuthConfigRef for outgoing auth only");
        return std::nullopt;
      }
      result = Build(*refs_.auth_server, "spec.authServerRef", "failed to process authServerRef");
    }
    if (result && result->disable_upstream_token_injection) MiddlewareConflicts();
    if (diags_->error_count() != errors_before_) return std::nullopt;
    return result;
  }

 private:
  Mark MarkOf(const std::string& path) const { return MarkOfPath(s_.object->doc, path); }

  // The builder's error: RBAC objects exist, but no RunConfig ConfigMap and no Deployment.
  void Refuse(Mark mark, const std::string& path, const std::string& why) {
    diags_->Error(s_.object->origin.file, mark, path,
                  why + "; " + kOperator + " refuses the RunConfig (no ConfigMap, no Deployment)");
  }
  // The same, about a field of the MCPExternalAuthConfig.
  void RefuseConfig(const std::string& path, const std::string& why) {
    const std::string at = "spec.embeddedAuthServer" + (path.empty() ? "" : "." + path);
    diags_->Error(config_->origin.file, MarkOfPath(config_->doc, at), at,
                  prefix_ + ": failed to build embedded auth server config: " + why + "; " +
                      kOperator + " refuses the RunConfig of " + s_.object->kind + " " + ns_ + "/" +
                      s_.object->meta.name + " (no ConfigMap, no Deployment)");
  }

  // AddEmbeddedAuthServerConfigOptions / AddAuthServerRefOptions: the OIDC checks, then
  // BuildAuthServerRunConfig.
  std::optional<EmbeddedAuthServer> Build(const Object& config, const std::string& ref_field,
                                          const std::string& prefix) {
    config_ = &config;
    prefix_ = prefix;
    if (!OidcConsistent(ref_field)) return std::nullopt;
    const Value& in = EmbeddedAuthServerSpec(config);
    EmbeddedAuthServer out;
    // The RunConfig's audiences and scopes are the proxy's resolved OIDC configuration's.
    const AuthServerRunConfigInputs inputs{
        ns_, s_.object->meta.name, {oidc_->resource_url}, oidc_->scopes, oidc_->resource_url};
    out.run_config = BuildAuthServerRunConfig(
        in, inputs,
        [&](const std::string& path, const std::string& why) { RefuseConfig(path, why); });
    if (out.run_config.IsNull()) return std::nullopt;
    const std::vector<Value>& providers = AuthServerItems(in, "upstreamProviders");
    // ResolveFirstUpstreamName: the first upstream's name, "default" when it has none.
    const std::string first = providers.empty() ? "" : GetString(providers[0], "name");
    out.provider_name = first.empty() ? "default" : first;
    out.disable_upstream_token_injection = GetBool(in, "disableUpstreamTokenInjection");
    return out;
  }

  // validateOIDCConfigForEmbeddedAuthServer (authserver.go:593-615). The resolver always sets a
  // resource URL (resolver.go:85-88), so its "resourceUrl is required" cannot happen here.
  bool OidcConsistent(const std::string& ref_field) {
    if (!oidc_) {
      Refuse(MarkOf(ref_field), "spec.oidcConfigRef",
             prefix_ +
                 ": OIDC config is required for embedded auth server: OIDCConfigRef must be set "
                 "on the MCPServer");
      return false;
    }
    const std::string at = "spec.oidcConfigRef.audience";
    if (oidc_->audience.empty()) {  // the CRD requires an audience; kept as the source has it
      Refuse(MarkOf(at), at,
             prefix_ +
                 ": oidcConfigRef.audience is required when an embedded auth server is active; "
                 "set audience to " +
                 GoQuote(oidc_->resource_url) + " to match resourceUrl");
      return false;
    }
    if (oidc_->audience != oidc_->resource_url) {
      Refuse(MarkOf(at), at,
             prefix_ + ": oidcConfigRef.audience " + GoQuote(oidc_->audience) +
                 " must match resourceUrl " + GoQuote(oidc_->resource_url) +
                 " when an embedded auth server is active; set audience to " +
                 GoQuote(oidc_->resource_url) + " or set resourceUrl to match audience");
      return false;
    }
    return true;
  }

  // PopulateMiddlewareConfigs refuses stripping credentials that a later middleware re-adds
  // (runner/middleware.go:432-440).
  void MiddlewareConflicts() {
    const std::string type = refs_.external_auth ? ExternalAuthType(*refs_.external_auth) : "";
    const Value* spec = refs_.external_auth ? GetObject(refs_.external_auth->doc, "spec") : nullptr;
    if (type == "tokenExchange" && spec && GetObject(*spec, "tokenExchange"))
      Refuse(MarkOf("spec.externalAuthConfigRef.name"), "spec.externalAuthConfigRef.name",
             "failed to populate middleware configs: disableUpstreamTokenInjection cannot be "
             "combined with token exchange: token exchange would re-add an Authorization header "
             "after strip-auth removes it");
    else if (type == "awsSts")
      Refuse(MarkOf("spec.externalAuthConfigRef.name"), "spec.externalAuthConfigRef.name",
             "failed to populate middleware configs: disableUpstreamTokenInjection cannot be "
             "combined with AWS STS: SigV4 signing would re-add credentials after strip-auth "
             "removes them");
  }

  const MCPServer& s_;
  const ServerRefs& refs_;
  const ResolvedOidc* oidc_;
  Diagnostics* diags_;
  const std::string& ns_;
  const int errors_before_;
  const Object* config_ = nullptr;
  std::string prefix_;
};

}  // namespace

const Object* EmbeddedAuthServerSource(const MCPServer& server, const ServerRefs& refs) {
  const Object* config = server.auth_server_ref ? refs.auth_server : refs.external_auth;
  return config && ExternalAuthType(*config) == "embeddedAuthServer" ? config : nullptr;
}

std::optional<EmbeddedAuthServer> BuildEmbeddedAuthServer(const MCPServer& server,
                                                          const ServerRefs& refs,
                                                          const ResolvedOidc* oidc,
                                                          Diagnostics* diags) {
  return Builder(server, refs, oidc, diags).Run();
}

Value BuildAuthServerRunConfig(const Value& embedded, const AuthServerRunConfigInputs& inputs,
                               const AuthServerRefusal& refuse) {
  return RunConfigBuilder(inputs, refuse).Build(embedded);
}

std::vector<std::string> DefaultAuthServerScopes() {
  return {"openid", "profile", "email", "offline_access"};
}

MiddlewareEntry UpstreamSwapMiddleware(const EmbeddedAuthServer& server) {
  // addAuthHeaderStripMiddleware (runner/middleware.go:502-510): parameters of struct{}{}.
  if (server.disable_upstream_token_injection) return {"strip-auth", Value::Mapping()};
  // upstreamswap.MiddlewareParams {config} with a Config {provider_name}
  // (pkg/auth/upstreamswap/middleware.go:30-47).
  return {"upstreamswap", Obj({{"config", Obj({{"provider_name", Str(server.provider_name)}})}})};
}

Value InjectUpstreamProvider(const Value& authz_config, const std::string& provider_name) {
  const Value* cedar = GetObject(authz_config, "cedar");
  if (!cedar || provider_name.empty()) return authz_config;
  // ExtractConfig into cedar.Config, then NewConfig re-marshals it: {version, type, cedar:
  // ConfigOptions} (core.go:38-42, 211-251), unknown members dropped.
  Value options =
      Obj({{"policies", cedar->Find("policies") ? *cedar->Find("policies") : Value::Null()},
           {"entities_json", Str(GetString(*cedar, "entities_json"))},
           {"primary_upstream_provider", Str(provider_name)}});
  for (const char* key : {"group_claim_name", "role_claim_name", "group_entity_type"}) {
    if (std::string v = GetString(*cedar, key); !v.empty()) options.Set(key, Str(v));
  }
  return Obj({{"version", Str(GetString(authz_config, "version"))},
              {"type", Str(GetString(authz_config, "type"))},
              {"cedar", std::move(options)}});
}

void AddAuthServerVolumes(const Value& in, Value* volumes, Value* mounts) {
  const std::vector<Value>& keys = AuthServerItems(in, "signingKeySecretRefs");
  for (size_t i = 0; i < keys.size(); ++i)
    AddSecretFile("authserver-signing-key-" + std::to_string(i), keys[i],
                  "key-" + std::to_string(i) + ".pem", kKeysPath, volumes, mounts);
  const std::vector<Value>& hmacs = AuthServerItems(in, "hmacSecretRefs");
  for (size_t i = 0; i < hmacs.size(); ++i)
    AddSecretFile("authserver-hmac-secret-" + std::to_string(i), hmacs[i],
                  "hmac-" + std::to_string(i), kHmacPath, volumes, mounts);
  const Value* st = GetObject(in, "storage");
  const Value* redis = st ? GetObject(*st, "redis") : nullptr;
  if (!redis) return;
  for (auto [field, volume, file] :
       {std::tuple<const char*, const char*, const char*>{"tls", "redis-tls-ca-master", "ca.crt"},
        {"sentinelTls", "redis-tls-ca-sentinel", "sentinel-ca.crt"}}) {
    const Value* tls = GetObject(*redis, field);
    const Value* ref = tls ? GetObject(*tls, "caCertSecretRef") : nullptr;
    if (ref) AddSecretFile(volume, *ref, file, kRedisCaPath, volumes, mounts);
  }
}

void AppendAuthServerEnv(const Value& in, Value* env) {
  for (const Value& p : AuthServerItems(in, "upstreamProviders")) {
    const Value* c = UpstreamConfig(p);
    if (!c) continue;
    const std::string name = GetString(p, "name");
    if (const Value* ref = GetObject(*c, "clientSecretRef"))
      env->Append(
          SecretKeyEnvVar(ClientSecretEnv(name), GetString(*ref, "name"), GetString(*ref, "key")));
    const Value* dcr = GetString(p, "type") == "oauth2" ? GetObject(*c, "dcrConfig") : nullptr;
    if (const Value* ref = dcr ? GetObject(*dcr, "initialAccessTokenRef") : nullptr)
      env->Append(SecretKeyEnvVar(InitialAccessTokenEnv(name), GetString(*ref, "name"),
                                  GetString(*ref, "key")));
  }
  const std::vector<Value>& clients = AuthServerItems(in, "delegateClients");
  for (size_t i = 0; i < clients.size(); ++i) {
    if (const Value* ref = GetObject(clients[i], "clientSecretRef"))
      env->Append(
          SecretKeyEnvVar(DelegateSecretEnv(i), GetString(*ref, "name"), GetString(*ref, "key")));
  }
  const Value* st = GetObject(in, "storage");
  const Value* redis = st && GetString(*st, "type") == "redis" ? GetObject(*st, "redis") : nullptr;
  const Value* acl = redis ? GetObject(*redis, "aclUserConfig") : nullptr;
  if (!acl) return;
  if (const Value* ref = GetObject(*acl, "usernameSecretRef"))
    env->Append(
        SecretKeyEnvVar(kRedisUsernameEnv, GetString(*ref, "name"), GetString(*ref, "key")));
  if (const Value* ref = GetObject(*acl, "passwordSecretRef"))
    env->Append(
        SecretKeyEnvVar(kRedisPasswordEnv, GetString(*ref, "name"), GetString(*ref, "key")));
}

}  // namespace t0_44_0
}  // namespace thv
