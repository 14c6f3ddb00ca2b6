#!/usr/bin/env bash
# The kustomize exec generator plugin with the real kubectl kustomize: installed, composed with
# namespace, namePrefix, labels and patches, and failing the build on an invalid MCPServer.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
command -v kubectl >/dev/null || fail "kubectl is required"

export XDG_CONFIG_HOME="$work/config"
THV_RENDER="$bin" bash "$root/plugins/kustomize/install" >/dev/null
[ -x "$XDG_CONFIG_HOME/kustomize/plugin/toolhive.stacklok.dev/v1alpha1/mcpserver/MCPServer" ] ||
  fail "plugin not installed"

cp -r "$root/plugins/kustomize/example" "$work/app"
kubectl kustomize --enable-alpha-plugins "$work/app" >"$work/out.yaml" 2>"$work/err" ||
  fail "kustomize build: $(cat "$work/err")"
for want in "name: team-fetch" "name: team-fetch-runconfig" "name: team-mcp-fetch-proxy" \
  "namespace: mcp-servers" "team: platform" "example.com/patched: \"true\"" "serviceAccountName: team-fetch-proxy-runner" \
  '"serviceAccountName":"team-fetch-sa"' '--name=team-fetch'; do
  grep -qF -- "$want" "$work/out.yaml" || fail "kustomized output lacks '$want'"
done
grep -q "kind: MCPServer" "$work/out.yaml" && fail "the generator config leaked into the output"
grep -qF '"tools_filter": [' "$work/out.yaml" || fail "the MCPToolConfig from the kustomization dir was not used"
node "$root/tests/k8s_validate/validate.mjs" "$work/out.yaml" >/dev/null || fail "kustomized output invalid"
echo "ok: kubectl kustomize runs the generator and composes namespace, namePrefix, labels, patches; the transformer renames inside strings"

# An MCPRegistry generator whose ConfigMap source sits in the kustomization directory.
mkdir -p "$work/reg"
cp "$root/testdata/examples/mcp-registries/mcpregistry-minimal.yaml" "$work/reg/registry.yaml"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ngenerators:\n- generator.yaml\nresources:\n- data.yaml\n' >"$work/reg/kustomization.yaml"
python3 - "$work/reg" <<'PY'
import sys
d = sys.argv[1]
docs = open(d + "/registry.yaml").read().split("\n---\n")
open(d + "/data.yaml", "w").write(docs[0] + "\n")
open(d + "/generator.yaml", "w").write(docs[1] + "\n")
PY
kubectl kustomize --enable-alpha-plugins "$work/reg" >"$work/reg.yaml" 2>"$work/err" || fail "registry build: $(cat "$work/err")"
grep -q "name: minimal-registry-registry-storage" "$work/reg.yaml" || fail "no storage ConfigMap from the registry generator"
grep -q "name: minimal-registry-data" "$work/reg.yaml" || fail "the data ConfigMap resource is missing"
echo "ok: an MCPRegistry generator finds its ConfigMap source in the kustomization directory"

sed -i 's/  transport: streamable-http/  transport: tcp/' "$work/app/fetch.yaml"
if kubectl kustomize --enable-alpha-plugins "$work/app" >"$work/out2.yaml" 2>"$work/err2"; then
  fail "an invalid MCPServer did not fail the build"
fi
grep -q "spec.transport" "$work/err2" || fail "the failure does not name the field: $(cat "$work/err2")"
echo "ok: an invalid MCPServer fails kubectl kustomize with the field named"

# A v1beta1 generator reaches thv-render too, and THV_RENDER_OPERATOR_VERSION passes through the
# plugin: v0.44.0 checks it (a missing MCPToolConfig refuses it) and renders it.
mkdir -p "$work/beta"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ngenerators:\n- fetch.yaml\n' >"$work/beta/kustomization.yaml"
printf 'apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: fetch}\nspec:\n  image: ghcr.io/stackloklabs/gofetch/server\n  toolConfigRef: {name: absent}\n' >"$work/beta/fetch.yaml"
if THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/beta" >/dev/null 2>"$work/err3"; then
  fail "a v1beta1 MCPServer rendered at v0.44.0"
fi
grep -q "MCPToolConfig default/absent not found" "$work/err3" || fail "v0.44.0 was not used: $(cat "$work/err3")"
sed -i '/toolConfigRef/d' "$work/beta/fetch.yaml"
THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/beta" >"$work/beta.yaml" 2>"$work/err3" ||
  fail "a v1beta1 MCPServer did not render at v0.44.0: $(cat "$work/err3")"
grep -q "startupProbe:" "$work/beta.yaml" || fail "not rendered as v0.44.0: $(head -20 "$work/beta.yaml")"
node "$root/tests/k8s_validate/validate.mjs" "$work/beta.yaml" >/dev/null || fail "the v0.44.0 build is invalid"
echo "ok: v1beta1 generators run, with THV_RENDER_OPERATOR_VERSION passed through the plugin"

# An MCPRemoteProxy generator, with the MCPOIDCConfig it refers to in the kustomization directory.
mkdir -p "$work/remote"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ngenerators:\n- proxy.yaml\n' >"$work/remote/kustomization.yaml"
python3 - "$root/testdata/examples/v0.44.0/mcp-servers/mcpremoteproxy_with_oidcconfig_ref.yaml" "$work/remote" <<'PY'
import sys
docs = [d for d in open(sys.argv[1]).read().split("\n---\n") if "kind:" in d]
open(sys.argv[2] + "/oidc.yaml", "w").write(docs[0] + "\n")
open(sys.argv[2] + "/proxy.yaml", "w").write(docs[1] + "\n")
PY
THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/remote" >"$work/remote.yaml" 2>"$work/err4" ||
  fail "an MCPRemoteProxy generator did not render: $(cat "$work/err4")"
for want in "name: mcp-github-proxy-remote-proxy" "placeholder-for-remote-proxy" "name: github-proxy-remote-proxy-runner"; do
  grep -qF -- "$want" "$work/remote.yaml" || fail "the MCPRemoteProxy build lacks '$want'"
done
node "$root/tests/k8s_validate/validate.mjs" "$work/remote.yaml" >/dev/null || fail "the MCPRemoteProxy build is invalid"
echo "ok: an MCPRemoteProxy generator renders at v0.44.0 with its MCPOIDCConfig from the directory"
# Every rendering kind has a v1beta1 plugin: an EmbeddingServer generator becomes its StatefulSet
# and Service, composed with namespace and namePrefix like any generated object.
for kind in EmbeddingServer MCPRemoteProxy VirtualMCPServer; do
  lower=$(echo "$kind" | tr '[:upper:]' '[:lower:]')
  [ -x "$XDG_CONFIG_HOME/kustomize/plugin/toolhive.stacklok.dev/v1beta1/$lower/$kind" ] ||
    fail "no v1beta1 plugin for $kind"
done
mkdir -p "$work/emb"
cp "$root/testdata/examples/v0.44.0/embedding-servers/embedding-with-cache.yaml" "$work/emb/embedding.yaml"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ml\nnamePrefix: team-\ngenerators:\n- embedding.yaml\n' >"$work/emb/kustomization.yaml"
THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/emb" >"$work/emb.yaml" 2>"$work/err4" ||
  fail "an EmbeddingServer generator failed: $(cat "$work/err4")"
for want in "kind: StatefulSet" "kind: Service" "name: team-embedding-with-cache" "namespace: ml" \
  "serviceName: team-embedding-with-cache" "storage: 10Gi"; do
  grep -qF -- "$want" "$work/emb.yaml" || fail "the EmbeddingServer build lacks '$want'"
done
grep -q "kind: EmbeddingServer" "$work/emb.yaml" && fail "the EmbeddingServer generator config leaked"
node "$root/tests/k8s_validate/validate.mjs" "$work/emb.yaml" >/dev/null || fail "the EmbeddingServer build is invalid"
echo "ok: an EmbeddingServer v1beta1 generator renders its StatefulSet and Service through kubectl kustomize"

# A RegistryData generator (v0.44.0): its ConfigMap from the kustomization's thv-render.lock,
# offline, with the namespace transformer applied.
mkdir -p "$work/rd"
cp "$root/testdata/registry-data/readme/thv-render.lock" "$work/rd/"
cp -r "$root/testdata/registry-data/readme/thv-render.lock.d" "$work/rd/"
sed -n '1,/^---$/p' "$root/testdata/registry-data/readme/registry.yaml" | sed '$d' >"$work/rd/data.yaml"
printf 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ngenerators:\n- data.yaml\n' >"$work/rd/kustomization.yaml"
THV_RENDER_OPERATOR_VERSION=v0.44.0 kubectl kustomize --enable-alpha-plugins "$work/rd" >"$work/rd.yaml" 2>"$work/err4" ||
  fail "RegistryData build: $(cat "$work/err4")"
grep -q "name: prod-registry" "$work/rd.yaml" && grep -qF '"name": "io.github.stacklok/fetch"' "$work/rd.yaml" ||
  fail "RegistryData: no ConfigMap from the lock: $(head -20 "$work/rd.yaml")"
grep -q "kind: RegistryData" "$work/rd.yaml" && fail "RegistryData leaked into the output"
node "$root/tests/k8s_validate/validate.mjs" "$work/rd.yaml" >/dev/null || fail "the RegistryData build is invalid"
echo "ok: a RegistryData generator renders its ConfigMap from the kustomization's lock"
