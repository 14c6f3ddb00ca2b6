#!/usr/bin/env bash
# thv-render as a Helm post-renderer, with a stand-in for Helm that does what Helm does with one:
# render the chart's templates (the few template actions this chart uses), leave out partials,
# NOTES.txt and hooks, hand the manifests to the post-renderer on standard input (Helm 3: a
# "# Source:" comment per document; Helm 4: each document annotated with its file), install what
# it prints (Helm 4 strips its annotation again) and fail the release on a non-zero exit or an
# empty output, applying nothing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
chart=$root/testdata/helm/mcp-chart
export PATH="$(dirname "$bin"):$PATH"  # thv-render as Helm finds it

# helm_install HELM_MAJOR CHART RELEASE NAMESPACE POST-RENDERER [ARGS...]: the manifests Helm
# would apply on stdout, or Helm's error on stderr and exit 1.
helm_install() {
  local major=$1 dir=$2 release=$3 namespace=$4
  shift 4
  local stream=$work/helm-stream.yaml
  : >"$stream"
  local f
  for f in $(cd "$dir/templates" && ls | sort); do
    case $f in _* | NOTES.txt) continue ;; esac
    # Template actions, as the engine would fill them.
    sed -e "s/{{ \.Release\.Name }}/$release/g" -e "s/{{ \.Release\.Namespace }}/$namespace/g" \
      -e "s|{{ \.Values\.image }}|$(sed -n 's/^image: //p' "$dir/values.yaml")|g" \
      "$dir/templates/$f" >"$work/rendered"
    # One manifest per document; hooks go their own way, never through the post-renderer.
    awk -v major="$major" -v src="mcp-chart/templates/$f" -v file="templates/$f" '
      function flush() {
        if (doc ~ /kind:/ && doc !~ /helm\.sh\/hook:/) {
          if (major == 3) printf "---\n# Source: %s\n%s", src, doc
          else {
            sub(/\nmetadata:\n/, "\nmetadata:\n  annotations:\n    postrenderer.helm.sh/postrender-filename: \x27" file "\x27\n", doc)
            printf "---\n%s", doc
          }
        }
        doc = "\n"
      }
      BEGIN { doc = "\n" }
      /^---/ { flush(); next }
      /^#/ { next }
      { doc = doc $0 "\n" }
      END { flush() }' "$work/rendered" >>"$stream"
  done
  local out=$work/helm-post-rendered.yaml
  if ! "$@" <"$stream" >"$out" 2>"$work/helm-stderr"; then
    echo "Error: error while running post render on files: error while running command $1." \
      "error output:" >&2
    cat "$work/helm-stderr" >&2
    return 1
  fi
  if [ -z "$(tr -d ' \n' <"$out")" ]; then
    echo "Error: post-renderer \"$1\" produced empty output" >&2
    return 1
  fi
  if [ "$major" = 4 ]; then
    # splitAndDeannotate: the annotation goes, and an annotations map left empty with it.
    awk '/^  annotations:$/ { held = $0; next }
      held != "" { if ($0 ~ /^    postrenderer\.helm\.sh\/postrender-filename:/) { held = ""; next }
                   print held; held = "" }
      { print }' "$out"
  else
    cat "$out"
  fi
}

# --- Helm 3: --post-renderer thv-render --post-renderer-args render ... - ---
helm_install 3 "$chart" rel mcp thv-render render --namespace=mcp - >"$work/helm3.yaml" ||
  fail "the release failed"
grep -q "^# Source: mcp-chart/templates/servers.yaml" "$work/helm-stream.yaml" || fail "stand-in lost Helm's Source comments"
grep -q "kind: MCPServer" "$work/helm-stream.yaml" || fail "the chart's MCPServers never reached the post-renderer"
grep -q "rel-check" "$work/helm-stream.yaml" && fail "a hook reached the post-renderer"
grep -q "kind: MCPServer\|kind: MCPToolConfig" "$work/helm3.yaml" && fail "custom resources left in the release"
for object in "Deployment fetch" "Service mcp-fetch-proxy" "Deployment time" "ConfigMap fetch-runconfig" \
  "ConfigMap rel-settings" "ServiceAccount fetch-proxy-runner"; do
  awk -v kind="${object% *}" -v name="${object#* }" '
    /^kind: / { k = $2 } /^  name: / && k == kind && $2 == name { found = 1 } END { exit !found }' \
    "$work/helm3.yaml" || fail "the release lacks $object"
done
in_namespace=$(awk '/^metadata:$/ { m = 1; next } /^[^ ]/ { m = 0 } m && /^  namespace: mcp$/ { n++ }
  END { print n + 0 }' "$work/helm3.yaml")
[ "$in_namespace" = "$(grep -c '^kind: ' "$work/helm3.yaml")" ] ||
  fail "not every object is in the release namespace"
node "$root/tests/k8s_validate/validate.mjs" "$work/helm3.yaml" >/dev/null || fail "the release's objects are invalid"
# Exactly what rendering the same documents directly gives.
"$bin" render --namespace=mcp - <"$work/helm-stream.yaml" >"$work/direct.yaml" 2>/dev/null
cmp -s "$work/helm3.yaml" "$work/direct.yaml" || fail "post-rendered differs from a direct render"
echo "ok: Helm 3 post-renderer: $(grep -c '^kind: ' "$work/helm3.yaml") plain objects, no custom resources"

# --- Helm 4: the postrenderer/v1 plugin in plugins/helm (command and args from its plugin.yaml,
# --post-renderer-args appended) ---
plugin=$root/plugins/helm/plugin.yaml
command=$(sed -n 's/^ *- command: *//p' "$plugin")
args=$(sed -n 's/^ *args: *\[\(.*\)\]$/\1/p' "$plugin" | tr -d '",')
[ "$command $args" = "thv-render render -" ] || fail "unexpected plugin command: $command $args"
helm_install 4 "$chart" rel mcp $command $args --namespace=mcp >"$work/helm4.yaml" || fail "the Helm 4 release failed"
grep -q "postrender-filename" "$work/helm-stream.yaml" || fail "stand-in did not annotate as Helm 4 does"
cmp -s "$work/helm4.yaml" "$work/helm3.yaml" ||
  fail "Helm 4's annotated stream renders differently: $(diff "$work/helm3.yaml" "$work/helm4.yaml" | head)"
echo "ok: Helm 4 post-renderer plugin: the same objects from the annotated stream"

# --- A chart thv-render refuses fails the release: non-zero exit, the error shown, nothing applied ---
cp -r "$chart" "$work/bad-chart"
sed -i 's/transport: stdio/transport: carrier-pigeon/' "$work/bad-chart/templates/servers.yaml"
if helm_install 3 "$work/bad-chart" rel mcp thv-render render --namespace=mcp - >"$work/bad.yaml" 2>"$work/err"; then
  fail "a chart with an invalid MCPServer installed"
fi
grep -q "spec.transport" "$work/err" || fail "the release error does not name the field: $(cat "$work/err")"
[ ! -s "$work/bad.yaml" ] || fail "a failed release applied objects"
echo "ok: an invalid MCPServer fails the release with thv-render's error"
