#!/usr/bin/env bash
# Every case in testdata/bad/: the expected exit code, the expected words on stderr, the file
# named, nothing on stdout, and an existing --output-dir left exactly as it was. Header lines:
# `# expect-exit: N`, `# expect-stderr: TEXT` (repeatable), optional `# flags: ...` and
# `# command: validate` (default render).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/out" && echo "previous content" >"$work/out/kept.yaml"
printf 'resources:\n- kept.yaml\n' >"$work/out/kustomization.yaml"  # as thv-render writes it
cp -r "$work/out" "$work/out.before"
failures=0 count=0
for case in "$root"/testdata/bad/*.yaml; do
  count=$((count + 1))
  name=$(basename "$case")
  want_code=$(sed -n 's/^# expect-exit: //p' "$case")
  want_text=$(sed -n 's/^# expect-stderr: //p' "$case")
  read -r -a flags <<<"$(sed -n 's/^# flags: //p' "$case")"
  command=$(sed -n 's/^# command: //p' "$case")
  # Pinned to 7002a239b unless the case names a release: the default release may move.
  case " ${flags[*]} " in *" --operator-version "*) ;; *) flags+=(--operator-version 7002a239b) ;; esac
  if [ "${command:-render}" = render ]; then
    timeout 20 "$bin" render "${flags[@]}" --output-dir "$work/out" "$case" >"$work/stdout" 2>"$work/stderr"
  else
    timeout 20 "$bin" "$command" "${flags[@]}" "$case" >"$work/stdout" 2>"$work/stderr"
  fi
  code=$?
  problem=""
  [ "$code" = "$want_code" ] || problem="exit $code, want $want_code"
  while IFS= read -r text; do
    [ -z "$text" ] || grep -qF -- "$text" "$work/stderr" || problem="$problem; stderr lacks '$text'"
  done <<<"$want_text"
  # A usage error (exit 2) is about the command line, not the file.
  [ "$want_code" = 2 ] || grep -qF -- "$name" "$work/stderr" || problem="$problem; stderr does not name the file"
  # validate reports success on stdout; a render that fails writes nothing.
  [ "${command:-render}" != render ] || [ ! -s "$work/stdout" ] || problem="$problem; wrote to stdout"
  diff -r "$work/out" "$work/out.before" >/dev/null || problem="$problem; --output-dir changed"
  if [ -n "$problem" ]; then
    echo "FAIL $name: ${problem#; }"
    sed 's/^/    /' "$work/stderr" | head -5
    failures=$((failures + 1))
  fi
done
echo "$((count - failures)) passed, $failures failed"
[ "$failures" = 0 ]
