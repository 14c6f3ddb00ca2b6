#!/usr/bin/env bash
# MCPRegistry sources end to end with real parts: an HTTP(S) server on 127.0.0.1, git
# repositories served over file:// and a real git daemon, the lock file and --offline.
set -euo pipefail
bin=$(realpath "$1")
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
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
  cat "$work/out" "$work/err" >>"$work/transcript"  # scanned for credentials at the end
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
ms() { echo $(($(date +%s%N) / 1000000)); }
fault() {  # fault PATH EXPECTED-TEXT: the 2 s timeout bounds every attempt and backoff together
  mkdir -p "$work/f"
  mcpregistry f "    type: url
    url: {endpoint: http://127.0.0.1:$port$1, timeout: 2s}" >"$work/f/reg.yaml"
  local t0
  t0=$(ms)
  expect 3 "$2" -- "$bin" render --refresh --lock "$work/f.lock" "$work/f/reg.yaml"
  [ $(($(ms) - t0)) -le 3500 ] || fail "$1 took $(($(ms) - t0)) ms, more than its 2 s timeout allows"
}
fault /always500 "HTTP 500 (after 3 attempts"
fault /stall "timed out (or stalled) (after 1 attempt; no time left within the 2s timeout)"
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
"$bin" render --help | grep -qF "every attempt, backoff and page together" || fail "--help does not state the bound"
echo "ok: faults end within their timeout (all attempts together) with exit 3 and the cause; retries recover from 500s"

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
grep -qF "\"resolved\": \"http://127.0.0.1:$port/api/v0.1/servers\"" "$work/api/thv-render.lock" ||
  fail "lock: the v0.1 list URL is not recorded: $(cat "$work/api/thv-render.lock")"
echo "ok: registry API pages fetched from /v0.1/servers and converted"
# A registry from before the v0.1 freeze answers 404 there: the same list comes from /v0/servers,
# and the lock says so. Any other failure at v0.1 (a 500) is not a reason to ask v0.
mkdir -p "$work/legacy"
sed "s#127.0.0.1:$port/api#127.0.0.1:$port/legacy#" "$work/api/reg.yaml" >"$work/legacy/reg.yaml"
"$bin" render "$work/legacy" >"$work/legacy.yaml" 2>"$work/err" || fail "legacy api render: $(cat "$work/err")"
# The two fetches may fall in different seconds: their fetch times (last_updated) may differ.
unfetched() { sed -E -e "s#127.0.0.1:$port/api#127.0.0.1:$port/legacy#" \
  -e 's/"last_updated":"[0-9]{4}-[0-9-]+T[0-9:]+Z"/"last_updated":"(fetch time)"/g' "$1"; }
cmp -s <(unfetched "$work/legacy.yaml") <(unfetched "$work/api.yaml") ||
  fail "the v0 fallback rendered differently from v0.1"
grep -qF "\"resolved\": \"http://127.0.0.1:$port/legacy/v0/servers\"" "$work/legacy/thv-render.lock" ||
  fail "lock: the v0 fallback is not recorded: $(cat "$work/legacy/thv-render.lock")"
mkdir -p "$work/broken"
sed "s#127.0.0.1:$port/api#127.0.0.1:$port/broken#; s#maxAttempts: 3#maxAttempts: 1#" "$work/api/reg.yaml" >"$work/broken/reg.yaml"
expect 3 "broken/v0.1/servers?limit=100: HTTP 500" -- "$bin" render "$work/broken"
echo "ok: a registry without v0.1 falls back to /v0/servers, recorded in the lock; a 500 does not"

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
# A blob over the 64 MiB bound is refused, not copied into memory.
mkdir -p "$work/bigsrc" && git -C "$work/bigsrc" init -q -b main
head -c 70000000 /dev/zero >"$work/bigsrc/registry.json"
git -C "$work/bigsrc" add . && git -C "$work/bigsrc" -c user.email=t@e -c user.name=t commit -qm big
mcpregistry g "    type: git
    git: {repository: \"file://$work/bigsrc\", path: registry.json}" >"$work/f/reg.yaml"
expect 3 "registry.json is larger than 67108864 bytes" -- "$bin" render --refresh "$work/f/reg.yaml"
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
# A git server that accepts and then says nothing (git:// and http://), and a cache lock another
# run holds: libgit2 has no timeout of its own; the deadline (THV_RENDER_GIT_TIMEOUT) ends each.
sport_file="$work/stall.port"
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]) + "\n")
held = []
while True:
    c, _ = s.accept(); held.append(c)
' "$sport_file" &
pids+=($!)
for _ in $(seq 50); do [ -s "$sport_file" ] && break; sleep 0.1; done
sport=$(head -1 "$sport_file")
for url in "git://127.0.0.1:$sport/reg.git" "http://127.0.0.1:$sport/reg.git"; do
  gitreg "$url" ", branch: main"
  start=$(date +%s)
  expect 3 "timed out (or stalled) after 2s" -- env THV_RENDER_GIT_TIMEOUT=2 "$bin" render --refresh "$work/f/reg.yaml"
  [ $(($(date +%s) - start)) -le 5 ] || fail "a stalled git server held the render for over 5 s ($url)"
done
gitreg "file://$repo" ", branch: main"
held=()
for l in "$XDG_CACHE_HOME"/thv-render/git/*.lock; do  # held by this shell: no process to clean up
  exec {fd}>"$l" && flock "$fd" && held+=("$fd")
done
[ ${#held[@]} -gt 0 ] || fail "no cache lock file to hold"
expect 3 "another run held it for 2s" -- env THV_RENDER_GIT_TIMEOUT=2 "$bin" render --refresh "$work/f/reg.yaml"
for fd in "${held[@]}"; do exec {fd}>&-; done
expect 0 "" -- "$bin" render --refresh "$work/f/reg.yaml"
echo "ok: git over file:// and git://, refs, paths, corrupt cache, concurrent renders"

# --- RegistryData (v0.44.0): a git source fetched, filtered, locked and rendered for a registry
# server's file source; the second render --offline byte for byte; valid objects, kustomize builds.
mkdir -p "$work/rd"
cat >"$work/rd/registry.yaml" <<YAML
apiVersion: render.thv-render.stacklok.dev/v1alpha1
kind: RegistryData
metadata: {name: prod-registry, namespace: mcp}
spec:
  source:
    type: git
    format: toolhive
    git: {repository: "file://$repo", tag: v1, path: data/registry.json}
  filter: {tags: {include: [github, kubernetes]}}
  syncPolicy: {interval: 1h}
---
apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRegistry
metadata: {name: prod, namespace: mcp}
spec:
  configYAML: |
    sources:
      - name: production
        file: {path: /data/production/registry.json}
    registries: [{name: default, sources: [production]}]
  volumes: [{name: production, configMap: {name: prod-registry}}]
  volumeMounts: [{name: production, mountPath: /data/production, readOnly: true}]
YAML
v044=(--operator-version v0.44.0)
"$bin" render "${v044[@]}" "$work/rd" >"$work/rd.yaml" 2>"$work/err" || fail "RegistryData render: $(cat "$work/err")"
grep -q "\"resolved\": \"$(git -C "$work/src" rev-parse v1)\"" "$work/rd/thv-render.lock" || fail "RegistryData: lock lacks the commit"
grep -q '"mcp/prod-registry"' "$work/rd/thv-render.lock" || fail "RegistryData: lock key"
grep -q "render.thv-render.stacklok.dev/source-sha256: $(git -C "$work/src" show v1:data/registry.json | sha256sum | cut -d' ' -f1)" "$work/rd.yaml" ||
  fail "RegistryData: source-sha256 is not the sha256 of the committed file"
grep -q 'upstream-registry.schema.json' "$work/rd.yaml" && grep -q '"name": "io.github.stacklok/github"' "$work/rd.yaml" ||
  fail "RegistryData: registry.json is not the upstream registry: $(head -40 "$work/rd.yaml")"
! grep -q 'kind: RegistryData' "$work/rd.yaml" || fail "RegistryData emitted"
mv "$repo" "$repo.away"  # nothing to fetch from: --offline must not need it
"$bin" render "${v044[@]}" --offline "$work/rd" >"$work/rd-offline.yaml" 2>"$work/err" || fail "RegistryData offline: $(cat "$work/err")"
cmp -s "$work/rd.yaml" "$work/rd-offline.yaml" || fail "RegistryData: offline render differs from the first"
"$bin" list "${v044[@]}" "$work/rd" >"$work/out" 2>"$work/err"
grep -qE "^mcp +prod-registry +git file://.* tag v1 path data/registry.json +toolhive +[0-9]+ +20[0-9-]+T[0-9:]+Z +every 1h" "$work/out" ||
  fail "RegistryData list: $(cat "$work/out")"
mv "$repo.away" "$repo"
node "$root/tests/k8s_validate/validate.mjs" "$work/rd.yaml" >/dev/null || fail "RegistryData: kubernetes-models rejected the render"
rm -rf "$work/rd-out"
"$bin" render "${v044[@]}" --offline --output-dir "$work/rd-out" "$work/rd" 2>/dev/null || fail "RegistryData --output-dir"
kubectl kustomize "$work/rd-out" >"$work/rd-kustomized.yaml" || fail "RegistryData: kubectl kustomize rejected the output"
[ "$(grep -c '^kind: ' "$work/rd-kustomized.yaml")" = "$(grep -c '^kind: ' "$work/rd.yaml")" ] || fail "RegistryData: kustomize object count"
expect 0 "synced 1" -- "$bin" sync "${v044[@]}" "$work/rd"
expect 1 "not supported at 7002a239b" -- "$bin" render --operator-version 7002a239b --offline "$work/rd"
echo "ok: RegistryData from git at v0.44.0: locked, filtered, upstream registry.json, offline byte for byte, listed, valid, kustomize builds"

# --- sync and offline -----------------------------------------------------------------------
mkdir -p "$work/s"
gitreg "file://$repo" ", branch: main"
cp "$work/f/reg.yaml" "$work/s/"
expect 3 "not in the lock file" -- "$bin" render --offline "$work/s"
expect 0 "synced 1" -- "$bin" sync "$work/s"
expect 0 "" -- "$bin" render --offline "$work/s"
grep -q "\"resolved\": \"$(git -C "$work/src" rev-parse main)\"" "$work/s/thv-render.lock" || fail "lock lacks the commit"
echo "ok: sync writes the lock; --offline renders from it and refuses what is missing"

# --- credentials: refused in source URLs, taken from --netrc-file, never written or printed ---
# Every password below is distinct, so the final scan finds any of them wherever it leaked.
mkdir -p "$work/cred"
refuse() {  # refuse FIELD SOURCE-YAML HINT
  mcpregistry cred "$2" >"$work/cred/reg.yaml"
  expect 1 "$1: Invalid value: " -- "$bin" render "$work/cred"
  grep -qF -- "$3" "$work/err" || fail "refusal of $1 lacks '$3': $(cat "$work/err")"
  [ ! -e "$work/cred/thv-render.lock" ] || fail "a refused source left a lock file"
  expect 1 "$1" -- "$bin" validate "$work/cred"
}
refuse spec.source.url.endpoint "    type: url
    url: {endpoint: \"http://alice:pw-in-url-1@127.0.0.1:$port/good.json\"}" "--netrc-file FILE"
refuse spec.source.url.endpoint "    type: url
    url: {endpoint: \"https://pw-in-url-2@127.0.0.1:$port/good.json\"}" "machine 127.0.0.1 login USER"
FORMAT=upstream refuse spec.source.registry.endpoint "    type: registry
    registry: {endpoint: \"http://bob:pw-in-url-3@127.0.0.1:$port/api\"}" "--netrc-file FILE"
refuse spec.source.git.repository "    type: git
    git: {repository: \"https://carol:pw-in-url-4@127.0.0.1/reg.git\"}" "--netrc-file FILE"
refuse spec.source.git.repository "    type: git
    git: {repository: \"ssh://git:pw-in-url-5@127.0.0.1:1/reg.git\"}" "git over ssh authenticates with keys"
grep -qF "https://***@127.0.0.1" "$work/transcript" || fail "the refusal does not show the URL redacted"
# An ssh user name alone is how ssh URLs name the account: not refused (the fetch fails: no sshd).
for url in "ssh://git@127.0.0.1:1/reg.git" "git@127.0.0.1:reg.git"; do
  mcpregistry cred "    type: git
    git: {repository: \"$url\"}" >"$work/cred/reg.yaml"
  expect 3 "cannot fetch" -- "$bin" render --refresh "$work/cred"
done

printf 'machine 127.0.0.1\n  login alice\n  password s3cret-pw\n' >"$work/netrc"
printf 'machine 127.0.0.1 login alice password wrong-pw-6\n' >"$work/bad-netrc"
mkdir -p "$work/private"
mcpregistry private "    type: url
    url: {endpoint: \"http://127.0.0.1:$port/private.json\", timeout: 5s}" >"$work/private/reg.yaml"
expect 3 "HTTP 401 (credentials go in a netrc file: --netrc-file FILE)" -- "$bin" render "$work/private"
expect 3 "HTTP 401 (check the entry for this host in $work/bad-netrc)" -- "$bin" render --netrc-file "$work/bad-netrc" "$work/private"
expect 2 "not a regular file" -- "$bin" render --netrc-file "$work" "$work/private"
expect 2 "no such file" -- "$bin" sync --netrc-file "$work/nope" "$work/private"
THV_RENDER_NETRC_FILE="$work/netrc" expect 0 "" -- "$bin" render "$work/private"
grep -q "name: private-registry-storage" "$work/out" || fail "the Basic-auth source did not render"
expect 0 "synced 1" -- "$bin" sync --netrc-file "$work/netrc" "$work/private"
grep -qF "\"resolved\": \"http://127.0.0.1:$port/private.json\"" "$work/private/thv-render.lock" || fail "lock: resolved URL"

# git over HTTP with Basic auth: git http-backend behind a Python server, credentials by callback.
gport_file="$work/gport"
python3 "$root/tests/servers/git_http_server.py" "$work/repos" >"$gport_file" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$gport_file" ] && break; sleep 0.1; done
gport=$(head -1 "$gport_file")
mkdir -p "$work/gitauth"
mcpregistry gitauth "    type: git
    git: {repository: \"http://127.0.0.1:$gport/reg.git\", path: data/registry.json, branch: main}" >"$work/gitauth/reg.yaml"
expect 3 "go in a netrc file: --netrc-file FILE" -- "$bin" render "$work/gitauth"
expect 3 "the server rejected the credentials for 127.0.0.1 in $work/bad-netrc" -- \
  "$bin" render --netrc-file "$work/bad-netrc" "$work/gitauth"
expect 0 "" -- "$bin" render --netrc-file "$work/netrc" "$work/gitauth"
grep -q "name: gitauth-registry-storage" "$work/out" || fail "git over HTTP with netrc did not render"
grep -q "\"resolved\": \"$(git -C "$work/src" rev-parse main)\"" "$work/gitauth/thv-render.lock" || fail "git lock"

# A redirect whose Location carries userinfo: followed, and redacted wherever the URL is kept.
mkdir -p "$work/redir"
mcpregistry redir "    type: url
    url: {endpoint: \"http://127.0.0.1:$port/redirect-userinfo\", timeout: 5s}" >"$work/redir/reg.yaml"
expect 0 "" -- "$bin" render "$work/redir"
grep -qF "\"resolved\": \"http://***@127.0.0.1:$port/good.json\"" "$work/redir/thv-render.lock" ||
  fail "lock: the redirect target is not redacted: $(cat "$work/redir/thv-render.lock")"
mcpregistry redir "    type: url
    url: {endpoint: \"http://127.0.0.1:$port/redirect-userinfo-dead\", timeout: 2s}" >"$work/redir/reg.yaml"
expect 3 "cannot fetch" -- "$bin" render --refresh "$work/redir"

# No password anywhere: not in a lock file or its content, not in any output or message above.
for secret in pw-in-url-1 pw-in-url-2 pw-in-url-3 pw-in-url-4 pw-in-url-5 s3cret-pw wrong-pw-6 leaked-pw; do
  ! grep -qF -- "$secret" "$work/transcript" || fail "$secret printed: $(grep -F -- "$secret" "$work/transcript")"
  find "$work" -path "$work/repos" -prune -o -path "$work/cache" -prune -o -type f \
    \( -name '*.lock' -o -path '*.lock.d/*' -o -name '*.lock.tmp*' \) -print0 |
    xargs -0 -r grep -lF -- "$secret" && fail "$secret written to a lock file"
done
echo "ok: credentials refused in URLs (exit 1, at the field), taken from --netrc-file for HTTP and git over HTTP, redacted after redirects, in no lock file or message"

# --- lock file edges: a directory or FIFO is an error (never read, written or waited on) ------
mkdir -p "$work/edge/lockdir"
mkfifo "$work/edge/fifo"
mcpregistry edge "    type: url
    url: {endpoint: \"http://127.0.0.1:$port/good.json\", timeout: 5s}" >"$work/edge/reg.yaml"
expect 1 "the lock file is a directory" -- timeout 20 "$bin" render --lock "$work/edge/lockdir" "$work/edge/reg.yaml"
[ -z "$(ls -A "$work/edge/lockdir")" ] && [ ! -e "$work/edge/lockdir.d" ] || fail "wrote into or beside a directory --lock"
expect 1 "the lock file is not a regular file" -- timeout 20 "$bin" sync --lock "$work/edge/fifo" "$work/edge/reg.yaml"
[ -p "$work/edge/fifo" ] || fail "the FIFO --lock was replaced"
# Locked content replaced by a FIFO: refused without blocking on it.
expect 0 "synced 1" -- "$bin" sync --lock "$work/edge/ok.lock" "$work/edge/reg.yaml"
[ -z "$(find "$work/edge" -name '*.tmp*')" ] || fail "WriteLock left temporary files"
content=$(ls "$work/edge/ok.lock.d/"*.json)
rm "$content" && mkfifo "$content"
expect 3 "missing or does not match its sha256" -- timeout 20 "$bin" render --offline --lock "$work/edge/ok.lock" "$work/edge/reg.yaml"
# stdin has no directory: recording a fetch needs --lock (usage error), nothing lands in the cwd.
mkdir -p "$work/edge/cwd"
cd "$work/edge/cwd"
expect 2 "pass --lock FILE, or --refresh" -- sh -c '"$0" render - <"$1"' "$bin" "$work/edge/reg.yaml"
expect 2 "pass --lock FILE" -- sh -c '"$0" sync - <"$1"' "$bin" "$work/edge/reg.yaml"
expect 3 "pass --lock FILE" -- sh -c '"$0" render --offline - <"$1"' "$bin" "$work/edge/reg.yaml"
expect 0 "" -- sh -c '"$0" render --refresh - <"$1"' "$bin" "$work/edge/reg.yaml"
[ -z "$(ls -A)" ] || fail "a render from stdin wrote into the current directory: $(ls -A)"
expect 0 "" -- sh -c '"$0" render --lock "$2" - <"$1"' "$bin" "$work/edge/reg.yaml" "$work/edge/stdin.lock"
[ -f "$work/edge/stdin.lock" ] || fail "render - --lock FILE did not record the fetch"
cd "$work"
echo "ok: --lock as a directory or FIFO is an error, a FIFO as locked content does not block, stdin needs --lock to record"

# --- KRM function: an MCPRegistry renders from the kustomization directory's lock, offline ----
mkdir -p "$work/krm"
mcpregistry krm-reg "    type: url
    url: {endpoint: \"http://127.0.0.1:$port/good.json\", timeout: 5s}" >"$work/krm/registry.yaml"
expect 0 "synced 1" -- "$bin" sync "$work/krm"
{
  printf 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig:\n'
  sed 's/^/  /' "$work/krm/registry.yaml"
} >"$work/krm-list.yaml"
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done  # nothing to fetch from now on
krm() { THV_RENDER="$bin" "$root/plugins/kustomize/thv-render-krm" "$@" <"$work/krm-list.yaml"; }
cd "$work/krm"
expect 0 "" -- krm
grep -q "name: krm-reg-registry-storage" "$work/out" || fail "krm: no storage ConfigMap from the lock"
grep -q "toolhive.stacklok.dev/config-hash: $(sha256sum "$registry" | cut -d' ' -f1)" "$work/out" || fail "krm: hash"
if command -v kpt >/dev/null; then
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: unrelated}\n' >"$work/krm-pkg.yaml"
  mkdir -p "$work/krm-pkg" && mv "$work/krm-pkg.yaml" "$work/krm-pkg/cm.yaml"
  kpt fn source "$work/krm-pkg" | THV_RENDER="$bin" kpt fn eval - --exec "$root/plugins/kustomize/thv-render-krm" \
    --fn-config "$work/krm/registry.yaml" >"$work/kpt.yaml" 2>"$work/err" || fail "kpt fn eval: $(cat "$work/err")"
  grep -q "name: krm-reg-registry-storage" "$work/kpt.yaml" || fail "kpt: no storage ConfigMap"
fi
cd "$work"
# No thv-render.lock here: the error is a result in the ResourceList on stdout, exit 3.
set +e
krm >"$work/out" 2>"$work/err"
code=$?
set -e
[ "$code" = 3 ] || fail "krm without a lock exited $code, want 3"
grep -q "is not in the lock file" "$work/out" && grep -q "severity: error" "$work/out" ||
  fail "krm without a lock: no error result: $(cat "$work/out")"
grep -q "registry-storage" "$work/out" && fail "krm without a lock rendered something"
expect 0 "" -- krm --lock "$work/krm/thv-render.lock"
grep -q "name: krm-reg-registry-storage" "$work/out" || fail "krm --lock: no storage ConfigMap"
echo "ok: krm renders an MCPRegistry from ./thv-render.lock (or --lock) offline, and errors without one"
