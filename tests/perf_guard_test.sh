#!/usr/bin/env bash
# Fails when rendering 1000 MCPServers needs over 20% more instructions (callgrind, which counts
# reproducibly) than bench/callgrind_baseline.txt records. --update rewrites the baseline.
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen.py" servers 1000 "$work/servers.yaml"
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" render --operator-version 7002a239b "$work/servers.yaml" \
  >/dev/null 2>"$work/log"
count=$(grep -m1 '^summary:' "$work/cg.out" | awk '{print $2}')
baseline_file="$root/bench/callgrind_baseline.txt"
if [ "${2:-}" = "--update" ]; then
  echo "$count" >"$baseline_file"
  echo "baseline updated: $count instructions"
  exit 0
fi
baseline=$(cat "$baseline_file")
limit=$((baseline * 12 / 10))
echo "render of 1000 MCPServers: $count instructions (baseline $baseline, limit $limit)"
[ "$count" -le "$limit" ] || { echo "FAIL: instruction count regressed by more than 20%"; exit 1; }
