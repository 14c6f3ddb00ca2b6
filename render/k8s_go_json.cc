#include "render/k8s_go_json.h"

#include "core/go_json.h"
#include "render/quantity.h"

namespace thv {

namespace {

std::string Canonical(const std::string& text) {
  std::string canonical, err;
  return CanonicalQuantity(text, &canonical, &err) ? canonical : text;
}

constexpr GoField kStructs[] = {
#define K8S_GO_STRUCT(name) GoStructName(#name),
#define K8S_GO_FIELD(json, type, options) {json, type, options},
#define K8S_GO_END()
#define K8S_GO_ALIAS(name, underlying)
#include "render/k8s_go_types.inc"
#undef K8S_GO_STRUCT
#undef K8S_GO_FIELD
#undef K8S_GO_END
#undef K8S_GO_ALIAS
};

constexpr GoAlias kAliases[] = {
#define K8S_GO_STRUCT(name)
#define K8S_GO_FIELD(json, type, options)
#define K8S_GO_END()
#define K8S_GO_ALIAS(name, underlying) {name, underlying},
#include "render/k8s_go_types.inc"
#undef K8S_GO_STRUCT
#undef K8S_GO_FIELD
#undef K8S_GO_END
#undef K8S_GO_ALIAS
};

const GoTypes& CoreV1Types() {
  static const GoTypes types(kStructs, kAliases, &Canonical);
  return types;
}

}  // namespace

std::string MarshalPodTemplateSpec(const Value& tmpl) {
  return CoreV1Types().Marshal("PodTemplateSpec", tmpl);
}

}  // namespace thv
