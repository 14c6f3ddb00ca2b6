#include "model/testing.h"

#include <stdexcept>

#include "core/yaml_reader.h"

namespace thv {

std::vector<Object> ObjectsFromYaml(const std::string& yaml, Diagnostics* diags,
                                    const InputOptions& options) {
  Diagnostics own;
  Diagnostics* d = diags ? diags : &own;
  std::vector<Value> docs;
  ReadYamlDocuments("test.yaml", yaml, &docs, d);
  std::vector<Object> objects;
  CollectObjects("test.yaml", std::move(docs), options, &objects, d);
  CheckDuplicates(objects, d);
  if (!diags && own.HasErrors()) throw std::runtime_error(FormatDiagnostic(own.items().front()));
  return objects;
}

MCPServer ServerFromYaml(const std::string& yaml) {
  for (Object& o : ObjectsFromYaml(yaml))
    if (ToolhiveKindOf(o) == ToolhiveKind::kMCPServer) return DecodeMCPServer(std::move(o));
  throw std::runtime_error("no MCPServer in test input");
}

}  // namespace thv
