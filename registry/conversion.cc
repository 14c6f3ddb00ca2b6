// pkg/registry/upstream_conversion.go, rule for rule.
#include "registry/conversion.h"

namespace thv {

std::string ConvertNow(const ConvertOptions& opts) { return opts.now; }

namespace {

// Headers and env vars as the draft's key-value inputs (headers also carry choices). Members in
// upstream.go's order: name, description, is_required, format, value, is_secret, default.
std::vector<std::string> ChoicesOf(const Header& h) { return h.choices; }
std::vector<std::string> ChoicesOf(const EnvVar&) { return {}; }

template <typename T>
std::vector<UpstreamKeyValueInput> KeyValuesToUpstream(const std::vector<T>& in) {
  std::vector<UpstreamKeyValueInput> out;
  out.reserve(in.size());
  for (const T& h : in) {
    out.push_back(
        {h.name, h.description, h.required, "", "", h.secret, h.default_value, ChoicesOf(h), {}});
  }
  return out;
}

// What ConvertToolhiveToUpstream fills alike for both server kinds.
UpstreamServerDetail DraftOf(const BaseServerMetadata& server) {
  UpstreamServerDetail d;
  UpstreamServer& s = d.server;
  s.name = server.name;
  s.description = server.description;
  s.status = ToolhiveStatusToUpstream(server.status);
  s.version_detail.version = "1.0.0";  // Go's default; the ToolHive format has no version
  if (!server.repository_url.empty()) {
    s.repository =
        UpstreamRepository{server.repository_url, ExtractSourceFromUrl(server.repository_url), ""};
  }
  ToolhivePublisherExtension& ext = d.x_publisher.emplace().x_dev_toolhive.emplace();
  ext.tier = server.tier;
  ext.transport = server.transport;
  if (server.tools) ext.tools = *server.tools;
  ext.metadata = server.metadata;
  ext.tags = server.tags;
  ext.custom_metadata = server.custom_metadata;
  return d;
}

const std::vector<UpstreamKeyValueInput>* PackageEnvVars(const std::vector<UpstreamPackage>& pkgs) {
  for (const UpstreamPackage& p : pkgs) {
    if (!p.environment_variables.empty()) return &p.environment_variables;
  }
  return nullptr;
}

// The ToolHive fields shared by both server kinds, with Go's defaults.
void FillBase(const UpstreamServer& s, const ToolhivePublisherExtension* ext,
              const ConvertOptions& opts, BaseServerMetadata* b) {
  b->name = s.name;
  b->description = s.description;
  b->tier = ext && !ext->tier.empty() ? ext->tier : "Community";
  b->status = UpstreamStatusToToolhive(s.status);
  b->tools = ext && !ext->tools.empty() ? ext->tools : std::vector<std::string>{};
  b->metadata = ext && ext->metadata ? *ext->metadata : Metadata{0, 0, ConvertNow(opts)};
  b->repository_url = s.repository ? s.repository->url : "";
  if (ext && !ext->tags.empty()) b->tags = ext->tags;
  if (ext && ext->custom_metadata.IsMapping() && !ext->custom_metadata.members.empty()) {
    b->custom_metadata = ext->custom_metadata;
  }
}

}  // namespace

std::string UpstreamStatusToToolhive(const std::string& status) {
  return status == "deprecated" ? "deprecated" : "active";
}

std::string ToolhiveStatusToUpstream(const std::string& status) {
  return status == "deprecated" ? "deprecated" : "active";
}

std::string UpstreamTransportToToolhive(const std::string& t) {
  if (t == "sse") return "sse";
  if (t == "streamable") return "streamable-http";
  return "stdio";
}

std::string ToolhiveTransportToUpstream(const std::string& t) {
  return t == "streamable-http" ? "streamable" : "sse";  // sse is the remote default
}

std::string FormatImageName(const UpstreamPackage& pkg) {
  if (pkg.registry_name == "docker") return pkg.name + ":" + pkg.version;
  if (pkg.registry_name == "npm") return "npx://" + pkg.name + "@" + pkg.version;
  if (pkg.registry_name == "pypi") return "uvx://" + pkg.name + "@" + pkg.version;
  return pkg.name;
}

// strings.Split(image, ":")[0] and [1]: a registry port splits there too, as in Go.
std::string ExtractImageName(const std::string& image) { return image.substr(0, image.find(':')); }

std::string ExtractImageTag(const std::string& image) {
  size_t a = image.find(':');
  if (a == std::string::npos) return "latest";
  size_t b = image.find(':', a + 1);
  return image.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
}

std::string ExtractSourceFromUrl(const std::string& url) {
  if (url.find("github.com") != std::string::npos) return "github";
  if (url.find("gitlab.com") != std::string::npos) return "gitlab";
  return "unknown";
}

bool ConvertDraftServer(const UpstreamServerDetail& in, const ConvertOptions& opts,
                        ConvertedServer* out, std::string* err) {
  const UpstreamServer& s = in.server;
  const ToolhivePublisherExtension* ext =
      in.x_publisher && in.x_publisher->x_dev_toolhive ? &*in.x_publisher->x_dev_toolhive : nullptr;
  if (!s.remotes.empty()) {
    out->remote = true;
    RemoteServerMetadata& r = out->remote_server;
    FillBase(s, ext, opts, &r);
    r.transport = UpstreamTransportToToolhive(s.remotes[0].transport_type);
    r.url = s.remotes[0].url;
    r.headers = FromKeyValues<Header>(s.remotes[0].headers);
    if (const auto* env = PackageEnvVars(s.packages)) r.env_vars = FromKeyValues<EnvVar>(*env);
    if (ext && !ext->transport.empty()) r.transport = ext->transport;
    return true;
  }
  if (s.packages.empty()) {
    *err = "no packages found for container server";
    return false;
  }
  // The primary package: the first docker one, else the first.
  const UpstreamPackage* primary = &s.packages[0];
  for (const UpstreamPackage& p : s.packages) {
    if (p.registry_name == "docker") {
      primary = &p;
      break;
    }
  }
  out->remote = false;
  ImageMetadata& m = out->image;
  FillBase(s, ext, opts, &m);
  m.transport = ext && !ext->transport.empty() ? ext->transport : "stdio";
  m.image = FormatImageName(*primary);
  if (ext) {
    m.target_port = ext->target_port;
    m.permissions = ext->permissions;
    m.docker_tags = ext->docker_tags;
    m.provenance = ext->provenance;
  }
  m.env_vars = FromKeyValues<EnvVar>(primary->environment_variables);
  m.args = ConvertPackageArguments(primary->package_arguments);
  return true;
}

UpstreamServerDetail ConvertImageToUpstream(const ImageMetadata& server) {
  UpstreamServerDetail d = DraftOf(server);
  ToolhivePublisherExtension& ext = *d.x_publisher->x_dev_toolhive;
  ext.target_port = server.target_port;
  ext.permissions = server.permissions;
  ext.docker_tags = server.docker_tags;
  ext.provenance = server.provenance;
  UpstreamPackage& pkg = d.server.packages.emplace_back();
  pkg.registry_name = "docker";
  pkg.name = ExtractImageName(server.image);
  pkg.version = ExtractImageTag(server.image);
  for (const std::string& a : server.args) {
    UpstreamArgument& arg = pkg.package_arguments.emplace_back();
    arg.type = "positional";
    arg.value = a;
  }
  pkg.environment_variables = KeyValuesToUpstream(server.env_vars);
  return d;
}

UpstreamServerDetail ConvertRemoteToUpstream(const RemoteServerMetadata& server) {
  UpstreamServerDetail d = DraftOf(server);
  d.server.remotes.push_back({ToolhiveTransportToUpstream(server.transport), server.url,
                              KeyValuesToUpstream(server.headers)});
  if (!server.env_vars.empty()) {  // env vars travel in a placeholder package
    UpstreamPackage& pkg = d.server.packages.emplace_back();
    pkg.registry_name = "remote";
    pkg.name = "remote-server";
    pkg.version = "1.0.0";
    pkg.environment_variables = KeyValuesToUpstream(server.env_vars);
  }
  return d;
}

std::vector<UpstreamServerDetail> ConvertRegistryToUpstream(const Registry& registry) {
  std::vector<UpstreamServerDetail> out;
  out.reserve((registry.servers ? registry.servers->size() : 0) + registry.remote_servers.size());
  if (registry.servers) {
    for (const auto& [key, server] : *registry.servers) {
      out.push_back(ConvertImageToUpstream(server));
      if (out.back().server.name.empty()) out.back().server.name = key;
    }
  }
  for (const auto& [key, server] : registry.remote_servers) {
    out.push_back(ConvertRemoteToUpstream(server));
    if (out.back().server.name.empty()) out.back().server.name = key;
  }
  return out;
}

}  // namespace thv
