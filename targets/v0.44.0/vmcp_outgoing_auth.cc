#include "targets/v0.44.0/vmcp_outgoing_auth.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/vmcp_config.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kDefaultKey[] = "<default-strategy>";  // defaultStrategyKey (validator.go:32)

// Copies the keys of from that are present into to.
void Copy(const Value& from, Value* to, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (const Value* v = from.Find(key); v && !v->IsNull()) to->Set(key, *v);
}

// GenerateUnique*EnvVarName (cmd/thv-operator/pkg/controllerutil/externalauth.go:24-66): the
// config's name upper-cased, anything but [A-Z0-9_] an underscore.
std::string UniqueEnvName(const char* prefix, const std::string& config_name) {
  std::string out = prefix;
  for (char c : config_name) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  }
  return out;
}

// A Secret an MCPExternalAuthConfig's strategy reads, and the env var the vMCP pod gets it in.
struct SecretUse {
  std::string env;
  const Value* ref;  // SecretKeyRef {name, key}
};

// getExternalAuthConfigSecretEnvVars (vd:802-921) and the refs ResolveSecrets reads
// (converters/token_exchange.go, header_injection.go, xaa.go): false for obo, whose handler
// answers ErrEnterpriseRequired in an upstream build.
bool SecretUses(const Object& config, std::vector<SecretUse>* out) {
  const Value& spec = SpecOf(config);
  const std::string type = GetString(spec, "type");
  const std::string& name = config.meta.name;
  auto add = [&](const char* prefix, const Value& parent, const char* key) {
    if (const Value* ref = GetObject(parent, key))
      out->push_back({UniqueEnvName(prefix, name), ref});
  };
  if (type == "tokenExchange") {
    add("TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_", MappingAt(spec, "tokenExchange"),
        "clientSecretRef");
  } else if (type == "headerInjection") {
    add("TOOLHIVE_HEADER_INJECTION_VALUE_", MappingAt(spec, "headerInjection"), "valueSecretRef");
  } else if (type == "xaa") {
    add("TOOLHIVE_XAA_IDP_CLIENT_SECRET_", MappingAt(spec, "xaa"), "idpClientSecretRef");
    add("TOOLHIVE_XAA_TARGET_CLIENT_SECRET_", MappingAt(spec, "xaa"), "targetClientSecretRef");
  } else if (type == "obo") {
    return false;
  }
  return true;
}

// The controller's view of one auth config that failed (AuthConfigError, vc:78-92): only a
// condition, and in static mode the backend is not served.
struct AuthError {
  std::string backend;  // empty for the default
  std::string field;    // where the VirtualMCPServer names it
  std::string condition, message;
};

class Resolver {
 public:
  Resolver(const Object& vmcp, const std::vector<const Object*>& workloads,
           const RenderContext& context, Diagnostics* diags)
      : vmcp_(vmcp),
        workloads_(workloads),
        context_(context),
        diags_(diags),
        spec_(SpecOf(vmcp)),
        out_(GetObject(spec_, "outgoingAuth")),
        ns_(vmcp.meta.namespace_) {
    const std::string source = out_ ? GetString(*out_, "source") : "";
    source_ = source.empty() ? "discovered" : source;  // outgoingAuthSource (vc:2231-2236)
    if (out_)
      for (const Member& m : MappingAt(*out_, "backends").members) spec_backends_[m.key] = &m.value;
  }

  VmcpOutgoingAuth Run() {
    VmcpOutgoingAuth result;
    const int errors_before = diags_->error_count();
    ValidateBackends();
    if (diags_->error_count() != errors_before) return result;
    Value converted = Converted();
    if (diags_->error_count() != errors_before) return result;
    Value built = Built();
    for (const AuthError& e : errors_) Warn(e, MappingAt(built, "backends"));
    if (source_ == "inline") {
      // processOutgoingAuth (vv:476-509): the controller's config replaces the converter's, and
      // backends whose auth failed are not served (backendsWithFailedAuth, vv:376-393).
      for (const AuthError& e : errors_)
        if (!e.backend.empty() && !MappingAt(built, "backends").Find(e.backend))
          result.left_out.insert(e.backend);
      DiscovererSkips(&result.left_out);
      result.config = std::move(built);
    } else {
      result.config = std::move(converted);
    }
    CheckAuthServerIntegration(result.config);
    result.env = Env();
    return result;
  }

 private:
  void Error(const std::string& path, const std::string& message) {
    diags_->Error(vmcp_.origin.file, MarkOfPath(vmcp_.doc, path), path, message);
  }
  void Warn(const std::string& path, const std::string& message) {
    diags_->Warning(vmcp_.origin.file, MarkOfPath(vmcp_.doc, path), path, message);
  }
  // An auth error's condition; in static mode what config.yaml lacks for it (a backend another
  // path resolved stays served).
  void Warn(const AuthError& e, const Value& built_backends) {
    std::string then;
    if (source_ == "inline" && e.backend.empty())
      then = "; config.yaml has no default strategy";
    else if (source_ == "inline" && !built_backends.Find(e.backend))
      then = "; static mode does not serve backend " + e.backend;
    Warn(e.field, e.message + " (" + kOperator + " sets " + e.condition + "=False" + then + ")");
  }

  const Object* FindConfig(const std::string& name) const {
    return context_.index.Find("MCPExternalAuthConfig", ns_, name);
  }
  static std::string BackendField(const std::string& name) {
    return "spec.outgoingAuth.backends." + name;
  }

  // VirtualMCPServer.validateBackendAuth (virtualmcpserver_types.go:651-680).
  void ValidateBackends() {
    for (const auto& [name, auth] : spec_backends_) {
      if (GetString(*auth, "type") != "externalAuthConfigRef") continue;
      const Value* ref = GetObject(*auth, "externalAuthConfigRef");
      const std::string at = "spec.outgoingAuth.backends[" + name + "].externalAuthConfigRef";
      if (!ref)
        Error(BackendField(name) + ".type",
              at + " is required when type is externalAuthConfigRef" + kVmcpRefuses);
      else if (GetString(*ref, "name").empty())
        Error(BackendField(name) + ".externalAuthConfigRef.name",
              at + ".name is required" + kVmcpRefuses);
    }
  }

  // convertBackendAuthConfig (cv:669-705): discovered is the unauthenticated strategy, a
  // reference the referenced config's; every failure stops the operator.
  Value ConvertedStrategy(const Value& auth, const std::string& field, const std::string& what) {
    const std::string type = GetString(auth, "type");
    if (type != "externalAuthConfigRef") return Obj({{"type", Str("unauthenticated")}});
    const Value* ref = GetObject(auth, "externalAuthConfigRef");
    if (!ref) {
      Error(field + ".type", "failed to convert outgoing auth: failed to convert " + what +
                                 ": backend default: externalAuthConfigRef type requires "
                                 "externalAuthConfigRef field" +
                                 kVmcpRefuses);
      return Value::Null();
    }
    const std::string name = GetString(*ref, "name");
    const Object* config = FindConfig(name);
    if (!config) {
      Error(field + ".externalAuthConfigRef.name", "MCPExternalAuthConfig " + ns_ + "/" + name +
                                                       " not found among the inputs" +
                                                       kVmcpRefuses);
      return Value::Null();
    }
    std::string error;
    Value strategy = ExternalAuthStrategy(*config, false, &error);
    if (strategy.IsNull())
      Error(field + ".externalAuthConfigRef.name",
            "failed to convert outgoing auth: failed to convert " + what + ": " + error +
                kVmcpRefuses);
    return strategy;
  }

  // convertOutgoingAuthWithDefaults and convertOutgoingAuth (cv:609-666).
  Value Converted() {
    if (!out_) return Obj({{"source", Str("discovered")}});
    Value result = Obj({{"source", Str(source_)}});
    if (const Value* d = GetObject(*out_, "default"))
      result.Set("default",
                 ConvertedStrategy(*d, "spec.outgoingAuth.default", "default backend auth"));
    Value backends = Value::Mapping();
    for (const auto& [name, auth] : spec_backends_)
      backends.Set(name, ConvertedStrategy(*auth, BackendField(name), "backend auth for " + name));
    result.Set("backends", std::move(backends));
    return result;
  }

  // The controller's strategy of a config (vc:2280-2322), after mirroring its Valid=False
  // (mirroredExternalAuthConfigInvalid, external_auth_mirror.go:47-59), with the subject provider
  // injected: null and *error when it fails.
  Value ControllerStrategy(const Object& config, std::string* error) const {
    const std::vector<Invalid> invalid = ValidateConfig(config);
    if (!invalid.empty()) {
      *error = "MCPExternalAuthConfig " + ns_ + "/" + config.meta.name +
               " is not valid: " + invalid.front().message;
      return Value::Null();
    }
    Value strategy = ExternalAuthStrategy(config, true, error);
    if (strategy.IsNull()) return strategy;
    const Value* as = spec_.Find("authServerConfig");
    std::string inject_error;
    if (!InjectSubjectProvider(as ? *as : Value::Null(), &strategy, &inject_error)) {
      *error = "failed to inject subject provider name: " + inject_error;
      return Value::Null();
    }
    return strategy;
  }

  // convertBackendAuthConfigToVMCP (vc:2325-2357).
  Value BuiltStrategy(const Value& auth, std::string* error) const {
    const std::string type = GetString(auth, "type");
    if (type == "discovered") return Obj({{"type", Str(type)}});
    if (const Value* ref = GetObject(auth, "externalAuthConfigRef")) {
      const Object* config = FindConfig(GetString(*ref, "name"));
      if (!config) {  // the converter has refused it already
        *error = "failed to get MCPExternalAuthConfig " + GetString(*ref, "name");
        return Value::Null();
      }
      return ControllerStrategy(*config, error);
    }
    return Obj({{"type", Str(type)}});
  }

  // buildOutgoingAuthConfig (vc:2566-2644) with discoverExternalAuthConfigs (vc:2415-2519).
  Value Built() {
    Value result = Obj({{"source", Str(source_)}});
    std::string error;
    if (const Value* d = out_ ? GetObject(*out_, "default") : nullptr) {
      Value strategy = BuiltStrategy(*d, &error);
      if (strategy.IsNull())
        errors_.push_back({"", "spec.outgoingAuth.default.externalAuthConfigRef.name",
                           "DefaultAuthConfig", "failed to convert default auth config: " + error});
      else
        result.Set("default", std::move(strategy));
    }
    Value backends = Value::Mapping();
    for (const Object* w : workloads_) {
      const Value* ref = GetObject(SpecOf(*w), "externalAuthConfigRef");
      if (!ref) continue;
      const std::string name = GetString(*ref, "name"), who = w->kind + " " + w->meta.name;
      const std::string condition = "DiscoveredAuthConfig-" + w->meta.name;
      const Object* config = FindConfig(name);
      if (!config) {
        errors_.push_back({w->meta.name, "spec.groupRef.name", condition,
                           who + " in the group: MCPExternalAuthConfig " + ns_ + "/" + name +
                               " not found among the inputs"});
        continue;
      }
      Value strategy = ControllerStrategy(*config, &error);
      if (strategy.IsNull()) {
        errors_.push_back({w->meta.name, "spec.groupRef.name", condition,
                           who + " in the group: failed to convert MCPExternalAuthConfig " + name +
                               ": " + error});
        continue;
      }
      if (!spec_backends_.count(w->meta.name)) backends.Set(w->meta.name, std::move(strategy));
    }
    for (const auto& [name, auth] : spec_backends_) {
      Value strategy = BuiltStrategy(*auth, &error);
      if (strategy.IsNull())
        errors_.push_back({name, BackendField(name) + ".externalAuthConfigRef.name",
                           "BackendAuthConfig-" + name,
                           "failed to convert backend auth config: " + error});
      else
        backends.Set(name, std::move(strategy));
    }
    result.Set("backends", std::move(backends));
    return result;
  }

  // The static-mode discoverer (pkg/vmcp/workloads/k8s.go:320-362, DiscoverAndResolveAuth in
  // converters/interface.go:146-190) reads each workload's config and Secrets; a workload whose
  // auth it cannot resolve is skipped. Offline a Secret not among the inputs is assumed to hold
  // its key (a warning).
  void DiscovererSkips(std::set<std::string>* left_out) {
    for (const Object* w : workloads_) {
      const Value* ref = GetObject(SpecOf(*w), "externalAuthConfigRef");
      if (!ref) continue;
      const Object* config = FindConfig(GetString(*ref, "name"));
      std::string error;
      std::vector<SecretUse> uses;
      if (!config || ExternalAuthStrategy(*config, false, &error).IsNull() ||
          !SecretUses(*config, &uses)) {
        left_out->insert(w->meta.name);  // the controller's warning says why
        continue;
      }
      const std::string who = w->kind + " " + w->meta.name + " in the group: its ";
      for (const SecretUse& use : uses) {
        const std::string secret = GetString(*use.ref, "name"), key = GetString(*use.ref, "key");
        const Object* found = context_.index.Find("Secret", ns_, secret);
        if (found && SecretHasKey(*found, key)) continue;
        if (found) left_out->insert(w->meta.name);
        Warn("spec.groupRef.name",
             who + "MCPExternalAuthConfig's Secret " + ns_ + "/" + secret +
                 (found ? " has no key \"" + key + "\": static mode does not serve the backend"
                        : std::string(" is not among the inputs; ") + kOperator + " reads key \"" +
                              key + "\" from it and without it does not serve the backend"));
      }
    }
  }

  // Where the VirtualMCPServer names the strategy of backend (kDefaultKey: the default).
  std::string StrategyField(const std::string& backend) const {
    if (backend == kDefaultKey) return "spec.outgoingAuth.default.externalAuthConfigRef.name";
    if (spec_backends_.count(backend)) return BackendField(backend) + ".externalAuthConfigRef.name";
    return "spec.groupRef.name";
  }

  // vmcpconfig.ValidateAuthServerIntegration (pkg/vmcp/config/validator.go:630-712) as vv:85-99
  // runs it: upstream_inject needs the embedded auth server, and one of its upstreams.
  void CheckAuthServerIntegration(const Value& config) {
    std::vector<std::pair<std::string, const Value*>> strategies;
    if (const Value* d = GetObject(config, "default")) strategies.emplace_back(kDefaultKey, d);
    for (const Member& m : MappingAt(config, "backends").members)
      strategies.emplace_back(m.key, &m.value);
    const Value* as = GetObject(spec_, "authServerConfig");
    std::set<std::string> upstreams;
    const Value* providers = as ? as->Find("upstreamProviders") : nullptr;
    for (size_t i = 0; providers && providers->IsSequence() && i < providers->items.size(); ++i) {
      const std::string name = GetString(providers->items[i], "name");
      upstreams.insert(name.empty() ? "default" : name);  // ResolveUpstreamName
    }
    for (const auto& [backend, strategy] : strategies) {
      if (GetString(*strategy, "type") != "upstream_inject") continue;
      const std::string provider =
          GetString(MappingAt(*strategy, "upstreamInject"), "providerName");
      if (!as) {
        Error(StrategyField(backend),
              "invalid auth server integration: upstream_inject requires an embedded auth server "
              "(authServer must be configured)" +
                  kVmcpRefuses);
        return;
      }
      if (!upstreams.count(provider.empty() ? "default" : provider))
        Error(StrategyField(backend), "invalid auth server integration: backend \"" + backend +
                                          "\": upstream_inject providerName \"" + provider +
                                          "\" not found in auth server upstreams" + kVmcpRefuses);
    }
  }

  // The env vars of the configs named (each once), sorted by name (vd:683-800).
  Value SortedSecretEnv(const std::vector<std::string>& config_names) const {
    std::set<std::string> seen;
    std::vector<std::pair<std::string, Value>> vars;
    for (const std::string& name : config_names) {
      if (!seen.insert(name).second) continue;
      for (Value& var : SecretEnv(name).items)
        vars.emplace_back(GetString(var, "name"), std::move(var));
    }
    std::stable_sort(vars.begin(), vars.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Value out = Value::Sequence();
    for (auto& [name, var] : vars) out.Append(std::move(var));
    return out;
  }

  // getExternalAuthConfigSecretEnvVars (vd:802-891): nothing for a missing config or obo (the
  // caller logs the error and goes on).
  Value SecretEnv(const std::string& config_name) const {
    Value out = Value::Sequence();
    const Object* config = FindConfig(config_name);
    std::vector<SecretUse> uses;
    if (!config || !SecretUses(*config, &uses)) return out;
    for (const SecretUse& use : uses)
      out.Append(SecretKeyEnvVar(use.env, GetString(*use.ref, "name"), GetString(*use.ref, "key")));
    return out;
  }

  // buildOutgoingAuthEnvVars (vd:496-533): discovered mode's workloads' configs, the backends'
  // and the default's, each reference present whatever the type says.
  Value Env() const {
    Value env = Value::Sequence();
    if (!out_) return env;
    auto append = [&](Value vars) {
      for (Value& var : vars.items) env.Append(std::move(var));
    };
    if (source_ == "discovered") {
      std::vector<std::string> names;
      for (const Object* w : workloads_)
        if (const Value* ref = GetObject(SpecOf(*w), "externalAuthConfigRef"))
          names.push_back(GetString(*ref, "name"));
      append(SortedSecretEnv(names));
    }
    std::vector<std::string> names;
    for (const auto& [name, auth] : spec_backends_)
      if (const Value* ref = GetObject(*auth, "externalAuthConfigRef"))
        names.push_back(GetString(*ref, "name"));
    append(SortedSecretEnv(names));
    if (const Value* d = GetObject(*out_, "default"))
      if (const Value* ref = GetObject(*d, "externalAuthConfigRef"))
        append(SecretEnv(GetString(*ref, "name")));
    return env;
  }

  const Object& vmcp_;
  const std::vector<const Object*>& workloads_;
  const RenderContext& context_;
  Diagnostics* diags_;
  const Value& spec_;
  const Value* out_;  // spec.outgoingAuth
  const std::string& ns_;
  std::string source_;
  std::map<std::string, const Value*> spec_backends_;  // spec.outgoingAuth.backends by name
  std::vector<AuthError> errors_;
};

}  // namespace

Value ExternalAuthStrategy(const Object& config, bool controller, std::string* error) {
  const Value& spec = SpecOf(config);
  const std::string type = GetString(spec, "type");
  const std::string& name = config.meta.name;
  auto nil = [&](const char* what) {
    *error = std::string("failed to convert external auth config to strategy: ") + what +
             " config is nil";
    return Value::Null();
  };
  if (type == "unauthenticated") return Obj({{"type", Str("unauthenticated")}});
  if (type == "tokenExchange") {  // token_exchange.go:30-70, cv:725-729
    const Value* te = GetObject(spec, "tokenExchange");
    if (!te) return nil("token exchange");
    std::string subject = GetString(*te, "subjectTokenType");
    for (const char* short_name : {"access_token", "id_token", "jwt"})
      if (subject == short_name) subject = "urn:ietf:params:oauth:token-type:" + subject;
    Value c = Obj({{"tokenUrl", Str(GetString(*te, "tokenUrl"))}});
    Copy(*te, &c, {"clientId", "audience", "scopes"});
    if (!subject.empty()) c.Set("subjectTokenType", Str(subject));
    Copy(*te, &c, {"subjectProviderName"});
    if (GetObject(*te, "clientSecretRef"))
      c.Set("clientSecretEnv", Str(UniqueEnvName("TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_", name)));
    return Obj({{"type", Str("token_exchange")}, {"tokenExchange", std::move(c)}});
  }
  if (type == "headerInjection") {  // header_injection.go:30-48, cv:730-734
    const Value* hi = GetObject(spec, "headerInjection");
    if (!hi) return nil("header injection");
    Value c = Obj({{"headerName", Str(GetString(*hi, "headerName"))}});
    if (GetObject(*hi, "valueSecretRef"))
      c.Set("headerValueEnv", Str(UniqueEnvName("TOOLHIVE_HEADER_INJECTION_VALUE_", name)));
    return Obj({{"type", Str("header_injection")}, {"headerInjection", std::move(c)}});
  }
  if (type == "upstreamInject") {  // upstream_inject.go:27-42
    const Value* ui = GetObject(spec, "upstreamInject");
    if (!ui) return nil("upstream inject");
    return Obj({{"type", Str("upstream_inject")},
                {"upstreamInject", Obj({{"providerName", Str(GetString(*ui, "providerName"))}})}});
  }
  if (type == "awsSts") {  // aws_sts.go:27-66
    const Value* sts = GetObject(spec, "awsSts");
    if (!sts) return nil("aws sts");
    Value c = Obj({{"region", Str(GetString(*sts, "region"))}});
    Copy(*sts, &c, {"service", "fallbackRoleArn"});
    if (const Value* list = sts->Find("roleMappings"); list && list->IsSequence()) {
      Value mappings = Value::Sequence();
      for (const Value& m : list->items) {
        Value mapping = Obj({{"roleArn", Str(GetString(m, "roleArn"))}});
        Copy(m, &mapping, {"claim", "matcher", "priority"});
        mappings.Append(std::move(mapping));
      }
      c.Set("roleMappings", std::move(mappings));
    }
    Copy(*sts, &c, {"roleClaim", "sessionDuration", "sessionNameClaim", "subjectProviderName"});
    return Obj({{"type", Str("aws_sts")}, {"awsSts", std::move(c)}});
  }
  if (type == "xaa") {  // xaa.go:27-52; only the controller names its Secrets (vc:2314-2321)
    const Value* xaa = GetObject(spec, "xaa");
    if (!xaa) return nil("xaa");
    Value c = Obj({{"idpTokenUrl", Str(GetString(*xaa, "idpTokenUrl"))},
                   {"targetTokenUrl", Str(GetString(*xaa, "targetTokenUrl"))},
                   {"targetAudience", Str(GetString(*xaa, "targetAudience"))}});
    Copy(*xaa, &c,
         {"idpClientId", "insecureTargetTokenUrl", "targetClientId", "targetResource", "scopes",
          "subjectProviderName", "subjectTokenType"});
    if (controller && GetObject(*xaa, "idpClientSecretRef"))
      c.Set("idpClientSecretEnv", Str(UniqueEnvName("TOOLHIVE_XAA_IDP_CLIENT_SECRET_", name)));
    if (controller && GetObject(*xaa, "targetClientSecretRef"))
      c.Set("targetClientSecretEnv",
            Str(UniqueEnvName("TOOLHIVE_XAA_TARGET_CLIENT_SECRET_", name)));
    return Obj({{"type", Str("xaa")}, {"xaa", std::move(c)}});
  }
  if (type == "obo") {  // obo.go:24-28
    *error =
        "failed to convert external auth config to strategy: vMCP OBO converter: on-behalf-of "
        "(OBO) external auth type requires an enterprise build";
    return Value::Null();
  }
  *error = "unsupported auth type: " + type;  // Registry.GetConverter (interface.go:94-103)
  return Value::Null();
}

bool InjectSubjectProvider(const Value& auth_server_config, Value* strategy, std::string* error) {
  if (!auth_server_config.IsMapping()) return true;
  const Value* providers = auth_server_config.Find("upstreamProviders");
  const bool many = providers && providers->IsSequence() && providers->items.size() > 1;
  std::string provider = providers && providers->IsSequence() && !providers->items.empty()
                             ? GetString(providers->items[0], "name")
                             : "";
  if (provider.empty()) provider = "default";  // authserver.ResolveFirstUpstreamName
  const std::string type = GetString(*strategy, "type");
  const char* key = type == "token_exchange" ? "tokenExchange"
                    : type == "aws_sts"      ? "awsSts"
                    : type == "xaa"          ? "xaa"
                                             : nullptr;
  Value* config = key ? strategy->Find(key) : nullptr;
  if (!config || !config->IsMapping() || !GetString(*config, "subjectProviderName").empty())
    return true;
  if (type == "xaa" && many) {
    *error =
        "SubjectProviderName must be set explicitly for xaa when more than one upstream is "
        "configured";
    return false;
  }
  config->Set("subjectProviderName", Str(provider));
  return true;
}

VmcpOutgoingAuth ResolveVmcpOutgoingAuth(const Object& vmcp,
                                         const std::vector<const Object*>& workloads,
                                         const RenderContext& context, Diagnostics* diags) {
  return Resolver(vmcp, workloads, context, diags).Run();
}

}  // namespace t0_44_0
}  // namespace thv
