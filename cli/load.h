// The input edge: paths to files, files to parsed Objects. All file access goes through
// DiskInterface; standard input is passed in as text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk_interface.h"
#include "model/inputs.h"
#include "model/object.h"

namespace thv {

struct LoadOptions {
  InputOptions input;
  size_t max_input_bytes = 256u << 20;
};

// Expands PATHs: a file as is, a directory into every *.yaml / *.yml under it (recursively,
// sorted), "-" into standard input. Missing paths are errors.
std::vector<std::string> ExpandPaths(DiskInterface* disk, const std::vector<std::string>& paths,
                                     Diagnostics* diags);

// Reads, parses and checks every input. read_stdin is called at most once, for "-".
std::vector<Object> LoadObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                                const std::function<std::string()>& read_stdin,
                                const LoadOptions& options, Diagnostics* diags);

// Adds the ConfigMaps and MCPToolConfigs found under context paths (e.g. the kustomization
// directory a generator plugin runs in) for reference lookups only; objects already among the
// inputs are not added twice.
void AddContextObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                       const LoadOptions& options, std::vector<Object>* objects,
                       Diagnostics* diags);

}  // namespace thv
