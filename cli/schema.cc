#include "cli/schema.h"

#include "cli/output.h"
#include "model/json_schema.h"

namespace thv {

int RunSchema(const Flags& f, const CliIo& io) {
  std::string output_dir, err;
  if (!CheckOutputDir(io.disk, f.output_dir, {}, true, &output_dir, &err,
                      OutputDirKind::kJsonSchemas)) {
    *io.err << "error: " << TerminalSafe(err) << "\n";
    return kExitUsage;
  }
  const Target& target = TargetOf(f);
  std::vector<RenderedFile> files;
  for (JsonSchemaFile& file : CrdJsonSchemas(target.crds, target.descriptions))
    files.push_back({std::move(file.path), std::move(file.contents)});
  if (!WriteOutputDir(io.disk, output_dir, files, &err)) {
    *io.err << "error: " << TerminalSafe(err) << "\n";
    return kExitOutput;
  }
  return kExitOk;
}

}  // namespace thv
