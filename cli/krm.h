// The KRM function protocol (kustomize --enable-exec, kpt): a ResourceList on stdin whose
// functionConfig is an MCPServer or MCPRegistry; the same list with the rendered objects
// appended on stdout, and problems as results.
#pragma once

#include <string>

#include "core/disk_interface.h"
#include "render/render_all.h"
#include "targets/target.h"

namespace thv {

struct KrmOptions {
  const Target* target = nullptr;  // the operator release; nullptr: the default target
  RenderAllOptions render_all;
  // An MCPRegistry's remote source renders from this lock file, offline (never fetched: a
  // function runs inside someone else's build). No disk: there is no lock file.
  DiskInterface* disk = nullptr;
  std::string lock_path;
};

// Returns the exit code; *out always receives a ResourceList (with error results on failure).
// A functionConfig of kind NameTransformer (apiVersion thv-render.stacklok.dev/v1) makes it
// the kustomize transformer instead: the items, with the names inside their strings made to
// follow kustomize's renaming (render/kustomize_names.h).
int RunKrmFunction(const std::string& input, const KrmOptions& options, std::string* out);

// kustomize's legacy exec transformer (plugins/kustomize/thv-render-names): the YAML stream of
// every object on stdin, the same objects with the names inside their strings made to follow
// kustomize's renaming on *out. Errors go to *err: exit 1 and nothing on *out.
int RunKustomizeTransform(const std::string& input, const Target& target, std::string* out,
                          std::string* err);

}  // namespace thv
