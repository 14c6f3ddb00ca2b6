// Pieces the v0.44.0 controllers of workloads (MCPServer, VirtualMCPServer, EmbeddingServer)
// build the same way beyond workload_objects.h: the telemetry env (cmd/thv-operator/pkg/
// controllerutil, "cu"), members in Go struct field order; podTemplateSpec: pod_template_patch.h.
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

}  // namespace t0_44_0
}  // namespace thv
