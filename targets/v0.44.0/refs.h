// What the v0.44.0 controllers check before they create anything: an MCPServer's references to
// config kinds (the handle* steps of MCPServerReconciler.Reconcile, mcpserver_controller.go
// :263-366) and each config kind's own validity.
#pragma once

#include "core/diagnostics.h"
#include "model/object.h"
#include "targets/target.h"
#include "targets/v0.44.0/mcpserver.h"

namespace thv {
namespace t0_44_0 {

// What an MCPServer's references resolved to among the inputs (and --context); nullptr where
// absent or not referenced.
struct ServerRefs {
  const Object* tool_config = nullptr;       // MCPToolConfig
  const Object* telemetry_config = nullptr;  // MCPTelemetryConfig
  const Object* external_auth = nullptr;     // MCPExternalAuthConfig of externalAuthConfigRef
  const Object* webhook_config = nullptr;    // MCPWebhookConfig
  const Object* auth_server = nullptr;       // MCPExternalAuthConfig of authServerRef
  const Object* oidc_config = nullptr;       // MCPOIDCConfig
  const Object* authz_config = nullptr;      // MCPAuthzConfig of authzConfigRef
  const Object* authz_config_map = nullptr;  // the ConfigMap of spec.authzConfig.configMap
  // TOOLHIVE_OIDC_CLIENT_SECRET: the operator adds it only when the client Secret has the key
  // (a Secret not among the inputs is assumed to, with a warning).
  bool oidc_client_secret_env = false;
  // A referenced config among the inputs is invalid: reported there (CheckConfig), and the
  // operator refuses this server too.
  bool refused = false;
};

// MCPServer: each reference resolved, with the operator's verdict: a missing or invalid
// referenced config refuses the whole MCPServer (an error); a missing MCPGroup or CA bundle
// ConfigMap only sets a status condition (a warning). Secrets are never required among the
// inputs (absent: a warning); one that is present must hold the keys the operator checks.
ServerRefs ResolveServerRefs(const MCPServer& server, const RenderContext& context,
                             Diagnostics* diags);

// A config kind: the error its controller's validation reports (Valid=False), if any.
void CheckConfig(const Object& config, const RenderContext& context, Diagnostics* diags);

}  // namespace t0_44_0
}  // namespace thv
