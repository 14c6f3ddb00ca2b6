#!/usr/bin/env bash
# Installs every dependency on a fresh Debian 12 machine (as root) and builds thv-render.
#   bash scripts/setup.sh             # Release build in build/
#   bash scripts/setup.sh --sanitize  # also an ASan+UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

# What the build needs (shared with plugins/argocd/Containerfile), then what the tests need:
# file and dpkg-dev for cpack -G DEB, man-db (groff) and zsh for the man page and completion
# tests, python3-jsonschema and python3-yaml for tests/schema_test.sh, patch for applying
# migrate --check's diff in tests/migrate_test.sh.
mapfile -t packages < <(grep -v '^#' scripts/debian-build-packages)
packages+=(git python3 openssl clang libclang-rt-14-dev hyperfine valgrind golang-go
  file dpkg-dev man-db zsh python3-jsonschema python3-yaml patch)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v kubectl >/dev/null ||
  echo "setup: warning: kubectl not found; the end-to-end kustomize tests need it" >&2

# Node packages the tests use, each pinned by its package-lock.json: kubernetes-models for the
# OpenAPI validation (tests/k8s_validate), @bufbuild/cel and @bufbuild/cel-spec as the CEL
# reference (tests/cel).
for dir in tests/k8s_validate tests/cel; do
  if [ ! -d $dir/node_modules ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; then
    (cd $dir && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
done

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
if [ "${1:-}" = "--sanitize" ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DTHV_SANITIZE=ON >/dev/null
  cmake --build build-asan -j2
fi
