#!/usr/bin/env bash
# --output-dir under SIGKILL at random moments of a large render: the directory always holds
# either the old or the new complete content, never a mix; leftovers are swept by the next run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
python3 "$root/bench/gen.py" servers 1000 "$work/a.yaml"
sed 's/targetPort: 8000/targetPort: 9000/' "$work/a.yaml" >"$work/b.yaml"
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) ; }
"$bin" render --output-dir "$work/out" "$work/b.yaml" && snapshot "$work/out" >"$work/b.sum"
"$bin" render --output-dir "$work/out" "$work/a.yaml" && snapshot "$work/out" >"$work/a.sum"
cmp -s "$work/a.sum" "$work/b.sum" && fail "the two renders should differ"
kills=0
for i in $(seq 1 25); do
  "$bin" render --output-dir "$work/out" "$work/$([ $((i % 2)) = 0 ] && echo a || echo b).yaml" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 400)))"
  kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null || true
  snapshot "$work/out" >"$work/now.sum"
  cmp -s "$work/now.sum" "$work/a.sum" || cmp -s "$work/now.sum" "$work/b.sum" ||
    fail "after a kill at iteration $i the directory is neither the old nor the new render"
done
"$bin" render --output-dir "$work/out" "$work/a.yaml"
leftovers=$(find "$work" -maxdepth 1 -name '.out.thv-render-*' | wc -l)
[ "$leftovers" = 0 ] || fail "$leftovers temporary directories left after a clean run"
echo "ok: $kills of 25 renders killed mid-way; --output-dir was always complete (old or new)"
