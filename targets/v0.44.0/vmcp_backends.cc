#include "targets/v0.44.0/vmcp_backends.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "core/json_text.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/groups.h"
#include "targets/v0.44.0/workload_objects.h"

namespace thv {
namespace t0_44_0 {

namespace {

const char* const kWorkloadKinds[] = {"MCPServer", "MCPRemoteProxy", "MCPServerEntry"};
const char kCaBundleBase[] = "/etc/toolhive/ca-bundles";  // caBundleBasePath (vd:1291)

// An entry's caBundleRef ConfigMap name and key ("ca.crt" unless given); empty name when none.
std::pair<std::string, std::string> CaBundle(const Object& entry) {
  const Value* ref = GetObject(SpecOf(entry), "caBundleRef");
  const Value* cm = ref ? GetObject(*ref, "configMapRef") : nullptr;
  if (!cm) return {"", ""};
  const std::string key = GetString(*cm, "key");
  return {GetString(*cm, "name"), key.empty() ? "ca.crt" : key};
}

// Whether the discoverer makes the entry a backend: its controller set phase Valid
// (pkg/vmcp/workloads/k8s.go:481-485) and its CA bundle ConfigMap holds the key in data
// (fetchCABundleData, k8s.go:565-577, 659-682: else nil, skipped; the entry controller checks
// only the ConfigMap's existence).
bool EntryIsBackend(const Object& entry, const RenderContext& context) {
  if (!ServerEntryValid(entry, context)) return false;
  const auto [config_map, key] = CaBundle(entry);
  if (config_map.empty()) return true;
  const Object* cm = context.index.Find("ConfigMap", entry.meta.namespace_, config_map);
  const Value* data = cm ? GetObject(cm->doc, "data") : nullptr;
  return data && data->Find(key);
}

// The workload's converged status.phase, which the discoverer copies into workload_status
// (k8s.go:284, :450). spec.replicas 0: the MCPServer controller reports Stopped
// (mcpserver_controller.go:1638-1648), the MCPRemoteProxy's, without pods, Pending
// (mcpremoteproxy_controller.go:1547-1556); otherwise both are Ready once their pods run.
std::string ConvergedPhase(const Object& workload) {
  const Value* replicas = SpecOf(workload).Find("replicas");
  const bool scaled_to_zero = replicas && replicas->IsInt() && replicas->text == "0";
  if (!scaled_to_zero) return "Ready";
  return workload.kind == "MCPServer" ? "Stopped" : "Pending";
}

// isStandardK8sAnnotation (k8s): user annotations become metadata, these do not.
bool StandardAnnotation(const std::string& key) {
  for (const char* prefix :
       {"kubectl.kubernetes.io/", "kubernetes.io/", "deployment.kubernetes.io/", "k8s.io/"})
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

std::vector<const Object*> GroupWorkloads(const std::string& group, const std::string& ns,
                                          const RenderContext& context) {
  std::vector<const Object*> out;
  if (!context.objects) return out;
  for (const char* kind : kWorkloadKinds) {
    std::vector<const Object*> of_kind;
    for (const Object& o : *context.objects) {
      if (o.kind == kind && o.meta.namespace_ == ns && GroupOf(o) == group) of_kind.push_back(&o);
    }
    std::stable_sort(of_kind.begin(), of_kind.end(),
                     [](const Object* a, const Object* b) { return a->meta.name < b->meta.name; });
    out.insert(out.end(), of_kind.begin(), of_kind.end());
  }
  return out;
}

void AppendEntryHeaderForwardEnv(const std::vector<const Object*>& workloads, Value* env) {
  // wirefmt.NormalizeForEnvVar: upper case, '-' and anything but [A-Z0-9_] become '_'.
  auto normalize = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    }
    return out;
  };
  std::map<std::string, Value> vars;  // sort.Slice by name (vd:628-630)
  for (const Object* w : workloads) {
    const Value* hf =
        w->kind == "MCPServerEntry" ? GetObject(SpecOf(*w), "headerForward") : nullptr;
    if (!hf) continue;
    const std::string owner = normalize(w->meta.name);
    StringMap from_secret;
    if (const Value* list = hf->Find("addHeadersFromSecret"); list && list->IsSequence()) {
      for (const Value& h : list->items) {
        const Value* ref = GetObject(h, "valueSecretRef");
        if (!ref) continue;
        const std::string header = GetString(h, "headerName");
        const std::string id = "HEADER_FORWARD_" + normalize(header) + "_" + owner;
        from_secret[header] = id;
        vars["TOOLHIVE_SECRET_" + id] = SecretKeyEnvVar(
            "TOOLHIVE_SECRET_" + id, GetString(*ref, "name"), GetString(*ref, "key"));
      }
    }
    const StringMap plain = GetStringMap(*hf, "addPlaintextHeaders");
    if (plain.empty() && from_secret.empty()) continue;
    Value manifest = Value::Mapping();  // vmcp.HeaderForwardConfig, json.Marshal
    if (!plain.empty()) manifest.Set("addPlaintextHeaders", StrMap(plain));
    if (!from_secret.empty()) manifest.Set("addHeadersFromSecret", StrMap(from_secret));
    vars["TOOLHIVE_HEADER_FORWARD_" + owner] =
        PlainEnv("TOOLHIVE_HEADER_FORWARD_" + owner, GoJsonCompact(manifest));
  }
  for (auto& [name, var] : vars) env->Append(std::move(var));
}

void AddEntryCaBundleVolumes(const std::vector<const Object*>& workloads, Value* volumes,
                             Value* mounts) {
  for (const Object* w : workloads) {
    if (w->kind != "MCPServerEntry") continue;
    const auto [config_map, key] = CaBundle(*w);
    if (config_map.empty()) continue;
    // caBundleVolumeName (vd:1313-1330); names over 63 characters are hashed there.
    AddConfigMapVolume("ca-bundle-" + w->meta.name, config_map, key, key,
                       std::string(kCaBundleBase) + "/" + w->meta.name, volumes, mounts);
  }
}

Value StaticBackends(const std::string& group, const std::vector<const Object*>& workloads,
                     const std::set<std::string>& left_out, const RenderContext& context) {
  std::map<std::string, Value> by_name;  // Discover sorts the backends by name
  for (const Object* w : workloads) {
    if (left_out.count(w->meta.name)) continue;  // convertBackendsToStaticBackends (vc:2705-2710)
    const Value& spec = SpecOf(*w);
    StringMap metadata;
    for (const auto& [k, v] : w->meta.annotations)
      if (!StandardAnnotation(k)) metadata[k] = v;
    metadata["tool_type"] = "mcp";
    metadata["namespace"] = w->meta.namespace_;
    metadata["group"] = group;
    std::string url, transport;
    std::string ca_path;
    if (w->kind == "MCPServer") {
      // status.url (mcpserver_controller.go:514-523, transport.GenerateMCPServerURL).
      const std::string t = GetString(spec, "transport"), mode = GetString(spec, "proxyMode");
      const bool sse = t == "sse" || (t == "stdio" && mode == "sse");
      int64_t port = GetInt(spec, "proxyPort");
      url = "http://mcp-" + w->meta.name + "-proxy." + w->meta.namespace_ +
            ".svc.cluster.local:" + std::to_string(port > 0 ? port : 8080) +
            (sse ? "/sse#" + w->meta.name : "/mcp");
      transport = !mode.empty() ? mode : t;  // buildTransportMap (vv:283-312)
      metadata["workload_type"] = "mcp_server";
      metadata["workload_status"] = ConvergedPhase(*w);
    } else if (w->kind == "MCPServerEntry") {
      if (!EntryIsBackend(*w, context)) continue;
      url = GetString(spec, "remoteUrl");
      transport = GetString(spec, "transport");
      metadata["workload_type"] = "server_entry";
      metadata["workload_status"] = "Valid";
      metadata["remote_url"] = url;
      if (const auto [config_map, key] = CaBundle(*w); !config_map.empty())
        ca_path = std::string(kCaBundleBase) + "/" + w->meta.name + "/" + key;
    } else {
      // MCPRemoteProxy: status.url is its Service's (createProxyServiceURL,
      // mcpremoteproxy_controller.go:537-544,1593-1601), the transport its own (vv:298-301).
      int64_t port = GetInt(spec, "proxyPort");
      url = "http://mcp-" + w->meta.name + "-remote-proxy." + w->meta.namespace_ +
            ".svc.cluster.local:" + std::to_string(port > 0 ? port : 8080);
      transport = GetString(spec, "transport");
      metadata["workload_type"] = "remote_proxy";
      metadata["workload_status"] = ConvergedPhase(*w);
      metadata["remote_url"] = GetString(spec, "remoteUrl");
    }
    if (url.empty() || transport.empty()) continue;
    Value backend = Obj({{"name", Str(w->meta.name)},
                         {"url", Str(url)},
                         {"transport", Str(transport)},
                         {"caBundlePath", Str(ca_path)},
                         {"metadata", StrMap(metadata)}});
    by_name.emplace(w->meta.name, std::move(backend));
  }
  Value out = Value::Sequence();
  for (auto& [name, backend] : by_name) out.Append(std::move(backend));
  return out;
}

}  // namespace t0_44_0
}  // namespace thv
