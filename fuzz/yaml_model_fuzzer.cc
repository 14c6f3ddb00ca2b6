// YAML text -> documents -> checked objects -> rendered manifests: the path every input takes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "model/inputs.h"
#include "render/render_all.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  thv::Diagnostics diags;
  std::vector<thv::Value> docs;
  thv::ReadYamlDocuments("fuzz.yaml", text, &docs, &diags);
  std::vector<thv::Object> objects;
  thv::CollectObjects("fuzz.yaml", std::move(docs), {}, &objects, &diags);
  thv::CheckDuplicates(objects, &diags);
  if (diags.HasErrors()) return 0;
  thv::RenderAllOptions options;
  std::vector<thv::Value> out = thv::RenderAll(objects, options, &diags);
  if (!diags.HasErrors()) (void)thv::ToYamlStream(out);
  return 0;
}
