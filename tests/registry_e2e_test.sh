#!/usr/bin/env bash
# MCPRegistry sources end to end with real parts: an HTTP(S) server on 127.0.0.1, git
# repositories served over file:// and a real git daemon, the lock file and --offline.
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export XDG_CACHE_HOME="$work/cache"

registry="$root/testdata/registry/registry.json"
api="$root/testdata/registry/api-servers.json"

start_server() {  # start_server OUTVAR [cert key]
  local fifo="$work/port.$RANDOM"
  python3 "$root/tests/servers/registry_server.py" "$registry" "$api" "${@:2}" >"$fifo" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do [ -s "$fifo" ] && break; sleep 0.1; done
  printf -v "$1" '%s' "$(head -1 "$fifo")"
}
start_server port

mcpregistry() {  # mcpregistry NAME SOURCE-YAML > file
  cat <<YAML
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPRegistry
metadata: {name: $1, namespace: mcp}
spec:
  format: ${FORMAT:-toolhive}
  source:
$2
  syncPolicy: {type: manual, retryPolicy: {maxAttempts: 3, backoffInterval: 100ms}}
  filter:
    tags: {include: [github, kubernetes]}
YAML
}

expect() {  # expect CODE SUBSTRING -- command...
  local want=$1 text=$2
  shift 3
  set +e
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  set -e
  [ "$code" = "$want" ] || fail "$* exited $code, want $want: $(cat "$work/err")"
  grep -qF -- "$text" "$work/err" "$work/out" || fail "$*: no '$text' in: $(cat "$work/err")"
  if [ "$want" != 0 ]; then [ ! -s "$work/out" ] || fail "$*: wrote to stdout on failure"; fi
}

# --- url source: fetch, lock, offline re-render from the lock -------------------------------
mkdir -p "$work/url"
mcpregistry url-reg "    type: url
    url: {endpoint: http://127.0.0.1:$port/good.json, timeout: 5s}" >"$work/url/reg.yaml"
"$bin" render "$work/url" >"$work/url.yaml" 2>"$work/err" || fail "url render: $(cat "$work/err")"
grep -q "name: url-reg-registry-storage" "$work/url.yaml" || fail "no storage ConfigMap"
grep -q "toolhive.stacklok.dev/config-hash: $(sha256sum "$registry" | cut -d' ' -f1)" "$work/url.yaml" ||
  fail "config-hash is not the sha256 of the served bytes"
[ -f "$work/url/thv-render.lock" ] || fail "render did not record the fetched source in the lock"
grep -q "\"sha256\": \"$(sha256sum "$registry" | cut -d' ' -f1)\"" "$work/url/thv-render.lock" || fail "lock sha256"
kill "${pids[0]}"
"$bin" render --offline "$work/url" >"$work/url-offline.yaml" 2>"$work/err" || fail "offline render: $(cat "$work/err")"
cmp -s "$work/url.yaml" "$work/url-offline.yaml" || fail "offline render differs from the first"
echo "ok: url source fetched, locked, and re-rendered offline byte for byte"
start_server port

# --- bounded retries and faults: exit 3 with the cause, nothing on stdout -------------------
fault() {  # fault PATH EXPECTED-TEXT
  mkdir -p "$work/f"
  mcpregistry f "    type: url
    url: {endpoint: http://127.0.0.1:$port$1, timeout: 2s}" >"$work/f/reg.yaml"
  local t0=$SECONDS
  expect 3 "$2" -- "$bin" render --refresh --lock "$work/f.lock" "$work/f/reg.yaml"
  [ $((SECONDS - t0)) -le 12 ] || fail "$1 took $((SECONDS - t0)) s"
}
fault /always500 "HTTP 500 (after 3 attempts)"
fault /stall "timed out"
fault /drip "timed out"
fault /truncated "closed before the whole body"
fault /loop "too many redirects"
fault /big "larger than"
fault /notjson "failed to parse registry data"
fault /missing "HTTP 404"
mcpregistry f "    type: url
    url: {endpoint: http://127.0.0.1:1/x.json, timeout: 2s}" >"$work/f/reg.yaml"
expect 3 "connection refused" -- "$bin" render --refresh "$work/f/reg.yaml"
mcpregistry f "    type: url
    url: {endpoint: http://no-such-host.invalid/x.json, timeout: 2s}" >"$work/f/reg.yaml"
expect 3 "could not resolve host" -- "$bin" render --refresh "$work/f/reg.yaml"
mcpregistry f "    type: url
    url: {endpoint: http://127.0.0.1:$port/flaky.json, timeout: 2s}" >"$work/f/reg.yaml"
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
echo "ok: faults end within their timeouts with exit 3 and the cause; retries recover from 500s"

# --- HTTPS with a self-signed certificate -------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" >/dev/null 2>&1
start_server tls_port "$work/cert.pem" "$work/key.pem"
mcpregistry tls "    type: url
    url: {endpoint: https://127.0.0.1:$tls_port/good.json, timeout: 5s}" >"$work/f/reg.yaml"
SSL_CERT_FILE= expect 3 "TLS verification failed" -- "$bin" render --refresh "$work/f/reg.yaml"
expect 0 "" -- "$bin" render --refresh --ca-file "$work/cert.pem" "$work/f/reg.yaml"
echo "ok: a self-signed certificate is rejected without --ca-file and accepted with it"

# --- registry API, several pages ------------------------------------------------------------
mkdir -p "$work/api"
FORMAT=upstream mcpregistry api "    type: registry
    registry: {endpoint: http://127.0.0.1:$port/api}" | sed 's/tags: {include: \[github, kubernetes\]}/names: {exclude: ["*skip*"]}/' >"$work/api/reg.yaml"
"$bin" render "$work/api" >"$work/api.yaml" 2>"$work/err" || fail "api render: $(cat "$work/err")"
for name in io.github.example/one io.github.example/two io.github.example/remote; do
  grep -q "$name" "$work/api.yaml" || fail "API server $name missing from the storage ConfigMap"
done
grep -q "npm" "$work/err" || fail "no warning for the skipped npm-only server"
echo "ok: registry API pages fetched and converted"

# --- a registry too large for the ConfigMap that stores it -----------------------------------
python3 "$root/bench/gen.py" registry 3000 "$work/big.json"
fifo="$work/port.big"
python3 "$root/tests/servers/registry_server.py" "$work/big.json" "$api" >"$fifo" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$fifo" ] && break; sleep 0.1; done
big_port=$(head -1 "$fifo")
mkdir -p "$work/big"
cat >"$work/big/reg.yaml" <<YAML
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPRegistry
metadata: {name: big, namespace: mcp}
spec:
  source: {type: url, url: {endpoint: http://127.0.0.1:$big_port/good.json, timeout: 5s}}
YAML
expect 1 'ConfigMap "big-registry-storage" would be rejected: data: Too long: may not be more than 1048576 bytes (its data is' -- "$bin" render --refresh "$work/big/reg.yaml"
grep -qF "narrow the registry with spec.filter or use a smaller source" "$work/err" || fail "no advice: $(cat "$work/err")"
[ ! -e "$work/big/thv-render.lock" ] || fail "a refused render wrote the lock file"
# Narrowed by a filter, it fits.
printf '  filter:\n    tags: {include: [github]}\n' >>"$work/big/reg.yaml"
expect 0 "" -- "$bin" render --refresh "$work/big/reg.yaml"
echo "ok: a registry too large for its storage ConfigMap is refused with its size and advice"

# --- git: file:// and git daemon; branch, tag, commit, subpath; cache reuse and corruption ---
repo="$work/repos/reg.git"
mkdir -p "$work/src"
git -C "$work/src" init -q -b main
git -C "$work/src" config user.email t@example.com
git -C "$work/src" config user.name t
mkdir -p "$work/src/data"
cp "$registry" "$work/src/data/registry.json"
git -C "$work/src" add . && git -C "$work/src" commit -qm one
first=$(git -C "$work/src" rev-parse HEAD)
git -C "$work/src" tag v1
python3 - "$work/src/data/registry.json" <<'PY'
import json, sys
p = sys.argv[1]; r = json.load(open(p)); r["servers"].pop("github", None); json.dump(r, open(p, "w"), indent=2)
PY
git -C "$work/src" commit -qam two
git -C "$work/src" checkout -qb feature && git -C "$work/src" checkout -q main
mkdir -p "$work/repos" && git clone -q --bare "$work/src" "$repo"

gitreg() {  # gitreg URL REF-YAML
  mcpregistry g "    type: git
    git: {repository: \"$1\", path: data/registry.json$2}" >"$work/f/reg.yaml"
}
gitreg "file://$repo" ""
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
grep -qF '"github":{' "$work/out" && fail "default branch should be the second commit (no github)"
gitreg "file://$repo" ", tag: v1"
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
grep -qF '"github":{' "$work/out" || fail "tag v1 should have github"
gitreg "file://$repo" ", commit: $first, branch: main"
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
grep -qF '"github":{' "$work/out" || fail "commit wins over branch"
gitreg "file://$repo" ", branch: nope"
expect 3 "branch nope not found" -- "$bin" render --refresh "$work/f/reg.yaml"
gitreg "file://$repo" ", commit: 0123456789abcdef0123456789abcdef01234567"
expect 3 "commit 0123456789abcdef0123456789abcdef01234567 not found" -- "$bin" render --refresh "$work/f/reg.yaml"
gitreg "file://$repo" ", tag: v9"
expect 3 "tag v9 not found" -- "$bin" render --refresh "$work/f/reg.yaml"
mcpregistry g "    type: git
    git: {repository: \"file://$repo\", path: missing.json}" >"$work/f/reg.yaml"
expect 3 "missing.json not found" -- "$bin" render --refresh "$work/f/reg.yaml"
gitreg "file://$work/nowhere.git" ""
expect 3 "cannot fetch" -- "$bin" render --refresh "$work/f/reg.yaml"

# Corrupt every cached clone: the cache is rebuilt, not trusted.
for d in "$XDG_CACHE_HOME"/thv-render/git/*/; do rm -rf "$d/objects" "$d/refs"; echo garbage >"$d/HEAD"; done
gitreg "file://$repo" ", tag: v1"
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"

dport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
git daemon --export-all --base-path="$work/repos" --listen=127.0.0.1 --port="$dport" --reuseaddr "$work/repos" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$dport") 2>/dev/null && break; sleep 0.1; done
gitreg "git://127.0.0.1:$dport/reg.git" ", branch: main"
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
# Two renders sharing the cache at once both succeed with identical output.
"$bin" render --refresh "$work/f/reg.yaml" >"$work/c1" 2>/dev/null &
a=$!
"$bin" render --refresh "$work/f/reg.yaml" >"$work/c2" 2>/dev/null &
b=$!
wait $a && wait $b || fail "concurrent renders failed"
cmp -s "$work/c1" "$work/c2" || fail "concurrent renders differ"
echo "ok: git over file:// and git://, refs, paths, corrupt cache, concurrent renders"

# --- sync and offline -----------------------------------------------------------------------
mkdir -p "$work/s"
gitreg "file://$repo" ", branch: main"
cp "$work/f/reg.yaml" "$work/s/"
expect 3 "not in the lock file" -- "$bin" render --offline "$work/s"
expect 0 "synced 1" -- "$bin" sync "$work/s"
expect 0 "" -- "$bin" render --offline "$work/s"
grep -q "\"resolved\": \"$(git -C "$work/src" rev-parse main)\"" "$work/s/thv-render.lock" || fail "lock lacks the commit"
echo "ok: sync writes the lock; --offline renders from it and refuses what is missing"
