// Expected values below were produced by Go's encoding/json.
#include <doctest/doctest.h>

#include "core/json_parse.h"

namespace thv {

namespace {

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

}  // namespace thv
