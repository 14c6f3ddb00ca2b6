// Pieces the v0.44.0 controllers of workloads (MCPServer, VirtualMCPServer, EmbeddingServer)
// build the same way beyond workload_objects.h: the telemetry env and the podTemplateSpec
// decoding (cmd/thv-operator/pkg/controllerutil, "cu"), members in Go struct field order.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"
#include "render/options.h"

namespace thv {
namespace t0_44_0 {

// GenerateOpenTelemetryEnvVarsFromRef (cu/telemetry.go:18-62): OTEL_RESOURCE_ATTRIBUTES, then a
// TOOLHIVE_OTEL_HEADER_* Secret reference per sensitive header.
void AppendTelemetryEnv(const Object& telemetry, const std::string& service_name,
                        const std::string& default_name, const std::string& ns, Value* env);

// NewPodTemplateSpecBuilder (cu/podtemplatespec_builder.go:27-49): json.Unmarshal of a raw
// podTemplateSpec into a corev1.PodTemplateSpec succeeds; else *error says where it fails.
bool DecodesAsPodTemplateSpec(const Value& tmpl, std::string* error);

// json.Unmarshal into a corev1.PodTemplateSpec and json.Marshal back: Go's field order, zero
// values and omitempty, unknown fields dropped, quantities canonical.
Value TypedPodTemplateSpec(const Value& tmpl);

}  // namespace t0_44_0
}  // namespace thv
