#include "model/mcpserver_parts.h"

#include <utility>

#include "model/decode.h"

namespace thv {

std::vector<HostVolume> DecodeHostVolumes(const Value& spec) {
  std::vector<HostVolume> volumes;
  if (const Value* list = spec.Find("volumes"); list && list->IsSequence()) {
    for (const Value& v : list->items)
      volumes.push_back({GetString(v, "name"), GetString(v, "hostPath"), GetString(v, "mountPath"),
                         GetBool(v, "readOnly")});
  }
  return volumes;
}

CpuMemory DecodeCpuMemory(const Value& spec, const char* key) {
  const Value* resources = GetObject(spec, "resources");
  const Value* list = resources ? GetObject(*resources, key) : nullptr;
  return list ? CpuMemory{GetString(*list, "cpu"), GetString(*list, "memory")} : CpuMemory{};
}

std::vector<NameValue> DecodeEnv(const Value& parent) {
  std::vector<NameValue> env;
  if (const Value* list = parent.Find("env"); list && list->IsSequence()) {
    for (const Value& item : list->items)
      env.push_back({GetString(item, "name"), GetString(item, "value")});
  }
  return env;
}

std::optional<StringMap> DecodeOptionalMap(const Value& parent, const char* key) {
  if (!GetObject(parent, key)) return std::nullopt;
  return GetStringMap(parent, key);
}

void DecodeMCPServerCommon(const Value& spec, MCPServerCommon* out) {
  out->image = GetString(spec, "image");
  out->transport = GetString(spec, "transport");
  out->proxy_mode = GetString(spec, "proxyMode");
  out->args = GetStrings(spec, "args");
  out->env = DecodeEnv(spec);
  out->volumes = DecodeHostVolumes(spec);
  out->limits = DecodeCpuMemory(spec, "limits");
  out->requests = DecodeCpuMemory(spec, "requests");
  if (const Value* secrets = spec.Find("secrets"); secrets && secrets->IsSequence()) {
    for (const Value& item : secrets->items) {
      SecretRef ref{GetString(item, "name"), GetString(item, "key"),
                    GetString(item, "targetEnvName")};
      if (ref.target_env_name.empty()) ref.target_env_name = ref.key;
      out->secrets.push_back(std::move(ref));
    }
  }
  if (const Value* sa = spec.Find("serviceAccount"); sa && sa->IsString())
    out->service_account = sa->text;
  if (const Value* p = GetObject(spec, "permissionProfile")) {
    out->permission_profile = PermissionProfileRef{GetString(*p, "type"), GetString(*p, "name"),
                                                   GetString(*p, "key"), p->mark};
  }
  if (const Value* a = GetObject(spec, "audit")) out->audit_enabled = GetBool(*a, "enabled");
}

}  // namespace thv
