#include "targets/v0.44.0/authserver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/value_builder.h"
#include "model/decode.h"
#include "model/names.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/configs.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kOperator[] = "the operator (v0.44.0)";
// authserver.go:26-77 and pkg/authserver/runner/embeddedauthserver.go:34-38.
const char kKeysPath[] = "/etc/toolhive/authserver/keys";
const char kHmacPath[] = "/etc/toolhive/authserver/hmac";
const char kRedisCaPath[] = "/etc/toolhive/authserver/redis-tls";
const char kRedisUsernameEnv[] = "TOOLHIVE_AUTH_SERVER_REDIS_USERNAME";
const char kRedisPasswordEnv[] = "TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD";

const Value& Empty() {
  static const Value kEmpty = Value::Mapping();
  return kEmpty;
}

const Value& EmbeddedSpec(const Object& config) {
  const Value* spec = GetObject(config.doc, "spec");
  const Value* embedded = spec ? GetObject(*spec, "embeddedAuthServer") : nullptr;
  return embedded ? *embedded : Empty();
}

const std::vector<Value>& Items(const Value& parent, const char* key) {
  static const std::vector<Value> kNone;
  const Value* v = parent.Find(key);
  return v && v->IsSequence() ? v->items : kNone;
}

std::string Index(const char* field, size_t i) { return field + ("[" + std::to_string(i) + "]"); }

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

// What net/url.Parse splits off an absolute URI: the scheme (lowercased), the host with its
// port, whether a fragment is present and non-empty.
struct UriParts {
  bool absolute = false;
  std::string scheme, host;
  bool fragment = false, query = false, userinfo = false;
};
UriParts SplitUri(const std::string& uri) {
  UriParts parts;
  const size_t colon = uri.find(':');
  parts.absolute =
      colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(uri[0])) &&
      std::all_of(uri.begin(), uri.begin() + colon, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      });
  const size_t hash = uri.find('#');
  parts.fragment = hash != std::string::npos && hash + 1 < uri.size();
  const size_t question = uri.find('?');
  parts.query = question != std::string::npos && question < hash && question + 1 < uri.size() &&
                uri[question + 1] != '#';
  if (!parts.absolute) return parts;
  for (size_t i = 0; i < colon; ++i)
    parts.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(uri[i])));
  const std::string rest = uri.substr(colon + 1);
  if (rest.rfind("//", 0) == 0) {
    parts.host = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
    if (size_t at = parts.host.rfind('@'); at != std::string::npos) {
      parts.host = parts.host.substr(at + 1);
      parts.userinfo = true;
    }
  }
  return parts;
}

// oauthproto.IsLoopbackHost (pkg/networking/utilities.go:349-375): "localhost" or a loopback IP,
// with or without a port.
bool IsLoopbackHost(std::string host) {
  if (!host.empty() && host[0] == '[') {
    host = host.substr(1, host.find(']') - 1);
  } else if (std::count(host.begin(), host.end(), ':') == 1) {
    host = host.substr(0, host.find(':'));
  }
  std::string lower;
  for (char c : host) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "localhost" || lower == "::1") return true;
  // 127.0.0.0/8 in dotted-quad form.
  int dots = 0, value = -1;
  for (char c : lower) {
    if (c == '.') {
      if (value < 0 || value > 255) return false;
      ++dots, value = -1;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
    } else {
      return false;
    }
  }
  return dots == 3 && value >= 0 && value <= 255 && lower.rfind("127.", 0) == 0;
}

// The RFC 8707 checks of oauthserver.ValidateAudienceURI (pkg/authserver/server/audience.go
// :29-60): the hint, or "" when the URI is acceptable.
std::string AudienceUriProblem(const std::string& uri) {
  if (uri.empty()) return "";
  const UriParts parts = SplitUri(uri);
  if (!parts.absolute) return "Resource must be an absolute URI";
  if (parts.host.empty()) return "Resource must include a host";
  if (parts.fragment) return "Resource must not contain a fragment";
  if (parts.scheme != "http" && parts.scheme != "https")
    return "Resource must use http or https scheme";
  return "";
}

// url.URL.Hostname: the host without its port and IPv6 brackets.
std::string Hostname(const std::string& host) {
  if (!host.empty() && host[0] == '[') return host.substr(1, host.find(']') - 1);
  return std::count(host.begin(), host.end(), ':') == 1 ? host.substr(0, host.find(':')) : host;
}

// A dotted-quad IPv4 literal's four octets as net.ParseIP reads it (no leading zeros), or
// nullopt.
std::optional<std::array<int, 4>> ParseIpv4(const std::string& host) {
  std::array<int, 4> octets{};
  size_t at = 0;
  for (size_t i = 0; i < 4; ++i) {
    const size_t end = i < 3 ? host.find('.', at) : host.size();
    if (end == std::string::npos) return std::nullopt;
    const std::string part = host.substr(at, end - at);
    if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0') ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    octets[i] = std::stoi(part);
    if (octets[i] > 255) return std::nullopt;
    at = end + 1;
  }
  return octets;
}

// networking.IsPrivateIP for an IPv4 address (pkg/networking/utilities.go:170-246).
bool IsPrivateIpv4(const std::array<int, 4>& ip) {
  const int a = ip[0], b = ip[1], c = ip[2];
  return a == 0 || a == 127 || a == 10 || (a == 172 && b >= 16 && b <= 31) ||
         (a == 192 && b == 168) || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127) ||
         (a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100) ||
         (a == 203 && b == 0 && c == 113) || a >= 224;
}

// An IPv6 literal's 16 bytes as net.ParseIP reads it (one "::", a trailing dotted IPv4, no
// zone), or nullopt.
std::optional<std::array<int, 16>> ParseIpv6(const std::string& host) {
  std::vector<int> head, tail;
  const size_t ellipsis = host.find("::");
  auto groups = [](const std::string& text, std::vector<int>* out, bool last) {
    if (text.empty()) return true;
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find(':', at);
      if (end == std::string::npos) end = text.size();
      const std::string g = text.substr(at, end - at);
      if (last && end == text.size() && g.find('.') != std::string::npos) {
        std::optional<std::array<int, 4>> v4 = ParseIpv4(g);
        if (!v4) return false;
        out->push_back((*v4)[0] << 8 | (*v4)[1]);
        out->push_back((*v4)[2] << 8 | (*v4)[3]);
        return true;
      }
      if (g.empty() || g.size() > 4 || !std::all_of(g.begin(), g.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c));
          }))
        return false;
      out->push_back(std::stoi(g, nullptr, 16));
      at = end + 1;
    }
    return true;
  };
  if (ellipsis == std::string::npos) {
    if (!groups(host, &head, true) || head.size() != 8) return std::nullopt;
  } else if (host.find("::", ellipsis + 1) != std::string::npos ||
             !groups(host.substr(0, ellipsis), &head, false) ||
             !groups(host.substr(ellipsis + 2), &tail, true) || head.size() + tail.size() > 7) {
    return std::nullopt;
  }
  std::array<int, 16> bytes{};
  for (size_t i = 0; i < head.size(); ++i)
    bytes[2 * i] = head[i] >> 8, bytes[2 * i + 1] = head[i] & 0xff;
  for (size_t i = 0; i < tail.size(); ++i) {
    const size_t at = 16 - 2 * (tail.size() - i);
    bytes[at] = tail[i] >> 8, bytes[at + 1] = tail[i] & 0xff;
  }
  return bytes;
}

// networking.IsPrivateIP for an IPv6 address (pkg/networking/utilities.go:146-246): IPv4-mapped
// and NAT64/6to4-embedded addresses judged by their IPv4, then loopback, unspecified,
// link-local, unique local, multicast, the NAT64 local-use /48 and Teredo.
bool IsPrivateIpv6(const std::array<int, 16>& b) {
  auto zero = [&](size_t from, size_t to) {
    return std::all_of(b.begin() + from, b.begin() + to, [](int x) { return x == 0; });
  };
  auto v4 = [&](size_t at) { return IsPrivateIpv4({b[at], b[at + 1], b[at + 2], b[at + 3]}); };
  if (zero(0, 10) && b[10] == 0xff && b[11] == 0xff) return v4(12);
  const bool nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b;
  if (nat64 && ((b[4] == 0 && b[5] == 0) || (b[4] == 0 && b[5] == 1)) && zero(6, 12)) return v4(12);
  if (b[0] == 0x20 && b[1] == 0x02) return v4(2);
  if (zero(0, 15) && (b[15] == 0 || b[15] == 1)) return true;
  return (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || (b[0] & 0xfe) == 0xfc || b[0] == 0xff ||
         (nat64 && b[4] == 0 && b[5] == 1) || (b[0] == 0x20 && b[1] == 0x01 && zero(2, 4));
}

// validateIssuerURLCore for a trusted issuer (pkg/authserver/config.go:1568-1635: no localhost
// exemption, a trailing slash allowed): the problem, or "".
std::string TrustedIssuerUrlProblem(const std::string& url, bool insecure_allow_http) {
  const UriParts parts = SplitUri(url);
  if (!parts.absolute) return "scheme is required";
  if (parts.host.empty()) return "host is required";
  if (parts.query) return "must not contain query component";
  if (parts.fragment) return "must not contain fragment component";
  if (parts.userinfo) return "must not contain userinfo (credentials in the URL)";
  if (parts.scheme != "https" && parts.scheme != "http")
    return "scheme must be https (or http for localhost)";
  if (parts.scheme == "http" && !insecure_allow_http)
    return "http scheme is only allowed for localhost, use https for " + Hostname(parts.host);
  return "";
}

// tokenexchange.ValidateJWKSURL (multi_issuer_validator.go:886-917): the problem, or "".
std::string JwksUrlProblem(const std::string& url, bool insecure_allow_http,
                           bool allow_private_ips) {
  const UriParts parts = SplitUri(url);
  if (parts.host.empty()) return "host is required";
  if (parts.userinfo) return "must not contain userinfo (credentials in the URL)";
  if (parts.scheme != "https" && (parts.scheme != "http" || !insecure_allow_http))
    return "must use HTTPS, got " + GoQuote(parts.scheme);
  if (allow_private_ips) return "";
  const std::string host = Hostname(parts.host);
  const std::optional<std::array<int, 4>> v4 = ParseIpv4(host);
  const std::optional<std::array<int, 16>> v6 = v4 ? std::nullopt : ParseIpv6(host);
  if ((v4 && IsPrivateIpv4(*v4)) || (v6 && IsPrivateIpv6(*v6)))
    return "must not point to a private or loopback address";
  return "";
}

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
                      kOperator + " refuses the RunConfig of MCPServer " + ns_ + "/" +
                      s_.object->meta.name + " (no ConfigMap, no Deployment)");
  }

  // AddEmbeddedAuthServerConfigOptions / AddAuthServerRefOptions: the OIDC checks, then
  // BuildAuthServerRunConfig.
  std::optional<EmbeddedAuthServer> Build(const Object& config, const std::string& ref_field,
                                          const std::string& prefix) {
    config_ = &config;
    prefix_ = prefix;
    if (!OidcConsistent(ref_field)) return std::nullopt;
    const int before = diags_->error_count();
    const Value& in = EmbeddedSpec(config);
    EmbeddedAuthServer out;
    out.run_config = RunConfig(in);
    if (diags_->error_count() != before) return std::nullopt;
    const std::vector<Value>& providers = Items(in, "upstreamProviders");
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

  // BuildAuthServerRunConfig (authserver.go:626-717) into authserver.RunConfig, field order of
  // pkg/authserver/config.go:39-210.
  Value RunConfig(const Value& in) {
    Value rc = Obj({{"schema_version", Str("v0.1.0")}, {"issuer", Str(GetString(in, "issuer"))}});
    if (std::string base = GetString(in, "authorizationEndpointBaseUrl"); !base.empty())
      rc.Set("authorization_endpoint_base_url", Str(base));
    // Signing keys: key-0.pem signs, the others verify (authserver.go:661-675).
    const std::vector<Value>& keys = Items(in, "signingKeySecretRefs");
    if (!keys.empty()) {
      Value signing = Obj({{"key_dir", Str(kKeysPath)}, {"signing_key_file", Str("key-0.pem")}});
      std::vector<std::string> fallback;
      for (size_t i = 1; i < keys.size(); ++i)
        fallback.push_back("key-" + std::to_string(i) + ".pem");
      if (!fallback.empty()) signing.Set("fallback_key_files", StrList(fallback));
      rc.Set("signing_key_config", std::move(signing));
    }
    if (const std::vector<Value>& hmacs = Items(in, "hmacSecretRefs"); !hmacs.empty()) {
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
    const std::vector<Value>& providers = Items(in, "upstreamProviders");
    for (size_t i = 0; i < providers.size(); ++i) upstreams.Append(Upstream(providers[i], i));
    rc.Set("upstreams", std::move(upstreams));
    // ScopesSupported and AllowedAudiences come from the resolved OIDC configuration.
    if (oidc_->scopes && !oidc_->scopes->empty())
      rc.Set("scopes_supported", StrList(*oidc_->scopes));
    if (std::vector<std::string> b = GetStrings(in, "baselineClientScopes"); !b.empty())
      rc.Set("baseline_client_scopes", StrList(b));
    rc.Set("allowed_audiences", StrList({oidc_->resource_url}));
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
    if (!Items(in, "trustedIssuers").empty()) rc.Set("trusted_issuers", TrustedIssuers(in));
    if (GetBool(in, "allowConfidentialClientRegistration"))
      rc.Set("allow_confidential_client_registration", Bool(true));
    if (std::vector<std::string> f = GetStrings(in, "forceConfidentialRedirectUris"); !f.empty())
      rc.Set("force_confidential_redirect_uris", StrList(f));
    if (GetBool(in, "insecureAllowConfidentialOverLoopbackHTTP"))
      rc.Set("insecure_allow_confidential_over_loopback_http", Bool(true));
    if (const std::vector<Value>& clients = Items(in, "delegateClients"); !clients.empty())
      rc.Set("delegate_clients", DelegateClients(clients));
    if (diags_->error_count() == errors_before_ &&
        (!Items(in, "delegateClients").empty() || !Items(in, "trustedIssuers").empty()))
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
    if (redirect.empty() && !oidc_->resource_url.empty()) {
      std::string base = oidc_->resource_url;
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
    const std::string at = Index("upstreamProviders", i) + ".oauth2Config";
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
        addrs.push_back(GetString(*svc, "name") + "." + (svc_ns.empty() ? ns_ : svc_ns) +
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
    out.Set("key_prefix", Str("thv:auth:{" + ns_ + ":" + s_.object->meta.name + "}:"));
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
        RefuseConfig(Index("delegateClients", i) + ".clientSecretRef",
                     Index("delegateClients", i) +
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
    for (const Value& t : Items(in, "trustedIssuers")) {
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
    const std::vector<Value>& clients = Items(in, "delegateClients");
    const std::string why = "invalid embedded auth server delegate clients or trusted issuers: ";
    if (std::string hint = AudienceUriProblem(oidc_->resource_url); !hint.empty()) {
      RefuseConfig("", why + "allowed_audiences contains invalid audience " +
                           GoQuote(oidc_->resource_url) + ": invalid_target (" + hint + ")");
      return;
    }
    std::vector<std::string> effective =
        oidc_->scopes && !oidc_->scopes->empty() ? *oidc_->scopes : DefaultAuthServerScopes();
    std::set<std::string> seen;
    for (size_t i = 0; i < clients.size(); ++i) {
      const Value& c = clients[i];
      const std::string id = GetString(c, "clientId");
      const std::string at = Index("delegateClients", i);
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
          if (a == oidc_->resource_url) continue;
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
    const std::vector<Value>& issuers = Items(in, "trustedIssuers");
    for (size_t i = 0; i < issuers.size(); ++i) {
      const Value& t = issuers[i];
      const std::string url = GetString(t, "issuerUrl"), jwks = GetString(t, "jwksUrl");
      const std::string at = Index("trustedIssuers", i);
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
      return RefuseConfig(Index("trustedIssuers", bad->first),
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

// validateTrustedIssuer (multi_issuer_validator.go:933-990) beyond the CRD's own rules
// (wildcards, actor claim, private IPs): required fields, the server's own issuer, duplicates.
// The problem and the entry's index, or nullopt.
std::optional<std::pair<size_t, std::string>> TrustedIssuerStructure(const Value& embedded) {
  const std::vector<Value>& issuers = Items(embedded, "trustedIssuers");
  const std::string self = GetString(embedded, "issuer");
  std::set<std::string> seen;
  for (size_t i = 0; i < issuers.size(); ++i) {
    const std::string url = GetString(issuers[i], "issuerUrl");
    std::string problem;
    if (url.empty())
      problem = "issuer_url is required";
    else if (GetString(issuers[i], "expectedAudience").empty())
      problem = "issuer_url " + GoQuote(url) + ": expected_audience is required";
    else if (url == self)
      problem = "issuer_url " + GoQuote(url) +
                ": must not equal the authorization server's own issuer; self-issued tokens are "
                "already handled separately";
    else if (!seen.insert(url).second)
      problem = "issuer_url " + GoQuote(url) + ": configured more than once";
    if (!problem.empty()) return std::make_pair(i, problem);
  }
  return std::nullopt;
}

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

std::optional<Invalid> ConfidentialClientPolicy(const Value& embedded) {
  const bool allow = GetBool(embedded, "allowConfidentialClientRegistration");
  const std::string issuer = GetString(embedded, "issuer");
  // ValidateConfidentialClientTransport (pkg/authserver/config.go:1475-1500).
  if (allow || !Items(embedded, "delegateClients").empty()) {
    if (GetBool(embedded, "insecureAllowHTTP"))
      return Invalid{"insecureAllowHTTP",
                     "allow_confidential_client_registration cannot be combined with "
                     "insecure_allow_http: confidential clients would send secrets over cleartext "
                     "HTTP"};
    const UriParts parts = SplitUri(issuer);
    if (!GetBool(embedded, "insecureAllowConfidentialOverLoopbackHTTP") && parts.scheme == "http" &&
        IsLoopbackHost(parts.host))
      return Invalid{"issuer",
                     "allow_confidential_client_registration cannot be combined with a plain-HTTP "
                     "loopback issuer (" +
                         GoQuote(issuer) +
                         ") unless insecure_allow_confidential_over_loopback_http is set: "
                         "confidential clients would send secrets over cleartext HTTP"};
  }
  // ValidateForceConfidentialRedirectURIs (pkg/authserver/config.go:1510-1535) with
  // oauthproto.ValidateRedirectURI's strict policy (pkg/oauthproto/redirect.go:50-88).
  const std::vector<std::string> uris = GetStrings(embedded, "forceConfidentialRedirectUris");
  if (!uris.empty() && !allow)
    return Invalid{"forceConfidentialRedirectUris",
                   "force_confidential_redirect_uris requires allow_confidential_client_"
                   "registration to be true"};
  for (size_t i = 0; i < uris.size(); ++i) {
    const std::string& uri = uris[i];
    const UriParts parts = SplitUri(uri);
    std::string problem;
    if (uri.size() > 2048)
      problem = "redirect_uri too long (maximum 2048 characters)";
    else if (!parts.absolute || parts.fragment)
      problem = "redirect_uri must be an absolute URI without a fragment";
    else if (parts.scheme != "https" && !(parts.scheme == "http" && IsLoopbackHost(parts.host)))
      problem = "redirect_uri must use http (for loopback) or https scheme";
    const std::string at = Index("forceConfidentialRedirectUris", i);
    if (!problem.empty())
      return Invalid{at, "force_confidential_redirect_uris: " + GoQuote(uri) + ": " + problem};
    if (IsLoopbackHost(parts.host))
      return Invalid{at, "force_confidential_redirect_uris: " + GoQuote(uri) +
                             " must not be a loopback redirect URI; a loopback client is a public "
                             "client by construction and must not be issued a secret"};
  }
  return std::nullopt;
}

std::string ReservedAuthorizationParam(const StringMap& params) {
  // pkg/authserver/oauthparams/reserved.go; Go reports whichever reserved key its map iteration
  // meets first, here the first in sorted order.
  static const std::set<std::string> kReserved = {
      "response_type", "client_id",      "redirect_uri",          "scope",
      "state",         "code_challenge", "code_challenge_method", "nonce"};
  for (const auto& [key, value] : params)
    if (kReserved.count(key)) return key;
  return "";
}

void WarnSyntheticIdentity(const Object& config, Diagnostics* diags) {
  if (ExternalAuthType(config) != "embeddedAuthServer") return;
  // SyntheticIdentityUpstreams (mcpexternalauthconfig_types.go:2065-2081): OAuth 2.0 upstreams
  // with neither userInfo nor identityFromToken, names sorted, printed as Go's %v of a slice.
  const std::vector<Value>& providers = Items(EmbeddedSpec(config), "upstreamProviders");
  std::set<std::string> names;
  std::string first_at;
  for (size_t i = 0; i < providers.size(); ++i) {
    const Value* oauth2 = GetString(providers[i], "type") == "oauth2"
                              ? GetObject(providers[i], "oauth2Config")
                              : nullptr;
    if (!oauth2 || GetObject(*oauth2, "userInfo") || GetObject(*oauth2, "identityFromToken"))
      continue;
    names.insert(GetString(providers[i], "name"));
    if (first_at.empty())
      first_at = "spec.embeddedAuthServer." + Index("upstreamProviders", i) + ".oauth2Config";
  }
  if (names.empty()) return;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : " ") + n;
  diags->Warning(config.origin.file, MarkOfPath(config.doc, first_at), first_at,
                 "OAuth2 upstream(s) [" + list +
                     "] have no userInfo configured; the embedded auth server will synthesize a "
                     "non-PII subject from the access token (no Name/Email claims). If a userInfo "
                     "endpoint exists for these upstreams, configure it to resolve real identity "
                     "(" +
                     kOperator + " sets IdentitySynthesized=True on MCPExternalAuthConfig " +
                     config.meta.name + ", mcpexternalauthconfig_controller.go:189-221)");
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

void AddAuthServerVolumes(const Object& config, Value* volumes, Value* mounts) {
  const Value& in = EmbeddedSpec(config);
  const std::vector<Value>& keys = Items(in, "signingKeySecretRefs");
  for (size_t i = 0; i < keys.size(); ++i)
    AddSecretFile("authserver-signing-key-" + std::to_string(i), keys[i],
                  "key-" + std::to_string(i) + ".pem", kKeysPath, volumes, mounts);
  const std::vector<Value>& hmacs = Items(in, "hmacSecretRefs");
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

void AppendAuthServerEnv(const Object& config, Value* env) {
  const Value& in = EmbeddedSpec(config);
  for (const Value& p : Items(in, "upstreamProviders")) {
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
  const std::vector<Value>& clients = Items(in, "delegateClients");
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
