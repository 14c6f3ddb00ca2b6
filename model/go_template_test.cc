// text/template's Parse, compared with Go: testdata/go_template/parse.tsv holds what Go's
// text/template returned for 719 templates (119 written for it, 600 random sequences of its
// pieces), and the fields of each tree as pkg/templates.ExtractReferences collects them.
#include "model/go_template.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "core/json_parse.h"
#include "core/testing.h"

namespace thv {

TEST_CASE("go template: Parse's error and the fields of its tree, as Go's text/template") {
  std::istringstream tsv(ReadTestdata("go_template/parse.tsv"));
  std::string line;
  int cases = 0;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    Value text;
    JsonSyntaxError err;
    REQUIRE(ParseJson(line.substr(0, tab), &text, &err));
    GoTemplateParse p = ParseGoTemplate("validation", text.text, {"json", "quote", "fromJson"});
    std::string got = p.error.empty() ? "OK" : "ERR " + p.error;
    std::sort(p.fields.begin(), p.fields.end());
    for (const std::string& f : p.fields) got += " " + f;
    CAPTURE(line);
    CHECK(got == line.substr(tab + 1));
    ++cases;
  }
  CHECK(cases == 719);
}

TEST_CASE("go template: fields in the order met, each once; the name in errors") {
  const GoTemplateParse p = ParseGoTemplate("t", "{{.b}}{{.a}}{{.b}}{{if .c}}{{.a}}{{end}}", {});
  CHECK(p.fields == std::vector<std::string>{".b", ".a", ".c"});
  CHECK(ParseGoTemplate("extract", "{{x}}", {}).error ==
        "template: extract:1: function \"x\" not defined");
  // Go 1.23 and later take {{else with}} (Go 1.19: unexpected <with> in else).
  CHECK(ParseGoTemplate("t", "{{with .x}}a{{else with .y}}b{{end}}", {}).error.empty());
}

}  // namespace thv
