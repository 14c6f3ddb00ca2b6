#include "targets/v0.44.0/embeddingserver.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "render/quantity.h"
#include "render/render_all.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/pod_template_patch.h"
#include "targets/v0.44.0/workload_parts.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kContainer[] = "embedding";     // embeddingContainerName (esc:52)
const char kModelCache[] = "model-cache";  // the volumeClaimTemplate and its mount (esc:479,546)
const char kModelCachePath[] = "/data";    // modelCacheMountPath (esc:58)

// ResourceMetadataOverrides: labels and annotations, nil when absent.
struct MetaOverrides {
  std::optional<StringMap> labels, annotations;
};

std::optional<MetaOverrides> ReadOverrides(const Value* v) {
  if (!v || !v->IsMapping()) return std::nullopt;
  MetaOverrides o;
  if (GetObject(*v, "labels")) o.labels = GetStringMap(*v, "labels");
  if (GetObject(*v, "annotations")) o.annotations = GetStringMap(*v, "annotations");
  return o;
}

void CopyInto(StringMap* to, const std::optional<StringMap>& from) {
  if (from)
    for (const auto& [k, v] : *from) (*to)[k] = v;
}

// The typed spec (embeddingserver_types.go:43-159) of a defaulted document.
struct EmbeddingServer {
  const Object* object = nullptr;
  std::string model, image, image_pull_policy;
  int64_t port = 8080;  // GetPort: 8080 when unset (:251-256)
  int64_t replicas = 1;
  std::optional<std::pair<std::string, std::string>> hf_token;  // Secret name, key
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string limits_cpu, limits_memory, requests_cpu, requests_memory;
  bool model_cache = false;  // IsModelCacheEnabled (:266-272)
  std::string cache_size, cache_access_mode;
  std::optional<std::string> storage_class;
  const Value* pod_template_spec = nullptr;
  std::optional<MetaOverrides> sts, pod, service, pvc;  // resourceOverrides
};

EmbeddingServer Decode(const Object& object) {
  const Value& spec = SpecOf(object);
  EmbeddingServer e;
  e.object = &object;
  e.model = GetString(spec, "model");
  e.image = GetString(spec, "image");
  e.image_pull_policy = GetString(spec, "imagePullPolicy");
  if (e.image_pull_policy.empty()) e.image_pull_policy = "IfNotPresent";  // GetImagePullPolicy
  if (GetInt(spec, "port") > 0) e.port = GetInt(spec, "port");
  if (spec.Find("replicas")) e.replicas = GetInt(spec, "replicas");
  if (const Value* t = GetObject(spec, "hfTokenSecretRef"))
    e.hf_token.emplace(GetString(*t, "name"), GetString(*t, "key"));
  e.args = GetStrings(spec, "args");
  if (const Value* env = spec.Find("env"); env && env->IsSequence())
    for (const Value& v : env->items)
      e.env.emplace_back(GetString(v, "name"), GetString(v, "value"));
  if (const Value* r = GetObject(spec, "resources")) {
    if (const Value* l = GetObject(*r, "limits"))
      e.limits_cpu = GetString(*l, "cpu"), e.limits_memory = GetString(*l, "memory");
    if (const Value* q = GetObject(*r, "requests"))
      e.requests_cpu = GetString(*q, "cpu"), e.requests_memory = GetString(*q, "memory");
  }
  if (const Value* c = GetObject(spec, "modelCache")) {
    e.model_cache = GetBool(*c, "enabled");
    e.cache_size = GetString(*c, "size");
    e.cache_access_mode = GetString(*c, "accessMode");
    if (c->Find("storageClassName") && c->Find("storageClassName")->IsString())
      e.storage_class = GetString(*c, "storageClassName");
  }
  if (const Value* p = spec.Find("podTemplateSpec"); p && !p->IsNull()) e.pod_template_spec = p;
  if (const Value* o = GetObject(spec, "resourceOverrides")) {
    e.sts = ReadOverrides(GetObject(*o, "statefulSet"));
    if (e.sts)
      e.pod =
          ReadOverrides(GetObject(*GetObject(*o, "statefulSet"), "podTemplateMetadataOverrides"));
    e.service = ReadOverrides(GetObject(*o, "service"));
    e.pvc = ReadOverrides(GetObject(*o, "persistentVolumeClaim"));
  }
  return e;
}

// labelsForEmbedding (esc:825-832).
StringMap Labels(const std::string& name) {
  return {{"app.kubernetes.io/component", "embedding-server"},
          {"app.kubernetes.io/instance", name},
          {"app.kubernetes.io/managed-by", "toolhive-operator"},
          {"app.kubernetes.io/name", "embeddingserver"}};
}

// buildLivenessProbe / buildReadinessProbe (esc:595-625): httpGet /health on the port number.
Value Probe(int64_t port, int delay, int period, int timeout) {
  return Obj({{"httpGet", Obj({{"path", Str("/health")}, {"port", Int(port)}})},
              {"initialDelaySeconds", Int(delay)},
              {"timeoutSeconds", Int(timeout)},
              {"periodSeconds", Int(period)},
              {"failureThreshold", Int(3)}});
}

class Renderer {
 public:
  Renderer(const EmbeddingServer& e, const RenderOptions& options, Diagnostics* diags)
      : e_(e),
        options_(options),
        diags_(diags),
        name_(e.object->meta.name),
        ns_(e.object->meta.namespace_) {}

  void Emit(const Emit& emit) {
    Value sts = StatefulSet();
    if (diags_->error_count() != errors_before_) return;
    emit(std::move(sts), true);
    emit(Service(), true);
  }

 private:
  // A quantity the controller parses with resource.MustParse, which panics on bad input: the
  // reconcile fails before anything is created.
  std::string Quantity(const std::string& text, const char* field) {
    std::string canonical, err;
    if (CanonicalQuantity(text, &canonical, &err)) return canonical;
    diags_->Error(e_.object->origin.file, MarkOfPath(e_.object->doc, field), field,
                  "cannot parse '" + text + "': " + err + ": resource.MustParse panics in " +
                      kOperator + ", which creates nothing");
    return text;
  }

  // buildEmbeddingContainer (esc:512-560).
  Value Container() {
    std::vector<std::string> args = {"--model-id", e_.model, "--port", std::to_string(e_.port)};
    args.insert(args.end(), e_.args.begin(), e_.args.end());
    // buildEnvVars (esc:562-593), then HF_HOME with the cache.
    Value env = List({Obj({{"name", Str("MODEL_ID")}, {"value", Str(e_.model)}})});
    if (e_.hf_token)
      env.Append(SecretKeyEnvVar("HF_TOKEN", e_.hf_token->first, e_.hf_token->second));
    for (const auto& [n, v] : e_.env) env.Append(Obj({{"name", Str(n)}, {"value", Str(v)}}));
    Value c = Obj({{"name", Str(kContainer)},
                   {"image", Str(e_.image)},
                   {"args", StrList(args)},
                   {"ports", List({Obj({{"name", Str("http")},
                                        {"containerPort", Int(e_.port)},
                                        {"protocol", Str("TCP")}})})}});
    if (e_.model_cache) {
      c.Set("volumeMounts",
            List({Obj({{"name", Str(kModelCache)}, {"mountPath", Str(kModelCachePath)}})}));
      env.Append(Obj({{"name", Str("HF_HOME")}, {"value", Str(kModelCachePath)}}));
    }
    c.Set("env", std::move(env));
    // applyResourceRequirements (esc:627-651): both lists, each with what is set.
    if (!e_.limits_cpu.empty() || !e_.limits_memory.empty() || !e_.requests_cpu.empty() ||
        !e_.requests_memory.empty()) {
      auto list = [&](const std::string& cpu, const std::string& memory, const char* at) {
        Value l = Value::Mapping();
        if (!cpu.empty()) l.Set("cpu", Str(Quantity(cpu, (std::string(at) + ".cpu").c_str())));
        if (!memory.empty())
          l.Set("memory", Str(Quantity(memory, (std::string(at) + ".memory").c_str())));
        return l;
      };
      c.Set("resources",
            Obj({{"limits", list(e_.limits_cpu, e_.limits_memory, "spec.resources.limits")},
                 {"requests",
                  list(e_.requests_cpu, e_.requests_memory, "spec.resources.requests")}}));
    }
    c.Set("livenessProbe", Probe(e_.port, 60, 30, 10));
    c.Set("readinessProbe", Probe(e_.port, 30, 10, 5));
    c.Set("imagePullPolicy", Str(e_.image_pull_policy));
    return c;
  }

  // buildPodTemplate (esc:661-676), applyStatefulSetOverrides (esc:739-775) and the
  // podTemplateSpec patch (esc:697-737), as json.Marshal of the typed PodTemplateSpec writes it.
  Value PodTemplate(const StringMap& labels) {
    Value meta = Obj({{"labels", StrMap(labels)}});
    if (e_.pod) {
      StringMap annotations;
      CopyInto(&annotations, e_.pod->annotations);
      meta.Set("annotations", StrMap(annotations));
    }
    Value pull = Value::Sequence();
    for (const std::string& raw : options_.default_image_pull_secrets) {
      // NewDefaults (imagepullsecrets/defaults.go:47-57): trimmed, empty names skipped.
      const size_t b = raw.find_first_not_of(" \t\r\n");
      if (b != std::string::npos)
        pull.Append(Obj({{"name", Str(raw.substr(b, raw.find_last_not_of(" \t\r\n") - b + 1))}}));
    }
    Value spec = Value::Mapping();
    if (!pull.items.empty()) spec.Set("imagePullSecrets", std::move(pull));
    spec.Set("containers", List({Container()}));
    Value tmpl = Obj({{"metadata", std::move(meta)}, {"spec", std::move(spec)}});
    Value base = TypedPodTemplateSpec(tmpl);
    if (!e_.pod_template_spec) return base;
    if (RefusePatchDirectives(*e_.object, *e_.pod_template_spec, diags_)) return base;
    // Either failure is soft: the StatefulSet is built from the defaults. Only one that does
    // not decode is in the status (esc:371-392); a failed merge is only logged (esc:721-730).
    std::string error;
    const char* outcome = " sets PodTemplateValid=False";
    Value merged;
    bool applied = DecodesAsPodTemplateSpec(*e_.pod_template_spec, &error);
    if (applied) {
      outcome = " only logs it";
      applied = ApplyPodTemplateSpecPatch(base, *e_.pod_template_spec, &merged, &error);
    }
    if (applied) return merged;
    diags_->Warning(e_.object->origin.file, e_.pod_template_spec->mark, "spec.podTemplateSpec",
                    "not applied: " + error + "; " + kOperator + outcome +
                        " and builds the StatefulSet from its defaults");
    return base;
  }

  // buildVolumeClaimTemplates (esc:463-510).
  Value ClaimTemplate() {
    StringMap labels = Labels(name_), annotations;
    if (e_.pvc) {
      CopyInto(&annotations, e_.pvc->annotations);
      CopyInto(&labels, e_.pvc->labels);
    }
    Value meta = Obj({{"name", Str(kModelCache)}, {"labels", StrMap(labels)}});
    if (!annotations.empty()) meta.Set("annotations", StrMap(annotations));
    const std::string size = e_.cache_size.empty() ? "10Gi" : e_.cache_size;
    Value spec = Obj(
        {{"accessModes",
          List({Str(e_.cache_access_mode.empty() ? "ReadWriteOnce" : e_.cache_access_mode)})},
         {"resources",
          Obj({{"requests", Obj({{"storage", Str(Quantity(size, "spec.modelCache.size"))}})}})}});
    if (e_.storage_class) spec.Set("storageClassName", Str(*e_.storage_class));
    return Obj({{"metadata", std::move(meta)}, {"spec", std::move(spec)}});
  }

  // statefulSetForEmbedding (esc:406-461). labels is one Go map shared by the pod template,
  // the selector and the StatefulSet's own labels, and applyStatefulSetOverrides copies the
  // pod template's override labels into it (esc:412,418,769-770): all three get them.
  Value StatefulSet() {
    StringMap labels = Labels(name_);
    if (e_.pod) CopyInto(&labels, e_.pod->labels);
    StringMap sts_labels = labels, sts_annotations;
    if (e_.sts) {
      CopyInto(&sts_labels, e_.sts->labels);
      CopyInto(&sts_annotations, e_.sts->annotations);
    }
    Value spec = Obj({{"replicas", Int(e_.replicas)},
                      {"selector", Obj({{"matchLabels", StrMap(labels)}})},
                      {"template", PodTemplate(labels)}});
    if (e_.model_cache) spec.Set("volumeClaimTemplates", List({ClaimTemplate()}));
    spec.Set("serviceName", Str(name_));
    Value sts = KubeObject("apps/v1", "StatefulSet",
                           ObjectMetadata(name_, ns_, &sts_labels, &sts_annotations));
    sts.Set("spec", std::move(spec));
    return sts;
  }

  // serviceForEmbedding (esc:777-822).
  Value Service() const {
    const StringMap selector = Labels(name_);
    StringMap labels = selector, annotations;
    if (e_.service) {
      CopyInto(&annotations, e_.service->annotations);
      CopyInto(&labels, e_.service->labels);
    }
    return HttpService(name_, ns_, labels, annotations, e_.port, selector);
  }

  const EmbeddingServer& e_;
  const RenderOptions& options_;
  Diagnostics* diags_;
  const int errors_before_ = diags_->error_count();
  const std::string& name_;
  const std::string& ns_;
};

// MODEL, and status.url as updateEmbeddingServerStatus sets it (esc:948-952).
std::vector<std::string> ListCells(const Object& object, const std::vector<Object>&) {
  const EmbeddingServer e = Decode(object);
  return {"", e.model, "",
          "http://" + object.meta.name + "." + object.meta.namespace_ +
              ".svc.cluster.local:" + std::to_string(e.port)};
}

}  // namespace

void RenderEmbeddingServer(const Object& object, const RenderContext& context, Diagnostics* diags,
                           const Emit& emit) {
  const EmbeddingServer e = Decode(object);
  Renderer(e, context.options.render, diags).Emit(emit);
}

const KindLister kEmbeddingServerList = {{"STATUS", "MODEL", "READY", "URL", nullptr}, ListCells};

}  // namespace t0_44_0
}  // namespace thv
