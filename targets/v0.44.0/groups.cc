#include "targets/v0.44.0/groups.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "model/decode.h"
#include "model/formats.h"
#include "model/inputs.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char kStatusOnly[] =
    "; the operator (v0.44.0) sets the MCPServerEntry's phase to Failed, and a VirtualMCPServer "
    "leaves it out";

// pkg/validation/url_validation.go:21-44: loopback, link-local, RFC 1918, unspecified, ULA.
bool InBlockedRange(const std::string& host, std::string* range) {
  unsigned char ip[16];
  if (inet_pton(AF_INET, host.c_str(), ip) == 1) {
    struct V4 {
      unsigned char a, b, mask_b;  // first octet, second octet prefix, its mask
      const char* cidr;
    };
    static const V4 kV4[] = {{0, 0, 0, "0.0.0.0/8"},
                             {127, 0, 0, "127.0.0.0/8"},
                             {169, 254, 255, "169.254.0.0/16"},
                             {10, 0, 0, "10.0.0.0/8"},
                             {172, 16, 0xf0, "172.16.0.0/12"},
                             {192, 168, 255, "192.168.0.0/16"}};
    for (const V4& r : kV4)
      if (ip[0] == r.a && (ip[1] & r.mask_b) == r.b) return *range = r.cidr, true;
    return false;
  }
  if (inet_pton(AF_INET6, host.c_str(), ip) != 1) return false;
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(ip, kMapped, 12) == 0) {  // ip.To4(): an IPv4-mapped address is IPv4
    char v4[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, ip + 12, v4, sizeof v4);
    return InBlockedRange(v4, range);
  }
  static const unsigned char kZero[15] = {};
  if (std::memcmp(ip, kZero, 15) == 0 && ip[15] <= 1)
    return *range = ip[15] ? "::1/128" : "::/128", true;
  if (ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80) return *range = "fe80::/10", true;
  if ((ip[0] & 0xfe) == 0xfc) return *range = "fc00::/7", true;
  return false;
}

}  // namespace

std::string RemoteUrlProblem(const std::string& raw) {
  if (raw.empty()) return "remote URL must not be empty";
  GoUrl url;
  std::string err;
  if (!ParseGoUrl(raw, false, &url, &err)) return "remote URL is invalid: " + err;
  if (url.scheme != "http" && url.scheme != "https")
    return "remote URL must use http or https scheme, got \"" + url.scheme + "\"";
  if (url.host.empty()) return "remote URL must have a valid host";
  // u.Hostname(): without the port, and without an IPv6 literal's brackets.
  std::string host = url.host;
  if (host[0] == '[') {
    host = host.substr(1, host.find(']') - 1);
  } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
    host.resize(colon);
  }
  if (std::string range; InBlockedRange(host, &range))
    return "remote URL host is not allowed: IP address " + host + " falls within blocked range " +
           range;
  std::string lower = host;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* blocked :
       {"localhost", "kubernetes.default.svc.cluster.local", "kubernetes.default.svc",
        "kubernetes.default", "cluster.local", "metadata.google.internal"}) {
    const std::string b = blocked;
    if (lower == b || (lower.size() > b.size() &&
                       lower.compare(lower.size() - b.size() - 1, std::string::npos, "." + b) == 0))
      return "remote URL host is not allowed: hostname \"" + host +
             "\" matches blocked internal hostname \"" + b + "\"";
  }
  return "";
}

std::string GroupOf(const Object& o) {
  const Value* ref = GetObject(SpecOf(o), "groupRef");
  return ref ? GetString(*ref, "name") : "";
}

namespace {

// The checks of sec:57-114; true when the controller would set phase Valid (updateOverallStatus,
// sec:453-478). A Secret that is not among the inputs is named, not judged: thv-render never
// requires Secrets, so it counts as there with its key.
bool CheckEntry(const Object& entry, const RenderContext& context, Diagnostics* diags) {
  bool valid = true;
  const std::string& ns = entry.meta.namespace_;
  const std::string& file = entry.origin.file;
  const Value& spec = SpecOf(entry);
  auto mark = [&](const char* path) { return MarkOfPath(entry.doc, path); };
  // validateRemoteURL (sec:426-450).
  if (std::string problem = RemoteUrlProblem(GetString(spec, "remoteUrl")); !problem.empty()) {
    valid = false;
    diags->Warning(file, mark("spec.remoteUrl"), "spec.remoteUrl", problem + kStatusOnly);
  }
  // validateGroupRef (sec:205-251): a group among the inputs is Ready (its controller sets
  // Ready once it has listed its members, mcpgroup_controller.go:128).
  if (const std::string group = GroupOf(entry);
      !group.empty() && !context.index.Find("MCPGroup", ns, group)) {
    valid = false;
    diags->Warning(file, mark("spec.groupRef.name"), "spec.groupRef.name",
                   "MCPGroup '" + group + "' not found in namespace '" + ns +
                       "' (not among the inputs)" + kStatusOnly);
  }
  // validateExternalAuthConfigRef (sec:253-300): existence only; an invalid config among the
  // inputs reports itself.
  if (const Value* ref = GetObject(spec, "externalAuthConfigRef");
      ref && !context.index.Find("MCPExternalAuthConfig", ns, GetString(*ref, "name"))) {
    valid = false;
    diags->Warning(file, mark("spec.externalAuthConfigRef.name"), "spec.externalAuthConfigRef.name",
                   "Referenced MCPExternalAuthConfig not found: " + ns + "/" +
                       GetString(*ref, "name") + " is not among the inputs" + kStatusOnly);
  }
  // validateCABundleRef (sec:302-349): the ConfigMap's existence, not its key.
  const Value* ca = GetObject(spec, "caBundleRef");
  if (const Value* cm = ca ? GetObject(*ca, "configMapRef") : nullptr;
      cm && !context.index.Find("ConfigMap", ns, GetString(*cm, "name"))) {
    valid = false;
    diags->Warning(file, mark("spec.caBundleRef.configMapRef.name"),
                   "spec.caBundleRef.configMapRef.name",
                   "Referenced CA bundle ConfigMap not found: " + ns + "/" +
                       GetString(*cm, "name") + " is not among the inputs" + kStatusOnly);
  }
  // validateHeaderForwardSecretRefs (sec:351-424): each Secret and its key. A Secret not among
  // the inputs is only named (Secrets are references, never required); one that is must hold
  // the key (data, or stringData, which the API server turns into data).
  const Value* forward = GetObject(spec, "headerForward");
  const Value* from = forward ? forward->Find("addHeadersFromSecret") : nullptr;
  for (size_t i = 0; from && from->IsSequence() && i < from->items.size(); ++i) {
    const Value& item = from->items[i];
    const Value* ref = GetObject(item, "valueSecretRef");
    if (!ref) continue;
    const std::string name = GetString(*ref, "name"), key = GetString(*ref, "key");
    const std::string header = GetString(item, "headerName");
    const std::string path =
        "spec.headerForward.addHeadersFromSecret[" + std::to_string(i) + "].valueSecretRef";
    const Object* secret = context.index.Find("Secret", ns, name);
    if (!secret) {
      diags->Warning(file, ref->mark, path,
                     "Secret " + ns + "/" + name + " (header \"" + header +
                         "\") is not among the inputs; the operator (v0.44.0) requires it to "
                         "hold key \"" +
                         key + "\"");
      continue;
    }
    if (!SecretHasKey(*secret, key)) {
      valid = false;
      diags->Warning(file, ref->mark, path,
                     "Secret \"" + name + "\" has no key \"" + key + "\" referenced for header \"" +
                         header + "\"" + kStatusOnly);
    }
  }
  return valid;
}

}  // namespace

void CheckServerEntry(const Object& entry, const RenderContext& context, Diagnostics* diags) {
  CheckEntry(entry, context, diags);
}

bool ServerEntryValid(const Object& entry, const RenderContext& context) {
  Diagnostics ignored;
  return CheckEntry(entry, context, &ignored);
}

std::vector<std::string> GroupMembers(const Object& group, const std::vector<Object>& objects) {
  std::vector<std::string> members;
  for (const Object& o : objects) {
    const ToolhiveKind kind = ToolhiveKindOf(o);
    if ((kind == ToolhiveKind::kMCPServer || kind == ToolhiveKind::kMCPRemoteProxy ||
         kind == ToolhiveKind::kMCPServerEntry) &&
        !o.context_only && o.meta.namespace_ == group.meta.namespace_ &&
        GroupOf(o) == group.meta.name)
      members.push_back(o.kind + "/" + o.meta.name);
  }
  return members;
}

namespace {

std::vector<std::string> GroupCells(const Object& group, const std::vector<Object>& objects) {
  std::string members;
  for (const std::string& m : GroupMembers(group, objects))
    members += (members.empty() ? "" : ",") + m;
  return {"", "", "", members};
}

std::vector<std::string> EntryCells(const Object& entry, const std::vector<Object>&) {
  const Value& spec = SpecOf(entry);
  return {"", GetString(spec, "transport"), GetString(spec, "remoteUrl"), GroupOf(entry)};
}

}  // namespace

const KindLister kGroupList = {{"SERVERS", "PHASE", "CHECKED", "MEMBERS", nullptr}, GroupCells};
const KindLister kServerEntryList = {{"PHASE", "TRANSPORT", "REMOTE URL", "GROUP", nullptr},
                                     EntryCells};

}  // namespace t0_44_0
}  // namespace thv
