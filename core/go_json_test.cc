#include "core/go_json.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("Go json: field-name matching folds case") {
  CHECK(GoKeyMatches("Description", "description"));
  CHECK(GoKeyMatches("TOOLS", "tools"));
  CHECK(GoKeyMatches("\xC5\xBFtars", "stars"));  // U+017F folds to s
  CHECK(
      GoKeyMatches("\xE2\x84\xAA"
                   "ey",
                   "key"));  // U+212A folds to k
  CHECK(!GoKeyMatches("repositoryurl", "repository_url"));
  CHECK(!GoKeyMatches("tool", "tools"));
}

}  // namespace thv
