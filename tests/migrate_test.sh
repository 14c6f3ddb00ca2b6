#!/usr/bin/env bash
# thv-render migrate end to end: stdout, --check (diff, exit 1; exit 0 once migrated),
# --in-place (every file rewritten once, a second run changes nothing). Atomicity under SIGKILL
# and write failures: migrate_atomic_test.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/repo"
cp -r "$root/testdata/examples/mcp-servers" "$root/testdata/examples/tool-configs" "$work/repo/"
cp "$root/testdata/migrate/"*.yaml "$work/repo/"

"$bin" migrate --to v0.44.0 "$work/repo" >"$work/stdout.yaml" 2>"$work/stderr"
grep -q 'note: the stdio proxy mode default changed' "$work/stderr" || fail "no proxyMode note"
grep -q 'kind: MCPOIDCConfig' "$work/stdout.yaml" || fail "no MCPOIDCConfig split out"

set +e
"$bin" migrate --to v0.44.0 --check "$work/repo" >"$work/diff" 2>/dev/null
rc=$?
set -e
[ "$rc" = 1 ] || fail "--check on unmigrated files: exit $rc, want 1"
grep -q '^-  port: 8080$' "$work/diff" && grep -q '^+  proxyPort: 8080$' "$work/diff" ||
  fail "--check diff lacks the port rename"

cp -r "$work/repo" "$work/before"
"$bin" migrate --to v0.44.0 --in-place "$work/repo" 2>/dev/null
"$bin" migrate --to v0.44.0 --check "$work/repo" >"$work/diff2" || fail "--check after --in-place: $(cat "$work/diff2")"
[ -s "$work/diff2" ] && fail "--check printed a diff for migrated files"
# The stream printed and the files written agree (stdout ends each file with a newline).
for f in $(cd "$work/repo" && find . -name '*.yaml' | sort); do
  grep -q 'v1beta1' "$work/repo/$f" || fail "$f not migrated"
done
[ -z "$(find "$work/repo" -name '*.thv-migrate.tmp')" ] || fail "temporary files left"
# (Per file: the upstream examples reuse server names across files.)
for f in $(find "$work/repo" -name '*.yaml' | sort); do
  "$bin" render --operator-version v0.44.0 "$f" >/dev/null 2>&1 || fail "migrated $f does not render at v0.44.0"
done

# MCPRegistries: refused without the database flags (naming them), migrated with them; the
# ToolHive-format data pinned in RegistryData documents (the git example reads a real local
# repository), fetched by sync; the result renders at v0.44.0 offline, and the pinned ConfigMaps
# hold the filtered data in the upstream format.
cp -r "$root/testdata/examples/mcp-registries" "$work/registries"
rm -rf "$work/registries/thv-render.lock"*
mkdir -p "$work/gitsrc/pkg/registry/data"
cat >"$work/gitsrc/pkg/registry/data/registry.json" <<'JSON'
{"version": "1.0.0", "last_updated": "2025-01-01T00:00:00Z", "servers": {
 "fetch": {"description": "Fetches a URL", "image": "ghcr.io/f:1", "tier": "Official", "status": "Active", "transport": "stdio", "tools": ["fetch"]}}}
JSON
git -C "$work/gitsrc" init -q -b main
git -C "$work/gitsrc" add -A
git -C "$work/gitsrc" -c user.email=t@example.com -c user.name=t commit -qm data
sed -i "s|https://github.com/stacklok/toolhive|file://$work/gitsrc|" "$work/registries/mcpregistry-git-simple.yaml"
set +e
"$bin" migrate --to v0.44.0 "$work/registries" >/dev/null 2>"$work/reg.err"
rc=$?
set -e
[ "$rc" = 1 ] && grep -q -- '--registry-database HOST:PORT/NAME' "$work/reg.err" ||
  fail "MCPRegistry without --registry-database: exit $rc, $(cat "$work/reg.err")"
"$bin" migrate --to v0.44.0 --in-place --registry-database pg:5432/registry \
  --registry-database-user app --registry-sync-interval 6h "$work/registries" 2>"$work/reg.err"
grep -q 'RegistryData toolhive-git-simple-pinned-data .*run `thv-render sync`' "$work/reg.err" ||
  fail "no pinned-data note: $(cat "$work/reg.err")"
[ "$(grep -c '^kind: RegistryData' "$work/registries"/*.yaml | grep -c ':[1-9]')" = 4 ] ||
  fail "not every registry file got its RegistryData"
cp -r "$work/registries" "$work/registries-once"
"$bin" migrate --to v0.44.0 --in-place "$work/registries" 2>/dev/null
diff -r "$work/registries" "$work/registries-once" >/dev/null || fail "second migrate changed files"
"$bin" sync --operator-version v0.44.0 "$work/registries" >/dev/null 2>"$work/sync.err" ||
  fail "sync: $(cat "$work/sync.err")"
"$bin" render --operator-version v0.44.0 --offline "$work/registries" >"$work/reg.out" 2>"$work/render.err" ||
  fail "migrated registries do not render: $(cat "$work/render.err")"
grep -q 'name: toolhive-git-simple-pinned-data' "$work/reg.out" &&
  grep -q '"name": "io.github.stacklok/fetch"' "$work/reg.out" ||
  fail "the pinned git data is not in the output"
grep -q 'name: security-tools-registry-pinned-data' "$work/reg.out" ||
  fail "no pinned ConfigMap for the tag-filtering registry"

# Exit codes: usage errors 2 (--in-place with standard input or with --check, an unsupported
# --to, a bad --registry-database), refused input 1 with every file untouched.
code() { set +e; "$@" >/dev/null 2>&1 </dev/null; echo $?; set -e; }
[ "$(code "$bin" migrate --to v0.44.0 --in-place -)" = 2 ] || fail "--in-place - not a usage error"
[ "$(code "$bin" migrate --to v0.44.0 --in-place --check "$work/repo")" = 2 ] || fail "--in-place --check accepted"
[ "$(code "$bin" migrate --to 7002a239b "$work/repo")" = 2 ] || fail "--to 7002a239b accepted"
[ "$(code "$bin" migrate --to v0.44.0 --registry-database nohost "$work/repo")" = 2 ] || fail "bad --registry-database accepted"
for db in db:99999999999999999999999/x db:0/x db:65536/x; do
  [ "$(code "$bin" migrate --to v0.44.0 --registry-database "$db" --registry-database-user u "$work/repo")" = 2 ] ||
    fail "--registry-database $db: want a usage error, not a crash"
done
mkdir -p "$work/refused"
cp "$root/testdata/examples/mcp-servers/mcpserver_fetch.yaml" "$work/refused/a.yaml"
printf 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata: {name: b}\nspec:\n  image: x\n  oidcConfig: {type: configMap, configMap: {name: c}}\n' >"$work/refused/b.yaml"
cp -r "$work/refused" "$work/refused-before"
[ "$(code "$bin" migrate --to v0.44.0 --in-place "$work/refused")" = 1 ] || fail "refused input: want exit 1"
diff -r "$work/refused" "$work/refused-before" >/dev/null || fail "a refused migration changed files"

# The --check diff is a real patch: applied to the originals it gives what --in-place wrote.
cp -r "$work/before" "$work/patched"
(cd "$work/before" && "$bin" migrate --to v0.44.0 --check . 2>/dev/null || true) >"$work/patch"
grep -c '^@@' "$work/patch" >/dev/null || fail "no hunks"
(cd "$work/patched" && sed -e 's|^+++ \(.*\) (migrated)$|+++ \1|' "$work/patch" | patch -s -p0) ||
  fail "the --check diff does not apply"
diff -r "$work/patched" "$work/repo" >/dev/null || fail "the patched files differ from --in-place's"
echo "ok: the --check diff applies with patch(1) and equals --in-place"
