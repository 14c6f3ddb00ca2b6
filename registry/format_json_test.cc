// Expected values below were produced by Go's encoding/json (json.Unmarshal into interface{}
// and json.Marshal), except \b and \f, which Go 1.22+ writes in short form.
#include <doctest/doctest.h>

#include "registry/format_go.h"
#include "registry/format_json.h"

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

JsonSyntaxError SyntaxError(const std::string& text) {
  Value doc;
  JsonSyntaxError err;
  CHECK(!ParseJson(text, &doc, &err));
  return err;
}

}  // namespace

TEST_CASE("json: values keep positions, members keep order and duplicates") {
  Value v;
  JsonSyntaxError err;
  REQUIRE(ParseJson("{\n  \"b\": 1,\n  \"a\": [true, null, \"x\"],\n  \"b\": 2.5\n}", &v, &err));
  REQUIRE(v.members.size() == 3);
  CHECK(v.members[0].key == "b");
  CHECK(v.members[2].value.text == "2.5");
  CHECK(v.members[2].value.type == Value::Type::kFloat);
  CHECK(v.members[1].key_mark.line == 3);
  CHECK(v.members[1].key_mark.column == 3);
  CHECK(v.members[1].value.items[2].mark.line == 3);
  CHECK(v.members[1].value.items[2].mark.column == 21);
}

TEST_CASE("json: columns count code points") {
  Value v;
  JsonSyntaxError err;
  REQUIRE(ParseJson("[\"\xC3\xA9\xC3\xA9\", 1]", &v, &err));
  CHECK(v.items[1].mark.column == 8);  // [ " é é " , space 1
}

TEST_CASE("json: syntax errors use Go's wording, offsets and line:column") {
  JsonSyntaxError e = SyntaxError("{\n  \"a\": 1\n  \"b\": 2\n}");
  CHECK(e.message == "invalid character '\"' after object key:value pair");
  CHECK(e.mark.line == 3);
  CHECK(e.mark.column == 3);
  CHECK(SyntaxError("").message == "unexpected end of JSON input");
  CHECK(SyntaxError("[1,").message == "unexpected end of JSON input");
  CHECK(SyntaxError("[1 2]").message == "invalid character '2' after array element");
  CHECK(SyntaxError("{\"a\" 1}").message == "invalid character '1' after object key");
  CHECK(SyntaxError("{1:2}").message ==
        "invalid character '1' looking for beginning of object key string");
  CHECK(SyntaxError("[tru]").message == "invalid character ']' in literal true (expecting 'e')");
  CHECK(SyntaxError("01").message == "invalid character '1' after top-level value");
  CHECK(SyntaxError("-x").message == "invalid character 'x' in numeric literal");
  CHECK(SyntaxError("1.x").message ==
        "invalid character 'x' after decimal point in numeric literal");
  CHECK(SyntaxError("1ex").message == "invalid character 'x' in exponent of numeric literal");
  CHECK(SyntaxError("\"a\nb\"").message == "invalid character '\\n' in string literal");
  CHECK(SyntaxError("\"\\q\"").message == "invalid character 'q' in string escape code");
  CHECK(SyntaxError("\"\\u12g4\"").message ==
        "invalid character 'g' in \\u hexadecimal character escape");
  CHECK(SyntaxError("\xEF\xBB\xBF{}").message ==
        "invalid character '\xC3\xAF' looking for beginning of value");
  CHECK(SyntaxError("{} x").offset == 4);
}

TEST_CASE("json: strings decode as Go does") {
  Value v;
  JsonSyntaxError err;
  REQUIRE(ParseJson(R"(["\ud83d\ude00", "\ud800x", "\udc00\ud800", "\u00e9\/\t"])", &v, &err));
  CHECK(v.items[0].text == "\xF0\x9F\x98\x80");
  CHECK(v.items[1].text == "\xEF\xBF\xBDx");
  CHECK(v.items[2].text == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(v.items[3].text == "\xC3\xA9/\t");
  // Invalid UTF-8 bytes each become U+FFFD.
  REQUIRE(ParseJson("\"a\xFF\xE2\x82z\"", &v, &err));
  CHECK(v.text == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
}

TEST_CASE("json: nesting is limited to 1000 levels (Go allows 10000)") {
  Value v;
  JsonSyntaxError err;
  CHECK(ParseJson(std::string(1000, '[') + std::string(1000, ']'), &v, &err));
  CHECK(!ParseJson(std::string(1001, '[') + std::string(1001, ']'), &v, &err));
  CHECK(err.message == "invalid character '[' exceeded max depth");
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
  CHECK(GoJsonFloat64(1e-7) == "1e-7");
  CHECK(GoJsonFloat64(1.5e-10) == "1.5e-10");
  CHECK(GoJsonFloat64(1e21) == "1e+21");
  CHECK(GoJsonFloat64(123.25) == "123.25");
  CHECK(GoJsonFloat64(-0.0) == "-0");
}

TEST_CASE("json: paths render as dotted paths and JSON pointers") {
  JsonPath root;
  JsonPath servers = root.Key("servers");
  JsonPath name = servers.Key("io.github/x");
  JsonPath tools = name.Key("tools");
  JsonPath first = tools.Index(0);
  CHECK(FormatJsonPath(first) == "servers[\"io.github/x\"].tools[0]");
  CHECK(FormatJsonPointer(first) == "/servers/io.github~1x/tools/0");
  CHECK(FormatJsonPath(root) == "");
  CHECK(FormatJsonPath(servers.Key("fetch").Key("transport")) == "servers.fetch.transport");
}

TEST_CASE("json: Go string escaping and quoting") {
  std::string out;
  AppendGoString("<a href=\"x\">&\xE2\x80\xA8\x01\xFF", &out);
  CHECK(out == "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u2028\\u0001\\ufffd\"");
  CHECK(GoQuoteSingle("^\\d+$") == "'^\\\\d+$'");
  CHECK(GoQuoteSingle("it's") == "'it\\'s'");
}

TEST_CASE("json: Go field-name matching folds case") {
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
