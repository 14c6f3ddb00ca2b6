// The output edge: documents to a YAML stream, a JSON List, or a directory of files.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk_interface.h"
#include "core/value.h"

namespace thv {

// Stable file name for an object: [<namespace>_]<group>_<version>_<kind>_<name>.yaml, lowercase,
// as kustomize build -o names them (plus the namespace, so names never collide). Empty and an
// error when the object's identity cannot be a safe file name.
std::string ObjectFileName(const Value& doc, std::string* err);

struct RenderedFile {
  std::string name;
  std::string contents;
};

// Formats rendered objects as they arrive (see RenderSink), so only the bytes are kept.
class RenderedOutput {
 public:
  enum class Format {
    kYaml,  // one YAML stream
    kJson,  // a v1 List, indented as kubectl -o json does
    kDir,   // one file per object plus kustomization.yaml listing them
  };
  explicit RenderedOutput(Format format) : format_(format) {}

  // Reports objects whose identity can't be a file name (kDir). Two objects whose file names
  // differ only in case (Roles "Admin" and "admin") get distinct ones: the second is
  // <name>_2.yaml, as case-insensitive file systems (macOS, Windows) would merge them.
  void Add(Value doc, Diagnostics* diags);
  // The YAML stream or JSON List; call one of these once.
  std::string TakeText();
  void WriteText(std::ostream* out);
  // The files of kDir, kustomization.yaml last; call once.
  std::vector<RenderedFile> TakeFiles();

 private:
  Format format_;
  static constexpr size_t kYamlChunkBytes = 1 << 20;
  static constexpr size_t kYamlChunkSlack = 64 << 10;
  static constexpr size_t kFirstYamlChunkBytes = 64 << 10;
  std::vector<std::string> yaml_;  // the stream in chunks of about kYamlChunkBytes
  std::vector<Value> json_items_;  // the List is indented as a whole
  std::vector<RenderedFile> files_;
  std::set<std::string> file_names_;
};

// What an output directory holds when thv-render wrote it.
enum class OutputDirKind {
  kRendered,     // render: kustomization.yaml and the files its resources list
  kJsonSchemas,  // schema: toolhive.stacklok.dev/<kind>_<version>.json (IsJsonSchemaPath)
};

// --output-dir is replaced as a whole, so it must not be, hold or lie inside an input
// (compared after resolving symlinks), and when it is to be written (not only compared, as
// --check does) it must be new, empty or hold exactly what thv-render writes (OutputDirKind).
// *target is where the files go: a symlink is followed, so the directory it names is replaced
// and the link stays.
bool CheckOutputDir(DiskInterface* disk, const std::string& dir,
                    const std::vector<std::string>& inputs, bool will_write, std::string* target,
                    std::string* err, OutputDirKind kind = OutputDirKind::kRendered);

// Replaces dir with exactly files, atomically: written to a sibling temporary directory, then
// swapped into place. On failure dir is untouched. A file name may hold one directory
// ("group/file.json").
bool WriteOutputDir(DiskInterface* disk, const std::string& dir,
                    const std::vector<RenderedFile>& files, std::string* err);

}  // namespace thv
