#!/usr/bin/env bash
# Hostile and careless use that testdata/bad/ cannot express: output directories that are
# inputs, symlink cycles, FIFOs and devices, endless streams, full disks and closed stdout,
# flag and environment values, paths leading out of an Argo CD application, terminal escapes.
# Each case checks the exit code, the words on stderr, and that nothing was touched.
set -uo pipefail
source "$(dirname "$0")/lib.sh"  # its fail is replaced below
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
cd "$work" || exit 1
failures=0 count=0

fail() {
  echo "FAIL $1: $2"
  sed 's/^/    /' err | head -5
  failures=$((failures + 1))
}

# expect NAME CODE TEXT COMMAND...: runs COMMAND (stdout to ./out, stderr to ./err, at most
# 20 s), then checks the exit code and that stderr holds TEXT.
expect() {
  local name=$1 want=$2 text=$3
  shift 3
  count=$((count + 1))
  timeout 20 "$@" >out 2>err </dev/null
  local code=$?
  if [ "$code" != "$want" ]; then
    fail "$name" "exit $code, want $want"
  elif [ -n "$text" ] && ! grep -qF -- "$text" err; then
    fail "$name" "stderr lacks '$text'"
  fi
}

# A listing of a tree with every file's content hash, to prove it unchanged.
snapshot() { (cd "$1" && find . -printf '%p %y %l\n' | sort && find . -type f -exec sha256sum {} + | sort); }

same_tree() {
  count=$((count + 1))
  if [ "$(snapshot "$2")" != "$(cat "$3")" ]; then
    fail "$1" "$2 changed"
  fi
}

server() {
  cat <<EOF
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: ${1:-fetch}
  namespace: mcp
spec:
  image: ghcr.io/stackloklabs/gofetch/server:1.0.1
  transport: streamable-http
  targetPort: 8080
EOF
}

# --- 1. --output-dir that is, holds or lies inside an input -------------------------------
mkdir -p deploy/mcp deploy/other
server >deploy/mcp/fetch.yaml
echo "unrelated" >deploy/notes.txt
echo "keep" >deploy/other/keep.yaml
ln -s deploy deploy-link
snapshot deploy >deploy.before
for args in "deploy deploy" "deploy deploy/mcp" "deploy/mcp/rendered deploy/mcp" \
  "deploy/. deploy/mcp/" "deploy/mcp/../mcp deploy" "deploy-link deploy/mcp" \
  "deploy/mcp deploy-link/mcp/fetch.yaml" "deploy/other --context deploy/other deploy/mcp" \
  "deploy/new --lock deploy/new/thv-render.lock deploy/mcp"; do
  read -r -a a <<<"$args"
  expect "output-dir ${a[*]}" 2 "--output-dir" "$bin" render --output-dir "${a[@]}"
  same_tree "output-dir ${a[*]}" deploy deploy.before
  expect "check output-dir ${a[*]}" 2 "would delete inputs" "$bin" render --check --output-dir "${a[@]}"
done
expect "output-dir empty" 2 "--output-dir" "$bin" render --output-dir "" deploy/mcp
expect "output-dir with -o json" 2 "-o json" "$bin" render -o json --output-dir rendered deploy/mcp
[ ! -e rendered ] || fail "output-dir with -o json" "wrote rendered/"
expect "output-dir a file" 2 "not a directory" "$bin" render --output-dir deploy/notes.txt deploy/mcp
same_tree "output-dir a file" deploy deploy.before

# A directory holding anything thv-render did not write is not replaced, stdin input or not.
expect "output-dir with other files" 2 "did not write (mcp, notes.txt, other)" \
  bash -c "'$bin' render --output-dir deploy - <deploy/mcp/fetch.yaml"
same_tree "output-dir with other files" deploy deploy.before
expect "output-dir /" 2 "did not write" bash -c "'$bin' render --output-dir / - <deploy/mcp/fetch.yaml"

# A symlinked output directory: the directory it names is replaced, the link stays.
mkdir real-out && echo stale >real-out/stale.yaml && ln -s real-out out-link
printf 'resources:\n- stale.yaml\n' >real-out/kustomization.yaml  # an earlier render's
expect "output-dir symlink" 0 "" "$bin" render --output-dir out-link deploy/mcp
count=$((count + 1))
[ -L out-link ] && [ "$(readlink out-link)" = real-out ] && [ -f real-out/kustomization.yaml ] &&
  [ ! -e real-out/stale.yaml ] || fail "output-dir symlink" "link not kept or target not replaced"
ln -s not-yet dangling-link
expect "output-dir dangling symlink" 0 "" "$bin" render --output-dir dangling-link deploy/mcp
count=$((count + 1))
[ -L dangling-link ] && [ -f not-yet/kustomization.yaml ] || fail "dangling symlink" "not followed"

# --- 2. Hangs and unbounded reads -----------------------------------------------------------
mkdir -p loop/a/b
server loop >loop/a/b/server.yaml
ln -s .. loop/a/b/up
ln -s ../.. loop/a/b/up2
ln -s ../../a loop/a/b/again
count=$((count + 1))
start=$(date +%s%N)
timeout 20 "$bin" render loop >out 2>err
code=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ $code != 0 ] || [ "$(grep -c '^kind: Deployment' out)" != 1 ] || [ $ms -gt $((5000 * ${THV_TIME_FACTOR:-1})) ]; then
  fail "symlink cycles" "exit $code, $(grep -c '^kind: Deployment' out) Deployments, $ms ms"
fi
mkfifo fifo fifo-dir-parent
mkdir fifodir && mkfifo fifodir/x.yaml
expect "fifo input" 1 "not a regular file" "$bin" render fifo
expect "fifo in a directory" 1 "not a regular file" "$bin" render fifodir
expect "fifo as --context" 1 "not a regular file" "$bin" render --context fifo deploy/mcp
expect "fifo as --check-file" 2 "not a regular file" "$bin" render --check-file fifo deploy/mcp
expect "directory as --check-file" 2 "not a regular file" "$bin" render --check-file deploy deploy/mcp
expect "/dev/zero input" 1 "not a regular file" "$bin" render /dev/zero
expect "/dev/zero as --context" 1 "not a regular file" "$bin" render --context /dev/zero deploy/mcp
expect "/dev/zero as --max-input-bytes-limited stdin" 1 "larger than the limit" \
  bash -c "'$bin' render --max-input-bytes 1000 - </dev/zero"
expect "endless stdin" 1 "larger than the limit" bash -c "yes | '$bin' render --max-input-bytes 100000 -"
expect "endless stdin to krm" 1 "larger than the limit" bash -c "'$bin' krm </dev/zero"
# A 50 MB file over a 1000-byte limit: refused without being read (peak RSS as for a tiny file;
# a sanitizer build's own overhead cancels out).
head -c 50000000 /dev/zero >big.yaml
head -c 100 /dev/zero >small.yaml
count=$((count + 1))
/usr/bin/time -f '%M' -o rss-small timeout 20 "$bin" render --max-input-bytes 1000 small.yaml >out 2>err
/usr/bin/time -f '%M' -o rss timeout 20 "$bin" render --max-input-bytes 1000 big.yaml >out 2>err
code=$?
growth=$(($(tail -1 rss) - $(tail -1 rss-small)))
{ [ $code = 1 ] && grep -qF "larger than the limit of 1000" err && [ $growth -lt 10000 ]; } ||
  fail "max-input-bytes stops reading" "exit $code, peak RSS $growth KB above a tiny file's"
ln -s self-loop self-loop
expect "symlink loop" 1 "too many levels of symbolic links" "$bin" render self-loop
ln -s missing dangling.yaml
expect "dangling symlink" 1 "no such file or directory" "$bin" render dangling.yaml

# --- 3. Output that does not arrive is a failure ------------------------------------------
for cmd in "render deploy/mcp" "render -o json deploy/mcp" "list deploy/mcp" "version" \
  "validate deploy/mcp" "completion bash"; do
  read -r -a a <<<"$cmd"
  expect "$cmd > /dev/full" 4 "cannot write standard output: No space left on device" \
    bash -c "'$bin' ${cmd} >/dev/full"
  expect "$cmd >&-" 4 "cannot write standard output: Bad file descriptor" \
    bash -c "'$bin' ${cmd} >&-"
done
mkdir ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
  expect "output-dir not writable" 4 "Permission denied" "$bin" render --output-dir ro/out deploy/mcp
fi

# --- 7. Values from flags and the environment ---------------------------------------------
for flag in "--namespace Bad_NS" "--namespace" "--add-label bad_key!=v" "--add-label k=-bad-" \
  "--add-label k=$(printf 'v%.0s' {1..64})" "--proxy-image a\ b" "--proxy-image --help" \
  "--proxy-host a\ b" "--registry-api-image UPPER/Case" "--max-input-bytes -1" \
  "--max-input-bytes 99999999999999999999999" "--lock" "--input-root"; do
  eval "a=($flag)"
  [ ${#a[@]} = 1 ] && a+=("")
  expect "flag ${a[*]}" 2 "${a[0]}: " "$bin" render "${a[@]}" deploy/mcp
done
expect "ARGOCD_APP_NAMESPACE" 2 "Invalid value" \
  env -C deploy ARGOCD_APP_NAMESPACE=Bad_NS "$bin" argocd-generate
expect "Argo CD part-of label" 2 "Invalid value" env -C deploy ARGOCD_APP_NAME="$(printf 'a%.0s' {1..70})" \
  PARAM_PART_OF_LABEL=true "$bin" argocd-generate
count=$((count + 1))
args=()
for i in $(seq 1 50000); do args+=(--add-label "k$i=v"); done
start=$(date +%s%N)
"$bin" render "${args[@]}" deploy/mcp >out 2>err
code=$?
ms=$((($(date +%s%N) - start) / 1000000))
{ [ $code = 0 ] && grep -q "k50000: v" out && [ $ms -lt $((5000 * ${THV_TIME_FACTOR:-1})) ]; } ||
  fail "50,000 labels" "exit $code in $ms ms"

# --- 10. Paths outside the Argo CD application ---------------------------------------------
mkdir -p repo/apps/mine repo/apps/other
server mine >repo/apps/mine/server.yaml
printf 'apiVersion: v1\nkind: Secret\nmetadata: {name: theirs}\nstringData: {token: s3cret}\n' \
  >repo/apps/other/secret.yaml
expect "argocd PATH ../other" 1 "outside the input root" \
  env -C repo/apps/mine PARAM_PATH=../other "$bin" argocd-generate
expect "argocd PATH absolute" 1 "outside the input root" \
  env -C repo/apps/mine PARAM_PATH="$work/repo/apps/other" "$bin" argocd-generate
ln -s ../other/secret.yaml repo/apps/mine/linked.yaml
expect "argocd symlink out of the app" 1 "outside the input root" \
  env -C repo/apps/mine "$bin" argocd-generate
count=$((count + 1))
! grep -q s3cret out || fail "argocd symlink out of the app" "printed another app's Secret"
rm repo/apps/mine/linked.yaml
expect "argocd inside the app" 0 "" env -C repo/apps/mine "$bin" argocd-generate

# --- 11. Terminal escapes in what is printed ------------------------------------------------
esc=$(printf '\033]0;pwned\007\033[2J')
printf 'apiVersion: v1\nkind: "Widget%s"\nmetadata:\n  name: "w%s"\n' "$esc" "$esc" >esc.yaml
printf 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata:\n  name: "x%s"\nspec: {image: "i%s"}\n' \
  "$esc" "$esc" >esc-server.yaml
for cmd in "render esc-server.yaml" "validate esc.yaml" "list esc.yaml" "render esc.yaml"; do
  read -r -a a <<<"$cmd"
  count=$((count + 1))
  "$bin" "${a[@]}" >out 2>err
  if grep -q $'\033' err || { [ "${a[0]}" != render ] && grep -q $'\033' out; }; then
    fail "escapes: $cmd" "raw ESC printed"
  fi
done

# --- 12. kustomization.yaml from names that need quoting, names that differ in case ----------
cat >names.yaml <<'EOF'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: "a#b: c", namespace: mcp}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: Admin, namespace: mcp}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: admin, namespace: mcp}
EOF
expect "names needing quotes" 0 "" "$bin" render --output-dir names-out names.yaml
count=$((count + 1))
kubectl kustomize names-out >built 2>err && [ "$(grep -c '^kind: Role' built)" = 3 ] ||
  fail "names needing quotes" "kubectl kustomize does not build all three"

echo "$((count - failures)) passed, $failures failed"
[ "$failures" = 0 ]
