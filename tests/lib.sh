# Sourced by the end-to-end tests after `set`: bin (the binary under test, their first
# argument), root (the checkout), work (a temporary directory, removed on exit) and fail.
bin=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
