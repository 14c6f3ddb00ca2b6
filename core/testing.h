// Helpers for tests: table-driven checks, the repository's testdata/ (the test binaries define
// THV_SOURCE_DIR) and YAML text.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>
#include <time.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_parse.h"
#include "core/yaml_reader.h"

#ifndef THV_SOURCE_DIR
#define THV_SOURCE_DIR "."
#endif

namespace thv {

// This process's CPU time in milliseconds, all its threads (the YAML reader may parse on a
// worker). Time budgets in tests measure it, not the wall clock, so that a loaded machine (CI
// runs tests in parallel) cannot fail them.
inline double ProcessCpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// One row of a table-driven test: what a function is given, and what it should return.
struct Case {
  std::string input;
  std::string want;
};

// Checks f(input) == want for each of cases (an array or list of Case); a failure names the
// input.
template <typename F, typename Cases>
void CheckCases(const F& f, const Cases& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(f(c.input) == c.want);
  }
}

// The bytes of testdata/<path>; a missing file fails the test.
inline std::string ReadTestdata(const std::string& path) {
  std::ifstream in(std::string(THV_SOURCE_DIR) + "/testdata/" + path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing testdata/" << path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Value ReadTestdataJson(const std::string& path) {
  Value v;
  JsonSyntaxError err;
  REQUIRE_MESSAGE(ParseJson(ReadTestdata(path), &v, &err), err.message);
  return v;
}

// The one document of a YAML text; a test fails on errors or more documents.
inline Value ReadYamlValue(const std::string& text) {
  std::vector<Value> docs;
  Diagnostics diags;
  bool ok = ReadYamlDocuments("in.yaml", text, &docs, &diags);
  std::string messages;
  for (const Diagnostic& d : diags.items()) messages += FormatDiagnostic(d) + "\n";
  INFO(text, messages);
  REQUIRE(ok);
  REQUIRE(docs.size() == 1);
  return docs[0];
}

// A new, empty directory under /tmp.
inline std::string MakeTempDir() {
  char tmpl[] = "/tmp/thv-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

}  // namespace thv
