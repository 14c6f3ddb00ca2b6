#!/usr/bin/env bash
# The kustomize transformer with the real kubectl kustomize: after namePrefix, nameSuffix and
# namespace together, every name thv-render's objects hold inside strings (pod patch, RunConfig,
# the embedded auth server's configuration, proxy arguments, registry name) matches the renamed
# objects and the checksums match the content, for several servers and registries at both
# releases (tests/kustomize_names_check.py); without the transformer the same check fails; what
# it cannot make consistent fails the build; the KRM function gives the same objects.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v kubectl >/dev/null || fail "kubectl is required"
export XDG_CONFIG_HOME="$work/config"
THV_RENDER="$bin" bash "$root/plugins/kustomize/install" >/dev/null
plugin="$XDG_CONFIG_HOME/kustomize/plugin/thv-render.stacklok.dev/v1/nametransformer/NameTransformer"
[ -x "$plugin" ] || fail "transformer not installed"
check() { python3 "$root/tests/kustomize_names_check.py" "$@"; }
build() {  # VERSION DIR OUT
  THV_RENDER_OPERATOR_VERSION=$1 kubectl kustomize --enable-alpha-plugins "$2" >"$3" 2>"$work/err" ||
    fail "kustomize build $2: $(cat "$work/err")"
}

for version in v0.44.0 7002a239b; do
  cp -r "$root/testdata/kustomize/names-$version" "$work/$version"
  build $version "$work/$version" "$work/$version.yaml"
  check "$work/$version.yaml" ServiceAccount/toolhive-registry-api >"$work/check" || fail "$version: $(cat "$work/check")"
  servers=$(grep -c '^checked' "$work/check")
  cp "$work/check" "$work/check.$version"
  node "$root/tests/k8s_validate/validate.mjs" "$work/$version.yaml" >/dev/null || fail "$version: invalid objects"
  grep -q 'namespace: default' "$work/$version.yaml" && fail "$version: an object kept the namespace default"
  # Without the transformer the names inside strings are stale.
  cp -r "$work/$version" "$work/$version-plain"
  sed -i '/^transformers:/,/^- names.yaml/d' "$work/$version-plain/kustomization.yaml"
  build $version "$work/$version-plain" "$work/$version-plain.yaml"
  check "$work/$version-plain.yaml" ServiceAccount/toolhive-registry-api >"$work/check" && fail "$version: the check passes without the transformer"
  grep -q 'PROBLEM: .*pod patch: names ServiceAccount mcp-e2e/alpha-sa' "$work/check" ||
    fail "$version: stale pod patch not seen: $(cat "$work/check")"
  if [ $version = v0.44.0 ]; then
    grep -q 'PROBLEM: .*team-delta-v1: auth server Redis key_prefix thv:auth:{default:delta}:' "$work/check" &&
      grep -q 'PROBLEM: .*team-delta-v1 auth server sentinel_addrs: names Service default/redis-sentinel' "$work/check" ||
      fail "$version: stale auth server names not seen: $(cat "$work/check")"
    grep -q '^checked registry Deployment team-catalog-api-v1' "$work/check" || fail "$version: registry not checked"
    grep -q 'PROBLEM: .*team-github-proxy-v1: RunConfig name is github-proxy' "$work/check" &&
      grep -q 'PROBLEM: .*team-github-proxy-v1: RunConfig ResourceURL http://github-proxy.default.svc' "$work/check" ||
      fail "$version: stale MCPRemoteProxy RunConfig not seen: $(cat "$work/check")"
  fi
  echo "ok: $version, $servers servers and registries under namePrefix, nameSuffix and namespace: names inside strings and checksums consistent (stale without the transformer)"
done
for want in '"serviceAccountName":"team-custom-v1"' '"secretKeyRef":{"name":"team-api-keys-v1"' \
  '"ResourceURL": "http://team-alpha-v1.mcp-e2e.svc.cluster.local:8080"'; do
  grep -qF -- "$want" "$work/v0.44.0.yaml" || fail "v0.44.0 lacks $want"
done
for want in '"key_prefix": "thv:auth:{mcp-e2e:team-delta-v1}:"' \
  '"redirect_uri": "http://team-delta-v1.mcp-e2e.svc.cluster.local:8080/oauth/callback"' \
  '"Audience": "http://team-delta-v1.mcp-e2e.svc.cluster.local:8080"' \
  '"team-redis-sentinel-v1.mcp-e2e.svc.cluster.local:26379"' \
  '"ResourceURL": "http://team-github-proxy-v1.mcp-e2e.svc.cluster.local:8080"' \
  '"base_name": "team-github-proxy-v1"' '"serviceName": "team-github-proxy-v1"' 'serviceAccountName: team-github-proxy-remote-proxy-runner-v1' \
  'serviceName: team-embedding-with-cache-v1' \
  'serviceAccountName: team-catalog-registry-api-v1' 'name: team-catalog-registry-server-config-v1'; do
  grep -qF -- "$want" "$work/v0.44.0.yaml" || fail "v0.44.0 lacks $want"
done
for want in -- '--registry-name=team-minimal-registry-v1' '--oidc-client-id=default.mcp-e2e.svc.cluster.local' \
  '--resource-url=http://team-mcp-alpha-proxy-v1.mcp-e2e.svc.cluster.local:8080' '--name=team-beta-v1'; do
  [ "$want" = -- ] && continue
  grep -qF -- "$want" "$work/7002a239b.yaml" || fail "7002a239b lacks $want"
done
grep -q '^checked Deployment mcp-e2e/team-github-proxy-v1' "$work/check.v0.44.0" &&
  grep -q '^checked StatefulSet mcp-e2e/team-embedding-with-cache-v1 (Service team-embedding-with-cache-v1)' "$work/check.v0.44.0" ||
  fail "MCPRemoteProxy or EmbeddingServer not checked: $(cat "$work/check.v0.44.0")"
echo "ok: a user's service account, a generated Secret, resource URLs, the OIDC client ID, the registry name, the embedded auth server's audiences, redirect URI, Redis key prefix and Sentinel Service, an MCPRemoteProxy's RunConfig and an EmbeddingServer's serviceName follow"

# What it cannot make consistent fails the build, naming it: a Secret kustomize hashes after the
# transformers, a RunConfig a patch changed (its checksum no longer the operator's).
sed -i '/disableNameSuffixHash/d' "$work/v0.44.0/kustomization.yaml"
if THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/v0.44.0" >/dev/null 2>"$work/err"; then
  fail "a hashed Secret named in the pod patch did not fail the build"
fi
grep -q 'names Secret api-keys, which kustomize gives a content-hash suffix' "$work/err" || fail "hash: $(cat "$work/err")"
cat >>"$work/7002a239b/kustomization.yaml" <<'YAML'
patches:
- target: {kind: ConfigMap, name: beta-runconfig}
  patch: |-
    - {op: add, path: /data/extra, value: "x"}
YAML
if THV_RENDER_OPERATOR_VERSION=7002a239b kubectl kustomize --enable-alpha-plugins "$work/7002a239b" >/dev/null 2>"$work/err"; then
  fail "a patched RunConfig did not fail the build"
fi
grep -q 'ConfigMap team-beta-runconfig-v1: not the checksum of its data' "$work/err" || fail "checksum: $(cat "$work/err")"
cp -r "$root/testdata/kustomize/names-v0.44.0" "$work/patched-registry"
cat >>"$work/patched-registry/kustomization.yaml" <<'YAML'
patches:
- target: {kind: ConfigMap, name: catalog-registry-server-config}
  patch: |-
    - {op: replace, path: /data/config.yaml, value: "sources: []\n"}
YAML
if THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/patched-registry" >/dev/null 2>"$work/err"; then
  fail "a patched registry config.yaml did not fail the build"
fi
grep -q 'ConfigMap team-catalog-registry-server-config-v1: not the checksum of its data' "$work/err" ||
  fail "registry checksum: $(cat "$work/err")"
echo "ok: a hashed generated Secret, a patched RunConfig and a patched registry config fail the build, named"

# The KRM function (thv-render krm with functionConfig NameTransformer) on the objects the exec
# plugin saw gives the objects the exec plugin gave.
cp "$plugin" "$work/plugin.orig"
printf '#!/bin/sh\ntee "%s/seen.yaml" | "%s/plugin.orig" "$@" | tee "%s/gave.yaml"\n' "$work" "$work" "$work" >"$plugin"
cp -r "$root/testdata/kustomize/names-v0.44.0" "$work/krm"
build v0.44.0 "$work/krm" /dev/null
python3 - "$work/seen.yaml" "$root/plugins/kustomize/example/names.yaml" >"$work/list.yaml" <<'PY'
import sys, yaml
items = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
config = yaml.safe_load(open(sys.argv[2]))
yaml.safe_dump({"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList", "items": items,
                "functionConfig": config}, sys.stdout, sort_keys=False)
PY
THV_RENDER_OPERATOR_VERSION=v0.44.0 "$bin" krm <"$work/list.yaml" >"$work/krm.yaml" || fail "krm: $(cat "$work/krm.yaml")"
python3 - "$work/krm.yaml" "$work/gave.yaml" <<'PY' || fail "the KRM function and the exec plugin disagree"
import sys, yaml
krm = yaml.safe_load(open(sys.argv[1]))["items"]
gave = [d for d in yaml.safe_load_all(open(sys.argv[2])) if d]
assert krm == gave, "differ"
PY
grep -q 'team-alpha-sa-v1' "$work/krm.yaml" || fail "the KRM function did not transform"
echo "ok: the KRM function transforms as the exec plugin does"

# A VirtualMCPServer (static mode, its group's workloads, OIDC, telemetry, audit, optimizer,
# aggregation and outgoing auth references) rendered, then built by kubectl kustomize: its
# config.yaml and env are what thv-render gives for the inputs renamed as kustomize renames them
# (the Services' URLs naming the Services in the build), its checksums the content's; without the
# transformer they are not.
cp -r "$root/testdata/kustomize/names-vmcp-v0.44.0" "$work/vmcp"
(cd "$work/vmcp" && "$bin" render --context . tools.yaml >rendered.yaml 2>"$work/err") || fail "vmcp render: $(cat "$work/err")"
build v0.44.0 "$work/vmcp" "$work/vmcp.yaml"
(cd "$work/vmcp" && python3 - "$root/tests" <<'PY') >"$work/vmcp-renamed-inputs.yaml"
import sys, yaml
sys.path.insert(0, sys.argv[1])
import kustomize_names_vmcp as k
docs = [d for f in ("tools.yaml", "group.yaml", "idp.yaml", "otel.yaml") for d in k.load(f)]
yaml.safe_dump_all(k.rename_inputs(docs), sys.stdout, sort_keys=False)
PY
"$bin" render "$work/vmcp-renamed-inputs.yaml" >"$work/vmcp-renamed.yaml" 2>"$work/err" || fail "renamed vmcp render: $(cat "$work/err")"
python3 "$root/tests/kustomize_names_vmcp.py" "$work/vmcp.yaml" "$work/vmcp-renamed.yaml" >"$work/check" ||
  fail "vmcp: $(cat "$work/check")"
grep -q 'http://team-mcp-fetch-proxy-v1.mcp-e2e.svc.cluster.local:8080/sse#team-fetch-v1' "$work/vmcp.yaml" &&
  grep -q 'groupRef: team-tools-v1' "$work/vmcp.yaml" || fail "vmcp: renamed strings missing"
python3 - "$work/vmcp.yaml" <<'PY' >"$work/vmcp-objects.yaml"
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and "toolhive.stacklok.dev" not in d["apiVersion"]]
yaml.safe_dump_all(docs, sys.stdout, sort_keys=False)
PY
node "$root/tests/k8s_validate/validate.mjs" "$work/vmcp-objects.yaml" >/dev/null || fail "vmcp: invalid objects"
sed -i '/^transformers:/,/^- names.yaml/d' "$work/vmcp/kustomization.yaml"
build v0.44.0 "$work/vmcp" "$work/vmcp-plain.yaml"
python3 "$root/tests/kustomize_names_vmcp.py" "$work/vmcp-plain.yaml" "$work/vmcp-renamed.yaml" >"$work/check" &&
  fail "vmcp: the check passes without the transformer"
grep -q 'PROBLEM: config.yaml differs' "$work/check" && grep -q 'PROBLEM: plain env' "$work/check" ||
  fail "vmcp: stale names not seen: $(cat "$work/check")"
echo "ok: a VirtualMCPServer's config.yaml, env and checksums follow namePrefix, nameSuffix and namespace as the operator's for the renamed inputs"

# VirtualMCPServers with spec.authServerConfig (the authserver goldens' inputs; the Sentinel
# Service made the server's own, in the build): authserver-config.yaml follows too (derived
# audience and redirect URIs, Redis key prefix, Sentinel address), checksums over both keys. The
# CRs are resources (renamed by kustomize) except the VirtualMCPServers and the
# MCPExternalAuthConfig, whose name stays in env variable names (kept, consistent).
mkdir "$work/vmcpas"
cp "$root"/testdata/servers/v0.44.0/authserver/{50-virtual-mcp,60-virtual-mcp-minimal}.yaml "$work/vmcpas/"
cp "$root/testdata/kustomize/names-vmcp-v0.44.0/names.yaml" "$work/vmcpas/"
(cd "$work/vmcpas" && python3 - "$root/tests" <<'PY') || fail "vmcpas inputs"
import sys, yaml
sys.path.insert(0, sys.argv[1])
import kustomize_names_vmcp as k
docs = k.load("50-virtual-mcp.yaml")
for d in docs:
    if d["kind"] == "VirtualMCPServer":
        del d["spec"]["authServerConfig"]["storage"]["redis"]["sentinelConfig"]["sentinelService"]["namespace"]
sentinel = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "redis-sentinel", "namespace": "mcp"},
            "spec": {"selector": {"app": "redis-sentinel"}, "ports": [{"port": 26379}]}}
yaml.safe_dump_all(docs + [sentinel], open("50-virtual-mcp.yaml", "w"), sort_keys=False, width=1000)
docs += k.load("60-virtual-mcp-minimal.yaml")
renamed = [d for d in docs if d["kind"] not in ("VirtualMCPServer", "MCPExternalAuthConfig")]  # the Service: rendered.yaml
yaml.safe_dump_all(renamed, open("crs.yaml", "w"), sort_keys=False, width=1000)
PY
printf 'namespace: mcp-e2e\nnamePrefix: team-\nnameSuffix: -v1\nresources:\n- rendered.yaml\n- crs.yaml\ntransformers:\n- names.yaml\n' >"$work/vmcpas/kustomization.yaml"
(cd "$work/vmcpas" && "$bin" render 50-virtual-mcp.yaml 60-virtual-mcp-minimal.yaml >rendered.yaml 2>"$work/err") ||
  fail "vmcpas render: $(cat "$work/err")"
build v0.44.0 "$work/vmcpas" "$work/vmcpas.yaml"
(cd "$work/vmcpas" && python3 - "$root/tests" <<'PY') >"$work/vmcpas-renamed-inputs.yaml"
import sys, yaml
sys.path.insert(0, sys.argv[1])
import kustomize_names_vmcp as k
docs = k.load("50-virtual-mcp.yaml") + k.load("60-virtual-mcp-minimal.yaml")
kept = [d for d in docs if d["kind"] == "MCPExternalAuthConfig"]
for d in kept:
    d["metadata"]["namespace"] = k.NS
renamed = k.rename_inputs([d for d in docs if d["kind"] != "MCPExternalAuthConfig"])
yaml.safe_dump_all(renamed + kept, sys.stdout, sort_keys=False, width=1000)
PY
"$bin" render "$work/vmcpas-renamed-inputs.yaml" >"$work/vmcpas-renamed.yaml" 2>"$work/err" ||
  fail "renamed vmcpas render: $(cat "$work/err")"
python3 "$root/tests/kustomize_names_vmcp.py" "$work/vmcpas.yaml" "$work/vmcpas-renamed.yaml" >"$work/check" ||
  fail "vmcpas: $(cat "$work/check")"
[ "$(grep -c '^checked VirtualMCPServer' "$work/check")" = 2 ] || fail "vmcpas: $(cat "$work/check")"
for s in "key_prefix: 'thv:auth:{mcp-e2e:team-platform-v1}:'" team-redis-sentinel-v1.mcp-e2e.svc.cluster.local:26379 \
  "redirect_uri: http://team-team-vmcp-v1.mcp-e2e.svc.cluster.local:4483/oauth/callback"; do
  grep -qF "$s" "$work/vmcpas.yaml" || fail "vmcpas: $s missing"
done
sed -i '/^transformers:/,/^- names.yaml/d' "$work/vmcpas/kustomization.yaml"
build v0.44.0 "$work/vmcpas" "$work/vmcpas-plain.yaml"
python3 "$root/tests/kustomize_names_vmcp.py" "$work/vmcpas-plain.yaml" "$work/vmcpas-renamed.yaml" >"$work/check" &&
  fail "vmcpas: the check passes without the transformer"
grep -q 'PROBLEM: authserver-config.yaml differs' "$work/check" || fail "vmcpas: stale names not seen: $(cat "$work/check")"
echo "ok: a VirtualMCPServer's authserver-config.yaml follows namePrefix, nameSuffix and namespace as the operator's for the renamed inputs"

# Every VirtualMCPServer golden's config.yaml reads and writes back byte for byte (else the
# transformer refuses it), so under namePrefix each names its renamed Deployment, checksums kept.
for golden in "$root"/testdata/golden/v0.44.0/virtual-mcps*/*.yaml; do
  rm -rf "$work/golden" && mkdir "$work/golden"
  cp "$golden" "$work/golden/rendered.yaml"
  cp "$root/testdata/kustomize/names-vmcp-v0.44.0/names.yaml" "$work/golden/"
  printf 'namePrefix: p-\nresources:\n- rendered.yaml\ntransformers:\n- names.yaml\n' >"$work/golden/kustomization.yaml"
  build v0.44.0 "$work/golden" "$work/golden.yaml"
  python3 - "$work/golden.yaml" "$root/tests" <<'PY' || fail "$golden: $(cat "$work/check")"
import sys, yaml
sys.path.insert(0, sys.argv[2])
from kustomize_names_lib import checksum
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
cms = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
for d in docs:
    if d["kind"] != "Deployment" or d["metadata"]["labels"].get("app.kubernetes.io/name") != "virtualmcpserver":
        continue
    cm = cms[[v for v in d["spec"]["template"]["spec"]["volumes"] if v["name"] == "vmcp-config"][0]["configMap"]["name"]]
    assert yaml.safe_load(cm["data"]["config.yaml"])["name"] == d["metadata"]["name"], d["metadata"]["name"]
    assert cm["metadata"]["annotations"]["toolhive.stacklok.dev/content-checksum"] == checksum(cm)
    assert d["spec"]["template"]["metadata"]["annotations"]["toolhive.stacklok.dev/runconfig-checksum"] == checksum(cm)
PY
done
echo "ok: every VirtualMCPServer golden's config.yaml is renamed under namePrefix, checksums recomputed"
