# End-to-end tests with real tools: the built binary, kubernetes-models (node) and kubectl.
add_test(NAME e2e_render COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e_test.sh $<TARGET_FILE:thv-render>)
add_test(NAME k8s_validator_selftest COMMAND bash ${CMAKE_SOURCE_DIR}/tests/k8s_validate_test.sh)
set_tests_properties(e2e_render k8s_validator_selftest PROPERTIES TIMEOUT 300)
add_test(NAME e2e_registry_sources COMMAND bash ${CMAKE_SOURCE_DIR}/tests/registry_e2e_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(e2e_registry_sources PROPERTIES TIMEOUT 600)
add_test(NAME e2e_kustomize_plugin COMMAND bash ${CMAKE_SOURCE_DIR}/tests/kustomize_e2e_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(e2e_kustomize_plugin PROPERTIES TIMEOUT 300)
# Leaks inside system libraries are suppressed (see the file); ours are not.
set_property(TEST unit e2e_render e2e_registry_sources e2e_kustomize_plugin APPEND PROPERTY
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME e2e_argocd_plugin COMMAND bash ${CMAKE_SOURCE_DIR}/tests/argocd_e2e_test.sh $<TARGET_FILE:thv-render>)
set_property(TEST e2e_argocd_plugin APPEND PROPERTY
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
if(NOT THV_SANITIZE)
  # Instruction counts only mean something for the optimized build.
  add_test(NAME perf_guard_callgrind COMMAND bash ${CMAKE_SOURCE_DIR}/tests/perf_guard_test.sh $<TARGET_FILE:thv-render>)
  set_tests_properties(perf_guard_callgrind PROPERTIES TIMEOUT 600)
endif()
add_test(NAME examples_v0_44_0 COMMAND bash ${CMAKE_SOURCE_DIR}/tests/examples_v044_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(examples_v0_44_0 PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME bad_inputs COMMAND bash ${CMAKE_SOURCE_DIR}/tests/bad_input_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(bad_inputs PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME encodings COMMAND bash ${CMAKE_SOURCE_DIR}/tests/encoding_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(encodings PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME atomic_output_dir COMMAND bash ${CMAKE_SOURCE_DIR}/tests/atomic_output_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(atomic_output_dir PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME hostile_inputs COMMAND bash ${CMAKE_SOURCE_DIR}/tests/hostile_test.sh $<TARGET_FILE:thv-render>)
set_tests_properties(hostile_inputs PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
add_test(NAME clang_format COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/format.sh --check)
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
