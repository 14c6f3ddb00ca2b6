// Typed model of toolhive.stacklok.dev/v1alpha1 MCPToolConfig.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/object.h"

namespace thv {
namespace t7002a239b {

struct ToolOverride {
  std::string name;
  std::string description;
};

struct MCPToolConfig {
  std::vector<std::string> tools_filter;
  std::map<std::string, ToolOverride> tools_override;  // actual tool name -> override
};

MCPToolConfig DecodeMCPToolConfig(const Object& object);

}  // namespace t7002a239b
}  // namespace thv
