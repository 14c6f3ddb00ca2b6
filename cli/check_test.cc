#include "cli/check.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("check: UnifiedLineDiff prints one hunk per group of changes, as diff -u does") {
  const std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  const std::string b = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n12\n13\n";
  CHECK(UnifiedLineDiff("a", a, "b", b) ==
        "--- a\n+++ b\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
        "@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n 12\n+13\n");
  CHECK(UnifiedLineDiff("a", a, "b", a).empty());
  CHECK(UnifiedLineDiff("a", "", "b", "x\n") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n");
}

}  // namespace thv
