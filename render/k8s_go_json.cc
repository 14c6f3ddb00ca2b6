#include "render/k8s_go_json.h"

#include "core/go_json.h"
#include "render/quantity.h"

namespace thv {

namespace {

#define THV_GO_TABLE "render/k8s_go_types.inc"
#include "core/go_table.h"

const GoTypes& CoreV1Types() {
  static const GoTypes types(kGoRows, kGoAliases, &CanonicalQuantityOrText);
  return types;
}

}  // namespace

std::string MarshalPodTemplateSpec(const Value& tmpl) {
  return CoreV1Types().Marshal("PodTemplateSpec", tmpl);
}

}  // namespace thv
