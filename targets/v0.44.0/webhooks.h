// An MCPWebhookConfig as the v0.44.0 operator hands it to the proxy
// (cmd/thv-operator/pkg/controllerutil/webhook.go): webhook.Config entries for the RunConfig, and
// the Secrets their HMAC and TLS files come from, mounted under /etc/toolhive/webhooks.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// controllerutil.CalculateConfigHash (cmd/thv-operator/pkg/controllerutil/config.go:26-38): FNV-1a
// 32, as %x (hex, no zero padding), over k8s.io/apimachinery dump.ForHash of the value: dump.
std::string ConfigHashOfDump(const std::string& dump);

// CalculateConfigHash of a string, which spew writes as "(string)" + the string.
std::string ConfigHashOfString(const std::string& s);

// One Secret key mounted as a file (GenerateWebhookVolumes).
struct WebhookSecretMount {
  std::string identifier;  // WEBHOOK_<KIND>_<NAME>_<PURPOSE>_<hash>, sanitized
  std::string secret, key, file;
};

// The mounts of every webhook's Secrets, sorted by identifier (one per identifier).
std::vector<WebhookSecretMount> WebhookSecretMounts(const Object& webhook_config);

// /etc/toolhive/webhooks/<identifier, lower case>/<file>.
std::string WebhookSecretPath(const WebhookSecretMount& mount);

// whsec-<CalculateConfigHash(identifier)[:12], lower case>.
std::string WebhookVolumeName(const std::string& identifier);

// buildWebhookConfig for each webhook of kind ("validating" or "mutating"): webhook.Config
// {name, url, timeout (ns), failure_policy, tls_config, hmac_secret_ref}
// (pkg/webhook/types.go:59-85); an empty sequence when there are none.
Value WebhookConfigs(const Object& webhook_config, const char* kind);

}  // namespace t0_44_0
}  // namespace thv
