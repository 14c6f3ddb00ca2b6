#!/usr/bin/env bash
# thv-render migrate --in-place is all or nothing over the whole set of files (README "Migrating
# manifests"): SIGKILL at random moments (and right after the commit) over 400 files in two directories leaves every file old,
# or a committed journal that the next run completes to every file new (a half-replaced set is
# never left as it is: read-only runs refuse it, --in-place completes it); write failures (a
# temporary name taken by a directory, a file size limit, a read-only directory, a full tmpfs)
# leave every file untouched and nothing behind. Permission bits are kept; a symlink is written
# through (the file it names is replaced, the link stays a link).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
migrate() { "$bin" migrate --to v0.44.0 "$@"; }
code() { set +e; "$@" >/dev/null 2>&1 </dev/null; echo $?; set -e; }
leftovers() { find "$1" -name '.thv-migrate.*' -o -name '*.thv-migrate.tmp' | sort; }

# 400 files in two directories: a journal in each.
mkdir -p "$work/many/a" "$work/many/b"
for i in $(seq 1 400); do
  d=a; [ "$i" -gt 200 ] && d=b
  sed "s/name: web-fetch$/name: web-fetch-$i/" "$root/testdata/migrate/full.yaml" >"$work/many/$d/s$i.yaml"
done
chmod 640 "$work/many/a/s1.yaml"
cp -a "$work/many" "$work/many-old"
cp -a "$work/many" "$work/many-new"
start=$(date +%s%N)
migrate --in-place "$work/many-new" 2>/dev/null
span_ms=$((($(date +%s%N) - start) / 1000000 + 20))
[ "$(stat -c %a "$work/many-new/a/s1.yaml")" = 640 ] || fail "the permission bits were not kept"
[ -z "$(leftovers "$work/many-new")" ] || fail "left behind: $(leftovers "$work/many-new")"

# state: old, new or mixed (every file must be its old or its new text).
state() {
  local ours='.thv-migrate.*' tmp='*.thv-migrate.tmp'
  diff -rq -x "$ours" -x "$tmp" "$work/many" "$work/many-old" | sort >"$work/not-old" || true
  diff -rq -x "$ours" -x "$tmp" "$work/many" "$work/many-new" | sort >"$work/not-new" || true
  grep -v '^Files ' "$work/not-old" "$work/not-new" && fail "files missing or added"
  [ -z "$(comm -12 <(cut -d' ' -f2 "$work/not-old") <(cut -d' ' -f2 "$work/not-new"))" ] ||
    fail "neither old nor new text: $(comm -12 <(cut -d' ' -f2 "$work/not-old") <(cut -d' ' -f2 "$work/not-new") | head -3)"
  if [ ! -s "$work/not-old" ]; then echo old
  elif [ ! -s "$work/not-new" ]; then echo new
  else echo mixed; fi
}
kill_at() {  # kill_at MS CMD...: runs CMD, SIGKILLs it after MS milliseconds
  local ms=$1; shift
  "$@" 2>/dev/null &
  local pid=$!
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
kill_after_commit() {  # kill_after_commit FIRST CMD...: SIGKILLs CMD soon after its commit marker
  # appears, or (FIRST=yes) right after its first rename: the temporary file of a/s1.yaml, first
  # of the sorted set, is gone. The second lands among the renames however fast the machine is.
  local first=$1; shift
  "$@" 2>/dev/null &
  local pid=$! n=$((RANDOM % 200)) tmp="$work/many/a/s1.yaml.thv-migrate.tmp"
  while kill -0 "$pid" 2>/dev/null && [ ! -e "$work/many/a/.thv-migrate.commit" ]; do :; done
  if [ "$first" = yes ]; then
    while kill -0 "$pid" 2>/dev/null && [ -e "$tmp" ]; do :; done
  else
    for ((k = 0; k < n; k++)); do :; done
  fi
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
declare -A seen=()
for i in $(seq 1 16); do
  if [ $((i % 2)) = 0 ]; then
    kill_at $((RANDOM % span_ms)) "$bin" migrate --to v0.44.0 --in-place "$work/many"
  else
    kill_after_commit "$([ $((i % 4)) = 3 ] && echo yes || echo no)" \
      "$bin" migrate --to v0.44.0 --in-place "$work/many"
  fi
  s=$(state)
  journal=no commit=no
  [ -e "$work/many/a/.thv-migrate.journal" ] || [ -e "$work/many/b/.thv-migrate.journal" ] && journal=yes
  [ -e "$work/many/a/.thv-migrate.commit" ] && commit=yes
  # Mixed only once committed; without a journal the set is whole (old, or new and finished).
  [ "$s" = mixed ] && [ "$commit" = no ] && fail "iteration $i: mixed files without a commit marker"
  [ "$journal" = no ] && [ "$s" = mixed ] && fail "iteration $i: mixed files without a journal"
  seen["$s/$journal/$commit"]=1
  if [ "$journal" = yes ]; then
    # Read-only modes refuse a half-replaced set rather than migrate a mix.
    [ "$(code "$bin" migrate --to v0.44.0 --check "$work/many")" = 1 ] || fail "--check on a pending journal"
    set +e
    migrate "$work/many/b" >/dev/null 2>"$work/ro.err"
    rc=$?
    set -e
    [ "$rc" = 1 ] && grep -q 'interrupted `migrate --in-place`' "$work/ro.err" ||
      fail "stdout mode on a pending journal: exit $rc, $(cat "$work/ro.err")"
  fi
  if [ "$commit" = yes ]; then
    # The recovery may itself be killed (it is idempotent); given one directory, the next run
    # completes the whole set (the journals name every file).
    [ $((i % 3)) = 0 ] && kill_at $((RANDOM % 40)) "$bin" migrate --to v0.44.0 --in-place "$work/many/b"
    migrate --in-place "$work/many/b" 2>"$work/next.err" || fail "the next run: $(cat "$work/next.err")"
    [ "$(state)" = new ] || fail "iteration $i: a committed set was not completed ($(state))"
    [ $((i % 3)) = 0 ] || grep -q 'note: completed an interrupted replacement of 400 file' "$work/next.err" ||
      fail "iteration $i: no completion note: $(cat "$work/next.err")"
  fi
  migrate --in-place "$work/many" 2>/dev/null
  diff -r "$work/many" "$work/many-new" >/dev/null || fail "iteration $i: not fully migrated"
  [ -z "$(leftovers "$work/many")" ] || fail "iteration $i: left behind: $(leftovers "$work/many")"
  rm -rf "$work/many" && cp -a "$work/many-old" "$work/many"
done
echo "ok: 16 migrations killed at random moments; states seen (files/journal/commit): ${!seen[*]}"
[ -n "${seen[mixed/yes/yes]:-}" ] || fail "no kill landed among the renames (${!seen[*]})"

# Write failures: exit 4, every file untouched, nothing of ours left behind.
mkdir -p "$work/small/x" "$work/small/y"
for n in 1 2 3; do
  sed "s/name: web-fetch$/name: web-fetch-$n/" "$root/testdata/migrate/full.yaml" >"$work/small/x/s$n.yaml"
done
{ sed "s/name: web-fetch$/name: web-fetch-big/" "$root/testdata/migrate/full.yaml"
  for n in $(seq 1 3000); do echo "# padding comment line $n, kept byte for byte by the migration"; done
} >"$work/small/y/z.yaml"
cp -a "$work/small" "$work/small-old"
untouched() {
  diff -r "$work/small" "$work/small-old" >/dev/null || fail "$1: files changed"
  [ -z "$(leftovers "$work/small")" ] || fail "$1: left behind: $(leftovers "$work/small")"
}
expect_write_failure() {  # NAME CMD...
  local name=$1; shift
  set +e
  "$@" 2>"$work/fail.err" >/dev/null
  local rc=$?
  set -e
  [ "$rc" = 4 ] && grep -q 'no file was changed' "$work/fail.err" ||
    fail "$name: exit $rc, want 4 and 'no file was changed': $(cat "$work/fail.err")"
  echo "ok: $name: $(head -1 "$work/fail.err")"
}
# A temporary file's name taken by a directory (sorted last, so the others were written first).
mkdir "$work/small/y/z.yaml.thv-migrate.tmp" && touch "$work/small/y/z.yaml.thv-migrate.tmp/mine"
cp -a "$work/small" "$work/small-old2"
expect_write_failure "a directory in the way" migrate --in-place "$work/small"
diff -r "$work/small" "$work/small-old2" >/dev/null || fail "a directory in the way: files changed"
rm -rf "$work/small/y/z.yaml.thv-migrate.tmp"
untouched "a directory in the way"
# A file size limit the big file's new text exceeds (write fails with EFBIG, as on a full disk).
expect_write_failure "file size limit" bash -c 'trap "" XFSZ; ulimit -f 100; exec "$@"' _ \
  "$bin" migrate --to v0.44.0 --in-place "$work/small"
untouched "file size limit"
# A read-only directory and a full tmpfs need a private mount namespace (skipped without one).
if unshare -rm true 2>/dev/null; then
  expect_write_failure "read-only directory" unshare -rm bash -c \
    'mount --bind "$1/y" "$1/y" && mount -o remount,bind,ro "$1/y" && exec "${@:2}"' _ \
    "$work/small" "$bin" migrate --to v0.44.0 --in-place "$work/small"
  untouched "read-only directory"
  # A tmpfs with room for the files once, not for their new copies.
  unshare -rm bash -c '
    set -e
    mkdir -p "$1/fs" && mount -t tmpfs -o size=360k tmpfs "$1/fs"
    mkdir "$1/fs-old" && cp -a "$1/small" "$1/fs/" && cp -a "$1/small" "$1/fs-old/"
    head -c 100000 /dev/zero >"$1/fs/fill" || true
    set +e
    "$2" migrate --to v0.44.0 --in-place "$1/fs/small" 2>"$1/fs.err"
    echo $? >"$1/fs.rc"
    diff -r "$1/fs/small" "$1/fs-old/small" >/dev/null && echo same >"$1/fs.same"
    find "$1/fs/small" -name ".thv-migrate.*" -o -name "*.thv-migrate.tmp" >"$1/fs.left"
  ' _ "$work" "$bin"
  [ "$(cat "$work/fs.rc")" = 4 ] && grep -q 'No space left on device' "$work/fs.err" ||
    fail "full tmpfs: exit $(cat "$work/fs.rc"): $(cat "$work/fs.err")"
  [ -e "$work/fs.same" ] || fail "full tmpfs: files changed"
  [ ! -s "$work/fs.left" ] || fail "full tmpfs: left behind: $(cat "$work/fs.left")"
  echo "ok: full tmpfs: $(head -1 "$work/fs.err")"
else
  echo "skipped: read-only directory and full tmpfs (no user/mount namespace)"
fi
migrate --in-place "$work/small" 2>/dev/null
[ -z "$(leftovers "$work/small")" ] || fail "left behind after a successful run"

# A symlink is written through: the file it names (in another directory, where the journal goes)
# is migrated, the link stays a link, and its permission bits are kept.
mkdir -p "$work/links/repo" "$work/links/shared"
cp "$root/testdata/migrate/full.yaml" "$work/links/shared/server.yaml"
chmod 600 "$work/links/shared/server.yaml"
ln -s ../shared/server.yaml "$work/links/repo/server.yaml"
migrate --in-place "$work/links/repo" 2>/dev/null
[ -L "$work/links/repo/server.yaml" ] || fail "the symlink was replaced by a file"
grep -q v1beta1 "$work/links/shared/server.yaml" || fail "the file the symlink names was not migrated"
[ "$(stat -c %a "$work/links/shared/server.yaml")" = 600 ] || fail "the linked file's mode changed"
[ -z "$(leftovers "$work/links")" ] || fail "left behind: $(leftovers "$work/links")"
echo "ok: symlinks written through, modes kept"
