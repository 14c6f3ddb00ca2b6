// Parts of an MCPServer's spec that every operator release shapes the same way, decoded for the
// releases' typed models (targets/<release>/mcpserver.h), which extend MCPServerCommon.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/object.h"

namespace thv {

struct HostVolume {
  std::string name;
  std::string host_path;
  std::string mount_path;
  bool read_only = false;
};

struct CpuMemory {
  std::string cpu;
  std::string memory;
};

// An env entry: spec.env, resourceOverrides.proxyDeployment.env (the CRDs' EnvVar).
struct NameValue {
  std::string name;
  std::string value;
};

struct SecretRef {
  std::string name;
  std::string key;
  std::string target_env_name;  // defaults to key
};

struct PermissionProfileRef {
  std::string type;  // builtin | configmap
  std::string name;
  std::string key;
  Mark mark;
};

// The spec fields every release has, with the same meaning.
struct MCPServerCommon {
  std::string image;
  std::string transport;   // stdio | streamable-http | sse
  std::string proxy_mode;  // sse | streamable-http
  std::vector<std::string> args;
  std::vector<NameValue> env;
  std::vector<HostVolume> volumes;
  CpuMemory limits;
  CpuMemory requests;
  std::vector<SecretRef> secrets;
  std::optional<std::string> service_account;
  std::optional<PermissionProfileRef> permission_profile;
  std::optional<bool> audit_enabled;  // set when spec.audit exists
};

// Reads MCPServerCommon's fields of a validated, defaulted spec into *out.
void DecodeMCPServerCommon(const Value& spec, MCPServerCommon* out);
// parent.env (a list of {name, value}).
std::vector<NameValue> DecodeEnv(const Value& parent);
// parent.<key> as a string map; unset when absent.
std::optional<StringMap> DecodeOptionalMap(const Value& parent, const char* key);
// spec.volumes.
std::vector<HostVolume> DecodeHostVolumes(const Value& spec);
// spec.resources.<key> ("limits" or "requests"); empty when absent.
CpuMemory DecodeCpuMemory(const Value& spec, const char* key);

}  // namespace thv
