#include "targets/v0.44.0/authserver_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "model/decode.h"
#include "model/names.h"
#include "targets/v0.44.0/defaults.h"

namespace thv {
namespace t0_44_0 {

namespace {

const Value& Empty() {
  static const Value kEmpty = Value::Mapping();
  return kEmpty;
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

}  // namespace

const Value& EmbeddedAuthServerSpec(const Object& config) {
  const Value* spec = GetObject(config.doc, "spec");
  const Value* embedded = spec ? GetObject(*spec, "embeddedAuthServer") : nullptr;
  return embedded ? *embedded : Empty();
}

const std::vector<Value>& AuthServerItems(const Value& parent, const char* key) {
  static const std::vector<Value> kNone;
  const Value* v = parent.Find(key);
  return v && v->IsSequence() ? v->items : kNone;
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

// validateTrustedIssuer (multi_issuer_validator.go:933-990) beyond the CRD's own rules
// (wildcards, actor claim, private IPs): required fields, the server's own issuer, duplicates.
// The problem and the entry's index, or nullopt.
std::optional<std::pair<size_t, std::string>> TrustedIssuerStructure(const Value& embedded) {
  const std::vector<Value>& issuers = AuthServerItems(embedded, "trustedIssuers");
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

std::optional<Invalid> ConfidentialClientTransport(const Value& embedded) {
  const bool allow = GetBool(embedded, "allowConfidentialClientRegistration");
  const std::string issuer = GetString(embedded, "issuer");
  if (allow || !AuthServerItems(embedded, "delegateClients").empty()) {
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
  return std::nullopt;
}

bool PlainHttpRemoteIssuer(const std::string& issuer) {
  if (issuer.rfind("http://", 0) != 0) return false;
  const UriParts parts = SplitUri(issuer);
  return !parts.host.empty() && !IsLoopbackHost(parts.host);
}

std::optional<Invalid> ConfidentialClientPolicy(const Value& embedded) {
  if (std::optional<Invalid> transport = ConfidentialClientTransport(embedded)) return transport;
  const bool allow = GetBool(embedded, "allowConfidentialClientRegistration");
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
    const std::string at = ItemPath("forceConfidentialRedirectUris", i);
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

std::string SyntheticIdentityUpstreams(const Value& embedded, size_t* first) {
  // OAuth 2.0 upstreams with neither userInfo nor identityFromToken, names sorted, printed as
  // Go's %v of a slice.
  const std::vector<Value>& providers = AuthServerItems(embedded, "upstreamProviders");
  std::set<std::string> names;
  for (size_t i = 0; i < providers.size(); ++i) {
    const Value* oauth2 = GetString(providers[i], "type") == "oauth2"
                              ? GetObject(providers[i], "oauth2Config")
                              : nullptr;
    if (!oauth2 || GetObject(*oauth2, "userInfo") || GetObject(*oauth2, "identityFromToken"))
      continue;
    if (names.empty()) *first = i;
    names.insert(GetString(providers[i], "name"));
  }
  if (names.empty()) return "";
  return GoList({names.begin(), names.end()});
}

std::string SyntheticIdentityMessage(const std::string& upstreams) {
  return "OAuth2 upstream(s) " + upstreams +
         " have no userInfo configured; the embedded auth server will synthesize a non-PII "
         "subject from the access token (no Name/Email claims). If a userInfo endpoint exists for "
         "these upstreams, configure it to resolve real identity";
}

void WarnSyntheticIdentity(const Object& config, Diagnostics* diags) {
  if (ExternalAuthType(config) != "embeddedAuthServer") return;
  size_t first = 0;
  const std::string names = SyntheticIdentityUpstreams(EmbeddedAuthServerSpec(config), &first);
  if (names.empty()) return;
  const std::string at =
      "spec.embeddedAuthServer." + ItemPath("upstreamProviders", first) + ".oauth2Config";
  diags->Warning(config.origin.file, MarkOfPath(config.doc, at), at,
                 SyntheticIdentityMessage(names) + " (" + kOperator +
                     " sets IdentitySynthesized=True on MCPExternalAuthConfig " + config.meta.name +
                     ", mcpexternalauthconfig_controller.go:189-221)");
}

}  // namespace t0_44_0
}  // namespace thv
