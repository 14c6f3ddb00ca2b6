#include "targets/v0.44.0/pod_template_patch.h"

#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/json_text.h"
#include "core/sha256.h"
#include "model/decode.h"
#include "render/strategic_merge.h"
#include "targets/v0.44.0/core_v1.h"

namespace thv {
namespace t0_44_0 {

bool DecodesAsPodTemplateSpec(const Value& tmpl, std::string* error) {
  Diagnostics found;
  GoDecodeContext ctx;
  ctx.diags = &found;
  CoreV1Types().Check("PodTemplateSpec", tmpl, JsonPath{}, &ctx);
  if (found.items().empty()) return true;
  const Diagnostic& first = found.items().front();
  *error = "json.Unmarshal into a corev1.PodTemplateSpec fails at " +
           (first.path.empty() ? std::string("the top") : first.path) + ": " + first.message;
  return false;
}

Value TypedPodTemplateSpec(const Value& tmpl) {
  Value out;
  JsonSyntaxError err;
  ParseJson(CoreV1Types().Marshal("PodTemplateSpec", tmpl), &out, &err);
  return out;
}

bool ApplyPodTemplateSpecPatch(const Value& base, const Value& patch, Value* merged,
                               std::string* error) {
  *merged = TypedPodTemplateSpec(base);
  if (!StrategicMergePodTemplate(merged, patch, error)) return false;
  *merged = TypedPodTemplateSpec(*merged);
  return true;
}

bool RefusePatchDirectives(const Object& object, const Value& patch, Diagnostics* diags) {
  const std::string d = FindPatchDirective(patch);
  if (d.empty()) return false;
  const std::string path = "spec.podTemplateSpec." + d;
  diags->Error(object.origin.file, MarkOfPath(object.doc, path), path,
               "strategic merge patch directives in the " + object.kind +
                   " podTemplateSpec are not supported at v0.44.0 yet");
  return true;
}

std::string ServedJson(const Value& v) {
  Value any;
  std::string err;
  return GoJsonCompact(NormalizeGoAny(v, &any, &err) ? any : v);
}

std::string HashRawJson(const Value& raw) {
  Value any;
  std::string err;
  if (!NormalizeGoAny(raw, &any, &err)) return "";
  return Sha256Hex(GoJsonCompact(any));
}

}  // namespace t0_44_0
}  // namespace thv
