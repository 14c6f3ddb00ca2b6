// Typed model of toolhive.stacklok.dev/v1beta1 MCPRemoteProxy at v0.44.0
// (cmd/thv-operator/api/v1beta1/mcpremoteproxy_types.go), decoded from a document that passed
// CRD validation and defaulting. v1alpha1 has the same schema.
#pragma once

#include <string>
#include <vector>

#include "model/object.h"
#include "targets/v0.44.0/mcpserver.h"

namespace thv {
namespace t0_44_0 {

// headerForward.addHeadersFromSecret[]: a header whose value is a Secret's key.
struct HeaderFromSecret {
  std::string header;
  SecretKeyRef secret;  // valueSecretRef
};

struct MCPRemoteProxy {
  // The fields MCPRemoteProxySpec shares with MCPServerSpec (same names, types and defaults:
  // proxyPort, transport, oidcConfigRef, externalAuthConfigRef, authServerRef, authzConfig,
  // authzConfigRef, audit, toolConfigRef, telemetryConfigRef, resources, serviceAccount,
  // podTemplateSpec, trustProxyHeaders, endpointPrefix, resourceOverrides, groupRef,
  // sessionAffinity, replicas, sessionStorage); the MCPServer-only ones stay empty.
  MCPServer common;
  std::string remote_url;
  StringMap plaintext_headers;                   // headerForward.addPlaintextHeaders
  std::vector<HeaderFromSecret> secret_headers;  // those with a valueSecretRef
};

// Reads the typed model out of a validated, defaulted MCPRemoteProxy object, which must outlive
// it.
MCPRemoteProxy DecodeMCPRemoteProxy(const Object& object);

// The labels of its Deployment, pods and Service (labelsForMCPRemoteProxy,
// mcpremoteproxy_controller.go:1566-1574).
StringMap MCPRemoteProxyLabels(const std::string& name);

// wirefmt.SecretEnvVarName (pkg/vmcp/headerforward/wirefmt/wirefmt.go): the secret identifier
// HEADER_FORWARD_<HEADER>_<OWNER> (upper case, anything but A-Z0-9_ as _); its env var is
// TOOLHIVE_SECRET_<identifier>.
std::string HeaderSecretIdentifier(const std::string& owner, const std::string& header);

}  // namespace t0_44_0
}  // namespace thv
