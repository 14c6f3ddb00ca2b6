#include "cli/argocd.h"

namespace thv {

std::vector<std::string> ArgoCdRenderArgs(const std::function<const char*(const char*)>& getenv) {
  // A parameter wins over the Application's plugin.env entry of the same name.
  auto param = [&](const std::string& name) -> std::string {
    for (const std::string& key : {"PARAM_" + name, "ARGOCD_ENV_" + name}) {
      const char* v = getenv(key.c_str());
      if (v && *v) return v;
    }
    return "";
  };
  auto enabled = [&](const std::string& name, bool fallback) {
    std::string v = param(name);
    return v.empty() ? fallback : v == "true" || v == "1" || v == "yes";
  };
  std::vector<std::string> args = {"render"};
  if (const char* ns = getenv("ARGOCD_APP_NAMESPACE"); ns && *ns) {
    args.push_back("--namespace");
    args.push_back(ns);
  }
  if (std::string version = param("OPERATOR_VERSION"); !version.empty()) {
    args.push_back("--operator-version");
    args.push_back(version);
  }
  if (std::string image = param("PROXY_IMAGE"); !image.empty()) {
    args.push_back("--proxy-image");
    args.push_back(image);
  }
  if (std::string platform = param("PLATFORM"); !platform.empty()) {
    args.push_back("--platform");
    args.push_back(platform);
  }
  if (enabled("STRICT", false)) args.push_back("--strict");
  // The repo-server has no credentials for arbitrary sources: render from the lock file.
  if (enabled("OFFLINE", true)) args.push_back("--offline");
  const char* app = getenv("ARGOCD_APP_NAME");
  if (enabled("PART_OF_LABEL", false) && app && *app) {
    args.push_back("--add-label");
    args.push_back(std::string("app.kubernetes.io/part-of=") + app);
  }
  // Argo CD runs the plugin in the application's directory: nothing outside it (another team's
  // directory, a symlink out of the repository) may be read, whatever PATH says.
  args.push_back("--input-root");
  args.push_back(".");
  std::string path = param("PATH");
  args.push_back(path.empty() ? "." : path);
  return args;
}

}  // namespace thv
