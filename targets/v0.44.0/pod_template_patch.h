// What the v0.44.0 controllers do with a user's spec.podTemplateSpec (a RawExtension):
// NewPodTemplateSpecBuilder's decode check, ApplyPodTemplateSpecPatch's strategic merge over the
// template they build, and checksum.HashRawJSON for the podtemplatespec-hash annotation.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// NewPodTemplateSpecBuilder (cu/podtemplatespec_builder.go:27-49): json.Unmarshal of the raw
// podTemplateSpec into a corev1.PodTemplateSpec succeeds; else *error says where it fails.
bool DecodesAsPodTemplateSpec(const Value& tmpl, std::string* error);

// json.Unmarshal into a corev1.PodTemplateSpec and json.Marshal back: Go's field order, zero
// values and omitempty, unknown fields dropped, quantities canonical.
Value TypedPodTemplateSpec(const Value& tmpl);

// ApplyPodTemplateSpecPatch (cu/podtemplatespec_patch.go:47-68): json.Marshal(base),
// strategicpatch.StrategicMergePatch with the patch, json.Unmarshal into a PodTemplateSpec.
// False with *error where the merge fails (*merged unspecified).
bool ApplyPodTemplateSpecPatch(const Value& base, const Value& patch, Value* merged,
                               std::string* error);

// Errors (true) when the podTemplateSpec uses a strategic merge patch $-directive, which
// Kubernetes applies and thv-render does not yet. The message names object.kind without an
// article ("in the VirtualMCPServer podTemplateSpec"): "a"/"an" would depend on how the kind
// is spoken.
bool RefusePatchDirectives(const Object& object, const Value& patch, Diagnostics* diags);

// A RawExtension's Raw as the API server serves it: encoding/json of the unstructured value
// (keys sorted, compact). checksum.HashRawJSON (checksum.go:189-203) hashes exactly this.
std::string ServedJson(const Value& v);

// checksum.HashRawJSON (checksum.go:189-203): sha256 hex of json.Marshal(json.Unmarshal(raw)
// into any), i.e. of ServedJson; "" where the unmarshal fails (a number that overflows
// float64), where every caller at v0.44.0 (mcpremoteproxy_deployment.go:406-411,
// virtualmcpserver_deployment.go:934-939, registryapi/deployment.go:249-254) writes no
// podtemplatespec-hash annotation.
std::string HashRawJson(const Value& raw);

}  // namespace t0_44_0
}  // namespace thv
