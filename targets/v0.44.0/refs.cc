#include "targets/v0.44.0/refs.h"

#include <cstdlib>

#include "model/decode.h"
#include "model/inputs.h"
#include "render/validate_object.h"
#include "targets/v0.44.0/authserver_checks.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/mcpserver.h"
#include "targets/v0.44.0/pod_template_patch.h"

namespace thv {
namespace t0_44_0 {

namespace {

std::string Where(const Object& o) {
  return o.origin.file + ":" + std::to_string(o.origin.mark.line);
}

class ServerChecker {
 public:
  ServerChecker(const MCPServer& server, const RenderContext& context, Diagnostics* diags)
      : s_(server), context_(context), diags_(diags), ns_(server.object->meta.namespace_) {}

  ServerRefs Run() {
    PodTemplate();
    Group();
    refs_.tool_config = Require("MCPToolConfig", s_.tool_config_ref, "spec.toolConfigRef");
    if (refs_.tool_config) ToolOverrides(*refs_.tool_config);
    if (s_.telemetry_config_ref)
      refs_.telemetry_config =
          Require("MCPTelemetryConfig", s_.telemetry_config_ref->ref, "spec.telemetryConfigRef");
    refs_.external_auth =
        Require("MCPExternalAuthConfig", s_.external_auth_config_ref, "spec.externalAuthConfigRef");
    if (refs_.external_auth) {
      SingleUpstream(*refs_.external_auth, "spec.externalAuthConfigRef");
      ExternalAuthSecrets(*refs_.external_auth);
    }
    refs_.webhook_config =
        Require("MCPWebhookConfig", s_.webhook_config_ref, "spec.webhookConfigRef");
    if (s_.auth_server_ref) AuthServer();
    if (s_.oidc_config_ref) {
      refs_.oidc_config = Require("MCPOIDCConfig", s_.oidc_config_ref->ref, "spec.oidcConfigRef");
      if (refs_.oidc_config) {
        CaBundle(*refs_.oidc_config);
        OidcClientSecret(*refs_.oidc_config);
      }
    }
    refs_.authz_config = Require("MCPAuthzConfig", s_.authz_config_ref, "spec.authzConfigRef");
    if (s_.authz_config && s_.authz_config->type == "configMap") AuthzConfigMap();
    return refs_;
  }

 private:
  const std::string& File() const { return s_.object->origin.file; }
  // MCPServer, or MCPRemoteProxy, whose shared fields are checked the same way.
  const std::string& Kind() const { return s_.object->kind; }

  void Refuse(Mark mark, const std::string& path, const std::string& message) {
    diags_->Error(
        File(), mark, path,
        message + "; " + kOperator + " creates nothing for the " + Kind() + " until then");
  }

  // A referenced config among the inputs: nullptr and an error when absent. An invalid config
  // is refused too; one among the inputs reports that itself (CheckConfig), one from --context
  // only here.
  const Object* Require(const char* kind, const std::optional<NamedRef>& ref,
                        const std::string& field) {
    return ref ? Require(kind, *ref, field) : nullptr;
  }
  const Object* Require(const char* kind, const NamedRef& ref, const std::string& field) {
    const Object* config = context_.index.Find(kind, ns_, ref.name);
    const std::string name = std::string(kind) + " " + ns_ + "/" + ref.name;
    if (!config || !config->toolhive) {
      Refuse(ref.mark, field + ".name", name + " not found among the inputs");
      return nullptr;
    }
    const std::vector<Invalid> invalid = ValidateConfig(*config);
    if (!invalid.empty()) {
      // One from --context is reported here; one among the inputs reports itself.
      if (config->context_only)
        Refuse(ref.mark, field + ".name",
               name + " (" + Where(*config) + ") is not valid: " + invalid.front().message);
      refs_.refused = true;
      return nullptr;
    }
    return config;
  }

  void PodTemplate() {
    if (!s_.pod_template_spec) return;
    const Value& tmpl = *s_.pod_template_spec;
    // A RawExtension: the operator decodes it into a corev1.PodTemplateSpec and refuses the
    // MCPServer when it cannot (mcpserver_controller.go validateAndUpdatePodTemplateStatus).
    if (!tmpl.IsMapping()) {
      diags_->Error(File(), tmpl.mark, "spec.podTemplateSpec",
                    std::string("json: cannot unmarshal ") + TypeName(tmpl.type) +
                        " into Go value of type v1.PodTemplateSpec; " + kOperator +
                        " refuses the " + Kind() + " (PodTemplateValid=False)");
      return;
    }
    // A mapping can still fail to decode (nodeSelector: ssd): the same refusal.
    if (std::string error; !DecodesAsPodTemplateSpec(tmpl, &error)) {
      diags_->Error(
          File(), tmpl.mark, "spec.podTemplateSpec",
          error + "; " + kOperator + " refuses the " + Kind() + " (PodTemplateValid=False)");
      return;
    }
    std::vector<FieldError> errors;
    // An MCPRemoteProxy's is merged into a template whose container "toolhive" has the image
    // (mcpremoteproxy_deployment.go:89-101); an MCPServer's into the runner's "mcp".
    ValidatePodTemplatePatch(tmpl, "spec.podTemplateSpec", &errors,
                             Kind() == "MCPRemoteProxy" ? "toolhive" : "mcp");
    for (const FieldError& e : errors)
      diags_->Error(File(), e.mark.line > 0 ? e.mark : tmpl.mark, e.path,
                    e.detail + "; the MCP server's pods would be rejected");
  }

  // validateGroupRef only sets GroupRefValidated=False.
  void Group() {
    if (!s_.group_ref) return;
    if (context_.index.Find("MCPGroup", ns_, s_.group_ref->name)) return;
    diags_->Warning(File(), s_.group_ref->mark, "spec.groupRef.name",
                    "MCPGroup " + ns_ + "/" + s_.group_ref->name + " not found among the inputs; " +
                        kOperator + " sets GroupRefValidated=False and creates the " + Kind() +
                        "'s objects all the "
                        "same");
  }

  // The RunConfig builder refuses an override that renames nothing (runner/config_builder.go).
  void ToolOverrides(const Object& tools) {
    const Value* spec = GetObject(tools.doc, "spec");
    const Value* overrides = spec ? GetObject(*spec, "toolsOverride") : nullptr;
    for (const Member& m : overrides ? overrides->members : std::vector<Member>{}) {
      if (!GetString(m.value, "name").empty() || !GetString(m.value, "description").empty())
        continue;
      diags_->Error(tools.origin.file, m.key_mark, "spec.toolsOverride." + m.key,
                    "tool override for " + m.key + " must have either name or description set; " +
                        kOperator + " refuses the RunConfig of " + Kind() + " " + ns_ + "/" +
                        s_.object->meta.name + ", which refers to it");
    }
  }

  void SingleUpstream(const Object& auth, const std::string& field) {
    const size_t n = UpstreamProviderCount(auth);
    if (n <= 1) return;
    Refuse(MarkOf(field), field + ".name",
           "MCPExternalAuthConfig " + ns_ + "/" + auth.meta.name + " has " + std::to_string(n) +
               " upstream providers, but an " + Kind() + " supports only 1; use VirtualMCPServer");
  }

  // handleAuthServerRef: an MCPExternalAuthConfig of type embeddedAuthServer, one upstream.
  void AuthServer() {
    const AuthServerRef& ref = *s_.auth_server_ref;
    const Object* auth = Require("MCPExternalAuthConfig", ref.ref, "spec.authServerRef");
    if (!auth) return;
    refs_.auth_server = auth;
    if (const std::string type = ExternalAuthType(*auth); type != "embeddedAuthServer") {
      Refuse(ref.ref.mark, "spec.authServerRef.name",
             "authServerRef '" + ref.ref.name + "' has type \"" + type +
                 "\", but only embeddedAuthServer is supported");
      return;
    }
    SingleUpstream(*auth, "spec.authServerRef");
  }

  // validateCABundleRef only sets CABundleRefValidated=False.
  void CaBundle(const Object& oidc) {
    const Value* spec = GetObject(oidc.doc, "spec");
    const Value* in = spec ? GetObject(*spec, "inline") : nullptr;
    const Value* ca = in ? GetObject(*in, "caBundleRef") : nullptr;
    const Value* cm = ca ? GetObject(*ca, "configMapRef") : nullptr;
    if (!cm) return;
    const std::string name = GetString(*cm, "name");
    std::string key = GetString(*cm, "key");
    if (key.empty()) key = "ca.crt";
    const Object* map = context_.index.Find("ConfigMap", ns_, name);
    const Value* data = map ? GetObject(map->doc, "data") : nullptr;
    std::string problem;
    if (!map)
      problem = "CA bundle ConfigMap " + ns_ + "/" + name + " not found among the inputs";
    else if (!data || !data->Find(key))
      problem = "Key '" + key + "' not found in ConfigMap '" + name + "'";
    if (problem.empty()) return;
    diags_->Warning(oidc.origin.file, cm->mark, "spec.inline.caBundleRef.configMapRef",
                    problem + " (MCPOIDCConfig " + oidc.meta.name + ", used by " + Kind() + " " +
                        s_.object->meta.name + "); " + kOperator +
                        " sets CABundleRefValidated=False and creates the objects all the same");
  }

  // Where a Secret key the operator reads stands: among the inputs with the key (in data or
  // stringData), among them without it, or not among them (assumed present, with a warning).
  enum class SecretState { kHasKey, kMissingKey, kAbsent };
  SecretState Secret(const Object& config, const Value& ref, const std::string& path,
                     const char* purpose) {
    const std::string name = GetString(ref, "name"), key = GetString(ref, "key");
    const Object* secret = context_.index.Find("Secret", ns_, name);
    if (!secret) {
      diags_->Warning(config.origin.file, ref.mark, path,
                      "Secret " + ns_ + "/" + name + " (" + purpose +
                          ") is not among the inputs; rendered as if it holds key \"" + key +
                          "\", as " + kOperator + " requires for " + Kind() + " " +
                          s_.object->meta.name);
      return SecretState::kAbsent;
    }
    return SecretHasKey(*secret, key) ? SecretState::kHasKey : SecretState::kMissingKey;
  }

  // addTokenExchangeConfig / addBearerTokenConfig: the RunConfig needs the client Secret's key.
  void ExternalAuthSecrets(const Object& auth) {
    const Value* spec = GetObject(auth.doc, "spec");
    const std::string type = ExternalAuthType(auth);
    const char* field = type == "tokenExchange" ? "clientSecretRef"
                        : type == "bearerToken" ? "tokenSecretRef"
                                                : nullptr;
    const Value* config = spec && field ? GetObject(*spec, type.c_str()) : nullptr;
    const Value* ref = config ? GetObject(*config, field) : nullptr;
    if (!ref) return;
    const std::string path = "spec." + type + "." + field;
    const char* what = type == "tokenExchange" ? "client secret" : "bearer token secret";
    if (Secret(auth, *ref, path, what) != SecretState::kMissingKey) return;
    diags_->Error(auth.origin.file, MarkOfPath(auth.doc, path + ".key"), path + ".key",
                  std::string(what) + " " + ns_ + "/" + GetString(*ref, "name") +
                      " is missing key \"" + GetString(*ref, "key") + "\"; " + kOperator +
                      " refuses the RunConfig of " + Kind() + " " + ns_ + "/" +
                      s_.object->meta.name + ", which refers to it");
  }

  // GenerateOIDCClientSecretEnvVar: only logged when the Secret lacks the key.
  void OidcClientSecret(const Object& oidc) {
    const Value* spec = GetObject(oidc.doc, "spec");
    const Value* in = spec ? GetObject(*spec, "inline") : nullptr;
    const Value* ref = in ? GetObject(*in, "clientSecretRef") : nullptr;
    if (!ref || GetString(*spec, "type") != "inline") return;
    const std::string path = "spec.inline.clientSecretRef";
    const SecretState state = Secret(oidc, *ref, path, "OIDC client secret");
    refs_.oidc_client_secret_env = state != SecretState::kMissingKey;
    if (state != SecretState::kMissingKey) return;
    diags_->Warning(oidc.origin.file, MarkOfPath(oidc.doc, path + ".key"), path + ".key",
                    "OIDC client secret " + ns_ + "/" + GetString(*ref, "name") +
                        " is missing key \"" + GetString(*ref, "key") + "\"; " + kOperator +
                        " leaves TOOLHIVE_OIDC_CLIENT_SECRET out of " + Kind() + " " +
                        s_.object->meta.name + "'s Deployment");
  }

  // LoadAuthzConfigFromConfigMap: the RunConfig embeds the ConfigMap's configuration.
  void AuthzConfigMap() {
    const AuthzConfig& a = *s_.authz_config;
    const std::string field = "spec.authzConfig.configMap";
    const Object* map = context_.index.Find("ConfigMap", ns_, a.config_map_name);
    const Value* data = map ? GetObject(map->doc, "data") : nullptr;
    std::string problem;
    if (!map)
      problem = "ConfigMap " + ns_ + "/" + a.config_map_name +
                " not found among the inputs (its authorization configuration goes into the "
                "RunConfig; pass it as an input or with --context)";
    else if (!data || !data->Find(a.config_map_key))
      problem = "authz ConfigMap " + ns_ + "/" + a.config_map_name + " is missing key \"" +
                a.config_map_key + "\"";
    if (problem.empty()) {
      refs_.authz_config_map = map;
      return;
    }
    diags_->Error(File(), MarkOf(field + ".name"), field + ".name",
                  problem + "; " + kOperator + " refuses the RunConfig");
  }

  Mark MarkOf(const std::string& field) const { return MarkOfPath(s_.object->doc, field); }

  ServerRefs refs_;
  const MCPServer& s_;
  const RenderContext& context_;
  Diagnostics* diags_;
  const std::string& ns_;
};

}  // namespace

ServerRefs ResolveServerRefs(const MCPServer& server, const RenderContext& context,
                             Diagnostics* diags) {
  return ServerChecker(server, context, diags).Run();
}

void CheckConfig(const Object& config, const RenderContext& context, Diagnostics* diags) {
  (void)context;
  for (const Invalid& invalid : ValidateConfig(config))
    diags->Error(config.origin.file, MarkOfPath(config.doc, invalid.path), invalid.path,
                 config.kind + " " + config.meta.name + " is not valid: " + invalid.message + "; " +
                     kOperator +
                     " marks it Valid=False and refuses every MCPServer and MCPRemoteProxy that "
                     "refers to it");
  if (config.kind == "MCPExternalAuthConfig") WarnSyntheticIdentity(config, diags);
}

}  // namespace t0_44_0
}  // namespace thv
