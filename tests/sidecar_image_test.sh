#!/usr/bin/env bash
# The Argo CD sidecar image without a container runtime: its file system assembled as
# plugins/argocd/Containerfile does (cmake --install, then plugins/argocd/image-rootfs), and the
# plugin's discover and generate steps run inside it as argocd-cmp-server runs them: chrooted,
# as user 999, in the application's directory, with the application's environment. Network
# sources (libcurl and libgit2, dlopen()ed) are fetched inside it from 127.0.0.1 and file://.
#   sidecar_image_test.sh BIN BUILD_DIR     (as root: chroot)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$(realpath "$2")
if [ "$(id -u)" != 0 ]; then
  echo "skip: chroot needs root"
  exit 77
fi
chmod 755 "$work"

DESTDIR=$work/staging cmake --install "$build" --prefix /usr >/dev/null
image=$work/rootfs
"$root/plugins/argocd/image-rootfs" "$work/staging" "$image"
[ ! -e "$image/bin/sh" ] && [ ! -e "$image/usr/bin/sh" ] || fail "the image holds a shell"
cmp -s "$image/home/argocd/cmp-server/config/plugin.yaml" "$root/plugins/argocd/plugin.yaml" ||
  fail "plugin.yaml is not where argocd-cmp-server reads it"
[ -s "$image/etc/ssl/certs/ca-certificates.crt" ] || fail "no CA bundle"
echo "ok: image file system: $(find "$image" -type f | wc -l) files, $(du -sh "$image" | cut -f1)"

# in_image DIR [NAME=VALUE...] -- COMMAND...: what argocd-cmp-server does (exec with Dir and Env),
# inside the image, as the sidecar's user.
in_image() {
  python3 - "$image" "$@" <<'PY'
import os, sys
image, cwd, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
sep = rest.index("--")
env = dict(item.split("=", 1) for item in rest[:sep])
argv = rest[sep + 1:]
os.chroot(image)
os.chdir(cwd)
os.setgroups([])
os.setgid(999)
os.setuid(999)
os.execvpe(argv[0], argv, env)  # PATH looked up as Go's exec.Command does
PY
}

# The plugin's own commands, from plugin.yaml.
discover=$(sed -n '/discover:/,/generate:/s/^ *command: \[\(.*\)\]$/\1/p' "$root/plugins/argocd/plugin.yaml" | tr -d ',')
generate=$(sed -n '/generate:/,/parameters:/s/^ *command: \[\(.*\)\]$/\1/p' "$root/plugins/argocd/plugin.yaml" | tr -d ',')
[ "$discover" = "thv-render argocd-discover" ] && [ "$generate" = "thv-render argocd-generate" ] ||
  fail "unexpected plugin commands: '$discover' '$generate'"
app_env=(PATH=/usr/bin HOME=/home/argocd ARGOCD_APP_NAME=mcp ARGOCD_APP_NAMESPACE=apps
  ARGOCD_APP_SOURCE_PATH=app PARAM_PART_OF_LABEL=true)

app=$image/tmp/app
cp -r "$root/testdata/servers/v0.44.0/full" "$app"
chmod -R a+rX "$app"
found=$(in_image /tmp/app "${app_env[@]}" -- $discover)
[ -n "$found" ] || fail "discover did not claim the application inside the image"
in_image /tmp/app "${app_env[@]}" -- $generate >"$work/image.yaml" 2>"$work/err" ||
  fail "generate inside the image: $(cat "$work/err")"
(cd "$app" && env -i "${app_env[@]/#PATH=*/PATH=$PATH}" "$bin" argocd-generate >"$work/host.yaml" 2>/dev/null)
cmp -s "$work/image.yaml" "$work/host.yaml" || fail "generate inside the image differs from the host's"
grep -q "app.kubernetes.io/part-of: mcp" "$work/image.yaml" || fail "parameters did not reach generate"
# A directory Argo CD builds with kustomize is left to it, unless the application asks.
echo 'resources: [10-servers.yaml, 20-references.yaml]' >"$app/kustomization.yaml"
[ -z "$(in_image /tmp/app "${app_env[@]}" -- $discover)" ] || fail "discover claimed a kustomization"
[ -n "$(in_image /tmp/app "${app_env[@]}" ARGOCD_ENV_KUSTOMIZE_DIRS=true -- $discover)" ] ||
  fail "discover ignored ARGOCD_ENV_KUSTOMIZE_DIRS inside the image"
echo "ok: discover and generate run inside the image as user 999 and render as on the host"

# Network sources inside the image: libcurl (url) from a server on 127.0.0.1, libgit2 (git) from
# a repository inside the image; OFFLINE=false as the parameter sets it.
mkdir -p "$image/tmp/src" "$image/tmp/net"
python3 "$root/tests/servers/registry_server.py" "$root/testdata/registry/registry.json" \
  "$root/testdata/registry/api-servers.json" >"$work/port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
registry_git_repo "$image/tmp/src"
chown -R 999:999 "$image/tmp/src"  # libgit2 refuses a repository its user does not own
{
  mcpregistry_doc web "{type: url, url: {endpoint: \"http://127.0.0.1:PORT/good.json\", timeout: 10s}}"
  echo ---
  mcpregistry_doc repo "{type: git, git: {repository: \"file:///tmp/src\", path: registry.json}}"
} >"$work/registries.yaml"
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the registry server did not start"
sed "s/PORT/$(head -1 "$work/port")/" "$work/registries.yaml" >"$image/tmp/net/registries.yaml"
chmod -R a+rwX "$image/tmp/net"
in_image /tmp/net "${app_env[@]}" PARAM_OPERATOR_VERSION=7002a239b PARAM_OFFLINE=false \
  XDG_CACHE_HOME=/tmp/cache -- $generate >"$work/net.yaml" 2>"$work/err" ||
  fail "network sources inside the image: $(cat "$work/err")"
grep -q "name: web-registry-storage" "$work/net.yaml" || fail "the url source (libcurl) rendered nothing"
grep -q "name: repo-registry-storage" "$work/net.yaml" || fail "the git source (libgit2) rendered nothing"
echo "ok: inside the image, libcurl and libgit2 load and fetch (url from 127.0.0.1, git from file://)"
