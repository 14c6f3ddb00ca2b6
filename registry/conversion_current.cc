// Today's registry API shape onto the ToolHive format. Where fields correspond, the draft's
// rules apply (defaults, header and env var mapping, package arguments); the rest follows
// toolhive-core's converters: oci packages are images, ToolHive data sits in _meta.
#include <algorithm>

#include "registry/conversion.h"

namespace thv {

namespace {

bool IsOci(const ApiPackage& p) { return p.registry_type == "oci"; }

std::string StatusOf(const UpstreamEntry& in) {
  if (in.stacklok && !in.stacklok->status.empty()) return in.stacklok->status;
  const std::string& s = in.official_status.empty() ? in.server.status : in.official_status;
  return UpstreamStatusToToolhive(s);
}

void FillCurrentBase(const UpstreamEntry& in, const ConvertOptions& opts, BaseServerMetadata* b) {
  const ServerExtensions* ext = in.stacklok ? &*in.stacklok : nullptr;
  b->name = in.server.name;
  b->description = in.server.description;
  b->tier = ext && !ext->tier.empty() ? ext->tier : "Community";
  b->status = StatusOf(in);
  b->tools = ext && !ext->tools.empty() ? ext->tools : std::vector<std::string>{};
  b->metadata = ext && ext->metadata ? *ext->metadata : Metadata{0, 0, ConvertNow(opts)};
  b->repository_url = in.server.repository ? in.server.repository->url : "";
  if (ext) b->tags = ext->tags;
  if (ext && ext->custom_metadata.IsMapping() && !ext->custom_metadata.members.empty()) {
    b->custom_metadata = ext->custom_metadata;
  }
}

// url.URL.Port() of a transport URL, as a number; 0 when there is none.
int64_t PortOf(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return 0;
  start += 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  size_t colon = host.rfind(':');
  if (colon == std::string::npos || (host[0] == '[' && host.rfind(']') > colon)) return 0;
  std::string port = host.substr(colon + 1);
  if (port.empty() || port.size() > 9 ||
      !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  return std::stoll(port);
}

std::string RemoteTransport(const std::string& type) {
  if (type == "sse") return "sse";
  if (type.empty() || type == "streamable") return "streamable-http";
  return type;
}

}  // namespace

std::string OciImageReference(const std::string& identifier, const std::string& version) {
  size_t slash = identifier.rfind('/');
  size_t name_start = slash == std::string::npos ? 0 : slash + 1;
  bool tagged = identifier.find(':', name_start) != std::string::npos ||
                identifier.find('@') != std::string::npos;
  if (tagged || version.empty()) return identifier;
  return identifier + ":" + version;
}

bool ConvertCurrentServer(const UpstreamEntry& in, const ConvertOptions& opts, ConvertedServer* out,
                          std::string* warning) {
  const ApiServer& s = in.server;
  const ServerExtensions* ext = in.stacklok ? &*in.stacklok : nullptr;
  if (in.official_status == "deleted") {
    *warning = "upstream server '" + s.name + "' skipped: it is marked deleted in the registry";
    return false;
  }
  if (!s.remotes.empty()) {
    out->remote = true;
    RemoteServerMetadata& r = out->remote_server;
    FillCurrentBase(in, opts, &r);
    r.transport = RemoteTransport(s.remotes[0].type);
    r.url = s.remotes[0].url;
    r.headers = FromKeyValues<Header>(s.remotes[0].headers);
    if (ext) r.oauth_config = ext->oauth_config;
    if (ext && !ext->env_vars.empty()) {
      r.env_vars = ext->env_vars;
    } else {
      for (const ApiPackage& p : s.packages) {
        if (p.environment_variables.empty()) continue;
        r.env_vars = FromKeyValues<EnvVar>(p.environment_variables);
        break;
      }
    }
    return true;
  }
  auto oci = std::find_if(s.packages.begin(), s.packages.end(), IsOci);
  if (oci == s.packages.end()) {
    std::string kinds;
    for (const ApiPackage& p : s.packages) {
      kinds += (kinds.empty() ? "" : ", ") + (p.registry_type.empty() ? "?" : p.registry_type);
    }
    *warning = "upstream server '" + s.name + "' skipped: no oci package or remote to run in the " +
               "proxy (" + (kinds.empty() ? "no packages" : "packages: " + kinds) + ")";
    return false;
  }
  if (std::count_if(s.packages.begin(), s.packages.end(), IsOci) > 1) {
    *warning = "upstream server '" + s.name + "' has several oci packages; using " +
               OciImageReference(oci->identifier, oci->version);
  }
  out->remote = false;
  ImageMetadata& m = out->image;
  FillCurrentBase(in, opts, &m);
  m.transport = oci->transport.type.empty() ? "stdio" : oci->transport.type;
  m.image = OciImageReference(oci->identifier, oci->version);
  m.target_port = PortOf(oci->transport.url);
  m.env_vars = FromKeyValues<EnvVar>(oci->environment_variables);
  m.args = ConvertPackageArguments(oci->package_arguments);
  if (ext) {
    if (m.args.empty()) m.args = ext->args;
    m.permissions = ext->permissions;
    m.docker_tags = ext->docker_tags;
    m.provenance = ext->provenance;
  }
  return true;
}

}  // namespace thv
