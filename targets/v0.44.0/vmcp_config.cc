#include "targets/v0.44.0/vmcp_config.h"

#include <set>
#include <utility>

#include "core/go_json.h"
#include "core/go_yaml.h"
#include "core/value_builder.h"
#include "core/yaml_writer.h"
#include "model/decode.h"
#include "model/names.h"
#include "targets/v0.44.0/configs.h"
#include "targets/v0.44.0/defaults.h"
#include "targets/v0.44.0/runconfig.h"
#include "targets/v0.44.0/vmcp_authserver.h"

namespace thv {
namespace t0_44_0 {

namespace {

// pkg/vmcp/config.Config and what it holds (scripts/go_types/vmcpconfig_v0.44.0.json).
#define THV_GO_TABLE "targets/v0.44.0/vmcpconfig_go_types.inc"
#include "core/go_table.h"

const Value& Empty() {
  static const Value kEmpty = Value::Mapping();
  return kEmpty;
}
bool Has(const Value& parent, const char* key) {
  const Value* v = parent.Find(key);
  return v && !v->IsNull();
}

// mapResolvedOIDCToVmcpConfigFromRef (cv:470-501) of oidc.Resolver.ResolveFromConfigRef
// (cmd/thv-operator/pkg/oidc/resolver.go:74-197).
Value OidcConfig(const Object& vmcp, const Value& ref, const Object& oidc) {
  OidcProvider o;
  if (!ResolveOidcProvider(oidc, &o)) return Value::Null();  // nil config, nil result
  std::string resource = GetString(ref, "resourceUrl");
  if (resource.empty())  // createServiceURL(vmcp.Name, namespace, 4483)
    resource = "http://" + vmcp.meta.name + "." + vmcp.meta.namespace_ +
               ".svc.cluster.local:" + std::to_string(kVmcpPort);
  Value out = Obj({{"issuer", Str(o.issuer)},
                   {"clientId", Str(o.client_id)},
                   {"audience", Str(GetString(ref, "audience"))},
                   {"resource", Str(resource)},
                   {"jwksUrl", Str(o.jwks_url)},
                   {"introspectionUrl", Str(o.introspection_url)},
                   {"protectedResourceAllowPrivateIp", Bool(o.protected_resource_allow_private_ip)},
                   {"jwksAllowPrivateIp", Bool(o.jwks_allow_private_ip)},
                   {"insecureAllowHttp", Bool(o.insecure_allow_http)},
                   {"caBundlePath", Str(o.ca_bundle_path)}});
  if (const Value* scopes = ref.Find("scopes")) out.Set("scopes", *scopes);
  if (o.client_secret) out.Set("clientSecretEnv", Str("VMCP_OIDC_CLIENT_SECRET"));  // cv:41,493-498
  return out;
}

// The Cedar options (cedar.ConfigOptions, pkg/authz/authorizers/cedar/core.go) as the vMCP's
// AuthzConfig: resolveAuthzConfigRef (cv:271-278) and convertAuthzConfig's configMap arm
// (cv:324-337).
Value CedarAuthz(const Value& options) {
  Value a = Obj({{"type", Str("cedar")}});
  if (const Value* p = options.Find("policies")) a.Set("policies", *p);
  for (auto [from, to] : {std::pair<const char*, const char*>{"entities_json", "entitiesJson"},
                          {"group_claim_name", "groupClaimName"},
                          {"role_claim_name", "roleClaimName"},
                          {"group_entity_type", "groupEntityType"}})
    a.Set(to, Str(GetString(options, from)));
  return a;
}

// convertIncomingAuth (cv:189-228): convertAuthzConfig (cv:300-368) for authzConfig, inline or
// from its ConfigMap with the spec's claim settings over it; resolveAuthzConfigRef (cv:241-290)
// for an MCPAuthzConfig; either way resolvePrimaryUpstreamProvider (cv:392-426) last.
Value IncomingAuth(const Object& vmcp, const Value& in, const VmcpResolved& r, Diagnostics* diags) {
  Value out = Obj({{"type", Str(GetString(in, "type"))}});
  if (r.oidc_config) {
    Value oidc = OidcConfig(vmcp, MappingAt(in, "oidcConfigRef"), *r.oidc_config);
    if (!oidc.IsNull()) out.Set("oidc", std::move(oidc));
  }
  if (const Value* authz = GetObject(in, "authzConfig")) {
    Value a = Obj({{"type", Str("cedar")}});
    if (GetString(*authz, "type") == "configMap") {
      a = CedarAuthz(r.authz_options);
    } else if (const Value* inline_ = GetObject(*authz, "inline")) {
      if (const Value* p = inline_->Find("policies")) a.Set("policies", *p);
      a.Set("entitiesJson", Str(GetString(*inline_, "entitiesJson")));
    }
    for (const char* key : {"groupClaimName", "roleClaimName", "groupEntityType"})
      if (!GetString(*authz, key).empty()) a.Set(key, Str(GetString(*authz, key)));
    out.Set("authz", std::move(a));
  } else if (GetObject(in, "authzConfigRef")) {
    out.Set("authz", CedarAuthz(r.authz_options));
  }
  if (Value* a = out.Find("authz"))
    if (std::string p = VmcpPrimaryUpstreamProvider(vmcp, diags); !p.empty())
      a->Set("primaryUpstreamProvider", Str(p));
  return out;
}

// convertCRDToolOverride (cv:907-922): MCPToolConfig toolsOverride -> config.ToolOverride.
Value ToolOverride(const Value& src) {
  Value o = Obj(
      {{"name", Str(GetString(src, "name"))}, {"description", Str(GetString(src, "description"))}});
  if (const Value* a = GetObject(src, "annotations")) o.Set("annotations", *a);
  return o;
}

// convertAggregation (cv:744-931): field by field; toolConfigRef itself is not carried over.
Value Aggregation(const Value& config, const VmcpResolved& r) {
  const Value* src = GetObject(config, "aggregation");
  Value agg = Value::Mapping();
  std::string strategy = src ? GetString(*src, "conflictResolution") : "";
  if (strategy.empty()) strategy = "prefix";
  agg.Set("conflictResolution", Str(strategy));
  const Value* crc = src ? GetObject(*src, "conflictResolutionConfig") : nullptr;
  if (crc) {
    Value c = Value::Mapping();
    if (const Value* v = crc->Find("prefixFormat")) c.Set("prefixFormat", *v);
    if (const Value* v = crc->Find("priorityOrder")) c.Set("priorityOrder", *v);
    agg.Set("conflictResolutionConfig", std::move(c));
  } else if (strategy == "prefix") {
    agg.Set("conflictResolutionConfig", Obj({{"prefixFormat", Str("{workload}_")}}));
  } else {
    agg.Set("conflictResolutionConfig", Value::Mapping());
  }
  if (!src) return agg;
  for (const char* key : {"excludeAllTools", "defaultToolVisibility"})
    if (const Value* v = src->Find(key)) agg.Set(key, *v);
  const Value* tools = src->Find("tools");
  if (!tools || !tools->IsSequence() || tools->items.empty()) return agg;
  Value out = Value::Sequence();
  for (const Value& tool : tools->items) {
    Value wtc = Obj({{"workload", Str(GetString(tool, "workload"))}});
    if (const Value* f = tool.Find("filter")) wtc.Set("filter", *f);
    if (const Value* e = tool.Find("excludeAll")) wtc.Set("excludeAll", *e);
    Value overrides = Value::Mapping();
    for (const Member& m : MappingAt(tool, "overrides").members)
      if (!m.value.IsNull()) overrides.Set(m.key, m.value);
    const std::string ref = GetString(MappingAt(tool, "toolConfigRef"), "name");
    if (auto it = r.tool_configs.find(ref); !ref.empty() && it != r.tool_configs.end()) {
      const Value& tc = SpecOf(*it->second);  // mergeToolConfigFilter / Overrides (cv:877-904)
      const Value* filter = wtc.Find("filter");
      const Value* tc_filter = tc.Find("toolsFilter");
      if ((!filter || filter->IsEmpty()) && tc_filter && !tc_filter->IsEmpty())
        wtc.Set("filter", *tc_filter);
      for (const Member& m : MappingAt(tc, "toolsOverride").members)
        if (!overrides.Find(m.key)) overrides.Set(m.key, ToolOverride(m.value));
    }
    if (!overrides.members.empty()) wtc.Set("overrides", std::move(overrides));
    out.Append(std::move(wtc));
  }
  agg.Set("tools", std::move(out));
  return agg;
}

// mergo.Merge(operational, DefaultOperationalConfig()) (pkg/vmcp/config/defaults.go:52-90):
// every zero field takes the default, recursively through pointers.
void MergeDefaults(Value* dst, const Value& defaults) {
  for (const Member& m : defaults.members) {
    Value* have = dst->Find(m.key);
    if (!have || have->IsNull()) {
      dst->Set(m.key, m.value);
    } else if (m.value.IsMapping() && have->IsMapping()) {
      MergeDefaults(have, m.value);
    } else if ((have->IsString() &&
                (have->text.empty() || have->text == "0s" || have->text == "0")) ||
               (have->IsNumber() && std::stod(have->text) == 0)) {
      *have = m.value;
    }
  }
}

Value OperationalDefaults() {
  return Obj(
      {{"timeouts", Obj({{"default", Str("30s")}})},
       {"failureHandling",
        Obj({{"healthCheckInterval", Str("30s")},
             {"unhealthyThreshold", Int(3)},
             {"statusReportingInterval", Str("30s")},
             {"partialFailureMode", Str("fail")},
             {"circuitBreaker", Obj({{"failureThreshold", Int(5)}, {"timeout", Str("60s")}})}})}});
}

}  // namespace

// spec.config.rateLimiting is copied into config.yaml (cv:106); its refillPeriods are
// metav1.Durations, read with time.ParseDuration when the operator decodes the
// VirtualMCPServer: one it cannot parse means it cannot read the object at all.
void CheckRefillPeriods(const Object& vmcp, Diagnostics* diags) {
  const Value& rl = MappingAt(MappingAt(SpecOf(vmcp), "config"), "rateLimiting");
  std::vector<std::string> buckets;
  for (const char* b : {"shared", "perUser"})
    if (GetObject(rl, b)) buckets.push_back(b);
  const Value* tools = rl.Find("tools");
  for (size_t i = 0; tools && tools->IsSequence() && i < tools->items.size(); ++i)
    for (const char* b : {"shared", "perUser"})
      if (GetObject(tools->items[i], b)) buckets.push_back("tools[" + std::to_string(i) + "]." + b);
  for (const std::string& bucket : buckets) {
    const std::string path = "spec.config.rateLimiting." + bucket + ".refillPeriod";
    const Value* period = ValueAtPath(vmcp.doc, path);
    int64_t nanos = 0;
    if (!period || !period->IsString() || ParseGoDuration(period->text, &nanos)) continue;
    diags->Error(vmcp.origin.file, MarkOfPath(vmcp.doc, path), path,
                 "time: invalid duration " + GoQuote(period->text) + "; " + kOperator +
                     " cannot decode the VirtualMCPServer (a metav1.Duration) and creates "
                     "nothing for it");
  }
}

const Value& MappingAt(const Value& parent, const char* key) {
  const Value* v = GetObject(parent, key);
  return v ? *v : Empty();
}

Value BuildVmcpConfig(const Object& vmcp, const VmcpResolved& r, const RenderOptions& options,
                      Diagnostics* diags) {
  const Value& spec = SpecOf(vmcp);
  const Value& src = MappingAt(spec, "config");
  Value config = src;  // DeepCopy: fields with no special handling pass through (cv:106)
  if (!config.IsMapping()) config = Value::Mapping();
  if (const Value* h = spec.Find("passthroughHeaders"); h && !h->IsEmpty())
    config.Set("passthroughHeaders", *h);
  config.Set("name", Str(vmcp.meta.name));
  config.Set("groupRef", Str(GetString(MappingAt(spec, "groupRef"), "name")));
  if (const Value* in = GetObject(spec, "incomingAuth"))
    config.Set("incomingAuth", IncomingAuth(vmcp, *in, r, diags));
  config.Set("outgoingAuth", r.outgoing_auth);  // cv:130-135, vv:476-482
  config.Set("aggregation", Aggregation(src, r));
  // convertAllCompositeTools (cv:942-1003): inline ones, then each reference's spec.
  Value tools = src.Find("compositeTools") && src.Find("compositeTools")->IsSequence()
                    ? *src.Find("compositeTools")
                    : Value::Sequence();
  for (const Object* def : r.composite_tools) tools.Append(SpecOf(*def));
  std::set<std::string> names;
  for (const Value& tool : tools.items) {
    if (names.insert(GetString(tool, "name")).second) continue;
    diags->Error(vmcp.origin.file, MarkOfPath(vmcp.doc, "spec.config.compositeToolRefs"),
                 "spec.config.compositeToolRefs",
                 "failed to convert composite tools: invalid composite tools: duplicate composite "
                 "tool name: \"" +
                     GetString(tool, "name") + "\"" + kVmcpRefuses);
  }
  if (!tools.items.empty()) config.Set("compositeTools", std::move(tools));
  // normalizeTelemetry (cv:507-517): only the MCPTelemetryConfig, never spec.config.telemetry.
  config.Erase("telemetry");
  if (r.telemetry_config) {
    const std::string service = GetString(MappingAt(spec, "telemetryConfigRef"), "serviceName");
    config.Set("telemetry",
               TelemetryConfig(*r.telemetry_config, service.empty() ? vmcp.meta.name : service));
  }
  // cv:159-165: audit only when enabled, its component defaulting to the name.
  const Value& audit = MappingAt(src, "audit");
  config.Erase("audit");
  if (GetBool(audit, "enabled")) {
    Value a = audit;
    if (GetString(a, "component").empty()) a.Set("component", Str(vmcp.meta.name));
    config.Set("audit", std::move(a));
  }
  // convertSessionStorage (cv:523-541).
  config.Erase("sessionStorage");
  const Value& storage = MappingAt(spec, "sessionStorage");
  if (GetString(storage, "provider") == "redis") {
    Value s = Obj({{"provider", Str("redis")}});
    for (const char* key : {"address", "db", "keyPrefix"})
      if (const Value* v = storage.Find(key)) s.Set(key, *v);
    config.Set("sessionStorage", std::move(s));
  } else if (options.default_redis_addr && !options.default_redis_addr->empty()) {
    config.Set("sessionStorage",
               Obj({{"provider", Str("redis")}, {"address", Str(*options.default_redis_addr)}}));
  }
  // EnsureOperationalDefaults (defaults.go:77-90).
  Value* operational = config.Find("operational");
  if (!operational || operational->IsNull()) {
    config.Set("operational", OperationalDefaults());
  } else {
    MergeDefaults(operational, OperationalDefaults());
  }
  // Static mode (processOutgoingAuth, vv:476-509): the backends are listed, and there must be one.
  if (!r.static_backends.IsNull()) {
    if (r.static_backends.items.empty())
      diags->Error(vmcp.origin.file, MarkOfPath(vmcp.doc, "spec.outgoingAuth.source"),
                   "spec.outgoingAuth.source",
                   "static mode requires at least one backend with valid transport ([sse "
                   "streamable-http]), but none were discovered in group " +
                       GetString(MappingAt(spec, "groupRef"), "name") + "; " + kOperator +
                       " creates no Deployment");
    config.Set("backends", r.static_backends);
  }
  // VirtualMCPServer.Validate adds an empty optimizer for an embeddingServerRef
  // (virtualmcpserver_types.go:627); vv:190-216 writes the EmbeddingServer's URL into it.
  if (Has(spec, "embeddingServerRef")) {
    Value* opt = config.Find("optimizer");
    if (!opt || opt->IsNull()) opt = &config.Set("optimizer", Value::Mapping());
    if (!r.embedding_url.empty()) opt->Set("embeddingService", Str(r.embedding_url));
  }
  return config;
}

std::string VmcpConfigYaml(const Value& config) {
  std::string error;
  return GoTableTypes().MarshalYamlText("Config", config, &error);
}

}  // namespace t0_44_0
}  // namespace thv
