#include "cli/flags.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("--add-label values: the last value of a repeated key, first-seen key order") {
  using Labels = std::vector<std::pair<std::string, std::string>>;
  CHECK(ParseLabels({"b=1", "a=2", "b=3", "c=x=y", "d="}) ==
        Labels{{"b", "3"}, {"a", "2"}, {"c", "x=y"}, {"d", ""}});
}

}  // namespace thv
