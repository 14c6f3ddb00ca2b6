// The Go layouts of k8s.io/api and apimachinery v0.35.3 core/v1 (toolhive's go.mod at the tag),
// for json.Marshal of the pod templates the v0.44.0 controllers build.
#pragma once

#include "core/go_json.h"

namespace thv {
namespace t0_44_0 {

// core/v1 from targets/v0.44.0/k8s_go_types.inc (scripts/gen_go_types.py, see SOURCE), with
// quantities in canonical form.
const GoTypes& CoreV1Types();

}  // namespace t0_44_0
}  // namespace thv
