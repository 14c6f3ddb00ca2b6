#include "core/yaml_writer.h"

#include <doctest/doctest.h>

#include "core/testing.h"
#include "core/yaml_reader.h"

namespace thv {
namespace {

std::string Yaml(const Value& v) {
  std::string out;
  AppendYaml(v, &out);
  return out;
}

Value Map(std::vector<std::pair<std::string, Value>> members) {
  Value v = Value::Mapping();
  for (auto& [k, val] : members) v.members.push_back(Member{k, Mark{}, std::move(val)});
  return v;
}

Value Seq(std::vector<Value> items) {
  Value v = Value::Sequence();
  v.items = std::move(items);
  return v;
}

Value S(const std::string& s) { return Value::String(s); }

}  // namespace

TEST_CASE("kubectl layout") {
  Value pod = Map({{"apiVersion", S("v1")},
                   {"kind", S("Pod")},
                   {"metadata", Map({{"name", S("x")}, {"labels", Value::Mapping()}})},
                   {"spec", Map({{"containers", Seq({Map({{"name", S("x")},
                                                          {"image", S("nginx")},
                                                          {"args", Seq({S("a"), S("b")})},
                                                          {"env", Value::Sequence()}})})},
                                 {"none", Value::Null()},
                                 {"port", Value::Int(8080)},
                                 {"on", Value::Bool(true)},
                                 {"matrix", Seq({Seq({Value::Int(1), Value::Int(2)})})}})}});
  CHECK(Yaml(pod) ==
        "apiVersion: v1\n"
        "kind: Pod\n"
        "metadata:\n"
        "  name: x\n"
        "  labels: {}\n"
        "spec:\n"
        "  containers:\n"
        "  - name: x\n"
        "    image: nginx\n"
        "    args:\n"
        "    - a\n"
        "    - b\n"
        "    env: []\n"
        "  none: null\n"
        "  port: 8080\n"
        "  'on': true\n"
        "  matrix:\n"
        "  - - 1\n"
        "    - 2\n");
  CHECK(ReadYamlValue(Yaml(pod)) == pod);
}

TEST_CASE("stream separators") {
  CHECK(ToYamlStream({}) == "");
  CHECK(ToYamlStream({Map({{"a", S("1")}}), Seq({S("x")})}) == "a: '1'\n---\n- x\n");
  CHECK(Yaml(Value::Mapping()) == "{}\n");
  CHECK(Yaml(S("hi")) == "hi\n");
}

TEST_CASE("quoting choices") {
  auto field = [](const std::string& s) { return Yaml(Map({{"k", S(s)}})); };
  CHECK(field("plain text") == "k: plain text\n");
  CHECK(field("true") == "k: 'true'\n");
  CHECK(field("8080") == "k: '8080'\n");
  CHECK(field("") == "k: ''\n");
  CHECK(field("it's") == "k: it's\n");
  CHECK(field("'q'") == "k: '''q'''\n");
  CHECK(field("a: b") == "k: 'a: b'\n");
  CHECK(field("x\ty") == "k: \"x\\ty\"\n");
  CHECK(field("bell\x07") == "k: \"bell\\x07\"\n");
  CHECK(field("\xc2\x85") == "k: \"\\u0085\"\n");
  CHECK(field("y") == "k: 'y'\n");
  CHECK(field("--port=1") == "k: --port=1\n");
  CHECK(field("- x") == "k: '- x'\n");
  CHECK(field("-") == "k: '-'\n");
  CHECK(field("line\n") == "k: |\n  line\n");
  CHECK(field("a\nb") == "k: |-\n  a\n  b\n");
  CHECK(field("a\n\n") == "k: |+\n  a\n\n");
  CHECK(field("  indented\nnext") == "k: |2-\n    indented\n  next\n");
  CHECK(field("trailing \nspace") == "k: \"trailing \\nspace\"\n");
  CHECK(field("héllo ✓") == "k: héllo ✓\n");
  CHECK(Yaml(Map({{"a\nb", S("v")}})) == "\"a\\nb\": v\n");
  CHECK(Yaml(Map({{"1", S("v")}})) == "'1': v\n");
  // A float Go cannot hold stays a string to Go, but is infinity to YAML 1.2 readers.
  CHECK(field("7449e896") == "k: '7449e896'\n");
  CHECK(field("-1E+999") == "k: '-1E+999'\n");
  CHECK(field("7449e89a") == "k: 7449e89a\n");
  CHECK(field("e896") == "k: e896\n");
}

TEST_CASE("ConfigMap with pretty JSON") {
  Value cm = Map({{"data", Map({{"runconfig.json", S("{\n  \"a\": 1\n}")}})}});
  CHECK(Yaml(cm) == "data:\n  runconfig.json: |-\n    {\n      \"a\": 1\n    }\n");
  CHECK(ReadYamlValue(Yaml(cm)) == cm);
}

TEST_CASE("round trip of tricky strings keeps type and text") {
  const std::vector<std::string> strings = {"",
                                            " ",
                                            "  ",
                                            " a",
                                            "a ",
                                            "'",
                                            "\"",
                                            "''",
                                            "a'b",
                                            "a\"b",
                                            "a: b",
                                            "a:",
                                            ":",
                                            "a:b",
                                            "a #b",
                                            "a#b",
                                            "#",
                                            "# x",
                                            "héllo",
                                            "日本語",
                                            "emoji 😀",
                                            "a\nb",
                                            "a\n",
                                            "a\n\n",
                                            "\na",
                                            "\n",
                                            "\n\n",
                                            "a\n\nb\n",
                                            " lead\nx",
                                            "  lead\n",
                                            "\n  lead",
                                            "x\n  more\n",
                                            "tab\there",
                                            "\tstart",
                                            "end\t",
                                            "a\t\nb",
                                            "ctl\x01",
                                            "del\x7f",
                                            "nul",
                                            std::string("a\0b", 3),
                                            "cr\r\nlf",
                                            "- x",
                                            "-",
                                            "-x",
                                            "--",
                                            "---",
                                            "--- x",
                                            "...",
                                            "... x",
                                            "? x",
                                            "?",
                                            "*a",
                                            "&a",
                                            "!t",
                                            "%x",
                                            "@x",
                                            "`x",
                                            "|",
                                            ">",
                                            "|-",
                                            "{a}",
                                            "[a]",
                                            ",",
                                            "a,b",
                                            "no",
                                            "on",
                                            "off",
                                            "y",
                                            "n",
                                            "Yes",
                                            "NULL",
                                            "null",
                                            "~",
                                            "010",
                                            "0x1F",
                                            "0o7",
                                            "0b1",
                                            "1e3",
                                            ".5",
                                            "+1",
                                            "-1",
                                            "1_000",
                                            "1.5",
                                            "-.inf",
                                            ".nan",
                                            ".Inf",
                                            "<<",
                                            "2001-12-14",
                                            "1:20",
                                            "=",
                                            "a b  c",
                                            "\xc2\x85nel",
                                            "\xe2\x80\xa8ls",
                                            "\xef\xbb\xbf"
                                            "bom",
                                            "trail \n",
                                            "x\n ",
                                            "{\n  \"a\": 1\n}",
                                            "a\\b",
                                            "\\n",
                                            "k: v\n- x\n",
                                            "%",
                                            "a\r",
                                            "\x1b[0m"};
  for (const std::string& s : strings) {
    Value doc = Map({{"k", S(s)}, {s, S("key")}});
    std::string yaml = Yaml(doc);
    INFO("string: [" << s << "]\n" << yaml);
    Value back = ReadYamlValue(yaml);
    REQUIRE(back.members.size() == 2);
    CHECK(back.members[0].value.type == Value::Type::kString);
    CHECK(back.members[0].value.text == s);
    CHECK(back.members[1].key == s);
    // Also as a sequence item and a root scalar.
    Value seq = Seq({S(s), Seq({S(s)})});
    Value seq_back = ReadYamlValue(Yaml(seq));
    CHECK(seq_back.items[0].text == s);
    CHECK(seq_back.items[1].items[0].text == s);
  }
}

TEST_CASE("round trip of a nested manifest") {
  std::string src =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: mcp-fetch\n"
      "  labels:\n"
      "    app.kubernetes.io/name: fetch\n"
      "    toolhive: 'true'\n"
      "  annotations: {}\n"
      "spec:\n"
      "  replicas: 1\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "      - name: mcp\n"
      "        image: ghcr.io/x/fetch:1.0\n"
      "        args:\n"
      "        - --port=8080\n"
      "        - '--flag: x'\n"
      "        env:\n"
      "        - name: A\n"
      "          value: '0'\n"
      "        - name: B\n"
      "          value: null\n"
      "        resources:\n"
      "          limits:\n"
      "            cpu: 500m\n"
      "            memory: 1.5\n"
      "        ports: []\n"
      "      volumes:\n"
      "      - - nested\n"
      "        - seq\n"
      "      - {}\n"
      "      script: |\n"
      "        #!/bin/sh\n"
      "        echo hi\n";
  Value v = ReadYamlValue(src);
  std::string out = Yaml(v);
  CHECK(out == src);
  CHECK(ReadYamlValue(out) == v);
}

}  // namespace thv
