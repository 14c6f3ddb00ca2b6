#!/usr/bin/env bash
# The Argo CD plugin's generate step run as argocd-cmp-server runs it: working directory = the
# application path, the application's environment set; the output must be valid Kubernetes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cp -r "$root/testdata/examples/mcp-servers" "$work/app"
cp -r "$root/testdata/examples/mcp-registries/." "$work/app/"
cd "$work/app"
# discover: the plugin's find command (plugin.yaml's, run as argocd-cmp-server runs it) prints
# something for this directory.
grep -q 'command: \[thv-render, argocd-discover\]' "$root/plugins/argocd/plugin.yaml" ||
  fail "plugin.yaml's discover is not thv-render argocd-discover"
[ -n "$(env -i PATH="$PATH" "$bin" argocd-discover)" ] || fail "discover found nothing"
# A directory Argo CD would build with kustomize stays kustomize's unless the user asks.
echo 'resources: []' >kustomization.yaml
[ -z "$(env -i PATH="$PATH" "$bin" argocd-discover)" ] || fail "discover claimed a kustomization"
[ -n "$(env -i PATH="$PATH" ARGOCD_ENV_KUSTOMIZE_DIRS=true "$bin" argocd-discover)" ] ||
  fail "discover ignored ARGOCD_ENV_KUSTOMIZE_DIRS=true"
[ -n "$(env -i PATH="$PATH" PARAM_KUSTOMIZE_DIRS=true "$bin" argocd-discover)" ] ||
  fail "discover ignored the kustomize-dirs parameter"
# The examples reuse names across files; keep one of each name.
rm mcpserver_fetch_tools_filter.yaml mcpserver_yardstick_sse.yaml
env -i PATH="$PATH" ARGOCD_APP_NAME=mcp ARGOCD_APP_NAMESPACE=apps ARGOCD_APP_SOURCE_PATH=app \
  ARGOCD_APP_PARAMETERS='[]' PARAM_PART_OF_LABEL=true ARGOCD_ENV_PROXY_IMAGE=ghcr.io/stacklok/toolhive/proxyrunner:v0.3.5 \
  PARAM_OPERATOR_VERSION=7002a239b \
  "$bin" argocd-generate >"$work/out.yaml" 2>"$work/err" || fail "generate: $(cat "$work/err")"
node "$root/tests/k8s_validate/validate.mjs" "$work/out.yaml" >/dev/null || fail "generate output is invalid"
[ "$(grep -c 'kustomize configuration skipped' "$work/err")" = 1 ] ||
  fail "the kustomization was not skipped with one warning: $(cat "$work/err")"
rm kustomization.yaml
grep -q "app.kubernetes.io/part-of: mcp" "$work/out.yaml" || fail "part-of label missing"
grep -q "image: ghcr.io/stacklok/toolhive/proxyrunner:v0.3.5" "$work/out.yaml" || fail "ARGOCD_ENV_PROXY_IMAGE ignored"
grep -q "toolhive-git-simple-registry-storage" "$work/out.yaml" || fail "locked git registry not rendered offline"
grep -A3 "name: github-proxy-runner$" "$work/out.yaml" | grep -q "namespace: toolhive-system" ||
  fail "inputs with a namespace must keep it"
# Inputs without a namespace take the application's.
grep -A3 "name: sample-with-pod-template$" "$work/out.yaml" | grep -q "namespace: apps" ||
  fail "ARGOCD_APP_NAMESPACE not applied to inputs without a namespace"
echo "ok: argocd-generate renders the app path with the application's environment, offline"

# Unpinned, the plugin renders at the default release, v0.44.0.
mkdir -p "$work/beta"
for f in mcpserver_github mcpserver_with_oidcconfig_ref mcpserver_with_pod_template; do
  cp "$root/testdata/examples/v0.44.0/mcp-servers/$f.yaml" "$work/beta/"
done
cd "$work/beta"
env -i PATH="$PATH" ARGOCD_APP_NAME=mcp ARGOCD_APP_NAMESPACE=apps ARGOCD_APP_SOURCE_PATH=beta \
  ARGOCD_APP_PARAMETERS='[]' "$bin" argocd-generate >"$work/beta.yaml" 2>"$work/err" ||
  fail "generate at v0.44.0: $(cat "$work/err")"
node "$root/tests/k8s_validate/validate.mjs" "$work/beta.yaml" >/dev/null || fail "v0.44.0 output is invalid"
grep -q "image: ghcr.io/stacklok/toolhive/proxyrunner:v0.44.0" "$work/beta.yaml" || fail "not rendered at v0.44.0"
grep -q "name: TOOLHIVE_OIDC_CLIENT_SECRET" "$work/beta.yaml" || fail "MCPOIDCConfig reference not rendered"
echo "ok: argocd-generate without a pinned version renders at v0.44.0"
