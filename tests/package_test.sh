#!/usr/bin/env bash
# cmake --install and cpack -G DEB: every file where it belongs, the man page and completions
# generated from the CLI, the installed plugins working from their installed place, and the .deb
# declaring the packages that provide the libraries thv-render dlopen()s, unpacked and run.
#   package_test.sh BIN BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$(realpath "$2")

# --- cmake --install into a fresh prefix ---
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/thv-render share/man/man1/thv-render.1 share/bash-completion/completions/thv-render \
  share/zsh/site-functions/_thv-render share/thv-render/kustomize/install \
  share/thv-render/kustomize/thv-render-kustomize share/thv-render/kustomize/thv-render-names \
  share/thv-render/kustomize/thv-render-krm \
  share/thv-render/argocd/plugin.yaml share/thv-render/argocd/sidecar-patch.yaml \
  share/thv-render/argocd/Containerfile share/thv-render/argocd/image-rootfs \
  share/thv-render/helm/plugin.yaml; do
  [ -f "$prefix/$f" ] || fail "cmake --install did not install $f"
done
cmp -s "$prefix/bin/thv-render" "$bin" || fail "the installed binary is not the built one"
# The man page is thv-render's own help, rendered without a warning.
cmp -s "$prefix/share/man/man1/thv-render.1" <("$bin" help --man) ||
  fail "the installed man page is not thv-render help --man"
warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/thv-render.1" 2>&1)
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
MANWIDTH=80 man -l "$prefix/share/man/man1/thv-render.1" 2>/dev/null | grep -q "thv-render render \[OPTIONS\] \[PATH...\]" ||
  fail "man does not show the render synopsis"
# Every command is in the man page and both completions (all three come from one table).
commands=$("$bin" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }')
for c in render schema kustomize-transform argocd-discover help; do
  echo "$commands" | grep -qx "$c" || fail "thv-render --help does not list $c: $commands"
done
for c in $commands; do
  grep -qF ".SS \"thv\\-render ${c//-/\\-}" "$prefix/share/man/man1/thv-render.1" ||
    fail "the man page lacks the command $c"
  grep -qw -- "$c" "$prefix/share/bash-completion/completions/thv-render" ||
    fail "the bash completion lacks the command $c"
  grep -qw -- "$c" "$prefix/share/zsh/site-functions/_thv-render" ||
    fail "the zsh completion lacks the command $c"
done
# Completion: bash-completion loads completions/<command>; zsh's own fpath holds the directories.
bash -c "source '$prefix/share/bash-completion/completions/thv-render' && complete -p thv-render" |
  grep -q _thv_render || fail "the bash completion does not register"
if command -v zsh >/dev/null; then
  zsh -fc 'print -l $fpath' | grep -qx /usr/local/share/zsh/site-functions ||
    fail "zsh does not read /usr/local/share/zsh/site-functions"
  zsh -fc 'print -l $fpath' | grep -qx /usr/share/zsh/vendor-completions ||
    fail "zsh does not read /usr/share/zsh/vendor-completions"
  registered=$(HOME=$work zsh -fc "fpath=('$prefix/share/zsh/site-functions' \$fpath);
    autoload -U compinit && compinit -u -d '$work/zcompdump' && print -r -- \${_comps[thv-render]}")
  [ "$registered" = _thv-render ] || fail "zsh's compinit does not find _thv-render: '$registered'"
fi
echo "ok: cmake --install puts the binary, man page, completions and plugins in place"

# The installed kustomize installer finds the installed binary (not one on PATH) and the plugin
# it writes runs it; the KRM wrapper too.
env -i PATH=/usr/bin:/bin HOME="$work" "$prefix/share/thv-render/kustomize/install" "$work/cfg" >/dev/null
plugin=$work/cfg/kustomize/plugin/toolhive.stacklok.dev/v1alpha1/mcpserver/MCPServer
grep -qF "\"$prefix/bin/thv-render\"" "$plugin" ||
  fail "the installed installer did not use the installed binary: $(grep exec "$plugin")"
cp -r "$root/plugins/kustomize/example" "$work/kz"
(cd "$work/kz" && THV_RENDER_OPERATOR_VERSION=7002a239b XDG_CONFIG_HOME="$work/cfg" \
  kubectl kustomize --enable-alpha-plugins . >"$work/kz.yaml" 2>"$work/err") ||
  fail "kubectl kustomize with the installed plugin: $(cat "$work/err")"
grep -q "name: team-fetch$" "$work/kz.yaml" || fail "the installed plugin rendered nothing"
# The example lists the NameTransformer: the proxy's RunConfig names follow namePrefix.
names=$work/cfg/kustomize/plugin/thv-render.stacklok.dev/v1/nametransformer/NameTransformer
grep -qF "\"$prefix/bin/thv-render\" kustomize-transform" "$names" ||
  fail "the installed NameTransformer does not run the installed binary: $(grep exec "$names")"
grep -q '"name": "team-fetch"' "$work/kz.yaml" ||
  fail "the installed NameTransformer did not rename inside the RunConfig"
printf 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\nfunctionConfig:\n%s\n' \
  "$(sed 's/^/  /' "$root/plugins/kustomize/example/fetch.yaml")" >"$work/rl.yaml"
cp "$root/plugins/kustomize/example/tools.yaml" "$work/"
PATH="$prefix/bin:/usr/bin:/bin" THV_RENDER_OPERATOR_VERSION=7002a239b \
  "$prefix/share/thv-render/kustomize/thv-render-krm" <"$work/rl.yaml" >"$work/krm.yaml" 2>"$work/err" || true
grep -q "kind: ResourceList" "$work/krm.yaml" || fail "the installed KRM wrapper: $(cat "$work/err")"
echo "ok: the installed kustomize plugin installer and KRM wrapper run the installed thv-render"

# --- cpack -G DEB ---
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || fail "cpack: $(cat "$work/cpack.log")"
deb=$(ls "$work"/pkg/thv-render_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "$depends" | grep -q "libc6 (>= " || fail "Depends lacks libc6: $depends"
# Each library thv-render dlopen()s: the package that provides it here must be a dependency.
sonames=$("$bin" version | sed -n 's/^Loaded at run time for network registry sources: //p' |
  tr ' ,' '\n\n' | grep '^lib.*\.so')
[ "$(echo "$sonames" | wc -l)" = 2 ] || fail "thv-render version names no libraries: $sonames"
for soname in $sonames; do
  path=$(ldconfig -p | awk -v s="$soname" '$1 == s { print $NF; exit }')
  package=$(dpkg-query -S "$(realpath "$path")" | sed 's/:.*//')
  echo ", $depends," | grep -q ", $package (>= [^)]*)," ||
    fail "Depends ($depends) does not name $package, which provides $soname"
done
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for f in ./usr/bin/thv-render ./usr/share/man/man1/thv-render.1 \
  ./usr/share/bash-completion/completions/thv-render ./usr/share/zsh/vendor-completions/_thv-render \
  ./usr/share/thv-render/kustomize/install ./usr/share/thv-render/argocd/plugin.yaml; do
  echo "$contents" | grep -qxF "$f" || fail "the .deb lacks $f"
done
# Unpacked, the binary renders as the built one does, and loads libcurl and libgit2.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/thv-render" render "$root/testdata/servers/v0.44.0/full" >"$work/deb.yaml" 2>/dev/null
"$bin" render "$root/testdata/servers/v0.44.0/full" >"$work/built.yaml" 2>/dev/null
cmp -s "$work/deb.yaml" "$work/built.yaml" || fail "the packaged binary renders differently"
mkdir -p "$work/src" "$work/reg"
registry_git_repo "$work/src"
mcpregistry_doc g "{type: git, git: {repository: \"file://$work/src\", path: registry.json}}" \
  >"$work/reg/reg.yaml"
XDG_CACHE_HOME=$work/cache "$work/root/usr/bin/thv-render" render --operator-version 7002a239b \
  --refresh "$work/reg/reg.yaml" >"$work/reg.out" 2>"$work/err" || fail "git source from the .deb: $(cat "$work/err")"
grep -q "name: g-registry-storage" "$work/reg.out" || fail "the git source rendered nothing"
echo "ok: cpack -G DEB: $(basename "$deb"), Depends: $depends; unpacked, it renders and loads libgit2"
