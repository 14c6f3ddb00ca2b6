#include "cli/argocd.h"

#include "cli/load.h"

namespace thv {

namespace {

// A plugin parameter; it wins over the Application's plugin.env entry of the same name.
std::string Param(const Getenv& getenv, const std::string& name) {
  for (const std::string& key : {"PARAM_" + name, "ARGOCD_ENV_" + name}) {
    const char* v = getenv(key.c_str());
    if (v && *v) return v;
  }
  return "";
}

bool IsTrue(const std::string& v) { return v == "true" || v == "1" || v == "yes"; }

// A line that starts a ToolHive resource, as a person writes it (quotes allowed).
bool HasToolhiveApiVersion(const std::string& text) {
  static const std::string kKey = "apiVersion:";
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (text.compare(at, kKey.size(), kKey) == 0) {
      size_t v = text.find_first_not_of(" \t\"'", at + kKey.size());
      if (v < end && text.compare(v, 22, "toolhive.stacklok.dev/") == 0) return true;
    }
    at = end + 1;
  }
  return false;
}

}  // namespace

std::string ArgoCdDiscover(DiskInterface* disk, const std::string& dir, const Getenv& getenv) {
  // Argo CD asks the plugins first (util/app/discovery: DetectConfigManagementPlugin before its
  // own walk for Chart.yaml and kustomization files), so claiming such a directory would take it
  // away from Helm or kustomize.
  if (disk->Stat(dir + "/Chart.yaml") != DiskInterface::Kind::kMissing) return "";
  std::string kustomize_dirs = Param(getenv, "KUSTOMIZE_DIRS");
  if (const char* v = getenv("THV_RENDER_KUSTOMIZE_DIRS"); kustomize_dirs.empty() && v)
    kustomize_dirs = v;
  if (!IsTrue(kustomize_dirs)) {
    for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"})
      if (disk->Stat(dir + "/" + name) != DiskInterface::Kind::kMissing) return "";
  }
  std::string root, err;
  if (!disk->RealPath(dir, &root, &err)) return "";
  Diagnostics ignored;  // what generate reports, not discover's business
  for (const std::string& file : ExpandPaths(disk, {dir}, root, &ignored)) {
    std::string text;
    if (disk->ReadFile(file, &text, &err) && HasToolhiveApiVersion(text)) return file;
  }
  return "";
}

std::vector<std::string> ArgoCdRenderArgs(const Getenv& getenv) {
  auto param = [&](const std::string& name) { return Param(getenv, name); };
  auto enabled = [&](const std::string& name, bool fallback) {
    std::string v = param(name);
    return v.empty() ? fallback : IsTrue(v);
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
