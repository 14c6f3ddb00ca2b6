#include "core/json_reader.h"

#include <doctest/doctest.h>

#include "core/json_writer.h"

namespace thv {

TEST_CASE("JSON reads into Values that write back identically") {
  Value v;
  std::string err;
  const std::string text = R"({"a":[1,-2,3.50,true,null,"x\u003c"],"b":{},"c":[],"d":18446744073709551615})";
  REQUIRE(ReadJson(text, &v, &err));
  CHECK(GoJsonCompact(v) == R"({"a":[1,-2,3.50,true,null,"x\u003c"],"b":{},"c":[],"d":18446744073709551615})");
  CHECK(v.Find("a")->items[2].IsNumber());
  CHECK(v.Find("a")->items[5].text == "x<");
}

TEST_CASE("JSON errors name line and column") {
  Value v;
  std::string err;
  CHECK(!ReadJson("{\n  \"a\": 1,\n  \"b\": }", &v, &err));
  CHECK(err.rfind("3:8: ", 0) == 0);
  CHECK(!ReadJson(std::string(1000, '['), &v, &err));
  CHECK(err.find("deeper") != std::string::npos);
  CHECK(!ReadJson("", &v, &err));
}

}  // namespace thv
