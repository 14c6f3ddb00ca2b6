// Expected values below were produced by Go's encoding/json (json.Unmarshal into interface{}
// and json.Marshal), except \b and \f, which Go 1.22+ writes in short form.
#include "core/json_text.h"

#include <doctest/doctest.h>

#include <limits>

#include "core/json_parse.h"
#include "core/value_builder.h"

namespace thv {

namespace {

std::string GoAny(const std::string& text, std::string* err = nullptr) {
  Value doc, norm;
  JsonSyntaxError syntax;
  REQUIRE(ParseJson(text, &doc, &syntax));
  std::string e;
  if (!NormalizeGoAny(doc, &norm, &e)) {
    if (err) *err = e;
    return "";
  }
  std::string out;
  AppendGoValue(norm, &out);
  return out;
}

}  // namespace

TEST_CASE("Go json.Marshal escaping") {
  std::string out;
  AppendGoString("a<b>&c \"q\" \\ \n\t\x01 \xE2\x80\xA8 é", &out);
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
  // Beyond 2^53 strconv pads the shortest digits with zeros (not the binary value's digits).
  CHECK(GoFloat(9223372036854775807.0) == "9223372036854776000");
  CHECK(GoFloat(-12345678901234567890.0) == "-12345678901234567000");
  CHECK(GoFloat(1e20) == "100000000000000000000");
  CHECK(GoFloat(0) == "0");
  CHECK(GoFloat(0.000001) == "0.000001");
  CHECK(GoFloat(-1.5e300) == "-1.5e+300");
}

TEST_CASE("json: map[string]any round trip matches Go") {
  CHECK(GoAny("[1,1.0,-0,-0.0,1e3,1E-7,1e-7,1e21,1e20,0.000001,123456789012345678901234567890,"
              "5e-324,1e-400,2.5e-5,100.50]") ==
        "[1,1,-0,-0,1000,1e-7,1e-7,1e+21,100000000000000000000,0.000001,1.2345678901234568e+29,"
        "5e-324,0,0.000025,100.5]");
  CHECK(GoAny(R"({"b":1,"a":2,"b":3,"A":[{"z":null,"y":true}]})") ==
        R"({"A":[{"y":true,"z":null}],"a":2,"b":3})");
  CHECK(GoAny(R"("a<b>&c\u2028\ud800x\ud83d\ude00\b\f")") ==
        "\"a\\u003cb\\u003e\\u0026c\\u2028\xEF\xBF\xBDx\xF0\x9F\x98\x80\\b\\f\"");
  std::string err;
  CHECK(GoAny("[1e400]", &err).empty());
  CHECK(err == "json: cannot unmarshal number 1e400 into Go value of type float64");
}

TEST_CASE("json: Go float64 text") {
  CHECK(GoFloat(1e-7) == "1e-7");
  CHECK(GoFloat(1.5e-10) == "1.5e-10");
  CHECK(GoFloat(1e21) == "1e+21");
  CHECK(GoFloat(123.25) == "123.25");
  CHECK(GoFloat(-0.0) == "-0");
}

TEST_CASE("json: Go string escaping and quoting") {
  std::string out;
  AppendGoString("<a href=\"x\">&\xE2\x80\xA8\x01\xFF", &out);
  CHECK(out == "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u2028\\u0001\\ufffd\"");
  CHECK(GoQuoteSingle("^\\d+$") == "'^\\\\d+$'");
  CHECK(GoQuoteSingle("it's") == "'it\\'s'");
}

TEST_CASE("Go json.Marshal of values: invalid UTF-8, non-finite floats, deep nesting") {
  CHECK(GoJsonCompact(Str("a\xFF"
                          "b")) == "\"a\\ufffdb\"");
  CHECK(GoFloat(std::numeric_limits<double>::infinity()) == "null");
  Value deep = Value::Sequence();
  Value* at = &deep;
  for (int i = 0; i < 2000; ++i) at = &at->Append(Value::Sequence());
  std::string out = GoJsonCompact(deep);
  CHECK(out == std::string(2001, '[') + std::string(2001, ']'));
  Value nested = Obj({{"a", List({Obj({{"b", Value::Null()}})})}});
  CHECK(GoJsonIndent(nested, "\t") == "{\n\t\"a\": [\n\t\t{\n\t\t\t\"b\": null\n\t\t}\n\t]\n}");
}

}  // namespace thv
