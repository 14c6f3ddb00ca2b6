# End-to-end tests with real tools: the built binary, kubernetes-models (node) and kubectl.
# Leaks inside system libraries are suppressed (see tests/lsan.supp); ours are not.
set(THV_LSAN "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
# Wall-clock budgets in the scripts guard against quadratic work; a sanitized binary is ~10x
# slower, so its budgets are scaled rather than flaking under a loaded machine.
if(THV_SANITIZE)
  list(APPEND THV_LSAN "THV_TIME_FACTOR=4")
else()
  list(APPEND THV_LSAN "THV_TIME_FACTOR=1")
endif()
# A tests/ script run on the built binary, with a timeout in seconds.
function(thv_binary_test name script timeout)
  add_test(NAME ${name} COMMAND bash ${CMAKE_SOURCE_DIR}/tests/${script} $<TARGET_FILE:thv-render>)
  set_tests_properties(${name} PROPERTIES TIMEOUT ${timeout} ENVIRONMENT "${THV_LSAN}")
endfunction()

set_tests_properties(unit PROPERTIES ENVIRONMENT "${THV_LSAN}")
thv_binary_test(e2e_render e2e_test.sh 300)
add_test(NAME k8s_validator_selftest COMMAND bash ${CMAKE_SOURCE_DIR}/tests/k8s_validate_test.sh)
set_tests_properties(k8s_validator_selftest PROPERTIES TIMEOUT 300)
thv_binary_test(e2e_registry_sources registry_e2e_test.sh 600)
thv_binary_test(e2e_kustomize_plugin kustomize_e2e_test.sh 300)
thv_binary_test(e2e_kustomize_names kustomize_names_test.sh 300)
thv_binary_test(e2e_argocd_plugin argocd_e2e_test.sh 1500)
if(NOT THV_SANITIZE)
  # Instruction counts only mean something for the optimized build.
  add_test(NAME perf_guard_callgrind COMMAND bash ${CMAKE_SOURCE_DIR}/tests/perf_guard_test.sh $<TARGET_FILE:thv-render>)
  set_tests_properties(perf_guard_callgrind PROPERTIES TIMEOUT 600)
endif()
# ~70 renders, each through node (kubernetes-models) and kubectl kustomize: 4m40s at load 14 on 2 cores.
thv_binary_test(examples_v0_44_0 examples_v044_test.sh 600)
thv_binary_test(bad_inputs bad_input_test.sh 300)
thv_binary_test(json_schemas schema_test.sh 300)
thv_binary_test(encodings encoding_test.sh 300)
thv_binary_test(atomic_output_dir atomic_output_test.sh 600)
thv_binary_test(hostile_inputs hostile_test.sh 300)
thv_binary_test(helm_post_renderer helm_post_renderer_test.sh 300)
if(NOT THV_SANITIZE)
  # What is installed and packaged is the Release build; under ASan, LeakSanitizer reports a
  # leak inside the system's libpcre2 at exit of the unpacked .deb's run (not our code).
  add_test(NAME install_and_deb COMMAND bash ${CMAKE_SOURCE_DIR}/tests/package_test.sh
    $<TARGET_FILE:thv-render> ${CMAKE_BINARY_DIR})
  set_tests_properties(install_and_deb PROPERTIES TIMEOUT 300)
  # The image holds the Release build (plugins/argocd/Containerfile); a sanitizer runtime would
  # need /proc inside the chroot.
  add_test(NAME argocd_sidecar_image COMMAND bash ${CMAKE_SOURCE_DIR}/tests/sidecar_image_test.sh
    $<TARGET_FILE:thv-render> ${CMAKE_BINARY_DIR})
  set_tests_properties(argocd_sidecar_image PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
add_test(NAME clang_format COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/format.sh --check)
# The RegistryData CRD is generated from the 7002a239b MCPRegistry schema and must not drift.
add_test(NAME registrydata_crd_fresh COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/gen_registrydata_crd.py --check)
# CEL: a driver for the differential tests against @bufbuild/cel and the cel-spec conformance
# suite (tests/cel/), built from the test sources only.
add_executable(cel_eval tests/cel/cel_eval_main.cc)
target_link_libraries(cel_eval PRIVATE thv_model)
add_test(NAME cel_differential COMMAND node ${CMAKE_SOURCE_DIR}/tests/cel/differential.mjs
  $<TARGET_FILE:cel_eval>)
set_tests_properties(cel_differential PROPERTIES TIMEOUT 300)
# CRD patterns: the schema validator's matcher against Go's regexp (skipped without go).
add_executable(crd_patterns_check tests/crd_patterns/check.cc)
target_link_libraries(crd_patterns_check PRIVATE thv_model nlohmann_json::nlohmann_json)
add_test(NAME crd_patterns_vs_go COMMAND bash ${CMAKE_SOURCE_DIR}/tests/crd_patterns_test.sh $<TARGET_FILE:crd_patterns_check>)
set_tests_properties(crd_patterns_vs_go PROPERTIES TIMEOUT 300)
# schemagen refuses a CEL rule outside the evaluator's subset.
add_test(NAME schemagen_cel_rules COMMAND bash ${CMAKE_SOURCE_DIR}/tests/schemagen_test.sh $<TARGET_FILE:schemagen>)
thv_binary_test(migrate_in_place migrate_test.sh 600)
thv_binary_test(migrate_atomic migrate_atomic_test.sh 600)
