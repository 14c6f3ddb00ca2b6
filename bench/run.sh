#!/usr/bin/env bash
# Benchmarks thv-render against its yardsticks, side by side in one run (see README.md).
#   bash bench/run.sh            # all cases; writes bench/results.md
#   RUNS=5 bash bench/run.sh     # fewer runs
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${THV_RENDER:-build/thv-render}
[ -x "$bin" ] || { echo "build first: bash scripts/setup.sh" >&2; exit 2; }
runs=${RUNS:-10}
out=bench/out
mkdir -p "$out"
results=bench/results.md

measure() {  # measure NAME -- command...: hyperfine median (ms) and peak RSS (MB)
  local name=$1
  shift 2
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$out/$name.json" -- "$*" >/dev/null 2>&1
  local median rss
  median=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f" % (r["median"]*1000, (r["user"]+r["system"])*1000))' "$out/$name.json")
  rss=$( { /usr/bin/time -f %M sh -c "$* >/dev/null" ; } 2>&1 | tail -1)
  echo "$median $((rss / 1024))"
}

{
  echo "# thv-render benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs). $(date -u +%F)."
  echo "Median of $runs runs (hyperfine -N, 2 warm-ups); CPU = user+system; RSS = peak (GNU time)."
  echo
  echo "| case | thv-render wall ms | CPU ms | peak RSS MB | yardstick | yardstick wall ms | ratio |"
  echo "|---|---|---|---|---|---|---|"
} >"$results"

declare -A wall
for n in 1 100 1000 10000; do
  python3 bench/gen.py servers "$n" "$out/servers-$n.yaml"
  "$bin" render "$out/servers-$n.yaml" >"$out/rendered-$n.yaml"
  rm -rf "$out/dir-$n" && "$bin" render --output-dir "$out/dir-$n" "$out/servers-$n.yaml"
  read -r ms cpu rss < <(measure "render-$n" -- "$bin" render "$out/servers-$n.yaml")
  wall[$n]=$ms
  read -r cat_ms _ _ < <(measure "cat-$n" -- cat "$out/rendered-$n.yaml")
  echo "| $n MCPServers, render to stdout | $ms | $cpu | $rss | cat of the output | $cat_ms | $(python3 -c "print('%.1fx' % ($ms/$cat_ms))") |" >>"$results"
  if [ "$n" -le 100 ]; then
    read -r k_ms _ _ < <(measure "kustomize-$n" -- kubectl kustomize "$out/dir-$n")
    echo "| $n MCPServers | $ms | $cpu | $rss | kubectl kustomize of the same output | $k_ms | $(python3 -c "print('%.1fx faster' % ($k_ms/$ms))") |" >>"$results"
  fi
  read -r d_ms _ d_rss < <(measure "outdir-$n" -- "$bin" render --output-dir "$out/dir-$n" "$out/servers-$n.yaml")
  echo "| $n MCPServers, --output-dir | $d_ms | | $d_rss | | | |" >>"$results"
done
echo >>"$results"
echo "Scaling 1000 -> 10000 servers: $(python3 -c "print('%.1fx' % (${wall[10000]}/${wall[1000]}))") the wall time (linear would be 10x)." >>"$results"

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
    tags: {include: [api, github, kubernetes, security, ai]}
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
read -r ms cpu rss < <(measure registry-toolhive -- "$bin" render --offline "$out/reg-toolhive")
echo "| 10,000-server ToolHive registry: validate, filter, storage ConfigMap | $ms | $cpu | $rss | | | |" >>"$results"
read -r ms cpu rss < <(measure registry-upstream -- "$bin" render --offline "$out/reg-upstream")
echo "| 10,000-server upstream registry: convert, filter, storage ConfigMap | $ms | $cpu | $rss | | | |" >>"$results"
export XDG_CACHE_HOME="$PWD/$out/cache"
"$bin" render --refresh "$out/reg-git" >/dev/null  # warms the clone cache
read -r ms cpu rss < <(measure registry-git -- "$bin" render --refresh "$out/reg-git")
read -r locked _ _ < <(measure registry-git-locked -- "$bin" render --offline --lock "$out/reg-toolhive/thv-render.lock" "$out/reg-toolhive")
echo "| same registry from git, warm cache (--refresh) | $ms | $cpu | $rss | same data from the lock | $locked | git adds $(python3 -c "print('%.0f' % ($ms-$locked))") ms |" >>"$results"
cat "$results"
