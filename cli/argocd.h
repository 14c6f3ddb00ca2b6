// The Argo CD config management plugin's discover and generate steps: argocd-cmp-server runs
// `thv-render argocd-discover` and `thv-render argocd-generate` in the application's path with
// the application's environment; generate turns that environment into a render command line.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/disk_interface.h"

namespace thv {

// Reads ARGOCD_APP_NAMESPACE, ARGOCD_APP_NAME, and the plugin parameters PARAM_* (or the
// Application's plugin.env as ARGOCD_ENV_*): OPERATOR_VERSION, PROXY_IMAGE, PLATFORM, STRICT,
// OFFLINE (default true), PART_OF_LABEL (adds app.kubernetes.io/part-of=<app name>), PATH
// (default ".").
using Getenv = std::function<const char*(const char*)>;
std::vector<std::string> ArgoCdRenderArgs(const Getenv& getenv);

// The discover step: the first file below dir (the application path) (as render walks it) with a
// line `apiVersion: toolhive.stacklok.dev/...`, or "" when the plugin must not claim the directory
// (Argo CD only consults its own Helm and kustomize detection when no plugin claims it): a Helm
// chart (Chart.yaml), and a kustomization (kustomization.yaml, kustomization.yml,
// Kustomization) unless KUSTOMIZE_DIRS (parameter, plugin env, or THV_RENDER_KUSTOMIZE_DIRS in
// the sidecar's environment) is true.
std::string ArgoCdDiscover(DiskInterface* disk, const std::string& dir, const Getenv& getenv);

}  // namespace thv
