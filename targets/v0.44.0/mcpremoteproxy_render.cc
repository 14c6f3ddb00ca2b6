#include "targets/v0.44.0/mcpremoteproxy_render.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/go_json.h"
#include "core/json_writer.h"
#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "model/formats.h"
#include "render/k8s_objects.h"
#include "render/render_all.h"
#include "targets/v0.44.0/authserver.h"
#include "targets/v0.44.0/authserver_checks.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/groups.h"
#include "targets/v0.44.0/mcpremoteproxy.h"
#include "targets/v0.44.0/pod_template_patch.h"
#include "targets/v0.44.0/refs.h"
#include "targets/v0.44.0/runconfig.h"
#include "targets/v0.44.0/workload_objects.h"

namespace thv {
namespace t0_44_0 {

namespace {

// The controller file the facts below are from.
#define CTL "mcpremoteproxy_controller.go"

class ProxyRenderer {
 public:
  ProxyRenderer(const MCPRemoteProxy& proxy, const ServerRefs& refs, const RenderContext& context,
                Diagnostics* diags)
      : p_(proxy),
        s_(proxy.common),
        name_(proxy.common.object->meta.name),
        ns_(proxy.common.object->meta.namespace_),
        refs_(refs),
        context_(context),
        options_(context.options.render),
        pull_secrets_(MergedImagePullSecrets(s_.proxy_deployment
                                                 ? s_.proxy_deployment->image_pull_secrets
                                                 : std::vector<std::string>{},
                                             options_)),
        diags_(diags) {}

  // validateSpec (ctl:547-590) and the advisory conditions of validateAndHandleConfigs.
  void Check() {
    if (std::string problem = RemoteUrlProblem(p_.remote_url); !problem.empty())
      Refuse("spec.remoteUrl", problem + " (RemoteURLInvalid)");
    AuthzConfigMapIsCedar();
    HeaderSecrets();
    Conditions();
  }

  RemoteProxyRun Run() const {
    RemoteProxyRun run{p_.remote_url, p_.plaintext_headers, {}};
    for (const HeaderFromSecret& h : p_.secret_headers)
      run.secret_headers[h.header] = HeaderSecretIdentifier(name_, h.header);
    return run;
  }

  // In creation order (ensureAllResources, ctl:335-372).
  void Emit(const std::string& runconfig_json, const thv::Emit& emit) const {
    if (!s_.service_account) {
      // ensureRBACResources (ctl:1450-1469): rbac.EnsureRBACResources writes the ServiceAccount,
      // the Role with remoteProxyRBACRules (mcpserver_controller.go:102-113), the binding.
      const std::string runner = name_ + "-remote-proxy-runner";
      emit(ServiceAccountWithPullSecrets(runner, ns_, pull_secrets_), true);
      emit(RoleObject(runner, ns_,
                      List({PolicyRule("", "configmaps", {"get", "list", "watch"}),
                            PolicyRule("", "secrets", {"get", "list", "watch"})})),
           true);
      emit(ProxyRunnerRoleBinding(runner, ns_), true);
    }
    if (s_.authz_config && s_.authz_config->type == "inline" && s_.authz_config->has_inline) {
      // ensureAuthzConfigMapForProxy (ctl:379-385): the proxy's labels.
      const StringMap labels = MCPRemoteProxyLabels(name_);
      emit(AuthzInlineConfigMapObject(name_, ns_, s_.authz_config->policies,
                                      s_.authz_config->entities_json, &labels),
           true);
    }
    // ensureRunConfigConfigMap (mcpremoteproxy_runconfig.go:28-70).
    Value config_map = RunConfigConfigMapObject(name_, ns_, runconfig_json,
                                                "toolhive.stacklok.io/mcp-remote-proxy");
    const std::string checksum = ContentChecksumOf(config_map);
    emit(std::move(config_map), true);
    emit(Deployment(checksum), true);
    emit(Service(), true);
  }

 private:
  const std::string& File() const { return s_.object->origin.file; }

  void Refuse(const std::string& path, const std::string& message) {
    diags_->Error(
        File(), MarkOfPath(s_.object->doc, path), path,
        message + "; " + kOperator + " creates nothing for the MCPRemoteProxy until then");
  }

  // validateK8sRefs (ctl:637-660): the authz ConfigMap's configuration must be Cedar
  // (ExtractCedarAuthzOptions: a "cedar" object). Missing ConfigMaps and keys are
  // ResolveServerRefs'.
  void AuthzConfigMapIsCedar() {
    if (!refs_.authz_config_map || !s_.authz_config) return;
    const AuthzConfig& a = *s_.authz_config;
    const Value* data = GetObject(refs_.authz_config_map->doc, "data");
    const Value* text = data ? data->Find(a.config_map_key) : nullptr;
    std::vector<Value> docs;
    Diagnostics parse;
    if (!text || !text->IsString() ||
        !ReadYamlDocuments(refs_.authz_config_map->origin.file, text->text, &docs, &parse) ||
        docs.size() != 1 || !docs[0].IsMapping())
      return;  // the RunConfig builder reports it
    const Value* cedar = docs[0].Find("cedar");
    if (cedar && cedar->IsMapping()) return;
    Refuse("spec.authzConfig.configMap.name",
           "authorization ConfigMap \"" + a.config_map_name + "\" is invalid: authz ConfigMap \"" +
               a.config_map_name +
               "\" is not a Cedar config: cedar config is nil (AuthzConfigMapInvalid)");
  }

  // validateK8sRefs (ctl:662-699): each header Secret must exist; its key is not checked. One
  // not among the inputs is assumed present, as every Secret.
  void HeaderSecrets() {
    for (size_t i = 0; i < p_.secret_headers.size(); ++i) {
      const HeaderFromSecret& h = p_.secret_headers[i];
      if (context_.index.Find("Secret", ns_, h.secret.name)) continue;
      diags_->Warning(
          File(), h.secret.mark,
          "spec.headerForward.addHeadersFromSecret[" + std::to_string(i) + "].valueSecretRef",
          "Secret " + ns_ + "/" + h.secret.name + " (header " + h.header +
              ") is not among the inputs; rendered as if it exists, as " + kOperator +
              " requires (HeaderSecretNotFound otherwise)");
    }
  }

  // Status conditions only (ctl:1396-1445).
  void Conditions() {
    const Value& spec = SpecOf(*s_.object);
    auto mark = [&](const char* key) {
      const Member* m = spec.FindMember(key);
      return m ? m->key_mark : s_.object->origin.mark;
    };
    if (s_.replicas && *s_.replicas > 1 &&
        (!s_.session_storage || s_.session_storage->provider != "redis"))
      diags_->Warning(File(), mark("replicas"), "spec.replicas",
                      "replicas > 1 but sessionStorage.provider is not redis; sessions are not "
                      "shared across replicas (" +
                          std::string(kOperator) + " sets SessionStorageWarning=True)");
    if (s_.authz_config && !s_.authz_config->primary_upstream_provider.empty())
      diags_->Warning(File(), s_.authz_config->mark,
                      "spec.authzConfig.inline.primaryUpstreamProvider",
                      "spec.authzConfig.inline.primaryUpstreamProvider=\"" +
                          s_.authz_config->primary_upstream_provider +
                          "\" has no effect on MCPRemoteProxy; the field only takes effect on "
                          "VirtualMCPServer with an embedded auth server (" +
                          kOperator + " sets AuthzPrimaryUpstreamProviderIgnored=True)");
  }

  // serviceForMCPRemoteProxy (mcpremoteproxy_deployment.go:516-578).
  Value Service() const {
    return ProxyServiceObject(s_, "mcp-" + name_ + "-remote-proxy", MCPRemoteProxyLabels(name_));
  }

  // deploymentForMCPRemoteProxy (mcpremoteproxy_deployment.go:28-122).
  Value Deployment(const std::string& checksum) const {
    const StringMap ls = MCPRemoteProxyLabels(name_);
    // buildVolumesForProxy (:134-169), then the telemetry and OIDC CA bundles (:36-43).
    Value volumes = Value::Sequence(), mounts = Value::Sequence();
    AddRunConfigVolume(name_, &volumes, &mounts);
    AddAuthzVolume(s_.authz_config, name_, &volumes, &mounts);
    AddTelemetryCaBundleVolume(refs_.telemetry_config, &volumes, &mounts);
    AddOidcCaBundleVolume(refs_.oidc_config, &volumes, &mounts);
    // The embedded auth server's Secrets, authServerRef before externalAuthConfigRef (:46-60).
    if (const Object* auth_server = EmbeddedAuthServerSource(s_, refs_))
      AddAuthServerVolumes(EmbeddedAuthServerSpec(*auth_server), &volumes, &mounts);

    // The third argument only fills the proxy runner's signature (:125-129); probes :97-99
    // (BuildHealthProbe(path, port, initialDelay, period, timeout, failure)); no
    // terminationGracePeriodSeconds, unlike an MCPServer's.
    Value pod_spec =
        ProxyPodSpec(s_,
                     {{"run", "--foreground=true", "placeholder-for-remote-proxy"},
                      Env(),
                      std::move(volumes),
                      std::move(mounts),
                      HealthProbe(15, 3, 5, 3),
                      std::nullopt,
                      s_.service_account ? *s_.service_account : name_ + "-remote-proxy-runner"},
                     options_, pull_secrets_);
    // buildDeploymentMetadata (:400-425) and buildPodTemplateMetadata (:462-486): the checksum
    // is the only annotation of the operator's own; nil replicas is left to the API server
    // (:74-77), never capped.
    DeploymentMeta meta =
        DeploymentMetadata(s_, ls, {{"toolhive.stacklok.dev/runconfig-checksum", checksum}});
    // A podTemplateSpec puts checksum.HashRawJSON of it (json.Marshal of the unstructured value:
    // keys sorted) on the Deployment, unless proxyDeployment.annotations replace the whole map
    // (dep:406-421).
    const bool annotation_overrides =
        s_.proxy_deployment && s_.proxy_deployment->metadata.annotations;
    if (s_.pod_template_spec && !annotation_overrides)
      if (const std::string hash = HashRawJson(*s_.pod_template_spec); !hash.empty())
        meta.annotations["toolhive.stacklok.io/podtemplatespec-hash"] = hash;
    Value dep = DeploymentObject(name_, ns_, ls, meta, s_.replicas, std::move(pod_spec));
    if (s_.pod_template_spec) ApplyPodTemplateSpec(&dep);
    return dep;
  }

  // applyPodTemplateSpecToDeployment (dep:427-452): the whole podTemplateSpec is strategic-merged
  // into the Deployment's pod template (no --k8s-pod-patch arg, unlike an MCPServer), also {}
  // (Raw is "{}", not empty). One that does not decode was refused by ResolveServerRefs
  // (validateAndUpdatePodTemplateStatus, ctl:277-318); a merge that fails makes
  // deploymentForMCPRemoteProxy return nil (dep:109-114) and the reconcile fail with "failed to
  // create Deployment object" (ctl:438-441): no Deployment, no Service.
  void ApplyPodTemplateSpec(Value* dep) const {
    const Value& patch = *s_.pod_template_spec;
    if (RefusePatchDirectives(*s_.object, patch, diags_)) return;
    Value* tmpl = dep->Find("spec")->Find("template");
    Value merged;
    std::string error;
    if (ApplyPodTemplateSpecPatch(*tmpl, patch, &merged, &error)) {
      *tmpl = std::move(merged);
      return;
    }
    diags_->Error(File(), patch.mark, "spec.podTemplateSpec",
                  "failed to apply strategic merge patch: " + error + "; " + kOperator +
                      " creates no Deployment for the MCPRemoteProxy (\"failed to create "
                      "Deployment object\")");
  }

  // buildEnvVarsForProxy (mcpremoteproxy_deployment.go:227-313), in its order.
  Value Env() const {
    Value env = Value::Sequence();
    AppendOidcClientSecretEnv(refs_, &env);  // buildOIDCClientSecretEnvVars (:340-367)
    const std::string auth_type = refs_.external_auth ? ExternalAuthType(*refs_.external_auth) : "";
    const Value* auth_spec =
        refs_.external_auth ? GetObject(SpecOf(*refs_.external_auth), auth_type.c_str()) : nullptr;
    AppendTokenExchangeEnv(refs_, &env);
    if (auth_type == "bearerToken") {
      // GenerateBearerTokenEnvVar (cu/tokenexchange.go:451-496): TOOLHIVE_SECRET_<secret name>,
      // which the RunConfig's bearer_token "<name>,target=bearer_token" resolves.
      if (const Value* ref = auth_spec ? GetObject(*auth_spec, "tokenSecretRef") : nullptr)
        env.Append(SecretKeyEnvVar("TOOLHIVE_SECRET_" + GetString(*ref, "name"),
                                   GetString(*ref, "name"), GetString(*ref, "key")));
    }
    if (!p_.secret_headers.empty()) {
      // :283-294: the provider first, then one TOOLHIVE_SECRET_<identifier> per header.
      env.Append(PlainEnv("TOOLHIVE_SECRETS_PROVIDER", "environment"));
      for (const HeaderFromSecret& h : p_.secret_headers)
        env.Append(SecretKeyEnvVar("TOOLHIVE_SECRET_" + HeaderSecretIdentifier(name_, h.header),
                                   h.secret.name, h.secret.key));
    }
    // buildRedisPasswordEnvVarForRemoteProxy (:319-336) after the overrides.
    AppendOverrideAndRedisPasswordEnv(s_, &env);
    EnsureRequiredEnvVars(&env);
    // The embedded auth server's env comes after the required variables (:46-60); an
    // MCPServer's comes before them.
    if (const Object* auth_server = EmbeddedAuthServerSource(s_, refs_))
      AppendAuthServerEnv(EmbeddedAuthServerSpec(*auth_server), &env);
    return env;
  }

  // The proxy, and the fields it shares with an MCPServer.
  const MCPRemoteProxy& p_;
  const MCPServer& s_;
  const std::string& name_;
  const std::string& ns_;
  const ServerRefs& refs_;
  const RenderContext& context_;
  const RenderOptions& options_;
  const Value pull_secrets_;
  Diagnostics* diags_;
};

}  // namespace

void RenderRemoteProxy(const Object& object, const RenderContext& context, Diagnostics* diags,
                       const Emit& emit) {
  const int errors_before = diags->error_count();
  const MCPRemoteProxy proxy = DecodeMCPRemoteProxy(object);
  const MCPServer& s = proxy.common;
  const ServerRefs refs = ResolveServerRefs(s, context, diags);
  ProxyRenderer renderer(proxy, refs, context, diags);
  renderer.Check();
  if (diags->error_count() != errors_before || refs.refused) return;
  const RemoteProxyRun run = renderer.Run();
  const Value run_config = BuildRunConfig(s, refs, context.options.render, diags, &run);
  if (run_config.IsNull()) return;
  renderer.Emit(GoJsonIndent(run_config, "  "), emit);
}

}  // namespace t0_44_0
}  // namespace thv
