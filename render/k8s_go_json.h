// Go's json.Marshal of a typed core/v1 PodTemplateSpec, for the --k8s-pod-patch argument: fields
// in Go declaration order, omitempty/omitzero applied, zero values of other fields written, unknown
// fields dropped, quantities canonical.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

// The bytes Go's json.Marshal writes for a core/v1 PodTemplateSpec decoded from `tmpl`.
std::string MarshalPodTemplateSpec(const Value& tmpl);

}  // namespace thv
