#include "targets/v0.44.0/mcpregistry.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/go_json.h"
#include "core/json_text.h"
#include "core/value_builder.h"
#include "core/yaml_reader.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "render/render_all.h"
#include "render/validate_object.h"
#include "targets/v0.44.0/core_v1.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/pod_template_patch.h"
#include "targets/v0.44.0/registry_data.h"
#include "targets/v0.44.0/registry_pod.h"
#include "targets/v0.44.0/webhooks.h"
#include "targets/v0.44.0/workload_objects.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kRefused[] =
    "; the operator (v0.44.0) refuses the MCPRegistry (Ready=False, "
    "ValidationFailed) and creates nothing";

// pkg/registryapi/types.go:50-87 and config/config.go:9-12.
const char kConfigVolume[] = "registry-server-config";
const char kConfigMountPath[] = "/config";
const char kPgpassSecretVolume[] = "pgpass-secret";
const char kPgpassVolume[] = "pgpass";
const char kPgpassInitContainer[] = "setup-pgpass";
const char kPgpassMountPath[] = "/home/appuser/.pgpass";

const Value* Field(const Value& spec, const char* key) {
  const Value* v = spec.Find(key);
  return v && !v->IsNull() ? v : nullptr;  // the API server drops nulls of non-nullable fields
}

const Value& Items(const Value* list) {
  static const Value kEmpty = Value::Sequence();
  return list && list->IsSequence() ? *list : kEmpty;
}

// --- dump.ForHash (go-spew with SortKeys, DisableMethods, DisablePointerAddresses, ...) ---

void AppendByteSlice(const std::string& bytes, std::string* out) {
  *out += "([]uint8)[";
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i) *out += ' ';
    *out += std::to_string(static_cast<unsigned char>(bytes[i]));
  }
  *out += ']';
}

void AppendJsonList(const Value* list, std::string* out) {
  *out += "([]v1.JSON)";
  if (!list) {
    *out += "<nil>";
    return;
  }
  *out += '[';
  for (size_t i = 0; i < Items(list).items.size(); ++i) {
    const Value& item = list->items[i];
    *out += i ? " {Raw:" : "{Raw:";
    // apiextensionsv1.JSON.UnmarshalJSON leaves Raw nil for null.
    if (item.IsNull())
      *out += "([]uint8)<nil>";
    else
      AppendByteSlice(ServedJson(item), out);
    *out += '}';
  }
  *out += ']';
}

std::string ConfigYaml(const Value& spec) {
  const Value* v = Field(spec, "configYAML");
  return v && v->IsString() ? v->text : std::string();
}

}  // namespace

std::string ByteSliceDump(const std::string& s) {
  std::string out;
  AppendByteSlice(s, &out);
  return out;
}

std::string RegistrySpecDump(const Value& spec) {
  // api/v1beta1/mcpregistry_types.go:17-147, field by field.
  std::string out = "(v1beta1.MCPRegistrySpec){ConfigYAML:(string)" + ConfigYaml(spec);
  out += " Volumes:";
  AppendJsonList(Field(spec, "volumes"), &out);
  out += " VolumeMounts:";
  AppendJsonList(Field(spec, "volumeMounts"), &out);
  out += " PGPassSecretRef:(*v1.SecretKeySelector)";
  if (const Value* ref = Field(spec, "pgpassSecretRef")) {
    const std::optional<bool> optional = GetOptionalBool(*ref, "optional");
    out += "{LocalObjectReference:(v1.LocalObjectReference){Name:(string)" +
           GetString(*ref, "name") + "} Key:(string)" + GetString(*ref, "key") +
           " Optional:(*bool)" +
           (!optional   ? "<nil>"
            : *optional ? "true"
                        : "false") +
           "}";
  } else {
    out += "<nil>";
  }
  out += " DisplayName:(string)" + GetString(spec, "displayName");
  out += " PodTemplateSpec:(*runtime.RawExtension)";
  if (const Value* pts = Field(spec, "podTemplateSpec")) {
    out += "{Raw:";
    AppendByteSlice(ServedJson(*pts), &out);
    out += " Object:(runtime.Object)<nil>}";
  } else {
    out += "<nil>";
  }
  out += " ImagePullSecrets:([]v1.LocalObjectReference)";
  if (const Value* secrets = Field(spec, "imagePullSecrets")) {
    out += '[';
    for (size_t i = 0; i < Items(secrets).items.size(); ++i)
      out +=
          (i ? " {Name:(string)" : "{Name:(string)") + GetString(secrets->items[i], "name") + "}";
    out += ']';
  } else {
    out += "<nil>";
  }
  return out + "}";
}

namespace {

class RegistryController {
 public:
  RegistryController(const Object& object, const RenderContext& context, Diagnostics* diags)
      : object_(object),
        context_(context),
        diags_(diags),
        name_(object.meta.name),
        ns_(object.meta.namespace_),
        spec_(SpecOf(object)) {}

  // mcpregistry_controller.go:124-153: validatePodTemplate, then validateSpec; and configYAML
  // as the registry server reads it. False when any refuses.
  bool Check() {
    const int before = diags_->error_count();
    PodTemplate();
    RawList("volumes", "Volume");
    RawList("volumeMounts", "VolumeMount");
    ReservedNames();
    MountPaths();
    Pgpass();
    ConfigYamlParses();
    return diags_->error_count() == before;
  }

  // manager.go:56-127, in creation order.
  void Render(const Emit& emit) {
    const std::string config_map = name_ + "-registry-server-config";
    const std::string rbac_name = name_ + "-registry-api";  // types.go:57,127-129
    const std::string api = name_ + "-api";                 // mcpregistry_types.go:247-250
    const Value pull_secrets = PullSecrets();

    // config/raw_config.go:19-38: no labels; the checksum of []byte(configYAML).
    const std::string yaml = ConfigYaml(spec_);
    const StringMap cm_annotations = {
        {"toolhive.stacklok.dev/content-checksum", ConfigHashOfDump(ByteSliceDump(yaml))}};
    Value cm =
        KubeObject("v1", "ConfigMap", ObjectMetadata(config_map, ns_, nullptr, &cm_annotations));
    cm.Set("data", Obj({{"config.yaml", Str(yaml)}}));
    emit(std::move(cm), true);

    // rbac.go:69-93 -> pkg/kubernetes/rbac/rbac.go:373-421: one name, the same labels.
    const StringMap rbac_labels = Labels(rbac_name);
    Value sa = KubeObject("v1", "ServiceAccount", ObjectMetadata(rbac_name, ns_, &rbac_labels));
    if (!pull_secrets.items.empty()) sa.Set("imagePullSecrets", pull_secrets);
    emit(std::move(sa), true);
    emit(Role(rbac_name, rbac_labels), true);
    Value binding = ProxyRunnerRoleBinding(rbac_name, ns_);
    binding.Find("metadata")->Set("labels", StrMap(rbac_labels));
    emit(std::move(binding), true);

    emit(Deployment(api, config_map, rbac_name, pull_secrets), true);

    // service.go:102-137.
    const StringMap labels = Labels(api);
    Value service = KubeObject("v1", "Service", ObjectMetadata(api, ns_, &labels));
    service.Set("spec", Obj({{"ports", List({Obj({{"name", Str("http")},
                                                  {"protocol", Str("TCP")},
                                                  {"port", Int(8080)},
                                                  {"targetPort", Int(8080)}})})},
                             {"selector", StrMap(Selector(api))},
                             {"type", Str("ClusterIP")}}));
    emit(std::move(service), true);
  }

 private:
  static const Value& SpecOf(const Object& object) {
    static const Value kEmpty = Value::Mapping();
    const Value* spec = GetObject(object.doc, "spec");
    return spec ? *spec : kEmpty;
  }

  const std::string& File() const { return object_.origin.file; }

  void Refuse(const Value* at, const std::string& path, const std::string& message) {
    diags_->Error(File(), at && at->mark.line > 0 ? at->mark : MarkOfPath(object_.doc, path), path,
                  message + kRefused);
  }

  // manager.go:191-197.
  StringMap Labels(const std::string& resource) const {
    return {{"app.kubernetes.io/component", "registry-api"},
            {"app.kubernetes.io/managed-by", "toolhive-operator"},
            {"app.kubernetes.io/name", resource},
            {"toolhive.stacklok.io/registry-name", name_}};
  }
  static StringMap Selector(const std::string& api) {
    return {{"app.kubernetes.io/component", "registry-api"}, {"app.kubernetes.io/name", api}};
  }

  // validatePodTemplate (controller:487-509): json.Unmarshal into corev1.PodTemplateSpec, whose
  // failures the CRD's `type: object` leaves to what is inside; and what the API server would
  // refuse in the Deployment the template is merged into.
  // json.Unmarshal's type errors in a raw field decoded as go_type (types.go:266-292,
  // podtemplatespec.go:324-338), which the operator refuses with message.
  bool GoTypesFit(const char* go_type, const Value& v, const JsonPath& path,
                  const std::string& message) {
    Diagnostics found;
    GoDecodeContext ctx{File(), &found};
    CoreV1Types().Check(go_type, v, path, &ctx);
    for (const Diagnostic& d : found.items())
      diags_->Error(File(), d.mark, d.path, d.message + "; " + message);
    return ctx.errors == 0;
  }

  void PodTemplate() {
    const Value* pts = Field(spec_, "podTemplateSpec");
    if (!pts) return;
    const JsonPath root;
    if (!GoTypesFit("PodTemplateSpec", *pts, root.Key("spec").Key("podTemplateSpec"),
                    std::string("json.Unmarshal into corev1.PodTemplateSpec fails, so ") +
                        kOperator + " refuses the MCPRegistry (PodTemplateValid=False)"))
      return;
    // The user's labels win the merge (podtemplatespec.go:427-428), but the Deployment's
    // selector stays the operator's: the API server refuses a template that no longer matches.
    const Value* meta = GetObject(*pts, "metadata");
    const Value* labels = meta ? GetObject(*meta, "labels") : nullptr;
    for (const auto& [key, value] : Selector(name_ + "-api")) {
      const Value* v = labels ? labels->Find(key) : nullptr;
      if (v && v->IsString() && v->text != value)
        diags_->Error(File(), v->mark, "spec.podTemplateSpec.metadata.labels." + key,
                      "Invalid value: \"" + v->text + "\": the registry API Deployment " + name_ +
                          "-api selects its pods by " + key + "=" + value +
                          ", so the API server refuses a template that overrides it (`selector` "
                          "does not match template `labels`) and " +
                          kOperator + " cannot create it");
    }
    std::vector<FieldError> errors;
    ValidatePodTemplatePatch(*pts, "spec.podTemplateSpec", &errors, kRegistryApiContainer);
    for (const FieldError& e : errors)
      diags_->Error(File(), e.mark.line > 0 ? e.mark : pts->mark, e.path,
                    e.detail + "; the registry API Deployment " + name_ +
                        "-api would be rejected, so " + kOperator + " cannot create it");
  }

  // ParseVolumes / ParseVolumeMounts (mcpregistry_types.go:266-292): each item is unmarshalled
  // into the typed corev1 struct.
  void RawList(const char* key, const char* go_type) {
    const Value* list = Field(spec_, key);
    const std::string path = std::string("spec.") + key;
    const JsonPath root;
    const JsonPath spec = root.Key("spec");  // a JsonPath points at its parent: keep each
    const JsonPath field = spec.Key(key);
    bool typed = true;
    for (size_t i = 0; i < Items(list).items.size(); ++i) {
      const Value& item = list->items[i];
      if (item.IsMapping()) {
        typed = GoTypesFit(go_type, item, field.Index(i),
                           std::string("spec validation fails (invalid ") + key +
                               ": failed to unmarshal " + key + "[" + std::to_string(i) + "])" +
                               kRefused) &&
                typed;
        continue;
      }
      typed = false;
      const std::string at = ItemPath(path, i);
      Refuse(&item, at,
             std::string("invalid ") + key + ": failed to unmarshal " + key + "[" +
                 std::to_string(i) + "]: " +
                 (item.IsNull() ? std::string("unexpected end of JSON input")
                                : std::string("json: cannot unmarshal ") + GoJsonTypeName(item) +
                                      " into Go value of type v1." + go_type));
    }
    // Inside the items: what the API server would refuse in the Deployment, at the input's
    // positions (e.g. a volume without a source). Only the first item of a name reaches it:
    // WithVolume and WithVolumeMount skip the others.
    if (!list || !typed) return;
    Value kept = Value::Sequence();
    std::vector<size_t> index_of;
    std::set<std::string> names;
    for (size_t i = 0; i < list->items.size(); ++i) {
      if (!list->items[i].IsMapping() || !names.insert(GetString(list->items[i], "name")).second)
        continue;
      kept.Append(list->items[i]);
      index_of.push_back(i);
    }
    const bool volumes = std::string(key) == "volumes";
    Value tmpl = Obj({{"spec", Value::Mapping()}});
    if (volumes)
      tmpl.Find("spec")->Set("volumes", std::move(kept));
    else
      tmpl.Find("spec")->Set(
          "containers",
          List({Obj({{"name", Str(kRegistryApiContainer)}, {"volumeMounts", std::move(kept)}})}));
    std::vector<FieldError> errors;
    ValidatePodTemplatePatch(tmpl, "", &errors, kRegistryApiContainer);
    const std::string prefix = volumes ? "spec.volumes[" : "spec.containers[0].volumeMounts[";
    for (const FieldError& e : errors) {
      std::string field = e.path;
      if (field.compare(0, prefix.size(), prefix) == 0) {  // back to the input's index
        const size_t close = field.find(']', prefix.size());
        const size_t k = std::stoul(field.substr(prefix.size(), close - prefix.size()));
        field = path + "[" + std::to_string(index_of[k]) + field.substr(close);
      }
      diags_->Error(File(), e.mark.line > 0 ? e.mark : list->mark, field,
                    e.detail + "; the registry API Deployment " + name_ +
                        "-api would be rejected, so " + kOperator + " cannot create it");
    }
  }

  // validateReservedNames (controller:406-446).
  void ReservedNames() {
    const bool pgpass = Field(spec_, "pgpassSecretRef") != nullptr;
    std::set<std::string> reserved = {kConfigVolume};
    if (pgpass) reserved.insert({kPgpassSecretVolume, kPgpassVolume});
    auto check = [&](const Value* list, const std::string& path) {
      for (size_t i = 0; i < Items(list).items.size(); ++i) {
        const Value* name = list->items[i].Find("name");
        if (!name || !name->IsString() || !reserved.count(name->text)) continue;
        Refuse(name, path + "[" + std::to_string(i) + "].name",
               "volume name '" + name->text + "' is reserved by the operator");
      }
    };
    check(Field(spec_, "volumes"), "spec.volumes");
    const Value* pts = Field(spec_, "podTemplateSpec");
    const Value* pod = pts ? GetObject(*pts, "spec") : nullptr;
    if (!pod) return;
    check(Field(*pod, "volumes"), "spec.podTemplateSpec.spec.volumes");
    if (!pgpass) return;
    const Value* inits = Field(*pod, "initContainers");
    for (size_t i = 0; i < Items(inits).items.size(); ++i) {
      const Value* name = inits->items[i].Find("name");
      if (name && name->IsString() && name->text == kPgpassInitContainer)
        Refuse(name, "spec.podTemplateSpec.spec.initContainers[" + std::to_string(i) + "].name",
               std::string("init container name '") + kPgpassInitContainer +
                   "' is reserved by the operator when pgpassSecretRef is set");
    }
  }

  // validateMountPathCollisions (controller:448-485): the operator's mounts, spec.volumeMounts,
  // then the first registry-api container of the PodTemplateSpec.
  void MountPaths() {
    std::set<std::string> seen = {kConfigMountPath};
    if (Field(spec_, "pgpassSecretRef")) seen.insert(kPgpassMountPath);
    auto check = [&](const Value* list, const std::string& path) {
      for (size_t i = 0; i < Items(list).items.size(); ++i) {
        const Value& mount = list->items[i];
        const Value* mount_path = mount.Find("mountPath");
        const std::string text = mount_path && mount_path->IsString() ? mount_path->text : "";
        if (seen.insert(text).second) continue;
        Refuse(mount_path ? mount_path : &mount, path + "[" + std::to_string(i) + "].mountPath",
               "duplicate mount path '" + text + "'");
      }
    };
    check(Field(spec_, "volumeMounts"), "spec.volumeMounts");
    const Value* pts = Field(spec_, "podTemplateSpec");
    const Value* pod = pts ? GetObject(*pts, "spec") : nullptr;
    const Value* containers = pod ? Field(*pod, "containers") : nullptr;
    for (size_t i = 0; i < Items(containers).items.size(); ++i) {
      if (GetString(containers->items[i], "name") != kRegistryApiContainer) continue;
      check(Field(containers->items[i], "volumeMounts"),
            "spec.podTemplateSpec.spec.containers[" + std::to_string(i) + "].volumeMounts");
      break;
    }
  }

  // validatePGPassSecretRef (controller:392-404).
  void Pgpass() {
    const Value* ref = Field(spec_, "pgpassSecretRef");
    if (!ref) return;
    for (const char* key : {"name", "key"}) {
      if (!GetString(*ref, key).empty()) continue;
      Refuse(ref->Find(key), std::string("spec.pgpassSecretRef.") + key,
             std::string("pgpassSecretRef.") + key + " is required");
      return;  // the controller stops at the first
    }
  }

  // The operator copies configYAML verbatim (mcpregistry_types.go:18-22); the registry server
  // reads it as YAML at start-up and exits on a syntax error, so its pod never becomes ready.
  // Errors are placed in the manifest: a block scalar's content starts on the line after its
  // `|`, indented (assumed) two columns past its key.
  void ConfigYamlParses() {
    const Value* v = Field(spec_, "configYAML");
    if (!v || !v->IsString() || v->text.empty()) return;
    std::vector<Value> docs;
    Diagnostics yaml;
    const bool parsed = ReadYamlDocuments("config.yaml", v->text, &docs, &yaml);
    const Member* key = spec_.FindMember("configYAML");
    // A block scalar's lines are the manifest's: the next field of spec starts after them (a
    // quoted string with \n escapes fits on fewer lines, and keeps the value's position).
    const int lines = static_cast<int>(std::count(v->text.begin(), v->text.end(), '\n'));
    bool block = lines > 0 && key && v->mark.line == key->key_mark.line;
    for (size_t i = 0; block && i + 1 < spec_.members.size(); ++i)
      if (&spec_.members[i] == key)
        block = spec_.members[i + 1].key_mark.line > v->mark.line + lines;
    for (const Diagnostic& d : yaml.items()) {
      if (d.severity != Severity::kError) continue;
      Mark at = v->mark;
      if (block && d.mark.line > 0)
        at = Mark{v->mark.line + d.mark.line, key->key_mark.column + 1 + d.mark.column};
      diags_->Error(File(), at, "spec.configYAML",
                    "config.yaml" +
                        (d.mark.line > 0 ? ":" + std::to_string(d.mark.line) + ":" +
                                               std::to_string(d.mark.column)
                                         : std::string()) +
                        ": " + d.message +
                        "; the registry server cannot read its configuration, so the "
                        "registry API pods " +
                        name_ + "-api never become ready");
    }
    if (!parsed) return;
    for (const Value& doc : docs) {
      if (doc.IsMapping() || doc.IsNull()) continue;
      diags_->Error(File(), v->mark, "spec.configYAML",
                    std::string("config.yaml: cannot unmarshal !!") +
                        (doc.IsSequence() ? "seq" : "str") +
                        " into the registry server's configuration (a mapping of sources, "
                        "registries, database, auth, ...); the registry API pods " +
                        name_ + "-api never become ready");
    }
  }

  // imagepullsecrets.Defaults.Merge (pkg/imagepullsecrets/defaults.go:44-71): the CR's names,
  // then the chart's, each once; on the ServiceAccount and the pod template (rbac.go:86,
  // deployment.go:217).
  Value PullSecrets() const {
    std::vector<std::string> names;
    for (const Value& s : Items(Field(spec_, "imagePullSecrets")).items)
      names.push_back(GetString(s, "name"));
    return MergedImagePullSecrets(names, context_.options.render);
  }

  // registryAPIRBACRules (rbac.go:25-62).
  Value Role(const std::string& name, const StringMap& labels) const {
    auto rule = [](const char* group, std::vector<std::string> resources,
                   std::vector<std::string> verbs) {
      return Obj({{"verbs", StrList(verbs)},
                  {"apiGroups", StrList({group})},
                  {"resources", StrList(resources)}});
    };
    const std::vector<std::string> read = {"get", "list", "watch"};
    const std::vector<std::string> all = {"get",    "list",  "watch", "create",
                                          "update", "patch", "delete"};
    Value role =
        KubeObject("rbac.authorization.k8s.io/v1", "Role", ObjectMetadata(name, ns_, &labels));
    role.Set("rules",
             List({rule("toolhive.stacklok.dev",
                        {"mcpservers", "mcpremoteproxies", "virtualmcpservers"}, read),
                   rule("", {"services"}, read),
                   rule("gateway.networking.k8s.io", {"httproutes", "gateways"}, read),
                   rule("", {"configmaps"}, all), rule("coordination.k8s.io", {"leases"}, all),
                   rule("events.k8s.io", {"events"}, {"create", "patch"})}));
    return role;
  }

  // buildRegistryAPIDeployment (deployment.go:181-277).
  Value Deployment(const std::string& api, const std::string& config_map,
                   const std::string& service_account, const Value& pull_secrets) const {
    RegistryPodInputs in;
    in.labels = Labels(api);
    in.config_hash = ConfigHashOfDump(RegistrySpecDump(spec_));
    in.service_account = service_account;
    in.image = context_.options.render.registry_api_image.value_or(kDefaults.registry_api_image);
    in.config_map = config_map;
    in.pull_secrets = pull_secrets;
    in.volumes = Field(spec_, "volumes");
    in.volume_mounts = Field(spec_, "volumeMounts");
    if (const Value* ref = Field(spec_, "pgpassSecretRef")) {
      in.pgpass_secret = GetString(*ref, "name");
      in.pgpass_key = GetString(*ref, "key");
    }
    in.pod_template_spec = Field(spec_, "podTemplateSpec");

    StringMap annotations;
    if (in.pod_template_spec)  // checksum.HashRawJSON (checksum.go:189-203)
      if (const std::string hash = HashRawJson(*in.pod_template_spec); !hash.empty())
        annotations["toolhive.stacklok.io/podtemplatespec-hash"] = hash;
    const StringMap labels = Labels(api);
    Value deployment =
        KubeObject("apps/v1", "Deployment", ObjectMetadata(api, ns_, &labels, &annotations));
    deployment.Set("spec", Obj({{"replicas", Int(1)},
                                {"selector", Obj({{"matchLabels", StrMap(Selector(api))}})},
                                {"template", RegistryPodTemplate(in)}}));
    return deployment;
  }

  const Object& object_;
  const RenderContext& context_;
  Diagnostics* diags_;
  const std::string& name_;
  const std::string& ns_;
  const Value& spec_;
};

}  // namespace

void RenderRegistry(const Object& object, const RenderContext& context, Diagnostics* diags,
                    const Emit& emit) {
  const int before = diags->error_count();
  CheckRegistryDataVolumes(object, context, diags);
  RegistryController controller(object, context, diags);
  // Schema errors (reported while loading) mean the API server never stored it.
  if (!controller.Check() || diags->error_count() != before) return;
  controller.Render(emit);
}

}  // namespace t0_44_0
}  // namespace thv
