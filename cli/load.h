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
  // Resolved absolute directory every input must lie in after following symlinks (--input-root;
  // argocd-generate: the application directory); empty for anywhere.
  std::string input_root;
};

// Expands PATHs: a file as is, a directory into every *.yaml / *.yml under it (recursively,
// sorted, each directory once however many symlinks lead to it), "-" into standard input.
// Missing paths, files that are not regular files and paths outside input_root are errors.
std::vector<std::string> ExpandPaths(DiskInterface* disk, const std::vector<std::string>& paths,
                                     const std::string& input_root, Diagnostics* diags);

// Reads standard input, at most max_bytes; false and *err when it cannot.
using ReadStdin = std::function<bool(size_t max_bytes, std::string* text, std::string* err)>;

// Whether a document is kustomize's own configuration rather than an object: a
// kustomize.config.k8s.io Kustomization or Component, or a kustomization file (named as
// kustomize looks for it: kustomization.yaml, kustomization.yml, Kustomization) without an
// apiVersion, which kustomize accepts as well.
bool IsKustomizeConfig(const std::string& file, const Value& doc);

// Reads, parses and checks every input. read_stdin is called at most once, for "-". kustomize's
// configuration files (IsKustomizeConfig) are skipped with one warning saying how to combine
// thv-render with kustomize.
std::vector<Object> LoadObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                                const ReadStdin& read_stdin, const LoadOptions& options,
                                Diagnostics* diags);

// Adds the ConfigMaps and config kinds (MCPToolConfig, ...) found under context paths (e.g. the
// kustomization directory a generator plugin runs in) for reference lookups only; objects already
// among the inputs are not added twice.
void AddContextObjects(DiskInterface* disk, const std::vector<std::string>& paths,
                       const LoadOptions& options, std::vector<Object>* objects,
                       Diagnostics* diags);

}  // namespace thv
