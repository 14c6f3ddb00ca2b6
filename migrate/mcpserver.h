// 7002a239b -> v0.44.0 for MCPServer and MCPToolConfig documents (see migrate.h).
#pragma once

#include "core/diagnostics.h"
#include "migrate/edits.h"

namespace thv {

// The apiVersion toolhive.stacklok.dev/v1alpha1 becomes v1beta1 (v0.44.0's storage version; its
// v1alpha1 is a deprecated alias with the same schema).
void BumpApiVersion(DocumentEdit* d, Diagnostics* diags);

// port -> proxyPort, targetPort -> mcpPort, inline oidcConfig / telemetry / tools -> MCPOIDCConfig
// / MCPTelemetryConfig / MCPToolConfig documents and references; the stdio proxy mode kept.
// A configMap OIDC type reads its ConfigMap from configmaps. What v0.44.0 cannot express is an
// error at the field; behaviour that changes is a warning.
void MigrateServer(DocumentEdit* d, ConfigPool* pool, const InputConfigMaps& configmaps,
                   Diagnostics* diags);

}  // namespace thv
