#include "targets/v0.44.0/mcpserver_render.h"

#include <set>
#include <utility>
#include <vector>

#include "core/go_json.h"
#include "core/json_writer.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "render/quantity.h"
#include "render/render_all.h"
#include "render/server_fields.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/authserver_checks.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/core_v1.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/runconfig.h"
#include "targets/v0.44.0/webhooks.h"
#include "targets/v0.44.0/workload_objects.h"
#include "targets/v0.44.0/workload_parts.h"

namespace thv {
namespace t0_44_0 {

namespace {

// imagepullsecrets.Defaults.Merge (cmd/thv-operator/pkg/imagepullsecrets/defaults.go:93-121):
// the CR's names (deduplicated), then the chart's not already named; nil when both are empty.
// The same list goes on the Deployment and both ServiceAccounts (ctl:1008-1063).
Value ImagePullSecrets(const MCPServer& s, const RenderOptions& options) {
  return MergedImagePullSecrets(
      s.proxy_deployment ? s.proxy_deployment->image_pull_secrets : std::vector<std::string>{},
      options);
}

class ServerRenderer {
 public:
  ServerRenderer(const MCPServer& server, const ServerRefs& refs, const RenderOptions& options)
      : s_(server),
        refs_(refs),
        options_(options),
        name_(server.object->meta.name),
        ns_(server.object->meta.namespace_),
        pull_secrets_(ImagePullSecrets(server, options)) {}

  // In creation order (Reconcile, ctl:373-507).
  void Emit(const std::string& runconfig_json, const thv::Emit& emit) const {
    const std::string runner = name_ + "-proxy-runner";
    // rbac.go:376-430: the ServiceAccount, then the Role (no `apply`, ctl:66-97), the binding.
    emit(ServiceAccountWithPullSecrets(runner, ns_, pull_secrets_), true);
    emit(ProxyRunnerRole(runner, ns_,
                         {"get", "list", "watch", "create", "update", "patch", "delete"}),
         true);
    emit(ProxyRunnerRoleBinding(runner, ns_), true);
    if (!s_.service_account)
      emit(ServiceAccountWithPullSecrets(name_ + "-sa", ns_, pull_secrets_), true);
    if (s_.authz_config && s_.authz_config->type == "inline" && s_.authz_config->has_inline)
      emit(AuthzInlineConfigMapObject(name_, ns_, s_.authz_config->policies,
                                      s_.authz_config->entities_json),
           true);
    Value config_map = RunConfigConfigMapObject(name_, ns_, runconfig_json);
    const std::string checksum = ContentChecksumOf(config_map);
    emit(std::move(config_map), true);
    emit(Deployment(checksum), true);
    emit(Service(), true);
  }

 private:
  // deploymentForMCPServer (ctl:1088-1510).
  Value Deployment(const std::string& checksum) const {
    const StringMap ls = MCPServerLabels(name_);
    Value volumes = Value::Sequence(), mounts = Value::Sequence();
    // C1: runconfig first (ctl:1126-1142).
    AddRunConfigVolume(name_, &volumes, &mounts);
    // C1: the webhooks' Secret files next (ctl:1196-1210, cu/webhook.go:112-222).
    if (refs_.webhook_config) {
      for (const WebhookSecretMount& m : WebhookSecretMounts(*refs_.webhook_config)) {
        const std::string volume = WebhookVolumeName(m.identifier);
        mounts.Append(Obj({{"name", Str(volume)},
                           {"readOnly", Bool(true)},
                           {"mountPath", Str(WebhookSecretPath(m))},
                           {"subPath", Str(m.file)}}));
        volumes.Append(
            Obj({{"name", Str(volume)},
                 {"secret",
                  Obj({{"secretName", Str(m.secret)},
                       {"items", List({Obj({{"key", Str(m.key)}, {"path", Str(m.file)}})})}})}}));
      }
    }
    // spec.volumes as hostPath volumes (ctl:1266-1281).
    for (const HostVolume& v : s_.volumes) {
      Value mount = Obj({{"name", Str(v.name)}});
      if (v.read_only) mount.Set("readOnly", Bool(true));
      mount.Set("mountPath", Str(v.mount_path));
      mounts.Append(std::move(mount));
      volumes.Append(Obj({{"name", Str(v.name)}, {"hostPath", Obj({{"path", Str(v.host_path)}})}}));
    }
    // Inline or configMap authz is mounted; an authzConfigRef is not (ctl:1304-1310,
    // cu/authz.go:40-117).
    AddAuthzVolume(s_.authz_config, name_, &volumes, &mounts);
    AddOidcCaBundleVolume(refs_.oidc_config, &volumes, &mounts);
    AddTelemetryCaBundleVolume(refs_.telemetry_config, &volumes, &mounts);
    // The embedded auth server's Secrets (ctl:1335-1347).
    if (const Object* auth_server = EmbeddedAuthServerSource(s_, refs_))
      AddAuthServerVolumes(EmbeddedAuthServerSpec(*auth_server), &volumes, &mounts);

    std::vector<std::string> args = {"run"};
    if (std::string patch = PodPatchJson(s_); !patch.empty())
      args.push_back("--k8s-pod-patch=" + patch);
    args.push_back(s_.image);

    // Pod template annotations: the checksum and generation, then the overrides, which cannot
    // replace them (MergeStringMaps, cu/resources.go:160-169).
    const DeploymentMeta meta = DeploymentMetadata(
        s_, ls,
        {{"toolhive.stacklok.dev/runconfig-checksum", checksum},
         {"toolhive.stacklok.dev/mcpserver-generation", std::to_string(s_.generation)}});

    // Probes ctl:1461-1495; a grace period of 30s; the runner's ServiceAccount.
    Value pod_spec = ProxyPodSpec(s_,
                                  {args, Env(), std::move(volumes), std::move(mounts),
                                   HealthProbe(5, 3, 5, 3), 30, name_ + "-proxy-runner"},
                                  options_, pull_secrets_);

    // resolveDeploymentReplicas (ctl:2682-2690): unset stays unset, stdio is capped at 1.
    std::optional<int> replicas = s_.replicas;
    if (replicas && s_.transport == "stdio" && *replicas > 1) replicas = 1;
    return DeploymentObject(name_, ns_, ls, meta, replicas, std::move(pod_spec));
  }

  // The proxy container's env, in the order ctl:1154-1347 appends it, then
  // EnsureRequiredEnvVars (cu/resources.go:69-141).
  Value Env() const {
    Value env = Value::Sequence();
    if (refs_.telemetry_config)  // GenerateOpenTelemetryEnvVarsFromRef (cu/telemetry.go:18-62)
      AppendTelemetryEnv(*refs_.telemetry_config, s_.telemetry_config_ref->service_name, name_, ns_,
                         &env);
    AppendTokenExchangeEnv(refs_, &env);
    AppendOidcClientSecretEnv(refs_, &env);
    // buildRedisPasswordEnvVar (ctl:2758-2775) after the overrides.
    AppendOverrideAndRedisPasswordEnv(s_, &env);
    // ctl:1254-1263: the generation annotation through the downward API.
    env.Append(Obj(
        {{"name", Str("THV_MCPSERVER_GENERATION")},
         {"valueFrom",
          Obj({{"fieldRef", Obj({{"apiVersion", Str("v1")},
                                 {"fieldPath", Str("metadata.annotations['toolhive.stacklok.dev/"
                                                   "mcpserver-generation']")}})}})}}));
    if (const Object* auth_server = EmbeddedAuthServerSource(s_, refs_))
      AppendAuthServerEnv(EmbeddedAuthServerSpec(*auth_server), &env);  // ctl:1335-1347
    EnsureRequiredEnvVars(&env);
    return env;
  }

  // serviceForMCPServer (ctl:1513-1566).
  Value Service() const {
    return ProxyServiceObject(s_, "mcp-" + name_ + "-proxy", MCPServerLabels(name_));
  }

  const MCPServer& s_;
  const ServerRefs& refs_;
  const RenderOptions& options_;
  const std::string& name_;
  const std::string& ns_;
  const Value pull_secrets_;
};

// Status conditions the operator sets without refusing anything (C16, C17): warnings.
void ConditionWarnings(const MCPServer& s, Diagnostics* diags) {
  const std::string& file = s.object->origin.file;
  const Value* spec = GetObject(s.object->doc, "spec");
  auto mark = [&](const char* key) {
    const Member* m = spec ? spec->FindMember(key) : nullptr;
    return m ? m->key_mark : s.object->origin.mark;
  };
  if (s.replicas && *s.replicas > 1 && s.transport == "stdio")
    diags->Warning(file, mark("replicas"), "spec.replicas",
                   "stdio transport requires exactly 1 replica; deployment will use 1 regardless "
                   "of spec.replicas (" +
                       std::string(kOperator) + " sets StdioReplicaCapped=True)");
  if (s.replicas && *s.replicas > 1 &&
      (!s.session_storage || s.session_storage->provider != "redis"))
    diags->Warning(file, mark("replicas"), "spec.replicas",
                   "replicas > 1 but sessionStorage.provider is not redis; sessions are not shared "
                   "across replicas (" +
                       std::string(kOperator) + " sets SessionStorageWarning=True)");
  if (s.rate_limiting && !s.oidc_config_ref && !s.external_auth_config_ref) {
    bool per_user = GetObject(*s.rate_limiting, "perUser") != nullptr;
    if (const Value* tools = s.rate_limiting->Find("tools"); tools && tools->IsSequence())
      for (const Value& t : tools->items) per_user = per_user || GetObject(t, "perUser");
    if (per_user)
      diags->Warning(file, mark("rateLimiting"), "spec.rateLimiting",
                     "perUser rate limiting requires authentication to be enabled (oidcConfigRef "
                     "or externalAuthConfigRef); " +
                         std::string(kOperator) + " sets RateLimitConfigValid=False");
  }
  if (s.authz_config && !s.authz_config->primary_upstream_provider.empty())
    diags->Warning(file, s.authz_config->mark, "spec.authzConfig.inline.primaryUpstreamProvider",
                   "primaryUpstreamProvider is ignored on an MCPServer's inline authzConfig (" +
                       std::string(kOperator) + " sets a condition and does not use it)");
}

}  // namespace

std::string PodPatchJson(const MCPServer& s) {
  Value tmpl = s.pod_template_spec && s.pod_template_spec->IsMapping()
                   ? *s.pod_template_spec
                   : Obj({{"spec", Obj({{"containers", Value::Sequence()}})}});
  Value* spec = tmpl.Find("spec");
  if (!spec || !spec->IsMapping()) spec = &tmpl.Set("spec", Value::Mapping());
  // WithServiceAccount: spec.serviceAccount, else <name>-sa; an empty name sets nothing.
  const std::string sa = s.service_account ? *s.service_account : s.object->meta.name + "-sa";
  if (!sa.empty()) spec->Set("serviceAccountName", Str(sa));
  if (!s.secrets.empty()) {
    Value env = Value::Sequence();
    for (const SecretRef& secret : s.secrets)
      env.Append(SecretKeyEnvVar(secret.target_env_name, secret.name, secret.key));
    AppendContainerEnv(spec, "mcp", std::move(env));
  }
  // isEmpty (cu/podtemplatespec_builder.go:120-139).
  auto empty = [](const Value* v) {
    return !v || v->IsEmpty() || (v->IsString() && v->text.empty());
  };
  const Value* meta = tmpl.Find("metadata");
  const bool customized =
      !empty(spec->Find("serviceAccountName")) || !empty(spec->Find("containers")) ||
      !empty(spec->Find("volumes")) || !empty(spec->Find("initContainers")) ||
      !empty(spec->Find("tolerations")) || !empty(spec->Find("nodeSelector")) ||
      (spec->Find("affinity") && !spec->Find("affinity")->IsNull()) ||
      (spec->Find("securityContext") && !spec->Find("securityContext")->IsNull()) ||
      !empty(spec->Find("priorityClassName")) || !empty(spec->Find("imagePullSecrets")) ||
      (meta && (!empty(meta->Find("labels")) || !empty(meta->Find("annotations"))));
  return customized ? CoreV1Types().Marshal("PodTemplateSpec", tmpl) : std::string();
}

void RenderServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                  const Emit& emit) {
  const int errors_before = diags->error_count();
  const MCPServer server = DecodeMCPServer(object);
  const ServerRefs refs = ResolveServerRefs(server, context, diags);
  CheckServerFieldsThatReachObjects(object, diags, /*pod_template=*/false);
  ConditionWarnings(server, diags);
  // Refused before anything is written.
  if (diags->error_count() != errors_before || refs.refused) return;
  const Value run_config = BuildRunConfig(server, refs, context.options.render, diags);
  if (run_config.IsNull()) return;
  ServerRenderer(server, refs, context.options.render).Emit(GoJsonIndent(run_config, "  "), emit);
}

}  // namespace t0_44_0
}  // namespace thv
