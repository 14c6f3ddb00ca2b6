#!/usr/bin/env bash
# Builds the libFuzzer targets (clang) and runs each for SECONDS (default 60), seeded from
# testdata/. Crashes are written to fuzz/findings/ and fail the run.
#   bash fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DTHV_FUZZ=ON >/dev/null
cmake --build build-fuzz -j2 --target yaml_model_fuzzer yaml_subset_fuzzer registry_json_fuzzer krm_fuzzer cel_fuzzer \
  migrate_fuzzer >/dev/null
mkdir -p fuzz/findings build-fuzz/corpus
# seed TARGET [PREFIX_BYTES] DIR...: every .yaml/.json file under the DIRs, named after its path
# (examples of different releases share file names), once per prefix byte when given.
seed() {
  local dir=build-fuzz/corpus/$1 prefixes=("")
  mkdir -p "$dir"
  shift
  case $1 in --prefix=*) IFS=, read -r -a prefixes <<<"${1#--prefix=}"; shift ;; esac
  find "$@" -type f \( -name '*.yaml' -o -name '*.json' \) -size -200k -print0 |
    while IFS= read -r -d '' f; do
      for p in "${prefixes[@]}"; do
        { [ -z "$p" ] || printf "\\x$p"; cat "$f"; } >"$dir/${p:+$p-}$(echo "$f" | tr / _)"
      done
    done
}
# yaml_model_fuzzer reads every input at every release; testdata/examples holds both releases'
# examples (v0.44.0: v1beta1, every kind) and testdata/bad the CEL rule cases.
seed yaml_model_fuzzer testdata/examples testdata/servers testdata/bad testdata/cel/reach-v0.44.0
seed yaml_subset_fuzzer testdata/examples testdata/servers
seed registry_json_fuzzer testdata/registry
# migrate_fuzzer: the 7002a239b examples and migrate's own fixtures.
seed migrate_fuzzer testdata/examples/mcp-servers testdata/examples/mcp-registries testdata/examples/tool-configs testdata/migrate
# krm_fuzzer: the first byte picks the release (00 and 01: AllTargets order).
seed krm_fuzzer --prefix=00,01 fuzz/seeds/krm
mkdir -p build-fuzz/corpus/cel_fuzzer && cp fuzz/seeds/cel/*.cel build-fuzz/corpus/cel_fuzzer/
status=0
for target in yaml_model_fuzzer yaml_subset_fuzzer registry_json_fuzzer krm_fuzzer cel_fuzzer migrate_fuzzer; do
  echo "== $target: ${seconds}s"
  dict=()
  case $target in yaml_* | migrate_*) dict=(-dict=fuzz/yaml.dict) ;; cel_*) dict=(-dict=fuzz/cel.dict) ;; esac
  if ! build-fuzz/$target "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix=fuzz/findings/$target- -print_final_stats=1 build-fuzz/corpus/$target 2>build-fuzz/$target.log; then
    status=1
    tail -30 build-fuzz/$target.log
  fi
  grep -E "stat::number_of_executed_runs|cov:" build-fuzz/$target.log | tail -2
done
exit $status
