#include "core/json_writer.h"

#include <doctest/doctest.h>

#include "core/value_builder.h"

namespace thv {

TEST_CASE("Go json.Marshal escaping") {
  std::string out;
  AppendGoJsonString("a<b>&c \"q\" \\ \n\t\x01 \xE2\x80\xA8 é", &out);
  CHECK(out == "\"a\\u003cb\\u003e\\u0026c \\\"q\\\" \\\\ \\n\\t\\u0001 \\u2028 é\"");
}

TEST_CASE("compact and indented forms match Go") {
  Value v = Obj({{"b", Int(1)},
                 {"a", List({Str("x"), Bool(true)})},
                 {"e", Value::Mapping()},
                 {"l", Value::Sequence()},
                 {"n", Value::Null()}});
  CHECK(GoJsonCompact(v) == R"({"b":1,"a":["x",true],"e":{},"l":[],"n":null})");
  CHECK(GoJsonIndent(v, "  ") ==
        "{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    true\n  ],\n  \"e\": {},\n  \"l\": [],\n"
        "  \"n\": null\n}");
}

TEST_CASE("floats print like Go's encoding/json") {
  CHECK(GoFloat(0.05) == "0.05");
  CHECK(GoFloat(0.25) == "0.25");
  CHECK(GoFloat(1) == "1");
  CHECK(GoFloat(100) == "100");
  CHECK(GoFloat(1e21) == "1e+21");
  CHECK(GoFloat(1e-7) == "1e-7");
  CHECK(GoFloat(1.5e-10) == "1.5e-10");
  CHECK(GoFloat(123456789.125) == "123456789.125");
}

}  // namespace thv
