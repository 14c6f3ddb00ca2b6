#include "targets/v0.44.0/vmcp_config.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/json_text.h"
#include "core/sha256.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "model/names.h"
#include "render/k8s_objects.h"
#include "render/render_all.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/pod_template_patch.h"
#include "targets/v0.44.0/vmcp_authserver.h"
#include "targets/v0.44.0/vmcp_backends.h"
#include "targets/v0.44.0/vmcp_composite_validation.h"
#include "targets/v0.44.0/vmcp_config.h"
#include "targets/v0.44.0/vmcp_outgoing_auth.h"
#include "targets/v0.44.0/workload_objects.h"
#include "targets/v0.44.0/workload_parts.h"

namespace thv {
namespace t0_44_0 {

namespace {

class VirtualServerRenderer {
 public:
  VirtualServerRenderer(const Object& object, const RenderContext& context, Diagnostics* diags)
      : o_(object),
        context_(context),
        diags_(diags),
        spec_(MappingAt(object.doc, "spec")),
        name_(object.meta.name),
        ns_(object.meta.namespace_),
        pull_secrets_(MergedImagePullSecrets(PullSecretNames(), context.options.render)) {}

  void Run(const Emit& emit) {
    const int errors_before = diags_->error_count();
    Validate();
    PodTemplate();
    CheckVmcpAuthServer(o_, diags_);
    Resolve();
    CheckRefillPeriods(o_, diags_);
    if (diags_->error_count() != errors_before) return;
    const Value config = BuildVmcpConfig(o_, resolved_, context_.options.render, diags_);
    if (diags_->error_count() != errors_before) return;
    // vv:80-99: the auth server's RunConfig, then its cross-check with config.yaml.
    const Value auth_server = VmcpAuthServerRunConfig(o_, config, diags_);
    if (diags_->error_count() != errors_before) return;
    if (!CheckAuthServerIntegration(o_, config, auth_server, diags_)) return;
    HmacSecret();
    StringMap data = {{"config.yaml", VmcpConfigYaml(config)}};
    if (!auth_server.IsNull()) data["authserver-config.yaml"] = AuthServerConfigYaml(auth_server);
    Emit(data, emit);
  }

 private:
  const std::string& File() const { return o_.origin.file; }
  void Error(const std::string& path, const std::string& message) {
    diags_->Error(File(), MarkOfPath(o_.doc, path), path, message);
  }

  std::vector<std::string> PullSecretNames() const {
    std::vector<std::string> names;
    if (const Value* list = spec_.Find("imagePullSecrets"); list && list->IsSequence())
      for (const Value& s : list->items) names.push_back(GetString(s, "name"));
    return names;
  }

  // VirtualMCPServer.Validate (virtualmcpserver_types.go:560-632): what the CRD cannot check.
  void Validate() {
    const Value& config = MappingAt(spec_, "config");
    const Value& agg = MappingAt(config, "aggregation");
    if (GetString(agg, "conflictResolution") == "priority" &&
        GetObject(agg, "conflictResolutionConfig") &&
        (!MappingAt(agg, "conflictResolutionConfig").Find("priorityOrder") ||
         MappingAt(agg, "conflictResolutionConfig").Find("priorityOrder")->IsEmpty()))
      Error("spec.config.aggregation.conflictResolutionConfig.priorityOrder",
            std::string("config.aggregation.conflictResolutionConfig.priorityOrder is required "
                        "when conflictResolution is priority") +
                kVmcpRefuses);
    const Value* opt = GetObject(config, "optimizer");
    if (opt && !GetObject(spec_, "embeddingServerRef") &&
        GetString(*opt, "embeddingService").empty())
      Error("spec.config.optimizer",
            std::string("spec.config.optimizer requires an embedding service: set "
                        "spec.embeddingServerRef (recommended) or "
                        "spec.config.optimizer.embeddingService") +
                kVmcpRefuses);
    // validateSessionStorageForReplicas (vc:470-485) only sets a condition.
    if (const Value* r = spec_.Find("replicas");
        r && r->IsInt() && std::stoll(r->text) > 1 &&
        GetString(MappingAt(spec_, "sessionStorage"), "provider") != "redis")
      diags_->Warning(File(), MarkOfPath(o_.doc, "spec.replicas"), "spec.replicas",
                      "replicas > 1 but sessionStorage.provider is not redis; sessions are not "
                      "shared across replicas (the operator (v0.44.0) sets "
                      "SessionStorageWarning=True)");
    // validateCompositeTools (virtualmcpserver_types.go:718-739): Valid=False.
    if (const Value* tools = config.Find("compositeTools")) {
      const CompositeToolsVerdict bad = ValidateInlineCompositeTools(*tools);
      if (!bad.message.empty()) Error(bad.path, bad.message + " (Valid=False)" + kVmcpRefuses);
    }
  }

  // A referenced VirtualMCPCompositeToolDefinition: refused when its status says Invalid
  // (vc:1008-1022); no v0.44.0 controller sets that, so its validation is otherwise only vmcp's
  // at start-up, over the merged list (validator.go:546-569): a warning.
  void CompositeToolDefinition(const Object& def, size_t ref, const std::string& field) {
    const Value& status = MappingAt(def.doc, "status");
    if (GetString(status, "validationStatus") == "Invalid") {
      std::string message =
          "Referenced VirtualMCPCompositeToolDefinition " + def.meta.name + " is invalid";
      const std::vector<std::string> errors = GetStrings(status, "validationErrors");
      for (size_t i = 0; i < errors.size(); ++i) message += (i ? "; " : ": ") + errors[i];
      return Error(field, message + " (CompositeToolRefsValidated=False)" + kVmcpRefuses);
    }
    const Value* inline_tools = MappingAt(spec_, "config").Find("compositeTools");
    const size_t index =
        ref + (inline_tools && inline_tools->IsSequence() ? inline_tools->items.size() : 0);
    const std::string bad =
        ValidateCompositeTool("compositeTools[" + std::to_string(index) + "]", SpecOf(def));
    if (bad.empty()) return;
    diags_->Warning(File(), MarkOfPath(o_.doc, field), field,
                    "VirtualMCPCompositeToolDefinition " + def.meta.name + " (" + def.origin.file +
                        ":" + std::to_string(def.origin.mark.line) +
                        ") is not valid, which the operator (v0.44.0) does not check; vmcp "
                        "refuses the config at start-up: " +
                        bad);
  }

  // validateAndUpdatePodTemplateStatus (virtualmcpserver_controller.go:1046-1090, "vc") and
  // applyPodTemplateSpecToDeployment (vd:1254-1287): one that does not decode or merge blocks
  // the Deployment.
  void PodTemplate() {
    const Value* tmpl = spec_.Find("podTemplateSpec");
    if (!tmpl || tmpl->IsNull()) return;
    pod_template_spec_ = tmpl;
    if (RefusePatchDirectives(o_, *tmpl, diags_)) return;
    std::string error;
    if (!DecodesAsPodTemplateSpec(*tmpl, &error))
      Error("spec.podTemplateSpec", "Invalid PodTemplateSpec: " + error +
                                        " (PodTemplateSpecValid=False, the Deployment is blocked)");
  }

  // A referenced object among the inputs, or nullptr and an error naming field.
  const Object* Require(const char* kind, const std::string& name, const std::string& field,
                        const std::string& why) {
    const Object* found = context_.index.Find(kind, ns_, name);
    if (!found) {
      Error(field, std::string(kind) + " " + ns_ + "/" + name + " not found among the inputs" +
                       why + kVmcpRefuses);
      return nullptr;
    }
    if (found->toolhive) {
      const std::vector<Invalid> invalid = ValidateConfig(*found);
      if (!invalid.empty()) {
        Error(field, std::string(kind) + " " + ns_ + "/" + name +
                         " is not valid: " + invalid.front().message + kVmcpRefuses);
        return nullptr;
      }
    }
    return found;
  }

  void Resolve() {
    // validateGroupRef (vc): the group must exist and be Ready, which it is as soon as it
    // exists (mcpgroup_controller.go:128).
    const std::string group = GetString(MappingAt(spec_, "groupRef"), "name");
    Require("MCPGroup", group, "spec.groupRef.name", " (GroupRefValidated=False)");
    // The group's workloads (ensureAllResources lists them once, vc:1141-1147).
    workloads_ = GroupWorkloads(group, ns_, context_);
    const bool static_mode = GetString(MappingAt(spec_, "outgoingAuth"), "source") == "inline";
    outgoing_ = ResolveVmcpOutgoingAuth(o_, workloads_, context_, diags_);
    resolved_.outgoing_auth = outgoing_.config;
    if (static_mode)
      resolved_.static_backends = StaticBackends(group, workloads_, outgoing_.left_out, context_);
    const Value& config = MappingAt(spec_, "config");
    if (const Value* refs = config.Find("compositeToolRefs"); refs && refs->IsSequence()) {
      for (size_t i = 0; i < refs->items.size(); ++i) {
        const Object* def =
            Require("VirtualMCPCompositeToolDefinition", GetString(refs->items[i], "name"),
                    "spec.config.compositeToolRefs[" + std::to_string(i) + "].name",
                    " (CompositeToolRefsValidated=False)");
        if (!def) continue;
        resolved_.composite_tools.push_back(def);
        CompositeToolDefinition(*def, i,
                                "spec.config.compositeToolRefs[" + std::to_string(i) + "].name");
      }
    }
    if (const Value* es = GetObject(spec_, "embeddingServerRef")) {
      // validateEmbeddingServerRef, then isEmbeddingServerReady (vc:1116-1130): offline it is
      // Ready, and its status.url is http://<name>.<ns>.svc.cluster.local:<port>
      // (embeddingserver_controller.go:949-951).
      const std::string name = GetString(*es, "name");
      if (const Object* server = Require("EmbeddingServer", name, "spec.embeddingServerRef.name",
                                         " (EmbeddingServerReady=False)")) {
        int64_t port = GetInt(MappingAt(server->doc, "spec"), "port");
        resolved_.embedding_url = "http://" + name + "." + ns_ +
                                  ".svc.cluster.local:" + std::to_string(port > 0 ? port : 8080);
      }
    }
    const Value& in = MappingAt(spec_, "incomingAuth");
    if (const Value* ref = GetObject(in, "oidcConfigRef")) {
      resolved_.oidc_config = Require("MCPOIDCConfig", GetString(*ref, "name"),
                                      "spec.incomingAuth.oidcConfigRef.name", "");
    }
    AuthSecrets();
    AuthzRefs(in);
    if (const Value* ref = GetObject(spec_, "telemetryConfigRef"))
      resolved_.telemetry_config =
          Require("MCPTelemetryConfig", GetString(*ref, "name"), "spec.telemetryConfigRef.name",
                  " (TelemetryConfigRefValidated=False)");
    const Value* tools = MappingAt(config, "aggregation").Find("tools");
    for (size_t i = 0; tools && tools->IsSequence() && i < tools->items.size(); ++i) {
      const std::string ref = GetString(MappingAt(tools->items[i], "toolConfigRef"), "name");
      if (ref.empty()) continue;
      // resolveToolConfigRef fails closed (converter.go:857-866).
      if (const Object* tc =
              Require("MCPToolConfig", ref,
                      "spec.config.aggregation.tools[" + std::to_string(i) + "].toolConfigRef.name",
                      " (MCPToolConfig resolution failed)"))
        resolved_.tool_configs[ref] = tc;
    }
  }

  // handleAuthzConfig (vc:3556-3621) for an MCPAuthzConfig, which must be valid and of type
  // cedarv1; validateAuthzConfigMapRef (vd:1188-1208) for a ConfigMap's Cedar configuration
  // (LoadAuthzConfigFromConfigMap, controllerutil/authz.go:231-284). Either failing stops the
  // reconcile before any object is written.
  void AuthzRefs(const Value& in) {
    if (const Value* ref = GetObject(in, "authzConfigRef")) {
      const std::string name = GetString(*ref, "name");
      const std::string field = "spec.incomingAuth.authzConfigRef.name";
      const Object* config =
          Require("MCPAuthzConfig", name, field, " (AuthzConfigRefValidated=False)");
      if (!config) return;
      const Value& spec = MappingAt(config->doc, "spec");
      if (const std::string type = GetString(spec, "type"); type != "cedarv1")
        return Error(field, "MCPAuthzConfig " + name + " has unsupported type " + GoQuote(type) +
                                " for VirtualMCPServer; only cedarv1 is supported" + kVmcpRefuses);
      resolved_.authz_options = MappingAt(spec, "config");
      return;
    }
    const Value& authz = MappingAt(in, "authzConfig");
    if (GetString(authz, "type") != "configMap") return;
    const std::string field = "spec.incomingAuth.authzConfig.configMap.name";
    const std::string name = GetString(MappingAt(authz, "configMap"), "name");
    std::string key = GetString(MappingAt(authz, "configMap"), "key");
    if (key.empty()) key = "authz.json";  // DefaultAuthzKey (controllerutil/authz.go:29)
    const std::string where = "authz ConfigMap " + ns_ + "/" + name;
    auto refuse = [&](const std::string& why) {
      Error(field, "Authorization ConfigMap is invalid: " + why + " (AuthConfigured=False)" +
                       kVmcpRefuses);
    };
    const Object* map = context_.index.Find("ConfigMap", ns_, name);
    if (!map) return refuse("ConfigMap " + ns_ + "/" + name + " not found among the inputs");
    const Value* text = MappingAt(map->doc, "data").Find(key);
    if (!text) return refuse(where + " is missing key " + GoQuote(key));
    if (!text->IsString() || text->text.find_first_not_of(" \t\r\n") == std::string::npos)
      return refuse(where + " key " + GoQuote(key) + " is empty");
    const AuthzText loaded = LoadAuthzText(map->origin.file, text);
    if (!loaded.readable)
      return refuse("failed to parse authz config from ConfigMap " + ns_ + "/" + name + " key " +
                    GoQuote(key) + ": it is not one JSON/YAML object");
    if (!loaded.invalid.empty())
      return refuse("invalid authz config from ConfigMap " + ns_ + "/" + name + " key " +
                    GoQuote(key) + ": " + loaded.invalid);
    // cedar.ExtractConfig: the configuration must hold Cedar options under "cedar".
    const Value* cedar = GetObject(loaded.config, "cedar");
    if (!cedar) return refuse(where + " is not a Cedar config: cedar config is nil");
    resolved_.authz_options = *cedar;
  }

  const Value* OidcSecretRef() const {
    if (!resolved_.oidc_config) return nullptr;
    const Value& spec = MappingAt(resolved_.oidc_config->doc, "spec");
    if (GetString(spec, "type") != "inline") return nullptr;
    return GetObject(MappingAt(spec, "inline"), "clientSecretRef");
  }

  // validateSecretKeyRef (vd:1212-1239): the Secret must exist with its key. Offline a Secret
  // that is not among the inputs is assumed to exist (a warning).
  void RequireSecretKey(const Value& ref, const std::string& field, const std::string& what) {
    const std::string name = GetString(ref, "name"), key = GetString(ref, "key");
    const Object* secret = context_.index.Find("Secret", ns_, name);
    if (!secret) {
      diags_->Warning(File(), MarkOfPath(o_.doc, field), field,
                      "the " + what + " Secret " + ns_ + "/" + name +
                          " is not among the inputs; the operator requires it with key \"" + key +
                          "\"");
    } else if (!SecretHasKey(*secret, key)) {
      Error(field, what + " secret " + ns_ + "/" + name + " is missing key \"" + key + "\"" +
                       kVmcpRefuses);
    }
  }

  // validateSecretReferences (vd:1113-1146): the MCPOIDCConfig's client secret, then each
  // delegate client's of spec.authServerConfig.
  void AuthSecrets() {
    if (const Value* ref = OidcSecretRef())
      RequireSecretKey(*ref, "spec.incomingAuth.oidcConfigRef.name",
                       "MCPOIDCConfig OIDC client secret");
    const Value* as = VmcpAuthServerConfig(o_);
    const Value* clients = as ? as->Find("delegateClients") : nullptr;
    for (size_t i = 0; clients && clients->IsSequence() && i < clients->items.size(); ++i) {
      const Value& c = clients->items[i];
      if (const Value* ref = GetObject(c, "clientSecretRef"))
        RequireSecretKey(
            *ref,
            "spec.authServerConfig." + ItemPath("delegateClients", i) + ".clientSecretRef.name",
            "delegate client " + GoQuote(GetString(c, "clientId")));
    }
  }

  // ensureHMACSecret (vc:1318-1398) fills the Secret with 32 random bytes: never rendered.
  void HmacSecret() {
    const std::string secret = name_ + "-hmac-secret";
    const Object* found = context_.index.Find("Secret", ns_, secret);
    if (found && SecretHasKey(*found, "hmac-secret")) return;
    diags_->Warning(
        File(), o_.origin.mark, "metadata.name",
        "the session HMAC Secret " + ns_ + "/" + secret +
            (found ? " has no key \"hmac-secret\"" : " is not among the inputs") +
            " (the operator generates it from random bytes; thv-render never writes secret "
            "material); create it with: kubectl create secret generic " +
            secret + " -n " + ns_ + " --from-literal=hmac-secret=$(openssl rand -base64 32)");
  }

  void Emit(const StringMap& data, const thv::Emit& emit) {
    const std::string sa = name_ + "-vmcp";  // vmcpServiceAccountName (vc:2225)
    const bool own_sa = !spec_.Find("serviceAccount") || spec_.Find("serviceAccount")->IsNull();
    if (own_sa) {
      // ensureRBACResources (vc:1261-1294): inline mode needs only its own object
      // (vmcpInlineRBACRules, vd:89-100), discovered mode reads the group (vd:106-130).
      const char* kGroup = "toolhive.stacklok.dev";
      Value rules = Value::Sequence();
      if (GetString(MappingAt(spec_, "outgoingAuth"), "source") != "inline") {
        rules.Append(MultiResourceRule({""}, {"configmaps", "secrets"}, {"get", "list", "watch"}));
        rules.Append(
            MultiResourceRule({kGroup},
                              {"mcpgroups", "mcpservers", "mcpremoteproxies", "mcpserverentries",
                               "mcpexternalauthconfigs", "mcptoolconfigs"},
                              {"get", "list", "watch"}));
      }
      rules.Append(MultiResourceRule({kGroup}, {"virtualmcpservers"}, {"get"}));
      rules.Append(MultiResourceRule({kGroup}, {"virtualmcpservers/status"}, {"update", "patch"}));
      emit(ServiceAccountWithPullSecrets(sa, ns_, pull_secrets_), true);
      emit(RoleObject(sa, ns_, std::move(rules)), true);
      emit(ProxyRunnerRoleBinding(sa, ns_), true);
    }
    // ensureVmcpConfigConfigMap (virtualmcpserver_vmcpconfig.go:107-137).
    const StringMap labels = {{"toolhive.stacklok.io/component", "vmcp-config"},
                              {"toolhive.stacklok.io/virtual-mcp-server", name_},
                              {"toolhive.stacklok.io/managed-by", "toolhive-operator"}};
    const std::string checksum = ConfigMapChecksum(data, labels);
    const StringMap cm_annotations = {{"toolhive.stacklok.dev/content-checksum", checksum}};
    Value cm = KubeObject("v1", "ConfigMap",
                          ObjectMetadata(name_ + "-vmcp-config", ns_, &labels, &cm_annotations));
    cm.Set("data", StrMap(data));  // authserver-config.yaml only with an auth server (vv:115-121)
    emit(std::move(cm), true);
    Value deployment = Deployment(checksum, own_sa ? sa : GetString(spec_, "serviceAccount"));
    if (!deployment.IsNull()) emit(std::move(deployment), true);
    emit(Service(), true);
  }

  // labelsForVirtualMCPServer (vc:2211-2219).
  StringMap Labels() const {
    return {{"app", "virtualmcpserver"},
            {"app.kubernetes.io/name", "virtualmcpserver"},
            {"app.kubernetes.io/instance", name_},
            {"toolhive", "true"},
            {"toolhive-name", name_}};
  }

  // buildEnvVarsForVmcp (vd:330-394).
  Value Env() const {
    Value env = List({PlainEnv("VMCP_NAME", name_), PlainEnv("VMCP_NAMESPACE", ns_)});
    if (const Value* ref = OidcSecretRef())
      env.Append(SecretKeyEnvVar("VMCP_OIDC_CLIENT_SECRET", GetString(*ref, "name"),
                                 GetString(*ref, "key")));
    for (const Value& var : outgoing_.env.items) env.Append(var);  // vd:496-533
    AppendEntryHeaderForwardEnv(workloads_, &env);
    env.Append(SecretKeyEnvVar("VMCP_SESSION_HMAC_SECRET", name_ + "-hmac-secret", "hmac-secret"));
    // buildRedisPasswordEnvVar (vd:457-493).
    const RenderOptions& options = context_.options.render;
    if (const Value* storage = GetObject(spec_, "sessionStorage")) {
      const Value* pw = GetObject(*storage, "passwordRef");
      if (GetString(*storage, "provider") == "redis" && pw)
        env.Append(SecretKeyEnvVar("THV_SESSION_REDIS_PASSWORD", GetString(*pw, "name"),
                                   GetString(*pw, "key")));
    } else if (options.default_redis_addr && !options.default_redis_addr->empty() &&
               options.default_redis_secret && !options.default_redis_secret->empty()) {
      env.Append(SecretKeyEnvVar("THV_SESSION_REDIS_PASSWORD", *options.default_redis_secret,
                                 options.default_redis_secret_key.value_or("")));
    }
    if (resolved_.telemetry_config)
      AppendTelemetryEnv(*resolved_.telemetry_config,
                         GetString(MappingAt(spec_, "telemetryConfigRef"), "serviceName"), name_,
                         ns_, &env);
    // GenerateAuthServerEnvVars (vd:389-391): upstream, delegate and Redis ACL Secrets.
    if (const Value* as = VmcpAuthServerConfig(o_)) AppendAuthServerEnv(*as, &env);
    EnsureRequiredEnvVars(&env);
    return env;
  }

  static Value Probe(const char* path, int delay, int period, int timeout, int failures) {
    return Obj({{"httpGet", Obj({{"path", Str(path)}, {"port", Str("http")}})},
                {"initialDelaySeconds", Int(delay)},
                {"timeoutSeconds", Int(timeout)},
                {"periodSeconds", Int(period)},
                {"failureThreshold", Int(failures)}});
  }

  // deploymentForVirtualMCPServer (vd:135-258); the pod template as json.Marshal of the typed
  // corev1.PodTemplateSpec writes it, with spec.podTemplateSpec laid over it.
  Value Deployment(const std::string& checksum, const std::string& service_account) {
    const StringMap ls = Labels();
    std::vector<std::string> args = {"serve", "--config=/etc/vmcp-config/config.yaml",
                                     "--host=0.0.0.0", "--port=" + std::to_string(kVmcpPort)};
    if (GetString(MappingAt(MappingAt(spec_, "config"), "operational"), "logLevel") == "debug")
      args.push_back("--debug");
    Value volumes = Value::Sequence(), mounts = Value::Sequence();
    AddConfigMapVolume("vmcp-config", name_ + "-vmcp-config", "", "", "/etc/vmcp-config", &volumes,
                       &mounts);
    AddOidcCaBundleVolume(resolved_.oidc_config, &volumes, &mounts);
    AddEntryCaBundleVolumes(workloads_, &volumes, &mounts);
    AddTelemetryCaBundleVolume(resolved_.telemetry_config, &volumes, &mounts);
    // GenerateAuthServerVolumes (vd:176-180): signing keys, HMAC secrets, Redis CA certificates.
    if (const Value* as = VmcpAuthServerConfig(o_)) AddAuthServerVolumes(*as, &volumes, &mounts);
    const bool openshift = context_.options.render.openshift;
    Value container = Obj({{"name", Str("vmcp")},
                           {"image", Str(context_.options.render.vmcp_image.value_or(kVmcpImage))},
                           {"args", StrList(args)},
                           {"ports", List({Obj({{"name", Str("http")},
                                                {"containerPort", Int(kVmcpPort)},
                                                {"protocol", Str("TCP")}})})},
                           {"env", Env()},
                           {"resources", Obj({{"limits", CpuMemoryList("500m", "512Mi")},
                                              {"requests", CpuMemoryList("100m", "128Mi")}})},
                           {"volumeMounts", std::move(mounts)},
                           {"livenessProbe", Probe("/health", 30, 10, 5, 3)},
                           {"readinessProbe", Probe("/readyz", 15, 5, 3, 3)},
                           {"imagePullPolicy", Str("IfNotPresent")},
                           {"securityContext", ContainerSecurityContext(openshift)}});
    Value pod = Obj({{"volumes", std::move(volumes)},
                     {"containers", List({std::move(container)})},
                     {"terminationGracePeriodSeconds", Int(30)},
                     {"serviceAccountName", Str(service_account)},
                     {"securityContext", PodSecurityContext(openshift)}});
    if (!pull_secrets_.items.empty()) pod.Set("imagePullSecrets", pull_secrets_);
    const StringMap template_annotations = {{"toolhive.stacklok.dev/runconfig-checksum", checksum}};
    Value tmpl = TypedPodTemplateSpec(Obj(
        {{"metadata", Obj({{"labels", StrMap(ls)}, {"annotations", StrMap(template_annotations)}})},
         {"spec", std::move(pod)}}));
    StringMap annotations;
    if (pod_template_spec_) {
      std::string error;
      Value merged;
      if (!ApplyPodTemplateSpecPatch(tmpl, *pod_template_spec_, &merged, &error)) {
        Error("spec.podTemplateSpec",
              "Failed to apply PodTemplateSpec to Deployment: " + error +
                  "; the operator (v0.44.0) does not create the Deployment");
        return Value::Null();
      }
      tmpl = std::move(merged);
      // checksum.HashRawJSON (vd:934-939); no annotation where it fails.
      if (const std::string hash = HashRawJson(*pod_template_spec_); !hash.empty())
        annotations["toolhive.stacklok.io/podtemplatespec-hash"] = hash;
    }
    if (!pull_secrets_.items.empty()) {  // imagePullSecretsHash (vd:961-976): sorted by name
      std::vector<std::string> names;
      for (const Value& s : pull_secrets_.items) names.push_back(GetString(s, "name"));
      std::sort(names.begin(), names.end());
      Value sorted = Value::Sequence();
      for (const std::string& n : names) sorted.Append(Obj({{"name", Str(n)}}));
      annotations["toolhive.stacklok.io/imagepullsecrets-hash"] = Sha256Hex(GoJsonCompact(sorted));
    }
    Value spec = Value::Mapping();
    if (const Value* r = spec_.Find("replicas"); r && r->IsInt()) spec.Set("replicas", *r);
    spec.Set("selector", Obj({{"matchLabels", StrMap(ls)}}));
    spec.Set("template", std::move(tmpl));
    Value dep = KubeObject("apps/v1", "Deployment", ObjectMetadata(name_, ns_, &ls, &annotations));
    dep.Set("spec", std::move(spec));
    return dep;
  }

  // serviceForVirtualMCPServer (vd:1024-1073).
  Value Service() const {
    const StringMap ls = Labels();
    const StringMap none;
    Value svc = HttpService("vmcp-" + name_, ns_, ls, none, kVmcpPort, ls);
    Value* spec = svc.Find("spec");
    const std::string type = GetString(spec_, "serviceType");
    spec->Set("type", Str(type.empty() ? "ClusterIP" : type));
    const std::string affinity = GetString(spec_, "sessionAffinity");
    spec->Set("sessionAffinity", Str(affinity.empty() ? "ClientIP" : affinity));
    return svc;
  }

  const Object& o_;
  const RenderContext& context_;
  Diagnostics* diags_;
  const Value& spec_;
  const std::string& name_;
  const std::string& ns_;
  const Value pull_secrets_;
  const Value* pod_template_spec_ = nullptr;
  VmcpResolved resolved_;
  std::vector<const Object*> workloads_;
  VmcpOutgoingAuth outgoing_;
};

}  // namespace

void RenderVirtualServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                         const Emit& emit) {
  VirtualServerRenderer(object, context, diags).Run(emit);
}

}  // namespace t0_44_0
}  // namespace thv
