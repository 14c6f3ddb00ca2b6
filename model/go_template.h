// Go's text/template parser (text/template/parse, lex.go and parse.go as of Go 1.26), for
// checking templates the way template.New(name).Funcs(funcs).Parse(text) does: the error it
// returns, word for word, and the field references of the tree it builds.
//
// Not carried over: complex number literals are not re-checked (fmt.Sscan), and a non-ASCII
// rune counts as a letter (unicode.IsLetter is not consulted). Each can only miss an error Go
// reports, never add one.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace thv {

struct GoTemplateParse {
  std::string error;  // "template: NAME:LINE: ..." as Parse returns it; empty when it parses
  // Every field path of the tree, as pkg/templates.ExtractReferences collects them: ".a.b" for
  // a field node, ".x" for the fields of a chain ((pipeline).x). In the order met, unique.
  std::vector<std::string> fields;
};

// funcs: the names of the template's FuncMap; Go's builtins (and, call, eq, index, len, printf,
// ...) are always defined.
GoTemplateParse ParseGoTemplate(const std::string& name, const std::string& text,
                                const std::set<std::string>& funcs);

}  // namespace thv
