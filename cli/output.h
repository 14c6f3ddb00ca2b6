// The output edge: documents to a YAML stream, a JSON List, or a directory of files.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk_interface.h"
#include "core/value.h"

namespace thv {

std::string FormatYaml(const std::vector<Value>& docs);
// A v1 List, indented as kubectl -o json does.
std::string FormatJsonList(const std::vector<Value>& docs);

// Stable file name for an object: [<namespace>_]<group>_<version>_<kind>_<name>.yaml, lowercase,
// as kustomize build -o names them (plus the namespace, so names never collide). Empty and an
// error when the object's identity cannot be a safe file name.
std::string ObjectFileName(const Value& doc, std::string* err);

// One file per object plus kustomization.yaml listing them, in memory.
struct RenderedFile {
  std::string name;
  std::string contents;
};
bool LayoutOutputDir(const std::vector<Value>& docs, std::vector<RenderedFile>* files,
                     Diagnostics* diags);

// Replaces dir with exactly files, atomically: written to a sibling temporary directory, then
// swapped into place. On failure dir is untouched.
bool WriteOutputDir(DiskInterface* disk, const std::string& dir,
                    const std::vector<RenderedFile>& files, std::string* err);

}  // namespace thv
