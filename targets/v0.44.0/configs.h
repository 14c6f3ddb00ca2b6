// The config kinds an MCPServer refers to at v0.44.0, as their controllers judge them: each
// controller's own validation (the Valid condition), which a referencing MCPServer's controller
// requires (cmd/thv-operator/controllers/*_controller.go and the types' Validate()).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/object.h"

namespace thv {
namespace t0_44_0 {

// Why the controller marks a config Valid=False: its message, and the field it is about.
struct Invalid {
  std::string path;  // dotted from the document root, e.g. "spec.openTelemetry.endpoint"
  std::string message;
};

// The verdict of the controller of object's kind (one of the config kinds): empty when it marks
// it valid, else the reasons (one, as Go returns its first error; MCPWebhookConfig joins one per
// webhook). MCPToolConfig and MCPGroup are always valid.
std::vector<Invalid> ValidateConfig(const Object& object);

// An authorizer backend's configuration (the part under its factory's key: "cedar" for cedarv1,
// "pdp" for httpv1) as the backend factory's ValidateConfig judges it; paths start at `at`.
std::optional<Invalid> ValidateAuthorizer(const std::string& type, const Value* config,
                                          const std::string& at);

// An MCPExternalAuthConfig's spec.type, and for an embedded auth server its number of upstream
// providers (MCPServer accepts one).
std::string ExternalAuthType(const Object& config);
size_t UpstreamProviderCount(const Object& config);

}  // namespace t0_44_0
}  // namespace thv
