// Kubernetes' strategic merge patch of a core/v1 PodTemplateSpec
// (k8s.io/apimachinery v0.35.3 pkg/util/strategicpatch/patch.go StrategicMergePatch with the
// patch metadata of k8s.io/api v0.35.3 core/v1 types.go), which controllers use to lay a user's
// podTemplateSpec over the template they build (toolhive cu/podtemplatespec_patch.go:47-68).
#pragma once

#include <string>

#include "core/value.h"

namespace thv {

// Applies patch (the user's podTemplateSpec as written) to *original (a PodTemplateSpec as Go
// marshals it): maps merge recursively, null deletes a key, lists with a patch merge key
// (containers by name, env by name, ports by containerPort, ...) merge element by element in
// mergeSlice's order, other lists and scalars are replaced. Returns false with *error set (and
// *original unspecified) where StrategicMergePatch fails (a merge-list element without its merge
// key, an element that is not an object) or the patch uses a $-directive ($patch, $retainKeys,
// $setElementOrder/, $deleteFromPrimitiveList/), which this implementation does not apply.
bool StrategicMergePodTemplate(Value* original, const Value& patch, std::string* error);

// The path of the first $-directive key in patch ("spec.containers[0].$patch"), or "": Kubernetes
// applies them, thv-render does not.
std::string FindPatchDirective(const Value& patch);

}  // namespace thv
