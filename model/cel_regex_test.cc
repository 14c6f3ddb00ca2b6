#include "model/cel_regex.h"

#include <doctest/doctest.h>

#include <string>

#include "core/testing.h"

namespace thv::cel {

namespace {

// "match", "no match", or the compile error.
std::string Search(const std::string& pattern, const std::string& text) {
  std::string error;
  auto re = Regex::Compile(pattern, &error);
  if (!re) return error;
  return re->Search(text) ? "match" : "no match";
}

}  // namespace

TEST_CASE("CEL regex: RE2 syntax, unanchored search over code points") {
  CHECK(Search("b", "abc") == "match");
  CHECK(Search("^b", "abc") == "no match");
  CHECK(Search("c$", "abc") == "match");
  CHECK(Search("", "") == "match");
  CHECK(Search("^.$", "é") == "match");  // one code point, two bytes
  CHECK(Search("^.$", "😀") == "match");
  CHECK(Search("^..$", "é") == "no match");
  CHECK(Search("^[é-ü]+$", "éü") == "match");
  CHECK(Search("a.c", "a\nc") == "no match");
  CHECK(Search("(?s)a.c", "a\nc") == "match");
  CHECK(Search("(?m)^b$", "a\nb\nc") == "match");
  CHECK(Search("^b$", "a\nb\nc") == "no match");
  CHECK(Search("^(ab)+$", "ababab") == "match");
  CHECK(Search("^a{2,3}$", "aaaa") == "no match");
  CHECK(Search("^a{2,}$", "aaaa") == "match");
  CHECK(Search("^a{0}$", "") == "match");
  CHECK(Search("^(?:x|y|)$", "") == "match");
  CHECK(Search("\\bfoo\\b", "a foo.") == "match");
  CHECK(Search("\\bfoo\\b", "afoo") == "no match");
  CHECK(Search("^\\d+\\s\\w+$", "12 ab_9") == "match");
  CHECK(Search("^[[:alpha:]]+$", "abZ") == "match");
  CHECK(Search("^[^[:digit:]]$", "5") == "no match");
  CHECK(Search("^\\Qa.b\\E$", "a.b") == "match");
  CHECK(Search("^\\Qa.b\\E$", "axb") == "no match");
  CHECK(Search("^\\x41\\x{1F600}\\101$", "A😀A") == "match");
  // The VirtualMCPServer embeddingHeaders rule: \x27 and \x60 inside a class.
  const std::string header = "^[!#$%&\\x27*+.^_\\x60|~0-9A-Za-z-]+$";
  CHECK(Search(header, "X-Api_Key'`") == "match");
  CHECK(Search(header, "bad header") == "no match");
  CHECK(Search(header, "") == "no match");
}

TEST_CASE("CEL regex: case folding as RE2 (ASCII, with K KELVIN SIGN and LONG S)") {
  CHECK(Search("(?i)^abc$", "AbC") == "match");
  CHECK(Search("(?i:a)b", "AB") == "no match");
  CHECK(Search("(?i)k", "\u212a") == "match");
  CHECK(Search("(?i)s", "\u017f") == "match");
  CHECK(Search("(?i)[^a]", "A") == "no match");
  CHECK(Search("(?i)é", "É") ==
        "error parsing regexp: case-insensitive matching of non-ASCII characters is unsupported");
}

TEST_CASE("CEL regex: bad and unsupported patterns are errors") {
  const Case kCases[] = {
      {"(", "error parsing regexp: missing closing ): `(`"},
      {")", "error parsing regexp: unexpected ): `)`"},
      {"a**", "error parsing regexp: invalid nested repetition operator: `**`"},
      {"*", "error parsing regexp: missing argument to repetition operator: `*`"},
      {"a{1001}", "error parsing regexp: invalid repeat count: `{1001}`"},
      {"[z-a]", "error parsing regexp: invalid character class range"},
      {"\\1", "error parsing regexp: invalid escape sequence"},
      {"\\pL", "error parsing regexp: Unicode classes (\\p) are unsupported"},
      {"((((a{100}){100}){100}){100})", "error parsing regexp: expression too large"},
      {std::string(2000, '(') + std::string(2000, ')'),
       "error parsing regexp: expression nests too deeply"},
      {"\xff", "error parsing regexp: invalid UTF-8"},
  };
  CheckCases([](const std::string& pattern) { return Search(pattern, ""); }, kCases);
  CHECK(Search("a{2", "a{2") == "match");  // not a repetition: literal
}

TEST_CASE("CEL regex: matching takes linear time (no backtracking)") {
  const std::string text(100000, 'a');
  double start = ProcessCpuMillis();
  CHECK(Search("^(a*)*b$", text) == "no match");
  CHECK(Search("^(a|aa)+$", text) == "match");
  CHECK(Search("(x+x+)+y", std::string(5000, 'x')) == "no match");
  CHECK(ProcessCpuMillis() - start < 10000);
}

}  // namespace thv::cel
