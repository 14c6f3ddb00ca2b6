#include "targets/7002a239b/mcptoolconfig.h"

#include "model/decode.h"

namespace thv {
namespace t7002a239b {

MCPToolConfig DecodeMCPToolConfig(const Object& object) {
  MCPToolConfig config;
  const Value* spec = GetObject(object.doc, "spec");
  if (!spec) return config;
  config.tools_filter = GetStrings(*spec, "toolsFilter");
  if (const Value* overrides = GetObject(*spec, "toolsOverride")) {
    for (const Member& m : overrides->members) {
      config.tools_override[m.key] =
          ToolOverride{GetString(m.value, "name"), GetString(m.value, "description")};
    }
  }
  return config;
}

}  // namespace t7002a239b
}  // namespace thv
