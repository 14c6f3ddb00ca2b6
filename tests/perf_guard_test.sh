#!/usr/bin/env bash
# Fails when rendering 1000 MCPServers needs over 20% more instructions (callgrind, which counts
# reproducibly) than the target's baseline records (bench/callgrind_baseline.txt for 7002a239b,
# bench/callgrind_baseline_v0.44.0.txt for v0.44.0), or when a v0.44.0 render costs over 1.2x the
# instructions per server of a 7002a239b render of the same mix (issue 18 item 9).
# --update rewrites both baselines.
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A count
for target in 7002a239b v0.44.0; do
  if [ "$target" = 7002a239b ]; then
    python3 "$root/bench/gen.py" servers 1000 "$work/servers-$target.yaml"
    baseline_file="$root/bench/callgrind_baseline.txt"
  else
    python3 "$root/bench/gen.py" servers-v1beta1 1000 "$work/servers-$target.yaml"
    baseline_file="$root/bench/callgrind_baseline_$target.txt"
  fi
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$target" "$bin" render \
    --operator-version "$target" "$work/servers-$target.yaml" >/dev/null 2>"$work/log"
  count[$target]=$(grep -m1 '^summary:' "$work/cg.$target" | awk '{print $2}')
  if [ "${2:-}" = "--update" ]; then
    echo "${count[$target]}" >"$baseline_file"
    echo "$target baseline updated: ${count[$target]} instructions"
    continue
  fi
  baseline=$(cat "$baseline_file")
  limit=$((baseline * 12 / 10))
  echo "$target: render of 1000 MCPServers: ${count[$target]} instructions (baseline $baseline, limit $limit)"
  [ "${count[$target]}" -le "$limit" ] ||
    { echo "FAIL: $target instruction count regressed by more than 20%"; exit 1; }
done
# The same number of servers: the ratio of the counts is the ratio per server.
ratio_limit=$((count[7002a239b] * 12 / 10))
echo "v0.44.0 / 7002a239b: $(awk "BEGIN {printf \"%.3f\", ${count[v0.44.0]} / ${count[7002a239b]}}") (limit 1.2)"
[ "${count[v0.44.0]}" -le "$ratio_limit" ] ||
  { echo "FAIL: a v0.44.0 render costs more than 1.2x the instructions per server of 7002a239b"; exit 1; }
