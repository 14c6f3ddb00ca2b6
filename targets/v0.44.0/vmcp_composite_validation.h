// Composite tool validation at v0.44.0: pkg/vmcp/config/composite_validation.go ("cv" below),
// which the operator runs on a VirtualMCPServer's inline compositeTools
// (VirtualMCPServer.Validate, api/v1beta1/virtualmcpserver_types.go:718-739: a failure sets
// Valid=False and nothing is created) and vmcp itself on every composite tool of its config at
// start-up (pkg/vmcp/config/validator.go:546-569). No v0.44.0 controller validates a
// VirtualMCPCompositeToolDefinition: a VirtualMCPServer refuses one only when its
// status.validationStatus says Invalid (virtualmcpserver_controller.go:1008-1022).
//
// Where Go ranges over a map (a step's arguments, the output properties, the step graph) and
// stops at the first problem, these walk keys in sorted order (steps in declaration order), so
// with several problems Go may name another one; whether there is one is the same. JSON Schemas
// (parameters, an elicitation's schema) are checked only as far as cv:95-118 does by hand, not
// by gojsonschema.
#pragma once

#include <string>

#include "core/value.h"

namespace thv {
namespace t0_44_0 {

// ValidateCompositeToolConfig (cv:51-92) of one CompositeToolConfig (as JSON), with its path
// prefix ("spec.config.compositeTools[0]"): "" when valid, else Go's error
// ("validation failed: <prefix>.description is required; ...").
std::string ValidateCompositeTool(const std::string& prefix, const Value& tool);

// VirtualMCPServer.validateCompositeTools over spec.config.compositeTools: the first failure
// (a duplicated name, else ValidateCompositeTool's error) and the path of the field it is
// about; an empty message when all are valid.
struct CompositeToolsVerdict {
  std::string path, message;
};
CompositeToolsVerdict ValidateInlineCompositeTools(const Value& tools);

}  // namespace t0_44_0
}  // namespace thv
