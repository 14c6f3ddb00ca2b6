#include "targets/testing.h"

#include <stdexcept>

#include "core/yaml_reader.h"
#include "targets/7002a239b/target.h"

namespace thv {

std::vector<Object> ObjectsFromYaml(const std::string& yaml, Diagnostics* diags,
                                    const InputOptions& options) {
  Diagnostics own;
  Diagnostics* d = diags ? diags : &own;
  std::vector<Value> docs;
  ReadYamlDocuments("test.yaml", yaml, &docs, d);
  std::vector<Object> objects;
  InputOptions pinned = options;
  if (!pinned.target) pinned.target = &t7002a239b::kTarget;
  CollectObjects("test.yaml", std::move(docs), pinned, &objects, d);
  CheckDuplicates(objects, d);
  if (!diags && own.HasErrors()) throw std::runtime_error(FormatDiagnostic(own.items().front()));
  return objects;
}

}  // namespace thv
