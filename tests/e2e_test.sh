#!/usr/bin/env bash
# Renders every bundled example with the real binary, checks each object against the Kubernetes
# OpenAPI models (kubernetes-models), and builds --output-dir with the real kubectl kustomize.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
validate="node $root/tests/k8s_validate/validate.mjs"

inputs=("$root"/testdata/examples/mcp-servers/*.yaml "$root/testdata/servers/full")
for input in "${inputs[@]}"; do
  name=$(basename "$input" .yaml)
  "$bin" render "$input" >"$work/$name.yaml" 2>"$work/$name.err" || fail "render $input: $(cat "$work/$name.err")"
  $validate "$work/$name.yaml" >/dev/null || fail "kubernetes-models rejected the render of $input"
  # JSON output is the same objects.
  "$bin" render -o json "$input" >"$work/$name.json" 2>/dev/null
  $validate "$work/$name.json" >/dev/null || fail "kubernetes-models rejected -o json of $input"
done
"$bin" render --offline "$root/testdata/examples/mcp-registries" >"$work/registries.yaml" 2>"$work/registries.err" ||
  fail "render registries: $(cat "$work/registries.err")"
$validate "$work/registries.yaml" >/dev/null || fail "kubernetes-models rejected the registry examples"
echo "ok: ${#inputs[@]} MCPServer inputs and the MCPRegistry examples render to valid Kubernetes objects"

# The whole examples directory at once, into --output-dir, built by kubectl kustomize.
"$bin" render --output-dir "$work/out" "$root/testdata/examples/mcp-servers/mcpserver_github.yaml" \
  "$root/testdata/servers/full" 2>/dev/null
kubectl kustomize "$work/out" >"$work/kustomized.yaml" || fail "kubectl kustomize rejected --output-dir"
$validate "$work/kustomized.yaml" >/dev/null || fail "kustomized output invalid"
count=$(grep -c '^kind: ' "$work/kustomized.yaml")
files=$(ls "$work/out" | grep -vc kustomization.yaml)
[ "$count" = "$files" ] || fail "kustomize built $count objects from $files files"
echo "ok: kubectl kustomize builds $count objects from --output-dir"

# Under memory limits (ulimit -v, ulimit -d) the heap reservation steps aside: same bytes, no
# crash. Not for sanitizer builds, whose shadow memory alone exceeds such limits.
asan=$(nm "$bin" 2>/dev/null | grep -c __asan_init || true)  # grep -q would end nm with SIGPIPE
if [ "$asan" = 0 ]; then
  for limit in "-v 400000" "-d 200000"; do
    (ulimit $limit && "$bin" render "$root/testdata/servers/full") >"$work/limited.yaml" 2>"$work/limited.err" ||
      fail "render under ulimit $limit: $(cat "$work/limited.err")"
    cmp -s "$work/limited.yaml" "$work/full.yaml" || fail "render under ulimit $limit differs"
  done
  echo "ok: renders under ulimit -v and -d"
fi

# The docs' example manifests are at least well-formed YAML with the kinds they claim.
for doc in "$root"/docs/*.yaml "$root"/docs/*.yml "$root"/plugins/argocd/*.yaml; do
  node -e 'const y=require(process.argv[2]); for (const d of y.parseAllDocuments(require("fs").readFileSync(process.argv[1],"utf8"))) if (d.errors.length) { console.error(d.errors[0].message); process.exit(1) }' \
    "$doc" "$root/tests/k8s_validate/node_modules/yaml" || fail "$doc is not valid YAML"
done

# Determinism: same input, same bytes.
"$bin" render "$root/testdata/servers/full" >"$work/again.yaml" 2>/dev/null
cmp -s "$work/full.yaml" "$work/again.yaml" || fail "two renders differ"

# Bad input: exit 1, nothing on stdout, nothing written.
printf 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata: {name: x}\nspec: {port: 0}\n' >"$work/bad.yaml"
cp -r "$work/out" "$work/out.before"
set +e
"$bin" render --output-dir "$work/out" "$work/bad.yaml" >"$work/bad.out" 2>"$work/bad.err"
code=$?
set -e
[ "$code" = 1 ] || fail "bad input exited $code"
[ ! -s "$work/bad.out" ] || fail "bad input wrote to stdout"
grep -q "bad.yaml:4:" "$work/bad.err" || fail "error has no position: $(cat "$work/bad.err")"
diff -r "$work/out" "$work/out.before" >/dev/null || fail "--output-dir changed after an error"
echo "ok: bad input rejected without output"

# Secret values never leave the Secret objects that carry them.
mkdir -p "$work/secrets"
cat >"$work/secrets/all.yaml" <<'YAML'
apiVersion: v1
kind: Secret
metadata: {name: api-keys, namespace: mcp}
stringData: {token: planted-secret-value-1}
data: {other: cGxhbnRlZC1zZWNyZXQtdmFsdWUtMg==}
---
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata: {name: uses-secrets, namespace: mcp}
spec:
  image: ghcr.io/example/s:1
  secrets: [{name: api-keys, key: token, targetEnvName: TOKEN}, {name: api-keys, key: other}]
YAML
"$bin" render "$work/secrets" >"$work/secrets.yaml" 2>"$work/secrets.err"
for planted in planted-secret-value-1 cGxhbnRlZC1zZWNyZXQtdmFsdWUtMg==; do
  n=$(grep -c -- "$planted" "$work/secrets.yaml")
  [ "$n" = 1 ] || fail "$planted appears $n times in the output (only in its Secret is allowed)"
  ! grep -q -- "$planted" "$work/secrets.err" || fail "$planted leaked into diagnostics"
done
python3 - "$work/secrets.yaml" <<'PY' || fail "a secret value outside its Secret"
import sys
docs = open(sys.argv[1]).read().split("\n---\n")
for d in docs:
    if "kind: Secret" not in d:
        assert "planted" not in d and "cGxhbnRlZC1" not in d
PY
echo "ok: planted secret values appear only in their Secret"

# The README's quick-start render works as written.
quick=$(sed -n 's/^    bash scripts\/setup.sh && \.\/build\/thv-render //p' "$root/README.md")
[ -n "$quick" ] || fail "README quick-start command not found"
# As a user runs it: unpinned, at the default release.
(cd "$root" && env -u THV_RENDER_OPERATOR_VERSION "$bin" $quick >/dev/null) ||
  fail "README quick-start render failed: $quick"
echo "ok: the README quick-start render succeeds"
