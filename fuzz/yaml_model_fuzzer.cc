// YAML text -> documents -> checked objects -> rendered manifests: the path every input takes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "model/inputs.h"
#include "render/render_all.h"
#include "targets/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Every operator release reads the same bytes.
  for (const thv::Target* target : thv::AllTargets()) {
    thv::Diagnostics diags;
    std::vector<thv::Value> docs;
    thv::ReadYamlDocuments("fuzz.yaml", text, &docs, &diags);
    std::vector<thv::Object> objects;
    thv::InputOptions input;
    input.target = target;
    thv::CollectObjects("fuzz.yaml", std::move(docs), input, &objects, &diags);
    thv::CheckDuplicates(objects, &diags);
    if (diags.HasErrors()) continue;
    thv::RenderAllOptions options;
    std::vector<thv::Value> out = thv::RenderAll(objects, options, &diags);
    if (!diags.HasErrors()) (void)thv::ToYamlStream(out);
  }
  return 0;
}
