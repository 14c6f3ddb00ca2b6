#include "render/k8s_go_json.h"

#include "core/go_json.h"
#include "render/quantity.h"

namespace thv {

namespace {

#define THV_GO_TABLE "render/k8s_go_types.inc"
#include "core/go_table.h"

std::string Canonical(const std::string& text) {
  std::string canonical, err;
  return CanonicalQuantity(text, &canonical, &err) ? canonical : text;
}

const GoTypes& CoreV1Types() {
  static const GoTypes types(kGoRows, kGoAliases, &Canonical);
  return types;
}

}  // namespace

std::string MarshalPodTemplateSpec(const Value& tmpl) {
  return CoreV1Types().Marshal("PodTemplateSpec", tmpl);
}

}  // namespace thv
