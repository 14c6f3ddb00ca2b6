#include "targets/v0.44.0/vmcp_authserver.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/go_json.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "model/names.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/authserver_checks.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/vmcp_config.h"

namespace thv {
namespace t0_44_0 {

namespace {

// authserver.RunConfig and what it holds, as the RunConfig tables have them
// (scripts/go_types/runconfig_v0.44.0.json; its yaml tags equal its json tags).
#define THV_GO_TABLE "targets/v0.44.0/runconfig_go_types.inc"
#include "core/go_table.h"

const char kAt[] = "spec.authServerConfig";
const std::string kNoConfigMap = std::string("; ") + kOperator +
                                 " creates no ConfigMap and no Deployment for the VirtualMCPServer";

void Refuse(const Object& vmcp, const std::string& path, const std::string& why,
            Diagnostics* diags) {
  diags->Error(vmcp.origin.file, MarkOfPath(vmcp.doc, path), path, why);
}

// authserver.ResolveUpstreamName (pkg/authserver/config.go:481-486).
std::string Resolved(const std::string& name) { return name.empty() ? "default" : name; }

// The upstream providers' names, resolved.
std::vector<std::string> UpstreamNames(const Value& embedded) {
  std::vector<std::string> names;
  for (const Value& p : AuthServerItems(embedded, "upstreamProviders"))
    names.push_back(Resolved(GetString(p, "name")));
  return names;
}

// VirtualMCPServer.ExplicitPrimaryUpstreamProvider (virtualmcpserver_types.go:546-556): the
// canonical field, else the deprecated inline one; the field it came from.
struct Explicit {
  std::string name, field;
  bool deprecated = false;
};
Explicit ExplicitPrimaryUpstreamProvider(const Object& vmcp) {
  const Value& spec = SpecOf(vmcp);
  if (const Value* as = GetObject(spec, "authServerConfig")) {
    if (std::string p = GetString(*as, "primaryUpstreamProvider"); !p.empty())
      return {p, std::string(kAt) + ".primaryUpstreamProvider", false};
  }
  const Value& in = MappingAt(MappingAt(MappingAt(spec, "incomingAuth"), "authzConfig"), "inline");
  if (std::string p = GetString(in, "primaryUpstreamProvider"); !p.empty())
    return {p, "spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider", true};
  return {};
}

// validateAuthServerConfig (vc:542-640): the first problem, its path.
std::optional<Invalid> AuthServerConfigProblem(const Value& as) {
  const std::string issuer = GetString(as, "issuer");
  if (issuer.empty()) return Invalid{"issuer", "spec.authServerConfig.issuer is required"};
  // An http:// issuer needs insecureAllowHTTP unless its host is loopback (vc:559-585).
  if (PlainHttpRemoteIssuer(issuer) && !GetBool(as, "insecureAllowHTTP"))
    return Invalid{"issuer",
                   "spec.authServerConfig.issuer " + GoQuote(issuer) +
                       " uses http:// with a non-localhost host; set "
                       "spec.authServerConfig.insecureAllowHTTP: true to allow this for trusted "
                       "in-cluster deployments, or use https:// for production deployments"};
  if (std::optional<Invalid> t = ConfidentialClientTransport(as))
    return Invalid{t->path, "spec.authServerConfig: " + t->message};
  const std::vector<Value>& providers = AuthServerItems(as, "upstreamProviders");
  if (providers.empty())
    return Invalid{"upstreamProviders", "spec.authServerConfig.upstreamProviders is required"};
  for (size_t i = 0; i < providers.size(); ++i) {
    // UpstreamProviderConfig.AdditionalAuthorizationParams: oidcConfig's, else oauth2Config's.
    const Value* c = GetObject(providers[i], "oidcConfig");
    const char* sub = c ? "oidcConfig" : "oauth2Config";
    if (!c) c = GetObject(providers[i], "oauth2Config");
    const std::string reserved =
        c ? ReservedAuthorizationParam(GetStringMap(*c, "additionalAuthorizationParams")) : "";
    if (reserved.empty()) continue;
    const std::string prefix = "spec.authServerConfig." + ItemPath("upstreamProviders", i);
    return Invalid{
        ItemPath("upstreamProviders", i) + "." + sub + ".additionalAuthorizationParams." + reserved,
        prefix + ".additionalAuthorizationParams: reserved parameter " + GoQuote(reserved) +
            " is managed by the framework and cannot be overridden"};
  }
  return std::nullopt;
}

}  // namespace

const Value* VmcpAuthServerConfig(const Object& vmcp) {
  return GetObject(SpecOf(vmcp), "authServerConfig");
}

bool CheckVmcpAuthServer(const Object& vmcp, Diagnostics* diags) {
  const Value* as = VmcpAuthServerConfig(vmcp);
  const std::string& file = vmcp.origin.file;
  auto warn = [&](const std::string& path, const std::string& why) {
    diags->Warning(file, MarkOfPath(vmcp.doc, path), path, why);
  };
  if (as) {
    // applyAuthServerIdentitySynthesizedCondition runs first, whatever the checks find.
    size_t first = 0;
    if (std::string names = SyntheticIdentityUpstreams(*as, &first); !names.empty())
      warn(std::string(kAt) + "." + ItemPath("upstreamProviders", first) + ".oauth2Config",
           SyntheticIdentityMessage(names) + " (" + kOperator +
               " sets IdentitySynthesized=True on the VirtualMCPServer, "
               "virtualmcpserver_controller.go:648-676)");
    if (std::optional<Invalid> bad = AuthServerConfigProblem(*as)) {
      Refuse(vmcp, std::string(kAt) + "." + bad->path,
             bad->message + " (AuthServerConfigValidated=False)" + kVmcpRefuses, diags);
      return false;
    }
  }
  // validateAuthzUpstreamAvailable: only with spec.incomingAuth.authzConfig.
  if (!GetObject(MappingAt(SpecOf(vmcp), "incomingAuth"), "authzConfig")) return true;
  const Explicit p = ExplicitPrimaryUpstreamProvider(vmcp);
  if (p.deprecated)  // emitPrimaryUpstreamProviderDeprecatedEvent (vc:736-750)
    warn(p.field,
         "spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider is deprecated; move the "
         "value to spec.authServerConfig.primaryUpstreamProvider (" +
             std::string(kOperator) +
             " emits a Warning event AuthzPrimaryUpstreamProviderDeprecated)");
  // rejectAuthzAdmission (vc:682-703): AuthServerConfigValidated=False, nothing created.
  const std::vector<std::string> names = as ? UpstreamNames(*as) : std::vector<std::string>{};
  const std::string quoted = GoQuote(p.name);
  std::string path = p.field, reason, why;
  if (!as && !p.name.empty()) {
    reason = "AuthzPrimaryProviderRequiresAuthServer";
    why = "primaryUpstreamProvider=" + quoted +
          " is set but spec.authServerConfig is not configured. The field names an upstream IDP "
          "on the embedded auth server, which is required for it to take effect. Remove "
          "primaryUpstreamProvider, or configure spec.authServerConfig with an upstream of that "
          "name";
  } else if (as && names.empty()) {  // the CRD requires an upstream: not reached through it
    path = std::string(kAt) + ".upstreamProviders";
    reason = "AuthzRequiresUpstream";
    why =
        "spec.authServerConfig is set but has no upstream providers, and "
        "spec.incomingAuth.authzConfig references claims";
  } else if (as && !p.name.empty() &&
             std::find(names.begin(), names.end(), Resolved(p.name)) == names.end()) {
    reason = "AuthzUpstreamUnknown";
    why = "primaryUpstreamProvider=" + quoted +
          " does not match any upstream declared on spec.authServerConfig.upstreamProviders. Set "
          "primaryUpstreamProvider to one of the configured upstream names, or leave it empty to "
          "default to the first upstream";
  }
  if (!reason.empty()) {
    Refuse(vmcp, path,
           why + " (AuthServerConfigValidated=False, reason " + reason + ")" + kVmcpRefuses, diags);
    return false;
  }
  if (as && p.name.empty() && names.size() > 1) {
    warn(std::string(kAt) + ".upstreamProviders",
         "multiple upstreamProviders configured; Cedar policies will evaluate claims from the "
         "first upstream (" +
             GoQuote(GetString(AuthServerItems(*as, "upstreamProviders")[0], "name")) +
             "). If another upstream should be authoritative, set "
             "spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider explicitly, or remove "
             "or reorder the list (" +
             kOperator + " sets AuthzUpstreamSelectionWarning=True)");
  }
  return true;
}

std::string VmcpPrimaryUpstreamProvider(const Object& vmcp, Diagnostics* diags) {
  const Value* as = VmcpAuthServerConfig(vmcp);
  const Explicit p = ExplicitPrimaryUpstreamProvider(vmcp);
  if (!p.name.empty()) {
    const std::string why =
        "failed to create vmcp Config from VirtualMCPServer: failed to convert incoming auth: "
        "authz primaryUpstreamProvider " +
        GoQuote(p.name);
    if (!as) {
      Refuse(vmcp, p.field,
             why +
                 " set without an embedded auth server (spec.authServerConfig must be "
                 "configured)" +
                 kNoConfigMap,
             diags);
      return "";
    }
    const std::vector<std::string> names = UpstreamNames(*as);
    if (std::find(names.begin(), names.end(), Resolved(p.name)) == names.end()) {
      Refuse(vmcp, p.field,
             why +
                 " does not match any upstream declared on "
                 "spec.authServerConfig.upstreamProviders" +
                 kNoConfigMap,
             diags);
      return "";
    }
    return Resolved(p.name);
  }
  const std::vector<std::string> names = as ? UpstreamNames(*as) : std::vector<std::string>{};
  return names.empty() ? "" : names.front();
}

Value VmcpAuthServerRunConfig(const Object& vmcp, const Value& config, Diagnostics* diags) {
  const Value* as = VmcpAuthServerConfig(vmcp);
  if (!as) return Value::Null();
  // deriveAllowedAudiences, deriveResourceURL, deriveScopesSupported (cv:574-606).
  const Value& oidc = MappingAt(MappingAt(config, "incomingAuth"), "oidc");
  const std::string resource = GetString(oidc, "resource");
  AuthServerRunConfigInputs inputs;
  inputs.ns = vmcp.meta.namespace_;
  inputs.name = vmcp.meta.name;
  if (!resource.empty()) inputs.allowed_audiences = {resource};
  if (std::vector<std::string> scopes = GetStrings(oidc, "scopes"); !scopes.empty())
    inputs.scopes_supported = scopes;
  inputs.resource_url = resource;
  // Convert (cv:172-183): with delegate clients the controller reports a
  // DelegateClientConfigValidationError (vv:50-65), otherwise the wrapped builder error.
  const bool delegates = !AuthServerItems(*as, "delegateClients").empty();
  return BuildAuthServerRunConfig(
      *as, inputs, [&](const std::string& path, const std::string& why) {
        Refuse(vmcp, std::string(kAt) + (path.empty() ? "" : "." + path),
               (delegates ? "invalid delegate clients in spec.authServerConfig: "
                          : "failed to create vmcp Config from VirtualMCPServer: failed to "
                            "convert auth server config: ") +
                   why + " (AuthServerConfigValidated=False)" + kNoConfigMap,
               diags);
      });
}

bool CheckAuthServerIntegration(const Object& vmcp, const Value& config, const Value& rc,
                                Diagnostics* diags) {
  // The upstream_inject rules (validator.go:636-643, 684-704) are checked with the outgoing auth
  // (vmcp_outgoing_auth.cc); without an auth server nothing else applies.
  if (rc.IsNull()) return true;
  const Value& in = MappingAt(config, "incomingAuth");
  const Value* oidc = GetObject(in, "oidc");
  const std::vector<std::string> audiences = GetStrings(rc, "allowed_audiences");
  std::string path = kAt, problem;
  if (GetString(rc, "issuer").empty()) {  // validateAuthServerRunConfig (:665-680)
    problem = "auth server issuer is required";
  } else if (!rc.Find("upstreams") || rc.Find("upstreams")->IsEmpty()) {
    problem = "auth server requires at least one upstream";
  } else if (audiences.empty()) {
    path = "spec.incomingAuth";
    problem =
        "auth server requires at least one allowed audience (MCP clients must send RFC 8707 "
        "resource parameter)";
  } else if (GetString(in, "type") != "oidc" || !oidc) {  // validateAuthServerRequiresOIDC
    path = "spec.incomingAuth.type";
    problem = "embedded auth server requires OIDC incoming auth";
  } else if (GetString(rc, "issuer") != GetString(*oidc, "issuer")) {
    // validateAuthServerIncomingAuthConsistency (:715-745).
    problem = "auth server issuer mismatch: auth server issuer " +
              GoQuote(GetString(rc, "issuer")) + " != incomingAuth.oidc.issuer " +
              GoQuote(GetString(*oidc, "issuer"));
    path = std::string(kAt) + ".issuer";
  } else if (const std::string audience = GetString(*oidc, "audience");
             !audience.empty() &&
             std::find(audiences.begin(), audiences.end(), audience) == audiences.end()) {
    problem = "incomingAuth.oidc.audience " + GoQuote(audience) +
              " not in auth server's allowed audiences " + GoList(audiences);
    path = "spec.incomingAuth.oidcConfigRef.audience";
  }
  if (problem.empty()) return true;
  Refuse(vmcp, path,
         "invalid auth server integration: " + problem + " (AuthServerConfigValidated=False)" +
             kNoConfigMap,
         diags);
  return false;
}

std::string AuthServerConfigYaml(const Value& run_config) {
  std::string error;  // nothing of authserver.RunConfig marshals itself: no error to expect
  return GoTableTypes().MarshalYamlText("AuthserverRunConfig", run_config, &error);
}

}  // namespace t0_44_0
}  // namespace thv
