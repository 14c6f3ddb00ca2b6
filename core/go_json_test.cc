// The engine on a small table with every shape the generated ones use (core/go_json_test.inc):
// an embedded struct, *T, []*T, a nil-able []string, map[string]*T, map[string]string,
// map[string]any, any, json.RawMessage, int, int32, bool, float64, omitzero.
#include "core/go_json.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/json_parse.h"

namespace thv {

namespace {

struct Inner {
  static constexpr const char* kGoType = "Inner";
  std::string name;
  int64_t n = 0;
};

struct Base {
  static constexpr const char* kGoType = "Base";
  std::string id;
  std::optional<std::vector<std::string>> tools;
};

struct Outer : Base {
  static constexpr const char* kGoType = "Outer";
  std::string first;
  std::optional<Inner> ptr;
  std::vector<Inner> list;
  std::map<std::string, Inner> by_name;
  std::map<std::string, std::string> labels;
  Value extra;
  std::optional<Value> anything;
  int64_t count = 0;
  int64_t small = 0;
  bool flag = false;
  double ratio = 0;
  Value raw;
  Inner zero;
};

// Every binding mistake BindingErrors knows.
struct Bad {
  static constexpr const char* kGoType = "Bad";
  std::vector<std::string> names;  // []string without omitempty: nil and [] differ
  Base inner;                      // the wrong struct
  Inner ptr;                       // a pointer field held by value
  std::string when;                // Time is Value mode only
};

#define THV_GO_TABLE "core/go_json_test.inc"
#include "core/go_table.h"

const GoTypes& Types() {
  static const GoTypes types(kGoRows, kGoAliases);
  return types;
}

std::string Marshal(const Outer& o) {
  std::string out;
  Types().Append("Outer", o, &out);
  return out;
}

// Decodes text into *o; the diagnostics, one a line.
std::string Decode(const std::string& text, Outer* o) {
  Value doc;
  JsonSyntaxError syntax;
  REQUIRE(ParseJson(text, &doc, &syntax));
  Diagnostics diags;
  GoDecodeContext ctx{"in.json", &diags};
  Types().Decode("Outer", doc, JsonPath(), o, &ctx);
  std::string out;
  for (const Diagnostic& d : diags.items()) out += FormatDiagnostic(d) + "\n";
  CHECK((ctx.errors == 0) == out.empty());
  return out;
}

std::string RoundTrip(const std::string& text) {
  Outer o;
  std::string errors = Decode(text, &o);
  return errors.empty() ? Marshal(o) : errors;
}

}  // namespace

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

TEST_CASE("Go json: every binding of the test table holds its Go type") {
  std::vector<std::string> errors = Types().BindingErrors();
  std::sort(errors.begin(), errors.end());
  CHECK(errors == std::vector<std::string>{
                      "Bad.inner: holds Base, not Inner",
                      "Bad.names: without omitempty, nil and empty marshal differently: needs "
                      "std::optional",
                      "Bad.ptr: a pointer field needs std::optional",
                      "Bad.when: this Go type cannot be bound to C++"});
}

TEST_CASE("Go json: marshal in Go's order with omitempty, omitzero and nil") {
  Outer o;
  CHECK(Marshal(o) == R"({"id":"","tools":null,"count":0})");
  o.first = "f";
  o.tools.emplace();
  o.ptr.emplace();
  o.list = {Inner{"a", 1}, Inner{"<b>", 0}};
  o.by_name = {{"z", Inner{"z", 0}}, {"a", Inner{"", 2}}};
  o.labels = {{"k", "v"}};
  o.anything = Value::Mapping();  // an interface holding an empty map is not empty
  o.small = -5;
  o.flag = true;
  o.ratio = 0.5;
  o.zero.n = 1;
  CHECK(Marshal(o) ==
        R"({"first":"f","id":"","tools":[],"ptr":{"name":""},"list":[{"name":"a","n":1},)"
        R"({"name":"\u003cb\u003e"}],"by_name":{"a":{"name":"","n":2},"z":{"name":"z"}},)"
        R"("labels":{"k":"v"},"anything":{},"count":0,"small":-5,"flag":true,"ratio":0.5,)"
        R"("zero":{"name":"","n":1}})");
}

TEST_CASE("Go json: decoding follows json.Unmarshal") {
  // Folded keys, unknown keys, repeated keys: structs merge, slices reuse their elements,
  // map entries are replaced, map[string]any merges, any is replaced.
  CHECK(
      RoundTrip(R"({"ID":"x","unknown":1,"ptr":{"name":"a"},"ptr":{"n":2},)"
                R"("list":[{"name":"a","n":1},{"name":"b"}],"list":[{"name":"c"}],)"
                R"("by_name":{"k":{"name":"a","n":1}},"by_name":{"k":{"name":"b"}},)"
                R"("extra":{"z":1,"a":1.50},"extra":{"m":[1e2]},"anything":{"b":1},"anything":[2],)"
                R"("raw":{"b":1.50,"a":"<"},"tools":["t"]})") ==
      R"({"id":"x","tools":["t"],"ptr":{"name":"a","n":2},"list":[{"name":"c","n":1}],)"
      R"("by_name":{"k":{"name":"b"}},"extra":{"a":1.5,"m":[100],"z":1},"anything":[2],)"
      R"("count":0,"raw":{"b":1.50,"a":"\u003c"}})");
  // null: no-op for strings, numbers, bools and structs; nil for pointers, slices, maps, any.
  Outer o;
  CHECK(Decode(R"({"id":"x","count":3,"tools":["t"],"ptr":{},"extra":{"a":1},"anything":1})", &o)
            .empty());
  CHECK(Decode(R"({"id":null,"count":null,"tools":null,"ptr":null,"extra":null,"anything":null,)"
               R"("zero":null})",
               &o)
            .empty());
  CHECK(Marshal(o) == R"({"id":"x","tools":null,"count":3})");
  // Map elements that are not pointers store the zero value for null.
  CHECK(RoundTrip(R"({"labels":{"a":null}})") ==
        R"({"id":"","tools":null,"labels":{"a":""},"count":0})");
}

TEST_CASE("Go json: numbers follow Go's int and float64 rules") {
  CHECK(RoundTrip(R"({"count":-0})") == R"({"id":"","tools":null,"count":0})");
  CHECK(RoundTrip(R"({"count":9223372036854775807,"small":-2147483648,"ratio":1e-7})") ==
        R"({"id":"","tools":null,"count":9223372036854775807,"small":-2147483648,"ratio":1e-7})");
  CHECK(RoundTrip(R"({"count":8080.0})") ==
        "in.json:1:10: count: expected integer, got number 8080.0\n");
  CHECK(RoundTrip(R"({"count":1e3})") == "in.json:1:10: count: expected integer, got number 1e3\n");
  CHECK(RoundTrip(R"({"count":18446744073709551616})") ==
        "in.json:1:10: count: expected integer, got number 18446744073709551616\n");
  CHECK(RoundTrip(R"({"small":2147483648})") ==
        "in.json:1:10: small: expected int32, got number 2147483648\n");
  CHECK(RoundTrip(R"({"ratio":1e400})") ==
        "in.json:1:10: ratio: json: cannot unmarshal number 1e400 into Go value of type float64\n");
  CHECK(
      RoundTrip(R"({"extra":{"a":-1e400}})") ==
      "in.json:1:10: extra: json: cannot unmarshal number -1e400 into Go value of type float64\n");
}

TEST_CASE("Go json: every type error is reported with its path and position") {
  CHECK(
      RoundTrip("{\"id\": 1,\n \"tools\": \"a\",\n \"list\": [null, {\"n\": true}],\n"
                " \"by_name\": {\"io.x/y\": null, \"k\": []},\n \"Flag\": \"yes\", \"ptr\": 1}") ==
      "in.json:1:8: id: expected string, got number\n"
      "in.json:2:11: tools: expected array, got string\n"
      "in.json:3:11: list[0]: expected object, got null\n"
      "in.json:3:23: list[1].n: expected integer, got boolean\n"
      "in.json:4:24: by_name[\"io.x/y\"]: expected object, got null\n"
      "in.json:4:35: by_name.k: expected object, got array\n"
      "in.json:5:10: Flag: expected boolean, got string\n"
      "in.json:5:24: ptr: expected object, got number\n");
  Outer o;
  CHECK(Decode("[]", &o) == "in.json:1:1: expected object, got array\n");
}

// Check's errors, formatted; ParseJson must accept text.
std::string CheckOuter(const char* text) {
  Value doc;
  JsonSyntaxError syntax;
  REQUIRE(ParseJson(text, &doc, &syntax));
  Diagnostics diags;
  GoDecodeContext ctx{"in.json", &diags};
  Types().Check("Outer", doc, JsonPath(), &ctx);
  std::string out;
  for (const Diagnostic& d : diags.items()) out += FormatDiagnostic(d) + "\n";
  CHECK(static_cast<size_t>(ctx.errors) == diags.items().size());
  return out;
}

TEST_CASE("Go json: Check reports json.Unmarshal's type errors for a Value, nulls allowed") {
  CHECK(CheckOuter("{\"id\": 1, \"tools\": [\"a\", 2], \"list\": [null, {\"n\": 1.5}],\n"
                   " \"by_name\": {\"k\": []}, \"FLAG\": \"yes\", \"small\": 4294967296, "
                   "\"unknown\": [1]}") ==
        "in.json:1:8: id: expected string, got number\n"
        "in.json:1:26: tools[1]: expected string, got number\n"
        "in.json:1:51: list[1].n: expected integer, got number 1.5\n"
        "in.json:2:19: by_name.k: expected object, got array\n"
        "in.json:2:32: FLAG: expected boolean, got string\n"
        "in.json:2:48: small: expected int32, got number 4294967296\n");
  // The document Decode refuses above: the same errors, one for one, except a null element of
  // []*Inner, a nil pointer to Go, which only Decode (whose C++ value cannot hold it) refuses.
  CHECK(CheckOuter("{\"id\": 1,\n \"tools\": \"a\",\n \"list\": [null, {\"n\": true}],\n"
                   " \"by_name\": {\"k\": []},\n \"Flag\": \"yes\", \"ptr\": 1, \"raw\": [1], "
                   "\"small\": 3000000000}") ==
        "in.json:1:8: id: expected string, got number\n"
        "in.json:2:11: tools: expected array, got string\n"
        "in.json:3:23: list[1].n: expected integer, got boolean\n"
        "in.json:4:19: by_name.k: expected object, got array\n"
        "in.json:5:10: Flag: expected boolean, got string\n"
        "in.json:5:24: ptr: expected object, got number\n"
        "in.json:5:48: small: expected int32, got number 3000000000\n");
}

}  // namespace thv
