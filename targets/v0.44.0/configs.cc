#include "targets/v0.44.0/configs.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/yaml_reader.h"
#include "model/decode.h"
#include "model/formats.h"
#include "model/inputs.h"
#include "model/names.h"
#include "targets/v0.44.0/authserver_checks.h"

namespace thv {
namespace t0_44_0 {

namespace {

using Verdict = std::optional<Invalid>;

// MCPOIDCConfig: Validate() (type/config consistency), then for inline configs the issuer and
// JWKS URL checks (mcpoidcconfig_controller.go validateOIDCConfigSpec,
// pkg/validation/oidc_validation.go ValidateOIDCIssuerURL, url_validation.go ValidateJWKSURL).
Verdict ValidateOidc(const Object& object) {
  const Value& spec = SpecOf(object);
  const std::string type = GetString(spec, "type");
  if ((GetObject(spec, "kubernetesServiceAccount") == nullptr) ==
      (type == "kubernetesServiceAccount"))
    return Invalid{"spec.kubernetesServiceAccount",
                   "kubernetesServiceAccount configuration must be set if and only if type is "
                   "'kubernetesServiceAccount'"};
  const Value* in = GetObject(spec, "inline");
  if ((in == nullptr) == (type == "inline"))
    return Invalid{"spec.inline",
                   "inline configuration must be set if and only if type is 'inline'"};
  if (type != "inline") return std::nullopt;
  const bool insecure = GetBool(*in, "insecureAllowHTTP");
  GoUrl url;
  std::string err;
  if (const std::string issuer = GetString(*in, "issuer"); !issuer.empty()) {
    const std::string quoted = GoQuote(issuer);
    const std::string path = "spec.inline.issuer";
    if (!ParseGoUrl(issuer, false, &url, &err))
      return Invalid{path, "OIDC issuer URL " + quoted + " is malformed: " + err};
    if (url.scheme.empty() || url.host.empty())
      return Invalid{path, "OIDC issuer URL " + quoted + " is malformed: missing scheme or host"};
    if (url.scheme == "http" && !insecure)
      return Invalid{path, "OIDC issuer URL " + quoted +
                               " uses HTTP scheme, which is insecure; use HTTPS or set "
                               "insecureAllowHTTP: true for development only"};
    if (url.scheme != "http" && url.scheme != "https")
      return Invalid{path, "OIDC issuer URL " + quoted + " has unsupported scheme " +
                               GoQuote(url.scheme) + "; must be http or https"};
  }
  if (const std::string jwks = GetString(*in, "jwksUrl"); !jwks.empty()) {
    const std::string quoted = GoQuote(jwks);
    const std::string path = "spec.inline.jwksUrl";
    if (!ParseGoUrl(jwks, false, &url, &err)) return Invalid{path, "JWKS URL is invalid: " + err};
    if (url.scheme == "http" && !insecure)
      return Invalid{path, "JWKS URL " + quoted +
                               " uses HTTP scheme, which is insecure; use HTTPS or set "
                               "insecureAllowHTTP: true for development only"};
    if (url.scheme != "http" && url.scheme != "https")
      return Invalid{path, "JWKS URL " + quoted + " has unsupported scheme " + GoQuote(url.scheme) +
                               "; must be http or https"};
    if (url.host.empty()) return Invalid{path, "JWKS URL must have a valid host"};
  }
  return std::nullopt;
}

// MCPTelemetryConfig.Validate() (api/v1beta1/mcptelemetryconfig_types.go).
Verdict ValidateTelemetry(const Object& object) {
  const Value* otel = GetObject(SpecOf(object), "openTelemetry");
  if (!otel) return std::nullopt;
  const std::string base = "spec.openTelemetry";
  if (!GetString(*otel, "endpoint").empty()) {
    const Value* tracing = GetObject(*otel, "tracing");
    const Value* metrics = GetObject(*otel, "metrics");
    if (!(tracing && GetBool(*tracing, "enabled")) && !(metrics && GetBool(*metrics, "enabled")))
      return Invalid{base + ".endpoint",
                     "endpoint requires at least one of tracing or metrics to be enabled"};
  }
  const Value* headers = GetObject(*otel, "headers");
  if (const Value* sensitive = otel->Find("sensitiveHeaders");
      sensitive && sensitive->IsSequence()) {
    for (size_t i = 0; i < sensitive->items.size(); ++i) {
      const Value& sh = sensitive->items[i];
      const std::string at = base + "." + ItemPath("sensitiveHeaders", i);
      const std::string name = GetString(sh, "name");
      const Value* ref = GetObject(sh, "secretKeyRef");
      const std::string go = "openTelemetry." + ItemPath("sensitiveHeaders", i);
      if (name.empty()) return Invalid{at + ".name", go + ".name must not be empty"};
      if (!ref || GetString(*ref, "name").empty())
        return Invalid{at + ".secretKeyRef.name", go + ".secretKeyRef.name must not be empty"};
      if (GetString(*ref, "key").empty())
        return Invalid{at + ".secretKeyRef.key", go + ".secretKeyRef.key must not be empty"};
      if (headers && headers->Find(name))
        return Invalid{at + ".name",
                       "header " + GoQuote(name) + " appears in both headers and sensitiveHeaders"};
    }
  }
  if (const Value* ca = GetObject(*otel, "caBundleRef")) {
    if (GetBool(*otel, "insecure"))
      return Invalid{base + ".caBundleRef",
                     "openTelemetry.caBundleRef cannot be specified when insecure is true; they "
                     "are mutually exclusive"};
    const Value* cm = GetObject(*ca, "configMapRef");
    if (!cm)
      return Invalid{base + ".caBundleRef",
                     "openTelemetry.caBundleRef.configMapRef must be specified"};
    const std::string name = GetString(*cm, "name");
    const std::string at = base + ".caBundleRef.configMapRef.name";
    if (name.empty())
      return Invalid{at, "openTelemetry.caBundleRef.configMapRef.name must not be empty"};
    // The volume otel-ca-bundle-<name> must still be a 63-character name.
    constexpr size_t kMax = 63 - sizeof("otel-ca-bundle-") + 1;
    if (name.size() > kMax)
      return Invalid{at, "openTelemetry.caBundleRef.configMapRef.name " + GoQuote(name) +
                             " is too long (" + std::to_string(name.size()) +
                             " chars); maximum is " + std::to_string(kMax)};
  }
  return std::nullopt;
}

// json.Unmarshal's refusal of a field of the wrong JSON type (null is always accepted).
std::string WrongType(const Value* v, bool want_string, const std::string& field,
                      const char* go_type) {
  if (!v || v->IsNull() || (want_string ? v->IsString() : v->IsMapping())) return "";
  return "failed to parse configuration: json: cannot unmarshal " +
         std::string(GoJsonTypeName(*v)) + " into Go struct field " + field + " of type " + go_type;
}

// MCPAuthzConfig: Validate() (registered type, config present) and the backend factory's
// ValidateConfig.
Verdict ValidateAuthz(const Object& object) {
  const Value& spec = SpecOf(object);
  const std::string type = GetString(spec, "type");
  if (type.empty()) return Invalid{"spec.type", "type must not be empty"};
  std::optional<Invalid> verdict =
      ValidateAuthorizer(type, GetObject(spec, "config"), "spec.config");
  if (verdict && type != "cedarv1" && type != "httpv1") verdict->path = "spec.type";
  return verdict;
}

// MCPExternalAuthConfig.Validate() (api/v1beta1/mcpexternalauthconfig_types.go) and the
// controller's OBO dispatch, which an upstream build answers with ErrEnterpriseRequired.
// The embedded auth server's trusted issuers: the structure here, their URLs when a server's
// RunConfig is built (authserver.cc).
Verdict ValidateExternalAuth(const Object& object) {
  const Value& spec = SpecOf(object);
  const std::string type = GetString(spec, "type");
  if ((GetObject(spec, "obo") == nullptr) == (type == "obo"))
    return Invalid{"spec.obo", "obo configuration must be set if and only if type is 'obo'"};
  static const char* const kConfigs[] = {
      "tokenExchange", "headerInjection", "bearerToken", "embeddedAuthServer",
      "awsSts",        "upstreamInject",  "xaa"};
  for (const char* field : kConfigs) {
    if ((GetObject(spec, field) != nullptr) != (type == field))
      return Invalid{
          std::string("spec.") + field,
          std::string(field) + " configuration must be set if and only if type is '" + field + "'"};
  }
  if (type == "embeddedAuthServer") {
    const Value& server = *GetObject(spec, "embeddedAuthServer");
    const Value* providers = server.Find("upstreamProviders");
    if (!providers || !providers->IsSequence() || providers->items.empty())
      return Invalid{"spec.embeddedAuthServer.upstreamProviders",
                     "at least one upstream provider is required"};
    if (std::optional<Invalid> policy = ConfidentialClientPolicy(server)) {
      policy->path = "spec.embeddedAuthServer." + policy->path;
      return policy;
    }
    if (std::optional<std::pair<size_t, std::string>> bad = TrustedIssuerStructure(server))
      return Invalid{"spec.embeddedAuthServer." + ItemPath("trustedIssuers", bad->first),
                     "trustedIssuers: " + bad->second};
    std::set<std::string> seen;
    for (size_t i = 0; i < providers->items.size(); ++i) {
      const Value& p = providers->items[i];
      const std::string prefix = ItemPath("upstreamProviders", i);
      const std::string at = "spec.embeddedAuthServer." + prefix;
      const std::string name = GetString(p, "name");
      if (!seen.insert(name).second)
        return Invalid{at + ".name", prefix + ": duplicate name " + GoQuote(name)};
      const std::string ptype = GetString(p, "type");
      const Value* oidc = GetObject(p, "oidcConfig");
      const Value* oauth2 = GetObject(p, "oauth2Config");
      const bool config_ok =
          (ptype == "oidc" && oidc && !oauth2) || (ptype == "oauth2" && oauth2 && !oidc);
      if (!config_ok)
        return Invalid{at, prefix +
                               ": type must be 'oidc' or 'oauth2'; oidcConfig must be set when "
                               "type is 'oidc' and oauth2Config must be set when type is 'oauth2' "
                               "(and the other must not be set)"};
      // validateUpstreamProvider (mcpexternalauthconfig_types.go:1940-1964): the OAuth 2.0 rules,
      // then the reserved authorization parameters of either type.
      const std::string reserved = ReservedAuthorizationParam(
          GetStringMap(ptype == "oidc" ? *oidc : *oauth2, "additionalAuthorizationParams"));
      const Invalid reserved_invalid{
          at + (ptype == "oidc" ? ".oidcConfig" : ".oauth2Config") +
              ".additionalAuthorizationParams." + reserved,
          prefix + ".additionalAuthorizationParams: reserved parameter " + GoQuote(reserved) +
              " is managed by the framework and cannot be overridden"};
      if (ptype != "oauth2") {
        if (!reserved.empty()) return reserved_invalid;
        continue;
      }
      const Value* dcr = GetObject(*oauth2, "dcrConfig");
      const std::string oauth2_at = at + ".oauth2Config";
      if (GetString(*oauth2, "clientId").empty() == (dcr == nullptr))
        return Invalid{oauth2_at,
                       prefix + ": oauth2Config: exactly one of clientId or dcrConfig must be set"};
      if (dcr) {
        if (GetObject(*oauth2, "clientSecretRef"))
          return Invalid{oauth2_at + ".clientSecretRef",
                         prefix +
                             ": oauth2Config: clientSecretRef must not be set when dcrConfig is "
                             "set; the client_secret is obtained at runtime via Dynamic Client "
                             "Registration"};
        if (GetString(*dcr, "discoveryUrl").empty() ==
            GetString(*dcr, "registrationEndpoint").empty())
          return Invalid{oauth2_at + ".dcrConfig",
                         prefix +
                             ": oauth2Config.dcrConfig: exactly one of discoveryUrl or "
                             "registrationEndpoint must be set"};
      }
      if (const Value* identity = GetObject(*oauth2, "identityFromToken");
          identity && GetString(*identity, "subjectPath").empty())
        return Invalid{oauth2_at + ".identityFromToken",
                       prefix +
                           ": oauth2Config.identityFromToken.subjectPath must not be empty when "
                           "identityFromToken is set"};
      if (!reserved.empty()) return reserved_invalid;
    }
  } else if (type == "awsSts") {
    const Value& sts = *GetObject(spec, "awsSts");
    if (GetString(sts, "region").empty())
      return Invalid{"spec.awsSts.region", "awsSts.region is required"};
    const Value* mappings = sts.Find("roleMappings");
    const bool has_mappings = mappings && mappings->IsSequence() && !mappings->items.empty();
    if (GetString(sts, "fallbackRoleArn").empty() && !has_mappings)
      return Invalid{"spec.awsSts",
                     "awsSts: at least one of fallbackRoleArn or roleMappings must be configured"};
    for (size_t i = 0; has_mappings && i < mappings->items.size(); ++i) {
      const Value& m = mappings->items[i];
      const std::string at = "spec.awsSts." + ItemPath("roleMappings", i);
      const std::string go = "awsSts." + ItemPath("roleMappings", i);
      if (GetString(m, "roleArn").empty())
        return Invalid{at + ".roleArn", go + ".roleArn is required"};
      const bool claim = !GetString(m, "claim").empty(), matcher = !GetString(m, "matcher").empty();
      if (!claim && !matcher)
        return Invalid{at, go + ": exactly one of claim or matcher must be set"};
      if (claim && matcher) return Invalid{at, go + ": claim and matcher are mutually exclusive"};
    }
    if (const Value* d = sts.Find("sessionDuration"); d && d->IsInt()) {
      const int64_t seconds = GetInt(sts, "sessionDuration");
      if (seconds < 900 || seconds > 43200)
        return Invalid{"spec.awsSts.sessionDuration",
                       "awsSts.sessionDuration must be between 900 and 43200 seconds"};
    }
  } else if (type == "upstreamInject") {
    if (GetString(*GetObject(spec, "upstreamInject"), "providerName").empty())
      return Invalid{"spec.upstreamInject.providerName",
                     "upstreamInject requires a non-empty providerName"};
  } else if (type == "obo") {
    return Invalid{"spec.type",
                   "on-behalf-of (OBO) external auth type requires an enterprise build"};
  }
  return std::nullopt;
}

// MCPWebhookConfig: controllerutil.ValidateMCPWebhookConfigSpec, i.e. webhook.Config's
// ValidateDefinition for each webhook, every failure joined (errors.Join).
std::vector<Invalid> ValidateWebhook(const Object& object) {
  const Value& spec = SpecOf(object);
  std::vector<Invalid> verdict;
  auto add = [&](const std::string& path, const std::string& message) {
    verdict.push_back(Invalid{path, message});
  };
  for (const char* kind : {"validating", "mutating"}) {
    const Value* list = spec.Find(kind);
    for (size_t i = 0; list && list->IsSequence() && i < list->items.size(); ++i) {
      const Value& w = list->items[i];
      const std::string at = std::string("spec.") + ItemPath(kind, i);
      const std::string prefix = std::string(kind) + " webhook[" + std::to_string(i) + "] " +
                                 GoQuote(GetString(w, "name")) + ": ";
      const std::string url = GetString(w, "url");
      if (GetString(w, "name").empty()) {
        add(at + ".name", prefix + "webhook name is required");
        continue;
      }
      if (url.empty()) {
        add(at + ".url", prefix + "webhook URL is required");
        continue;
      }
      GoUrl parsed;
      std::string err;
      if (!ParseGoUrl(url, true, &parsed, &err)) {
        add(at + ".url", prefix + "webhook URL is invalid: " + err);
        continue;
      }
      const Value* tls = GetObject(w, "tlsConfig");
      if (parsed.scheme != "https" && !(tls && GetBool(*tls, "insecureSkipVerify"))) {
        add(at + ".url", prefix +
                             "webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP "
                             "for development/in-cluster use)");
        continue;
      }
      int64_t timeout = 0;
      if (const std::string t = GetString(w, "timeout");
          !t.empty() && !ParseGoDuration(t, &timeout)) {
        // The API server's duration format also takes "5 seconds"; metav1.Duration does not, and
        // the operator cannot read the object at all.
        add(at + ".timeout", prefix + "time: invalid duration " + GoQuote(t) +
                                 " (the operator reads timeout with Go's time.ParseDuration)");
        continue;
      }
      constexpr int64_t kMin = 1000000000, kMax = 30000000000;
      if (timeout != 0 && timeout < kMin)
        add(at + ".timeout", prefix + "webhook timeout must be between 1s and 30s");
      else if (timeout > kMax)
        add(at + ".timeout",
            prefix + "webhook timeout " + FormatGoDuration(timeout) + " exceeds maximum 30s");
    }
  }
  return verdict;
}

}  // namespace

std::vector<Invalid> ValidateConfig(const Object& object) {
  // The kinds whose controllers stop at the first problem. MCPToolConfig is always valid;
  // MCPGroup has nothing to check.
  static const std::pair<ToolhiveKind, Verdict (*)(const Object&)> kFirstProblem[] = {
      {ToolhiveKind::kMCPOIDCConfig, ValidateOidc},
      {ToolhiveKind::kMCPTelemetryConfig, ValidateTelemetry},
      {ToolhiveKind::kMCPAuthzConfig, ValidateAuthz},
      {ToolhiveKind::kMCPExternalAuthConfig, ValidateExternalAuth}};
  const ToolhiveKind kind = ToolhiveKindOf(object);
  if (kind == ToolhiveKind::kMCPWebhookConfig) return ValidateWebhook(object);
  for (const auto& [k, validate] : kFirstProblem) {
    if (k != kind) continue;
    if (const Verdict first = validate(object)) return {*first};
  }
  return {};
}

Value SortedKeys(const Value& v) {
  Value out = v;
  if (v.IsMapping()) {
    std::stable_sort(out.members.begin(), out.members.end(),
                     [](const Member& a, const Member& b) { return a.key < b.key; });
    for (Member& m : out.members) m.value = SortedKeys(m.value);
  } else if (v.IsSequence()) {
    for (Value& item : out.items) item = SortedKeys(item);
  }
  return out;
}

AuthzText LoadAuthzText(const std::string& file, const Value* text) {
  AuthzText out;
  Diagnostics parse;
  std::vector<Value> docs;
  if (!text || !text->IsString() || text->text.find_first_not_of(" \t\r\n") == std::string::npos ||
      !ReadYamlDocuments(file, text->text, &docs, &parse) || docs.size() != 1 ||
      !docs[0].IsMapping())
    return out;
  out.readable = true;
  out.config = SortedKeys(docs[0]);
  const std::string version = GetString(out.config, "version");
  const std::string type = GetString(out.config, "type");
  if (version.empty()) {
    out.invalid = "version is required";
  } else if (type.empty()) {
    out.invalid = "type is required";
  } else if (const std::optional<Invalid> bad = ValidateAuthorizer(
                 type, GetObject(out.config, type == "httpv1" ? "pdp" : "cedar"), "")) {
    out.invalid = bad->message;
  }
  return out;
}

std::optional<Invalid> ValidateAuthorizer(const std::string& type, const Value* config,
                                          const std::string& at) {
  if (type != "cedarv1" && type != "httpv1")
    return Invalid{at,
                   "type " + GoQuote(type) +
                       " is not a registered authorizer backend (registered: [cedarv1 httpv1])"};
  if (!config) return Invalid{at, "config must not be empty"};
  if (type == "cedarv1") {
    const Value* policies = config->Find("policies");
    if (policies && !policies->IsNull() && !policies->IsSequence())
      return Invalid{at + ".policies",
                     "failed to parse configuration: json: cannot unmarshal " +
                         std::string(GoJsonTypeName(*policies)) +
                         " into Go struct field ConfigOptions.cedar.policies of type []string"};
    for (size_t i = 0; policies && i < policies->items.size(); ++i) {
      const Value& p = policies->items[i];
      if (!p.IsString() && !p.IsNull())
        return Invalid{at + "." + ItemPath("policies", i),
                       "failed to parse configuration: json: cannot unmarshal " +
                           std::string(GoJsonTypeName(p)) +
                           " into Go struct field ConfigOptions.cedar.policies of type string"};
    }
    if (std::string e = WrongType(config->Find("entities_json"), true,
                                  "ConfigOptions.cedar.entities_json", "string");
        !e.empty())
      return Invalid{at + ".entities_json", e};
    if (!policies || policies->items.empty())
      return Invalid{at + ".policies", "at least one policy is required for Cedar authorization"};
    return std::nullopt;
  }
  const Value* http = config->Find("http");
  if (std::string e = WrongType(http, false, "ConfigOptions.pdp.http", "http.ConnectionConfig");
      !e.empty())
    return Invalid{at + ".http", e};
  if (!http || http->IsNull()) return Invalid{at, "http configuration is required"};
  if (std::string e = WrongType(http->Find("url"), true, "ConnectionConfig.pdp.http.url", "string");
      !e.empty())
    return Invalid{at + ".http.url", e};
  if (GetString(*http, "url").empty()) return Invalid{at + ".http", "http.url is required"};
  const Value* mapping = config->Find("claim_mapping");
  if (std::string e = WrongType(mapping, true, "ConfigOptions.pdp.claim_mapping", "string");
      !e.empty())
    return Invalid{at + ".claim_mapping", e};
  const std::string claim_mapping = GetString(*config, "claim_mapping");
  if (claim_mapping.empty())
    return Invalid{at, "claim_mapping is required (valid values: mpe, standard)"};
  if (claim_mapping != "mpe" && claim_mapping != "standard")
    return Invalid{at + ".claim_mapping", "invalid claim_mapping " + GoQuote(claim_mapping) +
                                              " (valid values: mpe, standard)"};
  return std::nullopt;
}

std::string ExternalAuthType(const Object& config) { return GetString(SpecOf(config), "type"); }

size_t UpstreamProviderCount(const Object& config) {
  const Value* server = GetObject(SpecOf(config), "embeddedAuthServer");
  const Value* providers = server ? server->Find("upstreamProviders") : nullptr;
  return providers && providers->IsSequence() ? providers->items.size() : 0;
}

bool ResolveOidcProvider(const Object& oidc_config, OidcProvider* out) {
  static const Value kEmpty = Value::Mapping();
  const Value& spec = SpecOf(oidc_config);
  if (GetString(spec, "type") == "kubernetesServiceAccount") {
    const Value* k = GetObject(spec, "kubernetesServiceAccount");
    const Value& ksa = k ? *k : kEmpty;
    out->issuer = GetString(ksa, "issuer");
    if (out->issuer.empty()) out->issuer = "https://kubernetes.default.svc";
    out->jwks_url = GetString(ksa, "jwksUrl");
    out->introspection_url = GetString(ksa, "introspectionUrl");
    if (GetOptionalBool(ksa, "useClusterAuth").value_or(true)) {
      out->ca_bundle_path = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
      out->jwks_token_path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
      out->jwks_allow_private_ip = true;
    }
    return true;
  }
  const Value* in = GetObject(spec, "inline");
  if (!in) return false;
  out->issuer = GetString(*in, "issuer");
  out->jwks_url = GetString(*in, "jwksUrl");
  out->introspection_url = GetString(*in, "introspectionUrl");
  out->client_id = GetString(*in, "clientId");
  // computeCABundlePath (resolver.go:192-198): /config/certs/<configmap>/<key|ca.crt>.
  const Value* ca = GetObject(*in, "caBundleRef");
  if (const Value* cm = ca ? GetObject(*ca, "configMapRef") : nullptr) {
    const std::string key = GetString(*cm, "key");
    out->ca_bundle_path =
        "/config/certs/" + GetString(*cm, "name") + "/" + (key.empty() ? "ca.crt" : key);
  }
  out->jwks_token_path = GetString(*in, "jwksAuthTokenPath");
  out->jwks_allow_private_ip = GetBool(*in, "jwksAllowPrivateIP");
  out->protected_resource_allow_private_ip = GetBool(*in, "protectedResourceAllowPrivateIP");
  out->insecure_allow_http = GetBool(*in, "insecureAllowHTTP");
  out->client_secret = GetObject(*in, "clientSecretRef") != nullptr;
  return true;
}

}  // namespace t0_44_0
}  // namespace thv
