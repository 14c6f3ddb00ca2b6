#!/usr/bin/env bash
# Sets everything up, then runs every test in the normal and the ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --sanitize
status=0
ctest --test-dir build-asan --output-on-failure -j2 || status=1
# Each fuzz target for a short bounded time (FUZZ_SECONDS, default 60).
bash fuzz/run.sh "${FUZZ_SECONDS:-60}" || status=1
ctest --test-dir build --output-on-failure -j2 || status=1
exit $status
