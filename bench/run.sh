#!/usr/bin/env bash
# Benchmarks thv-render side by side with its yardsticks, in one run (see README.md), and
# rewrites the results table in bench/README.md.
#   bash bench/run.sh            # every case, 10 runs each
#   RUNS=3 bash bench/run.sh     # fewer runs
#   SIZES="1 100" bash bench/run.sh  # only these server counts (the scaling line needs 1000 and 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${THV_RENDER:-build/thv-render}
[ -x "$bin" ] || { echo "build first: bash scripts/setup.sh" >&2; exit 2; }
runs=${RUNS:-10}
out=bench/out
mkdir -p "$out"
rows=$out/rows.md
: >"$rows"

# measure NAME PREPARE COMMAND: prints "median_ms cpu_ms rss_mb" (hyperfine median, user+system
# of the median-ish mean, peak RSS from GNU time). PREPARE runs before every timed run.
measure() {
  local name=$1 prepare=$2 cmd=$3
  local args=(-N --style none --warmup 2 --runs "$runs" --export-json "$out/$name.json")
  [ -n "$prepare" ] && args+=(--prepare "$prepare")
  hyperfine "${args[@]}" -- "$cmd" >/dev/null 2>&1
  [ -n "$prepare" ] && eval "$prepare"
  local rss
  rss=$( { /usr/bin/time -f %M sh -c "exec $cmd >/dev/null"; } 2>&1 | tail -1)
  python3 - "$out/$name.json" "$rss" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f %d" % (r["median"] * 1000, (r["user"] + r["system"]) * 1000, int(sys.argv[2]) // 1024))
PY
}

ratio() { python3 -c "print('%.1fx' % ($1 / $2))"; }

# row CASE COMMAND WALL CPU RSS [YARDSTICK YARD_COMMAND YARD_WALL RATIO]
row() {
  printf '| %s | `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5" \
    "${6:-}" "${7:+\`$7\`}" "${8:-}" "${9:-}" >>"$rows"
}

declare -A wall
for n in ${SIZES:-1 100 1000 10000}; do
  python3 bench/gen.py servers "$n" "$out/servers-$n.yaml"
  "$bin" render --operator-version 7002a239b "$out/servers-$n.yaml" >"$out/rendered-$n.yaml"
  rm -rf "$out/dir-$n" && "$bin" render --operator-version 7002a239b --output-dir "$out/dir-$n" "$out/servers-$n.yaml"

  cmd="$bin render --operator-version 7002a239b $out/servers-$n.yaml"
  read -r ms cpu rss < <(measure "render-$n" "" "$cmd")
  wall[$n]=$ms
  cat_cmd="cat $out/rendered-$n.yaml"
  read -r cat_ms _ _ < <(measure "cat-$n" "" "$cat_cmd")
  row "$n MCPServers to stdout" "$cmd" "$ms" "$cpu" "$rss" "I/O floor" "$cat_cmd" "$cat_ms" \
    "$(ratio "$ms" "$cat_ms") of it"
  # The same mix as v0.44.0 reads it (v1beta1), against the 7002a239b render above.
  python3 bench/gen.py servers-v1beta1 "$n" "$out/servers-v1beta1-$n.yaml"
  beta_cmd="$bin render --operator-version v0.44.0 $out/servers-v1beta1-$n.yaml"
  read -r beta_ms beta_cpu beta_rss < <(measure "render-v1beta1-$n" "" "$beta_cmd")
  row "$n MCPServers to stdout at v0.44.0" "$beta_cmd" "$beta_ms" "$beta_cpu" "$beta_rss" \
    "the same mix at 7002a239b" "$cmd" "$ms" "$(ratio "$beta_ms" "$ms") of it"
  if [ "$n" -le 100 ]; then
    k_cmd="kubectl kustomize $out/dir-$n"
    read -r k_ms _ _ < <(measure "kustomize-$n" "" "$k_cmd")
    row "$n MCPServers to stdout" "$cmd" "$ms" "$cpu" "$rss" "kustomize over the output" \
      "$k_cmd" "$k_ms" "$(ratio "$k_ms" "$ms") faster"
  fi

  # --output-dir into a new directory, against copying the same files; then a re-render into
  # a directory that already holds the output (the usual CI run), which writes nothing. Earlier
  # outputs are moved aside, not deleted, between runs: for ~30 s after files are deleted, ext4
  # scans past their inodes when creating files, which would time the file system's recovery.
  mkdir -p "$out/trash"
  aside() { echo "sh -c 'mv $1 $out/trash/\$(date +%s%N) 2>/dev/null; true'"; }
  cmd="$bin render --operator-version 7002a239b --output-dir $out/new-$n $out/servers-$n.yaml"
  read -r ms cpu rss < <(measure "outdir-$n" "$(aside "$out/new-$n")" "$cmd")
  cp_cmd="cp -r $out/dir-$n $out/copy-$n"
  read -r cp_ms _ _ < <(measure "cp-$n" "$(aside "$out/copy-$n")" "$cp_cmd")
  row "$n MCPServers, --output-dir (new)" "$cmd" "$ms" "$cpu" "$rss" "writing the same files" \
    "$cp_cmd" "$cp_ms" "$(ratio "$ms" "$cp_ms") of it"
  cmd="$bin render --operator-version 7002a239b --output-dir $out/dir-$n $out/servers-$n.yaml"
  read -r ms cpu rss < <(measure "outdir-same-$n" "" "$cmd")
  row "$n MCPServers, --output-dir (unchanged)" "$cmd" "$ms" "$cpu" "$rss"
  mv "$out/new-$n" "$out/copy-$n" "$out/trash/" 2>/dev/null || true
done

# Scaling in interleaved pairs (one run of each size, back to back): load on a shared VM comes
# in bursts of seconds, which can fall on one size's block of runs above and not the other's.
if [ -n "${wall[1000]:-}" ] && [ -n "${wall[10000]:-}" ]; then
  : >"$out/pairs.txt"
  for _ in $(seq "$runs"); do
    hyperfine -N --style none --runs 1 --export-json "$out/pair.json" -- \
      "$bin render --operator-version 7002a239b $out/servers-1000.yaml" "$bin render --operator-version 7002a239b $out/servers-10000.yaml" >/dev/null 2>&1
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"]
print(r[1]["mean"] / r[0]["mean"], r[1]["user"] / r[0]["user"])' "$out/pair.json" >>"$out/pairs.txt"
  done
  pair_ratio=$(python3 -c 'import statistics, sys
pairs = [list(map(float, line.split())) for line in open(sys.argv[1])]
print("%.1fx the wall time, %.1fx the user CPU time" %
      tuple(statistics.median(p[i] for p in pairs) for i in (0, 1)))' "$out/pairs.txt")
fi

# Registry: 10,000 servers, filtered and converted, rendered into the storage ConfigMap.
python3 bench/gen.py registry 10000 "$out/registry.json"
python3 bench/gen.py upstream 10000 "$out/upstream.json"
rm -rf "$out/git" && mkdir -p "$out/git/src" && cp "$out/registry.json" "$out/git/src/registry.json"
git -C "$out/git/src" init -q -b main && git -C "$out/git/src" add . &&
  git -C "$out/git/src" -c user.name=b -c user.email=b@example.com commit -qm data
for kind in toolhive upstream git; do
  mkdir -p "$out/reg-$kind"
  case $kind in
    toolhive) src="type: url
    url: {endpoint: \"http://127.0.0.1:1/unused\"}" ;;
    upstream) src="type: url
    url: {endpoint: \"http://127.0.0.1:1/unused-upstream\"}" ;;
    git) src="type: git
    git: {repository: \"file://$PWD/$out/git/src\", branch: main}" ;;
  esac
  cat >"$out/reg-$kind/registry.yaml" <<YAML
apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPRegistry
metadata: {name: big, namespace: mcp}
spec:
  format: $([ $kind = upstream ] && echo upstream || echo toolhive)
  source:
    $src
  filter:
    names: {exclude: ["server-0000*"]}
    tags: {include: [kubernetes]}  # ~1,500 of 10,000 kept: the storage ConfigMap stays under 1 MiB
YAML
done
# url sources render from a lock whose content is the generated data (no network in the loop).
for kind in toolhive upstream; do
  file=$([ $kind = upstream ] && echo upstream.json || echo registry.json)
  sha=$(sha256sum "$out/$file" | cut -d' ' -f1)
  mkdir -p "$out/reg-$kind/thv-render.lock.d" && cp "$out/$file" "$out/reg-$kind/thv-render.lock.d/$sha.json"
  endpoint=$([ $kind = upstream ] && echo unused-upstream || echo unused)
  printf '{"version": 1, "sources": {"mcp/big": {"type": "url", "source": "url http://127.0.0.1:1/%s", "resolved": "x", "sha256": "%s", "fetchedAt": "t"}}}\n' "$endpoint" "$sha" >"$out/reg-$kind/thv-render.lock"
done
cmd="$bin render --operator-version 7002a239b --offline $out/reg-toolhive"
read -r ms cpu rss < <(measure registry-toolhive "" "$cmd")
row "10,000-server ToolHive registry: validate, filter, storage ConfigMap" "$cmd" "$ms" "$cpu" "$rss"
locked=$ms
cmd="$bin render --operator-version 7002a239b --offline $out/reg-upstream"
read -r ms cpu rss < <(measure registry-upstream "" "$cmd")
row "10,000-server upstream registry: convert, filter, storage ConfigMap" "$cmd" "$ms" "$cpu" "$rss"
export XDG_CACHE_HOME="$PWD/$out/cache"
"$bin" render --operator-version 7002a239b --refresh "$out/reg-git" >/dev/null  # warms the clone cache
cmd="$bin render --operator-version 7002a239b --refresh $out/reg-git"
read -r ms cpu rss < <(measure registry-git "" "$cmd")
row "the ToolHive registry from git, warm cache" "$cmd" "$ms" "$cpu" "$rss" "the same from the lock" \
  "$bin render --operator-version 7002a239b --offline $out/reg-toolhive" "$locked" \
  "git adds $(python3 -c "print('%.0f' % ($ms - $locked))") ms"

# The table goes into README.md between its markers.
{
  echo "Measured $(date -u +%F) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "by \`RUNS=$runs bash bench/run.sh\`: median wall time of $runs runs (hyperfine -N, 2 warm-ups),"
  echo "CPU = user + system, peak RSS from GNU time."
  echo
  echo "| case | command | wall ms | CPU ms | peak RSS MB | yardstick | yardstick command | yardstick wall ms | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$rows"
  echo
  if [ -n "${wall[1000]:-}" ] && [ -n "${wall[10000]:-}" ]; then
    echo "Scaling from 1000 to 10000 servers: $(ratio "${wall[10000]}" "${wall[1000]}") the wall time"
    echo "(linear: 10x); measured in $runs interleaved pairs, median of the pairs' ratios: $pair_ratio."
  fi
} >"$out/table.md"
python3 - "$out/table.md" <<'PY'
import re, sys
table = open(sys.argv[1]).read()
readme = open("bench/README.md").read()
start, end = "<!-- results -->\n", "<!-- /results -->\n"
before, rest = readme.split(start, 1)
after = rest.split(end, 1)[1]
open("bench/README.md", "w").write(before + start + table + end + after)
PY
cat "$out/table.md"
# Deleted only now: removing ~100,000 files keeps the disk busy for minutes, and ext4 is slow to
# create files for a while after, which would time the file system instead of the next cases.
# (A second pass: with this many entries, rm now and then finds the directory not yet empty.)
rm -rf "$out/trash" 2>/dev/null || rm -rf "$out/trash"
