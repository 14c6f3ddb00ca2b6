#include "targets/v0.44.0/core_v1.h"

#include "render/quantity.h"

namespace thv {
namespace t0_44_0 {

namespace {

#define THV_GO_TABLE "targets/v0.44.0/k8s_go_types.inc"
#include "core/go_table.h"

}  // namespace

const GoTypes& CoreV1Types() {
  static const GoTypes types(kGoRows, kGoAliases, &CanonicalQuantityOrText);
  return types;
}

}  // namespace t0_44_0
}  // namespace thv
