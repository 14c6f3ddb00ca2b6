// Go's path/filepath match_test.go table (Unix cases).
#include "registry/glob.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("filepath.Match table") {
  struct Case {
    const char* pattern;
    const char* s;
    bool match;
    bool bad;
  };
  const Case cases[] = {
      {"abc", "abc", true, false},
      {"*", "abc", true, false},
      {"*c", "abc", true, false},
      {"a*", "a", true, false},
      {"a*", "abc", true, false},
      {"a*", "ab/c", false, false},
      {"a*/b", "abc/b", true, false},
      {"a*/b", "a/c/b", false, false},
      {"a*b*c*d*e*/f", "axbxcxdxe/f", true, false},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/f", true, false},
      {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false, false},
      {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", false, false},
      {"a*b?c*x", "abxbbxdbxebxczzx", true, false},
      {"a*b?c*x", "abxbbxdbxebxczzy", false, false},
      {"ab[c]", "abc", true, false},
      {"ab[b-d]", "abc", true, false},
      {"ab[e-g]", "abc", false, false},
      {"ab[^c]", "abc", false, false},
      {"ab[^b-d]", "abc", false, false},
      {"ab[^e-g]", "abc", true, false},
      {"a\\*b", "a*b", true, false},
      {"a\\*b", "ab", false, false},
      {"a?b", "a☺b", true, false},
      {"a[^a]b", "a☺b", true, false},
      {"a???b", "a☺b", false, false},
      {"a[!a]b", "a☺b", false, false},
      {"a[^a][^a][^a]b", "a☺b", false, false},
      {"*x", "xxx", true, false},
      {"[\\-]", "-", true, false},
      {"[x\\-]", "x", true, false},
      {"[x\\-]", "-", true, false},
      {"[x\\-]", "z", false, false},
      {"[\\-x]", "x", true, false},
      {"[\\-x]", "-", true, false},
      {"[\\-x]", "a", false, false},
      {"[]a]", "]", false, true},
      {"[-]", "-", false, true},
      {"[x-]", "x", false, true},
      {"[x-]", "-", false, true},
      {"[x-]", "z", false, true},
      {"[-x]", "x", false, true},
      {"[-x]", "-", false, true},
      {"[-x]", "a", false, true},
      {"\\", "a", false, true},
      {"[a-b-c]", "a", false, true},
      {"[", "a", false, true},
      {"[^", "a", false, true},
      {"[^bc", "a", false, true},
      {"a[", "a", false, true},
      {"a[", "ab", false, true},
      {"a[", "x", false, true},
      {"a/b[", "x", false, true},
      {"*x", "xxx", true, false},
      {"[a-\u03b6]*", "\u03b1", true, false},
      {"*[a-\u03b6]", "A", false, false},
      {"a?b", "a/b", false, false},
      {"a*b", "a/b", false, false},
      {"[\\]a]", "]", true, false},
      {"prod-*", "prod-filesystem", true, false},
      {"*-legacy", "xml-parser", false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.s);
    bool bad = false;
    bool matched = GoFilepathMatch(c.pattern, c.s, &bad);
    CHECK(bad == c.bad);
    if (!c.bad) CHECK(matched == c.match);
  }
}

TEST_CASE("filepath.Match: a malformed pattern is an error whatever the name (Go 1.24)") {
  // After a mismatch Go still parses the rest of the chunk and the remaining chunks.
  for (const char* p : {"x*[", "a*b[", "[a-", "abc\\", "*[]", "ab[c"}) {
    CAPTURE(p);
    bool bad = false;
    CHECK(!GoFilepathMatch(p, "zzz", &bad));
    CHECK(bad);
    CHECK(!GlobValid(p));
  }
  for (const char* p : {"", "*", "prod-*", "[!a]", "\\*", "[\\]]", "[^a-c]?*", "a[b-b]c"}) {
    CAPTURE(p);
    CHECK(GlobValid(p));
  }
  bool bad = true;
  CHECK(GoFilepathMatch("[!a]b", "!b", &bad));  // '!' is an ordinary class member in Go
  CHECK(!bad);
  CHECK(GoFilepathMatch("*", "", &bad));
  CHECK(!GoFilepathMatch("*", "a/b", &bad));
  CHECK(GoFilepathMatch("a/*", "a/b", &bad));
  CHECK(!GoFilepathMatch("[\xff]", "x", &bad));  // invalid UTF-8 in a class is malformed
  CHECK(bad);
}

}  // namespace thv
