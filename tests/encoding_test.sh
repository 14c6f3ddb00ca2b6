#!/usr/bin/env bash
# Encodings and line breaks as kubectl reads them, through the binary: the same manifests in
# UTF-16, with byte order marks, CRLF, CR-only or NEL line breaks render byte for byte as the
# plain UTF-8 file does; broken encodings (whose cases cannot carry the plain-ASCII headers of
# testdata/bad) are refused with the file, line and column, and nothing on stdout.
set -uo pipefail
source "$(dirname "$0")/lib.sh"  # its fail is replaced below
# Pinned: these expectations are operator 7002a239b's, whichever release is the default.
export THV_RENDER_OPERATOR_VERSION=7002a239b
failures=0 count=0
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

base="$root/testdata/examples/mcp-servers/mcpserver_fetch.yaml"
other="$root/testdata/examples/mcp-servers/mcpserver_github.yaml"
{ cat "$base"; echo "---"; cat "$other"; } >"$work/plain.yaml"
"$bin" render "$work/plain.yaml" >"$work/want.out" || { echo "FAIL: the plain input does not render"; exit 1; }

# same NAME: renders NAME.yaml (made by the caller) to the same bytes as the plain input.
same() {
  count=$((count + 1))
  "$bin" render "$work/$1.yaml" >"$work/$1.out" 2>"$work/$1.err"
  local code=$?
  if [ "$code" != 0 ]; then
    fail "$1: exit $code: $(head -3 "$work/$1.err")"
  elif ! cmp -s "$work/want.out" "$work/$1.out"; then
    fail "$1: output differs from the plain UTF-8 input"
  fi
}
utf16() {  # utf16 LE|BE < utf-8: with its byte order mark
  if [ "$1" = LE ]; then printf '\xff\xfe'; else printf '\xfe\xff'; fi
  iconv -f UTF-8 -t "UTF-16$1"
}

utf16 LE <"$work/plain.yaml" >"$work/utf16le.yaml" && same utf16le
utf16 BE <"$work/plain.yaml" >"$work/utf16be.yaml" && same utf16be
{ printf '\xef\xbb\xbf'; cat "$base"; echo "---"; printf '\xef\xbb\xbf'; cat "$other"; } >"$work/boms.yaml"
same boms
sed 's/$/\r/' "$work/plain.yaml" >"$work/crlf.yaml" && same crlf
tr '\n' '\r' <"$work/plain.yaml" >"$work/cr.yaml" && same cr
sed 's/$/\xc2\x85/' "$work/plain.yaml" | tr -d '\n' >"$work/nel.yaml" && same nel
{ cat "$base"; echo "---"; printf '\xef\xbb\xbf'; cat "$other"; } | sed 's/$/\r/' | utf16 BE >"$work/everything.yaml"
same everything

# refused NAME WORDS: NAME.yaml fails with exit 1, "NAME.yaml:WORDS" on stderr, nothing on stdout.
refused() {
  count=$((count + 1))
  "$bin" render "$work/$1.yaml" >"$work/$1.out" 2>"$work/$1.err"
  local code=$?
  [ "$code" = 1 ] || fail "$1: exit $code, want 1"
  grep -qF -- "$1.yaml:$2" "$work/$1.err" || fail "$1: stderr lacks '$1.yaml:$2': $(head -3 "$work/$1.err")"
  [ ! -s "$work/$1.out" ] || fail "$1: wrote to stdout"
}
{ printf 'a: 1\nb: x' | utf16 LE; printf '\x00\xdc'; } >"$work/utf16-low-surrogate.yaml"
refused utf16-low-surrogate "2:5: invalid UTF-16: low surrogate 0xDC00 without a high surrogate before it"
{ printf 'a: x' | utf16 BE; printf '\xd8\x3d\x00\x41'; } >"$work/utf16-lone-high.yaml"
refused utf16-lone-high "1:5: invalid UTF-16: high surrogate 0xD83D is followed by 0x0041"
{ printf 'a: x' | utf16 LE; printf 'y'; } >"$work/utf16-odd.yaml"
refused utf16-odd "1:5: invalid UTF-16: the input ends in the middle of a character"
{ printf '\xff\xfe\x00\x00'; printf 'a: 1\n' | iconv -f UTF-8 -t UTF-32LE; } >"$work/utf32.yaml"
refused utf32 "1:1: UTF-32 input is not supported"
iconv -f UTF-8 -t UTF-16LE <"$base" >"$work/utf16-no-bom.yaml"
refused utf16-no-bom "1:2: control character U+0000 (NUL) is not allowed in YAML"
printf 'apiVersion: v1\rkind: ConfigMap\rdata:\r  a: caf\xe9\r' >"$work/cr-latin1.yaml"
refused cr-latin1 "4:9: invalid UTF-8: byte 0xE9 starts a 3-byte character"
{ cat "$base"; printf -- '---\n\n\xef\xbb\xbfapiVersion: v1\n'; } >"$work/bom-after-blank.yaml"
refused bom-after-blank "$(($(wc -l <"$base") + 3)):1: byte order mark (U+FEFF) at the start of a line"

# Tagged scalars in a pass-through object carry what kubectl would send.
count=$((count + 1))
cat >"$work/tags.yaml" <<'EOF'
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  bin: !!binary aGVsbG8=
  raw: !!binary //79AA==
  ts: !!timestamp 2001-12-14
  float: !!float 1
  local: !thing 12
  str: !!str true
EOF
cat >"$work/tags.want" <<'EOF'
{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"bin":"hello","raw":"\ufffd\ufffd\ufffd\u0000","ts":"2001-12-14","float":1,"local":"12","str":"true"}}
EOF
if "$bin" render -o json "$work/tags.yaml" >"$work/tags.out" 2>"$work/tags.err"; then
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["items"][0], separators=(",", ":")))' \
    "$work/tags.out" >"$work/tags.got"
  cmp -s "$work/tags.want" "$work/tags.got" || fail "tags: got $(cat "$work/tags.got")"
else
  fail "tags: $(head -3 "$work/tags.err")"
fi

echo "$((count - failures)) passed, $failures failed"
[ "$failures" = 0 ]
