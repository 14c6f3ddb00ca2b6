#!/usr/bin/env bash
# CRD patterns are Go regexps; the schema validator matches them with model/cel_regex.h. Every
# pattern of every target's CRDs, and one per syntax feature they might use, against ~5000 strings
# on their edges: it must accept exactly what Go's regexp accepts. Needs go (Debian golang-go, installed by setup).
set -euo pipefail
check=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
command -v go >/dev/null || { echo "FAIL: no go toolchain (scripts/setup.sh installs golang-go)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tests/crd_patterns/gen.py" "$root" "$work/cases.json"
"$check" "$work/cases.json" >"$work/ours.txt"
(cd "$work" && cp "$root/tests/crd_patterns/match.go" . && GO111MODULE=off go run match.go cases.json) >"$work/go.txt"
if ! cmp -s "$work/ours.txt" "$work/go.txt"; then
  python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
cases = json.load(open(w + "/cases.json"))
ours, go = open(w + "/ours.txt").read().split("\n"), open(w + "/go.txt").read().split("\n")
for p, a, b in zip(cases["patterns"], ours, go):
    if a != b:
        diff = [(cases["strings"][i], a[i:i+1], b[i]) for i in range(len(b)) if a[i:i+1] != b[i]][:3]
        print("FAIL %r: %s" % (p, a if not diff else diff))
PY
  exit 1
fi
echo "ok: $(wc -l <"$work/go.txt") patterns agree with Go's regexp on $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['strings']))" "$work/cases.json") strings"
