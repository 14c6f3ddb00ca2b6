#include "core/yaml_reader.h"

#include <doctest/doctest.h>

#include "core/json_text.h"
#include "core/testing.h"

namespace thv {
namespace {

// The first diagnostic, formatted, for input that must fail.
std::string ReadError(const std::string& text, const ReadLimits& limits = {}) {
  std::vector<Value> docs;
  Diagnostics diags;
  CHECK_FALSE(ReadYamlDocuments("in.yaml", text, &docs, &diags, limits));
  REQUIRE(diags.HasErrors());
  return FormatDiagnostic(diags.items()[0]);
}

void CheckScalar(const std::string& text, Value::Type type, const std::string& want) {
  Value v = ReadYamlValue("k: " + text + "\n");
  const Value* k = v.Find("k");
  REQUIRE(k != nullptr);
  INFO(text);
  CHECK(TypeName(k->type) == std::string(TypeName(type)));
  CHECK(k->text == want);
}

// Every document as sigs.k8s.io/yaml's JSON, one a line (keys in the input sorted, as Go sorts
// them): the expectations below are what go-yaml v2 2.4.0 and sigs.k8s.io/yaml gave.
std::string Json(const std::string& text) {
  std::vector<Value> docs;
  Diagnostics diags;
  const bool ok = ReadYamlDocuments("in.yaml", text, &docs, &diags);
  for (const Diagnostic& d : diags.items()) INFO(FormatDiagnostic(d));
  REQUIRE(ok);
  std::string out;
  for (const Value& doc : docs) out += GoJsonCompact(doc) + "\n";
  return out;
}

}  // namespace

TEST_CASE("plain scalars resolve like go-yaml v2") {
  using T = Value::Type;
  for (const char* s : {"null", "Null", "NULL", "~", ""}) CheckScalar(s, T::kNull, "");
  for (const char* s : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"})
    CheckScalar(s, T::kBool, "true");
  for (const char* s : {"false", "FALSE", "no", "No", "NO", "off", "OFF", "n", "N"})
    CheckScalar(s, T::kBool, "false");
  CheckScalar("42", T::kInt, "42");
  CheckScalar("-17", T::kInt, "-17");
  CheckScalar("+1", T::kInt, "1");
  CheckScalar("0x1F", T::kInt, "31");
  CheckScalar("0o17", T::kInt, "15");
  CheckScalar("010", T::kInt, "8");
  CheckScalar("0b101", T::kInt, "5");
  CheckScalar("1_000", T::kInt, "1000");
  CheckScalar("18446744073709551615", T::kInt, "18446744073709551615");
  CheckScalar("-9223372036854775808", T::kInt, "-9223372036854775808");
  CheckScalar("08", T::kFloat, "8");  // not octal; go-yaml's float pattern still matches
  CheckScalar("1.5", T::kFloat, "1.5");
  CheckScalar("1e3", T::kFloat, "1000");
  CheckScalar(".5", T::kFloat, "0.5");
  CheckScalar("-2.50", T::kFloat, "-2.5");
  CheckScalar("1e21", T::kFloat, "1e+21");
  CheckScalar("1e-7", T::kFloat, "1e-7");
  for (const char* s :
       {"1e400", "0x", "1.2.3", "yes!", "2001-12-14", "Yes please", "<<x", ".infinity", "+.nan"})
    CheckScalar(s, T::kString, s);
}

TEST_CASE("quoted, block and tagged scalars") {
  using T = Value::Type;
  CheckScalar("\"true\"", T::kString, "true");
  CheckScalar("'8080'", T::kString, "8080");
  CheckScalar("\"\"", T::kString, "");
  CheckScalar("!!str 1", T::kString, "1");
  CheckScalar("!!str ~", T::kString, "~");
  CheckScalar("!!int \"7\"", T::kInt, "7");
  CheckScalar("!!float 2", T::kFloat, "2");
  CheckScalar("!!bool 'yes'", T::kBool, "true");
  CheckScalar("!!null ''", T::kNull, "");
  CheckScalar("!custom 3", T::kString, "3");
  Value v = ReadYamlValue("a: |\n  x\n  y\nb: >-\n  p\n  q\n");
  CHECK(v.Find("a")->text == "x\ny\n");
  CHECK(v.Find("b")->text == "p q");
  CHECK(ReadError("k: !!int abc\n") ==
        "in.yaml:1:4: cannot decode \"abc\" as !!int: it reads as a string");
}

TEST_CASE("tagged scalars decode as go-yaml v2 and sigs.k8s.io/yaml decode them") {
  const std::pair<const char*, const char*> cases[] = {
      // !!binary: base64 (line breaks skipped) to bytes, then a JSON string as json.Marshal
      // writes it: bytes that are not UTF-8 become U+FFFD.
      {"a: !!binary aGVsbG8=", R"({"a":"hello"})"},
      {"a: !!binary \"aGVs\\nbG8=\"", R"({"a":"hello"})"},
      {"a: !!binary |\n  aGVs\n  bG8=", R"({"a":"hello"})"},
      // (Go writes U+FFFD as "\ufffd" there; GoJsonCompact writes the same string raw.)
      {"a: !!binary //79AA==", "{\"a\":\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\\u0000\"}"},
      {"a: !!binary gA==", "{\"a\":\"\xEF\xBF\xBD\"}"},
      {"a: !!binary 7aCA", "{\"a\":\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"}"},
      {"a: !!binary 4oKs", "{\"a\":\"\xE2\x82\xAC\"}"},
      {"a: !!binary \"\"", R"({"a":""})"},
      {"a: !!binary aGVsbG9=", R"({"a":"hello"})"},
      {"a: !!binary PD4m", R"({"a":"\u003c\u003e\u0026"})"},
      {"!!binary aGVsbG8=: 1", R"({"hello":1})"},
      // The tags go-yaml resolves.
      {"a: !!str 12", R"({"a":"12"})"},
      {"a: !!str ~", R"({"a":"~"})"},
      {"a: !!str true", R"({"a":"true"})"},
      {"a: !!str", R"({"a":""})"},
      {"a: !!int \"12\"", R"({"a":12})"},
      {"a: !!int 0x1F", R"({"a":31})"},
      {"a: !!int 0b101", R"({"a":5})"},
      {"a: !!int -0b101", R"({"a":-5})"},
      {"a: !!int 1_000", R"({"a":1000})"},
      {"a: !<tag:yaml.org,2002:int> \"7\"", R"({"a":7})"},
      {"!!int 1: 1", R"({"1":1})"},
      {"-.inf: 2\n.Inf: 1\n.NaN: 3", R"({"-.inf":2,".inf":1,".nan":3})"},  // keys: as floats
      {"a: !!float 1", R"({"a":1})"},
      {"a: !!float 0x10", R"({"a":16})"},
      {"a: !!float \"2.50\"", R"({"a":2.5})"},
      {"a: !!float 9223372036854775807", R"({"a":9223372036854776000})"},
      {"a: !!float -9223372036854775808", R"({"a":-9223372036854776000})"},
      {"a: !!bool yes", R"({"a":true})"},
      {"a: !!null ~", R"({"a":null})"},
      {"a: !!null \"\"", R"({"a":null})"},
      // !!timestamp must parse as one, and keeps its text.
      {"a: !!timestamp 2001-12-14", R"({"a":"2001-12-14"})"},
      {"a: !!timestamp 2001-12-14t21:59:43.10-05:00", R"({"a":"2001-12-14t21:59:43.10-05:00"})"},
      {"a: !!timestamp 2001-12-14 21:59:43.10", R"({"a":"2001-12-14 21:59:43.10"})"},
      {"a: !!timestamp 2001-12-14   21:59:43,10", R"({"a":"2001-12-14   21:59:43,10"})"},
      {"a: !!timestamp 2001-12-14T21:59:43Z", R"({"a":"2001-12-14T21:59:43Z"})"},
      {"a: !!timestamp 2001-1-2", R"({"a":"2001-1-2"})"},
      {"a: !!timestamp 2000-02-29", R"({"a":"2000-02-29"})"},
      {"a: !!timestamp 2001-12-14T23:59:59+24:00", R"({"a":"2001-12-14T23:59:59+24:00"})"},
      {"a: !!timestamp 2001-12-14T1:2:3Z", R"({"a":"2001-12-14T1:2:3Z"})"},
      // Other tags keep a scalar's text; collections ignore their tags.
      {"a: !!map abc", R"({"a":"abc"})"},
      {"a: !!seq abc", R"({"a":"abc"})"},
      {"a: !!set abc", R"({"a":"abc"})"},
      {"a: !!map", R"({"a":""})"},
      {"a: !foo bar", R"({"a":"bar"})"},
      {"a: !foo 12", R"({"a":"12"})"},
      {"a: ! 12", R"({"a":"12"})"},
      {"a: !!foo 12", R"({"a":"12"})"},
      {"a: !!map {b: 1}", R"({"a":{"b":1}})"},
      {"a: !!seq {b: 1}", R"({"a":{"b":1}})"},
      {"a: !!str {b: 1}", R"({"a":{"b":1}})"},
      {"a: !!int [1]", R"({"a":[1]})"},
      {"a: !!null {b: 1}", R"({"a":{"b":1}})"},
      {"%TAG !e! tag:example.com,2000:\n---\na: !e!foo 12", R"({"a":"12"})"},
      // A written-out "!" makes "<<" a merge key, even quoted; an untagged quoted one is not.
      {"a: &x {c: 1}\nb: {! <<: *x}", R"({"a":{"c":1},"b":{"c":1}})"},
      {"a: &x {c: 1}\nb: {! \"<<\": *x}", R"({"a":{"c":1},"b":{"c":1}})"},
      {"a: &x {c: 1}\nb: {&y ! <<: *x}", R"({"a":{"c":1},"b":{"c":1}})"},
      {"a: &x {c: 1}\nb: {!!merge <<: *x}", R"({"a":{"c":1},"b":{"c":1}})"},
      {"a: &x {c: 1}\nb: {\"<<\": *x}", R"({"a":{"c":1},"b":{"\u003c\u003c":{"c":1}}})"},
  };
  for (const auto& [yaml, json] : cases) {
    INFO(yaml);
    CHECK(Json(std::string(yaml) + "\n") == std::string(json) + "\n");
  }
}

TEST_CASE("tags that do not fit their value are refused, as go-yaml refuses them") {
  const std::pair<const char*, const char*> cases[] = {
      {"a: !!int abc", "1:4: cannot decode \"abc\" as !!int: it reads as a string"},
      {"a: !!int 1.5", "1:4: cannot decode \"1.5\" as !!int: it reads as a float"},
      {"a: !!int ~", "1:4: cannot decode \"~\" as !!int: it reads as null"},
      {"a: !!int", "1:4: cannot decode \"\" as !!int: it reads as null"},
      {"a: !!float 18446744073709551615",
       "1:4: cannot decode \"18446744073709551615\" as !!float: it reads as an int too large for "
       "int64"},
      {"a: !!float .inf",
       "1:4: \".inf\" is an infinite float, which JSON cannot hold: kubectl refuses it; quote it "
       "to mean the string"},
      {"a: -.Inf",
       "1:4: \"-.Inf\" is an infinite float, which JSON cannot hold: kubectl refuses it; quote it "
       "to mean the string"},
      {"a: [.NaN]",
       "1:5: \".NaN\" is NaN, which JSON cannot hold: kubectl refuses it; quote it to mean the "
       "string"},
      {"a: !!float 1e400", "1:4: cannot decode \"1e400\" as !!float: it reads as a string"},
      {"a: !!bool 1", "1:4: cannot decode \"1\" as !!bool: it reads as an int"},
      {"a: !!null abc", "1:4: cannot decode \"abc\" as !!null: it reads as a string"},
      {"a: !!timestamp abc", "1:4: cannot decode \"abc\" as !!timestamp: it reads as a string"},
      {"a: !!timestamp 12", "1:4: cannot decode \"12\" as !!timestamp: it reads as an int"},
      {"a: !!timestamp yes", "1:4: cannot decode \"yes\" as !!timestamp: it reads as a bool"},
      {"a: !!timestamp 2001-02-29",
       "1:4: cannot decode \"2001-02-29\" as !!timestamp: it reads as a string"},
      {"a: !!timestamp 2001-13-01",
       "1:4: cannot decode \"2001-13-01\" as !!timestamp: it reads as a string"},
      {"a: !!timestamp 2001-12-14T24:00:00Z",
       "1:4: cannot decode \"2001-12-14T24:00:00Z\" as !!timestamp: it reads as a string"},
      {"a: !!timestamp 2001-12-14 21:59:43.10 -5",
       "1:4: cannot decode \"2001-12-14 21:59:43.10 -5\" as !!timestamp: it reads as a string"},
      {"a: !!binary aGVsbG8",
       "1:4: !!binary value is not valid base64: it is not whole groups of four characters (with "
       "'=' padding at the end)"},
      {"a: !!binary aGVs bG8=",
       "1:4: !!binary value is not valid base64: character ' ' is not in the base64 alphabet"},
      {"a: !!binary a===",
       "1:4: !!binary value is not valid base64: it is not whole groups of four characters (with "
       "'=' padding at the end)"},
      {"a: !!binary ab=c", "1:4: !!binary value is not valid base64: '=' before the end"},
      {"a:\n  b: !e!foo 12",
       "2:6: undefined tag handle \"!e!\" (declare it with a %TAG directive, or use !name or "
       "!!name)"},
      {"a: !e!foo {b: 1}",
       "1:4: undefined tag handle \"!e!\" (declare it with a %TAG directive, or use !name or "
       "!!name)"},
  };
  for (const auto& [yaml, error] : cases) {
    INFO(yaml);
    CHECK(ReadError(std::string(yaml) + "\n") == std::string("in.yaml:") + error);
  }
}

TEST_CASE("positions of nodes and keys") {
  Value v = ReadYamlValue("# c\nmetadata:\n  name: x\n  labels: {a: 1}\nlist:\n- one\n- two: 2\n");
  REQUIRE(v.IsMapping());
  CHECK(v.mark.line == 2);
  const Member* md = v.FindMember("metadata");
  CHECK(md->key_mark.line == 2);
  CHECK(md->key_mark.column == 1);
  const Member* name = md->value.FindMember("name");
  CHECK(name->key_mark.line == 3);
  CHECK(name->key_mark.column == 3);
  CHECK(name->value.mark.line == 3);
  CHECK(name->value.mark.column == 9);
  const Value* list = v.Find("list");
  CHECK(list->items[1].mark.line == 7);
  CHECK(list->items[1].mark.column == 3);
  CHECK(v.Find("metadata")->Find("labels")->Find("a")->IsInt());
}

TEST_CASE("keys become strings; collections as keys are errors") {
  Value v = ReadYamlValue("1: a\ntrue: b\n~: c\n1.50: d\n");
  CHECK(ReadYamlValue("y: e\n").members[0].key == "true");  // go-yaml v2 reads y/n as bools
  CHECK(v.members[0].key == "1");
  CHECK(v.members[1].key == "true");
  CHECK(v.members[2].key == "null");
  CHECK(v.members[3].key == "1.5");
  CHECK(ReadError("a: 1\n? [x]\n: 2\n") == "in.yaml:2:3: mapping key must be a scalar");
}

TEST_CASE("multiple documents; empty ones skipped") {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("f", "---\n# only comment\n---\na: 1\n---\n---\n- 2\n...\n", &docs,
                            &diags));
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].Find("a")->text == "1");
  CHECK(docs[1].items[0].text == "2");
  docs.clear();
  REQUIRE(ReadYamlDocuments("f", "", &docs, &diags));
  CHECK(docs.empty());
}

TEST_CASE("documents before an error are kept") {
  std::vector<Value> docs;
  Diagnostics diags;
  CHECK_FALSE(ReadYamlDocuments("f", "a: 1\n---\nb: [\n", &docs, &diags));
  CHECK(docs.size() == 1);
}

TEST_CASE("syntax errors") {
  CHECK(ReadError("a: 1\n- b\n") == "in.yaml:2:1: YAML syntax error: end of map not found");
  CHECK(ReadError("a: [1, 2\n").find("in.yaml:") == 0);
  CHECK(ReadError("a: 1\nb: *nope\n") == "in.yaml:2:4: unknown alias \"nope\"");
}

TEST_CASE("a ',' that would start a node is refused; inside a plain scalar it is text") {
  for (const char* bad : {",\n", "\"\",\n", "- a\n,\n", "k: [a], b\n", "k: 'a', b\n"}) {
    INFO(bad);
    CHECK(ReadError(bad).find("',' outside [...] or {...} cannot start a node") !=
          std::string::npos);
  }
  // What kubectl kustomize writes for a long Cedar policy: a plain scalar wrapped after a '{'.
  CHECK(Json("k:\n- permit(p, action == Action::\"call\", r) when { p.g.contains(\"x\")\n  };\n") ==
        "{\"k\":[\"permit(p, action == Action::\\\"call\\\", r) when { p.g.contains(\\\"x\\\") "
        "};\"]}\n");
  CHECK(Json("k: x {a}, b\n  c\n") == "{\"k\":\"x {a}, b c\"}\n");
  CHECK(Json("k: a 'b', c\n  d\n") == "{\"k\":\"a 'b', c d\"}\n");
}

TEST_CASE("tabs in indentation") {
  CHECK(ReadError("a:\n\tb: 1\n") == "in.yaml:2:1: tab character used for indentation");
  CHECK(ReadError("a:\n  b: 1\n  \tc: 2\n") == "in.yaml:3:3: tab character used for indentation");
  CHECK(ReadError("b:\n \t- x\n") == "in.yaml:2:2: tab character used for indentation");
  // yaml-cpp rejects a blank line starting with a tab; say why.
  CHECK(ReadError("a: 1\n\t\nb: 2\n") == "in.yaml:2:1: tab character used for indentation");
  // Tabs inside block scalar content, after a value and in comments are fine.
  Value v = ReadYamlValue("a: |\n  x\n  \ty\nb: c\t# t\n\t# comment\n");
  CHECK(v.Find("a")->text == "x\n\ty\n");
  CHECK(v.Find("b")->text == "c");
}

TEST_CASE("duplicate keys") {
  CHECK(ReadError("a: 1\nb: 2\na: 3\n") ==
        "in.yaml:3:1: duplicate key \"a\" (first defined on line 1)");
  CHECK(ReadError("m:\n  x: 1\n  'x': 2\n") ==
        "in.yaml:3:3: duplicate key \"x\" (first defined on line 2)");
  std::string big;
  for (int i = 0; i < 40; ++i) big += "k" + std::to_string(i) + ": 1\n";
  CHECK(ReadError(big + "k7: 2\n") ==
        "in.yaml:41:1: duplicate key \"k7\" (first defined on line 8)");
  CHECK(ReadError("{a: 1, a: 2}\n") ==
        "in.yaml:1:8: duplicate key \"a\" (first defined on line 1)");
}

TEST_CASE("aliases and merge keys") {
  Value v = ReadYamlValue(
      "base: &b {x: 1, p: 2}\n"
      "list: &l [a, b]\n"
      "c: *l\n"
      "d:\n  <<: *b\n  p: 3\n"
      "e:\n  p: 4\n  <<: [{p: 5, z: 6}, {z: 7, w: 8}]\n");
  CHECK(v.Find("c")->items.size() == 2);
  CHECK(v.Find("c")->mark.line == 3);
  const Value* d = v.Find("d");
  REQUIRE(d->members.size() == 2);
  CHECK(d->Find("x")->text == "1");
  CHECK(d->Find("p")->text == "3");
  const Value* e = v.Find("e");
  CHECK(e->Find("p")->text == "4");
  CHECK(e->Find("z")->text == "6");
  CHECK(e->Find("w")->text == "8");
  CHECK(ReadYamlValue("a: {'<<': 1}\n").Find("a")->Find("<<")->text == "1");
  CHECK(ReadError("a:\n  <<: 1\n") ==
        "in.yaml:2:7: map merge requires map or sequence of maps as the value");
}

TEST_CASE("billion laughs stops at the alias expansion limit") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + (char)(c - 1);
    text += "]\n";
  }
  CHECK(ReadError(text) == "in.yaml:5:36: alias expansion exceeds 100000 nodes");
  ReadLimits small;
  small.max_alias_expansion = 5;
  CHECK(ReadError("a: &a [1, 2]\nb: [*a, *a]\n", small) ==
        "in.yaml:2:9: alias expansion exceeds 5 nodes");
}

TEST_CASE("nesting depth limit") {
  ReadLimits limits;
  limits.max_depth = 3;
  CHECK(ReadError("a:\n  b:\n    c: [1]\n", limits) == "in.yaml:3:8: nesting deeper than 3 levels");
  CHECK(ReadError(std::string(300, '[') + std::string(300, ']')) ==
        "in.yaml:1:201: nesting deeper than 200 levels");
  ReadYamlValue("a:\n  b:\n    c: 1\n");
}

TEST_CASE("1000 resources parse quickly") {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + std::to_string(i) +
            "\n  labels:\n    app: x\n    tier: \"backend\"\ndata:\n  a: '1'\n  b: |\n    line\n"
            "  c: [1, 2, 3]\n---\n";
  }
  double start = ProcessCpuMillis();
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("f", text, &docs, &diags));
  double ms = ProcessCpuMillis() - start;
  CHECK(docs.size() == 1000);
  MESSAGE("1000 resources: " << ms << " ms");
  CHECK(ms < 2000);  // generous: sanitizer builds are slow
}

TEST_CASE("line breaks, byte order marks and UTF-16 as Kubernetes reads them") {
  // kubectl cuts the stream at "---" lines and go-yaml drops the mark that starts a piece.
  CHECK(Json("a: 1\n---\n\xEF\xBB\xBF"
             "b: 2\nc: 3\n") == "{\"a\":1}\n{\"b\":2,\"c\":3}\n");
  CHECK(Json("\xEF\xBB\xBF"
             "a: 1\n") == "{\"a\":1}\n");
  // go-yaml breaks lines at a lone CR (old Mac files) and at NEL, and reads both as LF.
  CHECK(Json("a: 1\rb: [x, y]\r---\rc: |\r  l1\r  l2\r") ==
        "{\"a\":1,\"b\":[\"x\",true]}\n{\"c\":\"l1\\nl2\\n\"}\n");
  CHECK(Json("a: x\xC2\x85 y\nb: \"p\xC2\x85q\"\nc: |\n  l1\xC2\x85  l2\n") ==
        "{\"a\":\"x y\",\"b\":\"p q\",\"c\":\"l1\\nl2\\n\"}\n");
  CHECK(Json("a: |\r\n  x\r\n  y\r\nb: \"p\r\n  q\"\r\n") ==
        "{\"a\":\"x\\ny\\n\",\"b\":\"p q\"}\n");
  CHECK(Json(std::string("\xFF\xFE"
                         "a\0:\0 \0\xE9\0\n\0b\0:\0 \0=\xD8\0\xDE\n\0",
                         24)) == "{\"a\":\"\xC3\xA9\",\"b\":\"\xF0\x9F\x98\x80\"}\n");
  // Positions after a lone CR count lines as go-yaml does.
  Value v = ReadYamlValue("a: 1\rb:\r  c: 2\r");
  CHECK(v.Find("b")->FindMember("c")->key_mark.line == 3);
  CHECK(v.Find("b")->FindMember("c")->key_mark.column == 3);
}

TEST_CASE("input Kubernetes refuses is refused with its position") {
  CHECK(ReadError("a: 1\nb: x\xFFy\n") ==
        "in.yaml:2:5: invalid UTF-8: byte 0xFF cannot start a character (Kubernetes reads YAML "
        "as UTF-8; was the file saved in another encoding, such as Latin-1?)");
  CHECK(ReadError(std::string("a: 1\nb: x\0y\n", 12)) ==
        "in.yaml:2:5: control character U+0000 (NUL) is not allowed in YAML; inside a "
        "double-quoted string, write it as \"\\x00\"");
  // Not "missing apiVersion" further on: the mark would be part of the key.
  CHECK(ReadError("a: 1\n\xEF\xBB\xBF"
                  "b: 2\n")
            .find("in.yaml:2:1: byte order mark") == 0);
}

}  // namespace thv
