#!/usr/bin/env bash
# Every v0.44.0 example through `validate --operator-version v0.44.0`: the exit code and the words
# testdata/examples/v0.44.0/expected-validate.tsv gives for it, nothing else failing, and every
# example listed there. An MCPServer that validates is refused by `render`, which cannot render it
# at v0.44.0 yet.
set -uo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/testdata/examples/v0.44.0
expected=$dir/expected-validate.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 count=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
listed=$(grep -v '^#' "$expected" | cut -f2 | sort)
present=$(cd "$dir" && find . -name '*.yaml' | sed 's|^\./||' | sort)
[ "$listed" = "$present" ] || fail "expected-validate.tsv does not list exactly the examples: $(diff <(echo "$listed") <(echo "$present") | grep '^[<>]' | tr '\n' ' ')"
while IFS=$'\t' read -r want_code file want_text; do
  [ "${want_code:0:1}" = "#" ] && continue
  count=$((count + 1))
  "$bin" validate --operator-version v0.44.0 "$dir/$file" >"$work/out" 2>"$work/err"
  code=$?
  [ "$code" = "$want_code" ] || fail "$file: exit $code, want $want_code: $(head -3 "$work/err")"
  if [ "$want_code" = 0 ]; then
    grep -q '^valid: ' "$work/out" || fail "$file: no 'valid:' line"
    ! grep -qv ': warning: ' "$work/err" || fail "$file: stderr has more than warnings: $(head -3 "$work/err")"
    if grep -q '^kind: MCPServer$' "$dir/$file"; then
      "$bin" render --operator-version v0.44.0 "$dir/$file" >"$work/rout" 2>"$work/rerr"
      rcode=$?
      [ "$rcode" = 1 ] && [ ! -s "$work/rout" ] &&
        grep -qF "rendering MCPServer is not supported at v0.44.0 yet" "$work/rerr" ||
        fail "$file: render exit $rcode, want 1 saying MCPServer cannot be rendered yet"
    fi
  else
    grep -qF -- "$want_text" "$work/err" || fail "$file: stderr lacks '$want_text': $(head -3 "$work/err")"
    [ ! -s "$work/out" ] || fail "$file: wrote to stdout"
  fi
done <"$expected"
echo "$((count - failures)) of $count v0.44.0 examples as expected"
[ "$failures" = 0 ]
