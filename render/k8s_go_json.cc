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
#define GO_STRUCT(name) GoStructName(#name),
#define GO_FIELD(json, type, options) {json, type, options},
#define GO_END()
#define GO_ALIAS(name, underlying)
#include "render/k8s_go_types.inc"
#undef GO_STRUCT
#undef GO_FIELD
#undef GO_END
#undef GO_ALIAS
};

constexpr GoAlias kAliases[] = {
#define GO_STRUCT(name)
#define GO_FIELD(json, type, options)
#define GO_END()
#define GO_ALIAS(name, underlying) {name, underlying},
#include "render/k8s_go_types.inc"
#undef GO_STRUCT
#undef GO_FIELD
#undef GO_END
#undef GO_ALIAS
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
