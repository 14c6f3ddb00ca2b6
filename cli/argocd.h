// The Argo CD config management plugin's generate step: argocd-cmp-server runs
// `thv-render argocd-generate` in the application's path with the application's environment;
// this turns that environment into a render command line.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace thv {

// Reads ARGOCD_APP_NAMESPACE, ARGOCD_APP_NAME, and the plugin parameters PARAM_* (or the
// Application's plugin.env as ARGOCD_ENV_*): OPERATOR_VERSION, PROXY_IMAGE, PLATFORM, STRICT,
// OFFLINE (default true), PART_OF_LABEL (adds app.kubernetes.io/part-of=<app name>), PATH
// (default ".").
std::vector<std::string> ArgoCdRenderArgs(const std::function<const char*(const char*)>& getenv);

}  // namespace thv
