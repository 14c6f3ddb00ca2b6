# Sourced by the end-to-end tests after `set`: bin (the binary under test, their first
# argument), root (the checkout), work (a temporary directory, removed on exit) and fail.
bin=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A git repository at DIR whose one commit holds testdata/registry/registry.json.
registry_git_repo() {
  git -C "$1" init -q -b main
  cp "$root/testdata/registry/registry.json" "$1/"
  git -C "$1" add . && git -C "$1" -c user.email=t@e -c user.name=t commit -qm registry
}
# An MCPRegistry (7002a239b's shape) in namespace mcp: mcpregistry_doc NAME SOURCE-FLOW-MAPPING
mcpregistry_doc() {
  printf 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPRegistry\n'
  printf 'metadata: {name: %s, namespace: mcp}\nspec:\n  source: %s\n' "$1" "$2"
}
