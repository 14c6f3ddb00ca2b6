// A VirtualMCPServer's outgoing auth as the v0.44.0 operator makes it, one test per fact; file:line
// at tag v0.44.0 (cv = pkg/vmcpconfig/converter.go, vc =
// controllers/virtualmcpserver_controller.go, vd = ..._deployment.go, vv = ..._vmcpconfig.go).
#include "targets/v0.44.0/vmcp_outgoing_auth.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/json_text.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "render/render_all.h"
#include "targets/v0.44.0/testing.h"

namespace thv {
namespace t0_44_0 {

namespace {

// One MCPExternalAuthConfig of each type (its Secrets by reference).
const char kConfigs[] =
    R"({apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: te, namespace: ns},
 spec: {type: tokenExchange, tokenExchange: {tokenUrl: 'https://sts/token', audience: api,
        clientSecretRef: {name: s, key: te}, subjectTokenType: jwt, scopes: [a]}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: hi, namespace: ns},
 spec: {type: headerInjection, headerInjection: {headerName: X-Key, valueSecretRef: {name: s, key: hi}}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: x.a, namespace: ns},
 spec: {type: xaa, xaa: {idpTokenUrl: 'https://idp/token', idpClientSecretRef: {name: s, key: idp},
        targetTokenUrl: 'https://target/token', targetClientSecretRef: {name: s, key: target},
        targetAudience: aud}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: sts, namespace: ns},
 spec: {type: awsSts, awsSts: {region: eu-west-1,
        roleMappings: [{claim: c, roleArn: 'arn:aws:iam::123456789012:role/r', priority: 2}]}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: up, namespace: ns},
 spec: {type: upstreamInject, upstreamInject: {providerName: github}}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: open, namespace: ns},
 spec: {type: unauthenticated}}
---
{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPExternalAuthConfig, metadata: {name: bearer, namespace: ns},
 spec: {type: bearerToken, bearerToken: {tokenSecretRef: {name: s, key: b}}}}
---
)";

// An MCPServerEntry of the group named name, with its externalAuthConfigRef.
std::string Entry(const std::string& name, const std::string& auth) {
  return "{apiVersion: toolhive.stacklok.dev/v1beta1, kind: MCPServerEntry, metadata: {name: " +
         name + ", namespace: ns}, spec: {remoteUrl: 'https://" + name +
         ".example.com/mcp', transport: sse, groupRef: {name: g}, externalAuthConfigRef: {name: " +
         auth + "}}}\n---\n";
}

// VirtualServerDoc(spec, others) rendered, the objects named in context only consulted (as
// --context reads them: no checks of their own).
RenderRun Run(const std::string& spec, const std::string& others,
              const std::set<std::string>& context = {}) {
  Diagnostics diags;
  std::vector<Object> objects = ObjectsAt044(VirtualServerDoc(spec, others), &diags);
  for (Object& o : objects) o.context_only = context.count(o.meta.name) > 0;
  RenderRun r;
  if (!diags.HasErrors()) r.out = RenderAll(objects, RenderAllOptions{}, &diags);
  for (const Diagnostic& d : diags.items())
    (d.severity == Severity::kError ? r.errors : r.warnings).push_back(d.path + ": " + d.message);
  return r;
}

std::string ConfigYaml(const RenderRun& r) {
  const Value* cm = r.Find("ConfigMap", "v-vmcp-config");
  REQUIRE(cm);
  return GetString(*GetObject(*cm, "data"), "config.yaml");
}

// The env var names between VMCP_NAMESPACE and VMCP_SESSION_HMAC_SECRET.
std::vector<std::string> AuthEnv(const RenderRun& r) {
  std::vector<std::string> names =
      Names(At(r.Find("Deployment", "v"), "spec.template.spec.containers[0].env"));
  auto first = std::find(names.begin(), names.end(), "VMCP_NAMESPACE=ns");
  auto last = std::find(names.begin(), names.end(), "VMCP_SESSION_HMAC_SECRET");
  REQUIRE(first != names.end());
  REQUIRE(last != names.end());
  return std::vector<std::string>(first + 1, last);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The strategy of the config named, as the converter (or the controller) makes it.
std::string Strategy(const std::string& name, bool controller = false) {
  Diagnostics diags;
  const std::vector<Object> objects = ObjectsAt044(kConfigs, &diags);
  for (const Object& o : objects) {
    if (o.meta.name != name) continue;
    std::string error;
    const Value s = ExternalAuthStrategy(o, controller, &error);
    return s.IsNull() ? "error: " + error : GoJsonCompact(s);
  }
  return "<none>";
}

}  // namespace

TEST_CASE("vMCP outgoing auth: every strategy converter (pkg/vmcp/auth/converters, cv:710-741)") {
  CHECK(Strategy("te") ==
        R"({"type":"token_exchange","tokenExchange":{"tokenUrl":"https://sts/token",)"
        R"("audience":"api","scopes":["a"],"subjectTokenType":"urn:ietf:params:oauth:token-type:)"
        R"(jwt","clientSecretEnv":"TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE"}})");
  CHECK(Strategy("hi") == R"({"type":"header_injection","headerInjection":{"headerName":"X-Key",)"
                          R"("headerValueEnv":"TOOLHIVE_HEADER_INJECTION_VALUE_HI"}})");
  // The CRD's defaults (service, roleClaim, sessionDuration, sessionNameClaim) come along.
  CHECK(Strategy("sts") ==
        R"({"type":"aws_sts","awsSts":{"region":"eu-west-1","service":"aws-mcp","roleMappings":)"
        R"([{"roleArn":"arn:aws:iam::123456789012:role/r","claim":"c","priority":2}],)"
        R"("roleClaim":"groups","sessionDuration":3600,"sessionNameClaim":"sub"}})");
  CHECK(Strategy("up") ==
        R"({"type":"upstream_inject","upstreamInject":{"providerName":"github"}})");
  CHECK(Strategy("open") == R"({"type":"unauthenticated"})");
  // Only the controller names XAA's Secrets (vc:2314-2321); '.' becomes '_'.
  CHECK(Strategy("x.a") ==
        R"({"type":"xaa","xaa":{"idpTokenUrl":"https://idp/token","targetTokenUrl":)"
        R"("https://target/token","targetAudience":"aud"}})");
  CHECK(Contains(Strategy("x.a", true),
                 R"("idpClientSecretEnv":"TOOLHIVE_XAA_IDP_CLIENT_SECRET_X_A",)"
                 R"("targetClientSecretEnv":"TOOLHIVE_XAA_TARGET_CLIENT_SECRET_X_A")"));
  // No converter is registered for bearerToken and embeddedAuthServer (interface.go:63-75).
  CHECK(Strategy("bearer") == "error: unsupported auth type: bearerToken");
}

TEST_CASE("vMCP outgoing auth: the embedded auth server's first upstream as subject provider") {
  Value as = Value::Mapping();
  std::string error;
  Value te =
      Obj({{"type", Str("token_exchange")}, {"tokenExchange", Obj({{"tokenUrl", Str("u")}})}});
  // No authServerConfig: unchanged.
  CHECK(InjectSubjectProvider(Value::Null(), &te, &error));
  CHECK(GoJsonCompact(te) == R"({"type":"token_exchange","tokenExchange":{"tokenUrl":"u"}})");
  // An unnamed first upstream is "default" (authserver.ResolveFirstUpstreamName).
  as.Set("upstreamProviders", List({Obj({{"type", Str("oidc")}})}));
  CHECK(InjectSubjectProvider(as, &te, &error));
  CHECK(
      GoJsonCompact(te) ==
      R"({"type":"token_exchange","tokenExchange":{"tokenUrl":"u","subjectProviderName":"default"}})");
  // A set name stays; xaa with two upstreams must name one (defaults.go:55-61).
  as.Set("upstreamProviders", List({Obj({{"name", Str("okta")}}), Obj({{"name", Str("gh")}})}));
  Value sts = Obj({{"type", Str("aws_sts")}, {"awsSts", Obj({{"region", Str("r")}})}});
  CHECK(InjectSubjectProvider(as, &sts, &error));
  CHECK(GetString(*sts.Find("awsSts"), "subjectProviderName") == "okta");
  Value xaa = Obj({{"type", Str("xaa")}, {"xaa", Obj({{"idpTokenUrl", Str("u")}})}});
  CHECK_FALSE(InjectSubjectProvider(as, &xaa, &error));
  CHECK(error ==
        "SubjectProviderName must be set explicitly for xaa when more than one upstream is "
        "configured");
}

TEST_CASE("vMCP outgoing auth: the spec's references, their Secrets after VMCP_NAMESPACE") {
  const RenderRun r = Run(R"(  outgoingAuth:
    source: discovered
    default: {type: externalAuthConfigRef, externalAuthConfigRef: {name: te}}
    backends:
      z: {type: externalAuthConfigRef, externalAuthConfigRef: {name: x.a}}
      a: {type: externalAuthConfigRef, externalAuthConfigRef: {name: hi}}
      b: {type: externalAuthConfigRef, externalAuthConfigRef: {name: hi}}
      c: {type: discovered, externalAuthConfigRef: {name: te}}
)",
                          kConfigs);
  REQUIRE(r.errors.empty());
  // The converter's strategies: discovered is unauthenticated, XAA without env names.
  CHECK(Contains(ConfigYaml(r), R"(        c:
            type: unauthenticated
        z:
            type: xaa
            xaa:
                idpTokenUrl: https://idp/token
                targetTokenUrl: https://target/token
                targetAudience: aud
)"));
  // Backends' configs once each sorted by env name (whatever their type), then the default's
  // even when a backend named it too (vd:496-533, 750-800).
  CHECK(AuthEnv(r) == std::vector<std::string>{"TOOLHIVE_HEADER_INJECTION_VALUE_HI",
                                               "TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE",
                                               "TOOLHIVE_XAA_IDP_CLIENT_SECRET_X_A",
                                               "TOOLHIVE_XAA_TARGET_CLIENT_SECRET_X_A",
                                               "TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE"});
}

TEST_CASE("vMCP outgoing auth: discovered mode mounts the workloads' Secrets (vd:683-747)") {
  const std::string group = Entry("one", "te") + Entry("two", "te") + Entry("three", "x.a");
  const RenderRun r = Run("  outgoingAuth: {source: discovered}\n", kConfigs + group);
  REQUIRE(r.errors.empty());
  CHECK(AuthEnv(r) == std::vector<std::string>{"TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE",
                                               "TOOLHIVE_XAA_IDP_CLIENT_SECRET_X_A",
                                               "TOOLHIVE_XAA_TARGET_CLIENT_SECRET_X_A"});
  // config.yaml stays the converter's: vMCP discovers at run time.
  CHECK(Contains(ConfigYaml(r), "outgoingAuth:\n    source: discovered\naggregation:"));
  // Without spec.outgoingAuth nothing is mounted (vd:503-505).
  CHECK(AuthEnv(Run("", kConfigs + group)).empty());
  // A workload's config the controller cannot convert only sets a condition.
  const RenderRun bearer = Run("", kConfigs + Entry("b", "bearer"));
  REQUIRE(bearer.errors.empty());
  CHECK(bearer.HasWarning(
      "spec.groupRef.name: MCPServerEntry b in the group: failed to convert MCPExternalAuthConfig "
      "bearer: unsupported auth type: bearerToken (the operator (v0.44.0) sets "
      "DiscoveredAuthConfig-b=False)"));
}

TEST_CASE("vMCP outgoing auth: static mode writes the controller's config (vv:476-482)") {
  const std::string group = Entry("one", "te") + Entry("three", "x.a") + Entry("two", "hi") +
                            Entry("four", "sts") +
                            "{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: ns}, "
                            "stringData: {te: x, idp: x, target: x}}\n---\n";
  const RenderRun r = Run(R"(  outgoingAuth:
    source: inline
    default: {type: discovered}
    backends:
      two: {type: discovered}
      one: {type: externalAuthConfigRef, externalAuthConfigRef: {name: open}}
)",
                          kConfigs + group);
  REQUIRE(r.errors.empty());
  const std::string config = ConfigYaml(r);
  // discovered stays discovered; the spec's backends win over the workloads' own; XAA's Secrets
  // are named; no env var is mounted for them (vd:507-510 only in discovered mode).
  CHECK(Contains(config, R"(outgoingAuth:
    source: inline
    default:
        type: discovered
    backends:
        four:
            type: aws_sts
)"));
  CHECK(Contains(config, R"(        one:
            type: unauthenticated
        three:
            type: xaa
            xaa:
                idpTokenUrl: https://idp/token
                idpClientSecretEnv: TOOLHIVE_XAA_IDP_CLIENT_SECRET_X_A
                targetTokenUrl: https://target/token
                targetClientSecretEnv: TOOLHIVE_XAA_TARGET_CLIENT_SECRET_X_A
                targetAudience: aud
        two:
            type: discovered
)"));
  CHECK(AuthEnv(r) == std::vector<std::string>{});
  // The entry whose Secret lacks its key is not served (k8s.go:320-362).
  CHECK_FALSE(Contains(config, "- name: two\n"));
  CHECK(Contains(config, "- name: three\n"));
  CHECK(
      r.HasWarning("MCPServerEntry two in the group: its MCPExternalAuthConfig's Secret ns/s "
                   "has no key \"hi\": static mode does not serve the backend"));
}

TEST_CASE("vMCP outgoing auth: a config marked Valid=False is mirrored, only a condition") {
  const char kInvalid[] = R"(apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata: {name: bad, namespace: ns}
spec: {type: awsSts, awsSts: {region: us-east-1}}
---
)";
  const std::string spec = R"(  outgoingAuth:
    source: %s
    default: {type: externalAuthConfigRef, externalAuthConfigRef: {name: bad}}
    backends:
      e: {type: externalAuthConfigRef, externalAuthConfigRef: {name: bad}}
)";
  const std::string others = kInvalid + Entry("e", "open") + Entry("f", "open") + kConfigs;
  auto with = [&](const std::string& source) {
    std::string s = spec;
    return Run(s.replace(s.find("%s"), 2, source), others, {"bad"});
  };
  // Discovered mode: the converter reads the spec only; config.yaml has the strategies.
  const RenderRun discovered = with("discovered");
  REQUIRE(discovered.errors.empty());
  CHECK(Contains(ConfigYaml(discovered), "    default:\n        type: aws_sts\n"));
  CHECK(discovered.HasWarning(
      "spec.outgoingAuth.default.externalAuthConfigRef.name: failed to convert default auth "
      "config: MCPExternalAuthConfig ns/bad is not valid: awsSts: at least one of "
      "fallbackRoleArn or roleMappings must be configured (the operator (v0.44.0) sets "
      "DefaultAuthConfig=False)"));
  // Static mode: no default, and backend e is not served (backendsWithFailedAuth, vv:376-393).
  const RenderRun inline_ = with("inline");
  REQUIRE(inline_.errors.empty());
  const std::string config = ConfigYaml(inline_);
  CHECK(Contains(config, "outgoingAuth:\n    source: inline\n    backends:\n        f:\n"));
  CHECK_FALSE(Contains(config, "- name: e\n"));
  CHECK(Contains(config, "- name: f\n"));
  CHECK(inline_.HasWarning("BackendAuthConfig-e=False; static mode does not serve backend e)"));
}

TEST_CASE("vMCP outgoing auth: what the operator refuses creates nothing") {
  // A missing reference, a type without converter, upstream_inject without an auth server.
  CHECK(Run("  outgoingAuth:\n    default: {type: externalAuthConfigRef, externalAuthConfigRef: "
            "{name: nope}}\n",
            kConfigs)
            .HasError("spec.outgoingAuth.default.externalAuthConfigRef.name: "
                      "MCPExternalAuthConfig ns/nope not found among the inputs"));
  CHECK(Run("  outgoingAuth:\n    backends:\n      b: {type: externalAuthConfigRef, "
            "externalAuthConfigRef: {name: bearer}}\n",
            kConfigs)
            .HasError("failed to convert backend auth for b: unsupported auth type: bearerToken"));
  CHECK(Run("  outgoingAuth:\n    backends:\n      b: {type: externalAuthConfigRef, "
            "externalAuthConfigRef: {name: \"\"}}\n",
            kConfigs)
            .HasError("spec.outgoingAuth.backends[b].externalAuthConfigRef.name is required"));
  // In discovered mode a workload's upstream_inject is the vMCP's business, not config.yaml's.
  CHECK(Run("", kConfigs + Entry("u", "up")).errors.empty());
  CHECK(Run("  outgoingAuth: {source: inline}\n", kConfigs + Entry("u", "up"))
            .HasError("spec.groupRef.name: invalid auth server integration: upstream_inject "
                      "requires an embedded auth server"));
}

}  // namespace t0_44_0
}  // namespace thv
