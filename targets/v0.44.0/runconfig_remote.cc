// The RunConfig parts an MCPRemoteProxy's remote URL gives meaning to (runconfig.h).
#include <string>
#include <utility>

#include "core/value_builder.h"
#include "model/decode.h"
#include "targets/v0.44.0/runconfig.h"

namespace thv {
namespace t0_44_0 {

Value AwsStsConfig(const Object& external_auth) {
  const Value* spec = GetObject(external_auth.doc, "spec");
  const Value* sts = spec ? GetObject(*spec, "awsSts") : nullptr;
  if (!sts) return Value::Null();
  Value config = Obj(
      {{"region", Str(GetString(*sts, "region"))}, {"service", Str(GetString(*sts, "service"))}});
  if (const std::string v = GetString(*sts, "fallbackRoleArn"); !v.empty())
    config.Set("fallback_role_arn", Str(v));
  if (const Value* maps = sts->Find("roleMappings");
      maps && maps->IsSequence() && !maps->items.empty()) {
    Value list = Value::Sequence();
    for (const Value& m : maps->items) {
      Value entry = Value::Mapping();
      if (const std::string v = GetString(m, "claim"); !v.empty()) entry.Set("claim", Str(v));
      if (const std::string v = GetString(m, "matcher"); !v.empty()) entry.Set("matcher", Str(v));
      entry.Set("role_arn", Str(GetString(m, "roleArn")));
      // *int: nil (unset) stays out, priority 0 is written.
      if (const Value* p = m.Find("priority"); p && p->IsInt()) entry.Set("priority", *p);
      list.Append(std::move(entry));
    }
    config.Set("role_mappings", std::move(list));
  }
  if (const std::string v = GetString(*sts, "roleClaim"); !v.empty())
    config.Set("role_claim", Str(v));
  if (const int64_t d = GetInt(*sts, "sessionDuration")) config.Set("session_duration", Int(d));
  if (const std::string v = GetString(*sts, "sessionNameClaim"); !v.empty())
    config.Set("session_name_claim", Str(v));
  return config;
}

Value HeaderForwardConfig(const RemoteProxyRun& remote) {
  if (remote.plaintext_headers.empty() && remote.secret_headers.empty()) return Value::Null();
  Value forward = Value::Mapping();
  if (!remote.plaintext_headers.empty())
    forward.Set("add_plaintext_headers", StrMap(remote.plaintext_headers));
  if (!remote.secret_headers.empty())
    forward.Set("add_headers_from_secret", StrMap(remote.secret_headers));
  return forward;
}

}  // namespace t0_44_0
}  // namespace thv
