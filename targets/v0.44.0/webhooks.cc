#include "targets/v0.44.0/webhooks.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>

#include "core/value_builder.h"
#include "model/decode.h"
#include "model/formats.h"

namespace thv {
namespace t0_44_0 {

namespace {

// The files each Secret becomes (webhook.go:25-36), by purpose.
struct Purpose {
  const char* name;
  const char* file;
};
constexpr Purpose kHmac{"hmac", "hmac"};
constexpr Purpose kCa{"tls_ca", "ca.crt"};
constexpr Purpose kClientCert{"tls_client_cert", "tls.crt"};
constexpr Purpose kClientKey{"tls_client_key", "tls.key"};

// webhookSecretIdentifier (webhook.go:224-231): upper case, '-' and anything outside
// [A-Z0-9_] turned into '_'.
WebhookSecretMount Mount(const char* kind, const std::string& webhook, const Purpose& purpose,
                         const Value& ref) {
  WebhookSecretMount m;
  m.secret = GetString(ref, "name");
  m.key = GetString(ref, "key");
  m.file = purpose.file;
  const std::string joined = std::string("WEBHOOK_") + kind + "_" + webhook + "_" + purpose.name +
                             "_" + ConfigHashOfString(m.secret + "/" + m.key);
  for (char c : joined) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    m.identifier += (std::isupper(static_cast<unsigned char>(u)) ||
                     std::isdigit(static_cast<unsigned char>(u)) || u == '_')
                        ? u
                        : '_';
  }
  return m;
}

const Value* Webhooks(const Object& config, const char* kind) {
  const Value* spec = GetObject(config.doc, "spec");
  const Value* list = spec ? spec->Find(kind) : nullptr;
  return list && list->IsSequence() ? list : nullptr;
}

}  // namespace

std::string ConfigHashOfString(const std::string& s) { return ConfigHashOfDump("(string)" + s); }

std::string ConfigHashOfDump(const std::string& dump) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : dump) {
    hash ^= c;
    hash *= 16777619u;
  }
  char out[9];
  std::snprintf(out, sizeof(out), "%x", hash);
  return out;
}

std::vector<WebhookSecretMount> WebhookSecretMounts(const Object& config) {
  std::map<std::string, WebhookSecretMount> by_identifier;
  auto add = [&](const char* kind, const std::string& name, const Purpose& purpose,
                 const Value* ref) {
    if (!ref) return;
    WebhookSecretMount m = Mount(kind, name, purpose, *ref);
    by_identifier[m.identifier] = m;
  };
  for (const char* kind : {"validating", "mutating"}) {
    const Value* list = Webhooks(config, kind);
    for (const Value& w : list ? list->items : std::vector<Value>{}) {
      const std::string name = GetString(w, "name");
      add(kind, name, kHmac, GetObject(w, "hmacSecretRef"));
      if (const Value* tls = GetObject(w, "tlsConfig")) {
        add(kind, name, kCa, GetObject(*tls, "caSecretRef"));
        add(kind, name, kClientCert, GetObject(*tls, "clientCertSecretRef"));
        add(kind, name, kClientKey, GetObject(*tls, "clientKeySecretRef"));
      }
    }
  }
  std::vector<WebhookSecretMount> out;
  for (auto& [identifier, m] : by_identifier) out.push_back(std::move(m));
  return out;
}

std::string WebhookSecretPath(const WebhookSecretMount& mount) {
  std::string lower;
  for (char c : mount.identifier) lower += static_cast<char>(std::tolower(c));
  return "/etc/toolhive/webhooks/" + lower + "/" + mount.file;
}

std::string WebhookVolumeName(const std::string& identifier) {
  return "whsec-" + ConfigHashOfString(identifier).substr(0, 12);
}

Value WebhookConfigs(const Object& config, const char* kind) {
  Value out = Value::Sequence();
  const Value* list = Webhooks(config, kind);
  for (const Value& w : list ? list->items : std::vector<Value>{}) {
    const std::string name = GetString(w, "name");
    int64_t timeout = 0;  // time.Duration: nanoseconds; unset is 0
    if (const std::string t = GetString(w, "timeout"); !t.empty()) ParseGoDuration(t, &timeout);
    std::string policy = GetString(w, "failurePolicy");
    for (char& c : policy) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Value entry = Obj({{"name", Str(name)},
                       {"url", Str(GetString(w, "url"))},
                       {"timeout", Int(timeout)},
                       {"failure_policy", Str(policy.empty() ? "fail" : policy)}});
    const Value* tls = GetObject(w, "tlsConfig");
    if (tls) {
      // webhook.TLSConfig {ca_bundle_path, client_cert_path, client_key_path,
      // insecure_skip_verify}, all omitempty; client files only as a pair.
      Value t = Value::Mapping();
      if (const Value* ca = GetObject(*tls, "caSecretRef"))
        t.Set("ca_bundle_path", Str(WebhookSecretPath(Mount(kind, name, kCa, *ca))));
      const Value* cert = GetObject(*tls, "clientCertSecretRef");
      const Value* key = GetObject(*tls, "clientKeySecretRef");
      if (cert && key) {
        t.Set("client_cert_path", Str(WebhookSecretPath(Mount(kind, name, kClientCert, *cert))));
        t.Set("client_key_path", Str(WebhookSecretPath(Mount(kind, name, kClientKey, *key))));
      }
      if (GetBool(*tls, "insecureSkipVerify")) t.Set("insecure_skip_verify", Bool(true));
      entry.Set("tls_config", std::move(t));
    }
    if (const Value* hmac = GetObject(w, "hmacSecretRef"))
      entry.Set("hmac_secret_ref", Str(WebhookSecretPath(Mount(kind, name, kHmac, *hmac))));
    out.Append(std::move(entry));
  }
  return out;
}

}  // namespace t0_44_0
}  // namespace thv
