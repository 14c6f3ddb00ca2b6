#include "targets/v0.44.0/mcpremoteproxy.h"

#include <cctype>

#include "model/decode.h"
#include "render/k8s_objects.h"

namespace thv {
namespace t0_44_0 {

namespace {

// NormalizeForEnvVar: "-" to "_", upper case, then [^A-Z0-9_] to "_" (per byte, as the regexp
// replaces each UTF-8 character by one "_": a multi-byte character is not a valid header name).
std::string NormalizeForEnvVar(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // One "_" per UTF-8 character: skip its continuation bytes.
      while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
      out += '_';
      continue;
    }
    const char u = static_cast<char>(std::toupper(c));
    out += (std::isupper(static_cast<unsigned char>(u)) || std::isdigit(c) || u == '_') ? u : '_';
  }
  return out;
}

}  // namespace

MCPRemoteProxy DecodeMCPRemoteProxy(const Object& object) {
  MCPRemoteProxy p;
  p.common = DecodeMCPServer(object);
  const Value& spec = SpecOf(object);
  p.remote_url = GetString(spec, "remoteUrl");
  if (const Value* forward = GetObject(spec, "headerForward")) {
    p.plaintext_headers = GetStringMap(*forward, "addPlaintextHeaders");
    if (const Value* list = forward->Find("addHeadersFromSecret"); list && list->IsSequence()) {
      for (const Value& item : list->items) {
        const Value* ref = GetObject(item, "valueSecretRef");
        if (!ref) continue;
        p.secret_headers.push_back(
            {GetString(item, "headerName"),
             SecretKeyRef{GetString(*ref, "name"), GetString(*ref, "key"), ref->mark}});
      }
    }
  }
  return p;
}

StringMap MCPRemoteProxyLabels(const std::string& name) {
  return WorkloadLabels("mcpremoteproxy", name);
}

std::string HeaderSecretIdentifier(const std::string& owner, const std::string& header) {
  return "HEADER_FORWARD_" + NormalizeForEnvVar(header) + "_" + NormalizeForEnvVar(owner);
}

}  // namespace t0_44_0
}  // namespace thv
