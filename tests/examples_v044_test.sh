#!/usr/bin/env bash
# Every v0.44.0 example through `validate --operator-version v0.44.0`: the exit code and the words
# testdata/examples/v0.44.0/expected-validate.tsv gives for it, nothing else failing, and every
# example listed there. Every example that validates also renders: the objects pass the
# Kubernetes OpenAPI models (kubernetes-models), as YAML and as JSON, and --output-dir builds with
# the real kubectl kustomize into the same objects.
set -uo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
# Examples pass through objects of other operators (RedisFailover): those have no model here.
validate="node $root/tests/k8s_validate/validate.mjs --allow-unknown"
dir=$root/testdata/examples/v0.44.0
expected=$dir/expected-validate.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 count=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# The render of INPUT... (in $work/rout.yaml) passes kubernetes-models, as YAML and as JSON, and
# --output-dir builds with the real kubectl kustomize into the same objects.
check_objects() {
  local name=$1
  shift
  $validate "$work/rout.yaml" >/dev/null || fail "$name: kubernetes-models rejected the render"
  "$bin" render -o json --operator-version v0.44.0 "$@" >"$work/rout.json" 2>/dev/null
  $validate "$work/rout.json" >/dev/null || fail "$name: kubernetes-models rejected -o json"
  rm -rf "$work/outdir"
  "$bin" render --operator-version v0.44.0 --output-dir "$work/outdir" "$@" 2>/dev/null ||
    fail "$name: render --output-dir failed"
  kubectl kustomize "$work/outdir" >"$work/kustomized.yaml" || fail "$name: kubectl kustomize rejected --output-dir"
  [ "$(grep -c '^kind: ' "$work/kustomized.yaml")" = "$(grep -c '^kind: ' "$work/rout.yaml")" ] ||
    fail "$name: kustomize built a different number of objects"
  $validate "$work/kustomized.yaml" >/dev/null || fail "$name: kustomized output invalid"
}
listed=$(grep -v '^#' "$expected" | cut -f2 | sort)
present=$(cd "$dir" && find . -name '*.yaml' | sed 's|^\./||' | sort)
[ "$listed" = "$present" ] || fail "expected-validate.tsv does not list exactly the examples: $(diff <(echo "$listed") <(echo "$present") | grep '^[<>]' | tr '\n' ' ')"
while IFS=$'\t' read -r want_code file want_text; do
  [ "${want_code:0:1}" = "#" ] && continue
  count=$((count + 1))
  "$bin" validate --operator-version v0.44.0 "$dir/$file" >"$work/out" 2>"$work/err"
  code=$?
  [ "$code" = "$want_code" ] || fail "$file: exit $code, want $want_code: $(head -3 "$work/err")"
  if [ "$want_code" = 0 ]; then
    grep -q '^valid: ' "$work/out" || fail "$file: no 'valid:' line"
    ! grep -qv ': warning: ' "$work/err" || fail "$file: stderr has more than warnings: $(head -3 "$work/err")"
    "$bin" render --operator-version v0.44.0 "$dir/$file" >"$work/rout.yaml" 2>"$work/rerr"
    rcode=$?
    [ "$rcode" = 0 ] || fail "$file: render exit $rcode: $(head -3 "$work/rerr")"
    if grep -q '^kind: MCPServer$\|^kind: MCPRemoteProxy$' "$dir/$file"; then
      grep -q '^kind: Deployment$' "$work/rout.yaml" || fail "$file: no Deployment rendered"
    fi
    [ ! -s "$work/rout.yaml" ] || check_objects "$file" "$dir/$file"
  else
    grep -qF -- "$want_text" "$work/err" || fail "$file: stderr lacks '$want_text': $(head -3 "$work/err")"
    [ ! -s "$work/out" ] || fail "$file: wrote to stdout"
  fi
done <"$expected"
# The bundled fixtures using every field and reference of each rendered kind.
for fixture in full remote-proxies; do
  count=$((count + 1))
  input=$root/testdata/servers/v0.44.0/$fixture
  "$bin" render --operator-version v0.44.0 "$input" >"$work/rout.yaml" 2>/dev/null || fail "$fixture: render failed"
  check_objects "servers/v0.44.0/$fixture" "$input"
done
# The embedded auth server inputs of the goldens (testdata/golden/v0.44.0/authserver/,
# virtual-mcps-extra/): servers, remote proxies, VirtualMCPServers, the tag's Redis Sentinel
# example with the server that uses it.
servers=$root/testdata/servers/v0.44.0/authserver
for inputs in "$servers/10-authserver-ref.yaml" "$servers/20-external-auth-ref.yaml" "$servers/40-remote-proxies.yaml" \
  "$servers/50-virtual-mcp.yaml" "$servers/60-virtual-mcp-minimal.yaml" \
  "$dir/redis-storage/mcpexternalauthconfig-redis-storage.yaml $servers/30-redis-example.yaml"; do
  count=$((count + 1))
  # shellcheck disable=SC2086 # the last entry is two files
  "$bin" render --operator-version v0.44.0 $inputs >"$work/rout.yaml" 2>"$work/rerr" ||
    fail "$inputs: render failed: $(head -3 "$work/rerr")"
  [ "$(grep -c '^kind: Deployment$' "$work/rout.yaml")" -ge 1 ] || fail "$inputs: no Deployment rendered"
  # shellcheck disable=SC2086
  check_objects "$inputs" $inputs
done
# VirtualMCPServer authz from an MCPAuthzConfig or a ConfigMap, and rate limiting (the inputs of
# testdata/golden/v0.44.0/virtual-mcps-extra/authz-*, ratelimit-*).
for input in "$root"/testdata/servers/v0.44.0/virtual-mcps-extra/authz-*.yaml \
  "$root"/testdata/servers/v0.44.0/virtual-mcps-extra/ratelimit-*.yaml; do
  count=$((count + 1))
  "$bin" render --operator-version v0.44.0 "$input" >"$work/rout.yaml" 2>"$work/rerr" ||
    fail "$input: render failed: $(head -3 "$work/rerr")"
  grep -q '^kind: Deployment$' "$work/rout.yaml" || fail "$input: no Deployment rendered"
  check_objects "$input" "$input"
done
# The VirtualMCPServer outgoing auth inputs of the goldens (testdata/golden/v0.44.0/vmcp-outgoing-auth/):
# every MCPExternalAuthConfig type in the spec, and discovered from the group in both modes.
auth=$root/testdata/servers/v0.44.0/vmcp-outgoing-auth
for inputs in "$auth/00-configs.yaml $auth/20-spec-refs.yaml" \
  "$auth/00-configs.yaml $auth/10-workloads.yaml $auth/30-discovered.yaml $auth/40-static.yaml"; do
  count=$((count + 1))
  # shellcheck disable=SC2086 # several files
  "$bin" render --operator-version v0.44.0 $inputs >"$work/rout.yaml" 2>"$work/rerr" ||
    fail "$inputs: render failed: $(head -3 "$work/rerr")"
  grep -q '^  name: .*-vmcp-config$' "$work/rout.yaml" || fail "$inputs: no vMCP ConfigMap rendered"
  # shellcheck disable=SC2086
  check_objects "$inputs" $inputs
done
# The README's RegistryData example (a RegistryData and the MCPRegistry mounting it), offline
# from the lock committed beside it.
count=$((count + 1))
readme=$root/testdata/registry-data/readme
"$bin" render --operator-version v0.44.0 --offline "$readme" >"$work/rout.yaml" 2>"$work/rerr" ||
  fail "$readme: render failed: $(head -3 "$work/rerr")"
grep -q '^  name: prod-registry$' "$work/rout.yaml" || fail "$readme: no RegistryData ConfigMap"
check_objects "$readme" --offline "$readme"
echo "$((count - failures)) of $count v0.44.0 examples, auth server and vMCP outgoing auth inputs and the RegistryData example as expected"
[ "$failures" = 0 ]
