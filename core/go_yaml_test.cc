// Expectations from gopkg.in/yaml.v3 v3.0.1 (Debian golang-gopkg-yaml.v3-dev 3.0.1-3): yaml.Marshal
// of json.Unmarshal'd documents (see /work/notes/vmcp.md, "oracle").
#include "core/go_yaml.h"

#include <doctest/doctest.h>

#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/yaml_writer.h"

namespace thv {
namespace {

const GoField kRows[] = {GoStructName("Doc"),
                         {"any", "any", "omitempty"},
                         {"wait", "Duration", "omitempty"},
                         {"steps", "[]Step", ""},
                         {"props", "map[string]Step", ""},
                         {"inner", "Step", "omitempty"},
                         {"ptr", "*Step", ""},
                         GoStructName("Step"),
                         {"id", "string", "omitempty"},
                         {"n", "int", "omitempty"}};
const GoAlias kAliases[] = {{nullptr, nullptr}};

std::string Yaml(const std::string& json) {
  static const GoTypes types(kRows, kAliases);
  Value in;
  JsonSyntaxError syntax;
  REQUIRE(ParseJson(json, &in, &syntax));
  std::string error;
  Value v = types.MarshalYaml("Doc", in, &error);
  REQUIRE(error.empty());
  std::string out;
  AppendYamlV3(v, &out);
  return out;
}

TEST_CASE("yaml.v3: any values are sorted maps and float64 numbers, laid out as Marshal does") {
  CHECK(Yaml(R"({"any":{"b":[1,2,{"x":"true","y":"yes","z":"a: b","w":"multi\nline\n",)"
             R"("n":1000000,"f":0.5}],"a":{"k":[]},"A":"-x","_a":1,"a10":1,"a9":2,"e":{},)"
             R"("s":"","q":"it's","c":"#x","d":"x #y","t":"- a","u":"@x","lst":[[1,2],["a"]]}})") ==
        "any:\n"
        "    _a: 1\n"
        "    A: -x\n"
        "    a:\n"
        "        k: []\n"
        "    a9: 2\n"
        "    a10: 1\n"
        "    b:\n"
        "        - 1\n"
        "        - 2\n"
        "        - f: 0.5\n"
        "          \"n\": 1e+06\n"
        "          w: |\n"
        "            multi\n"
        "            line\n"
        "          x: \"true\"\n"
        "          \"y\": \"yes\"\n"
        "          z: 'a: b'\n"
        "    c: '#x'\n"
        "    d: 'x #y'\n"
        "    e: {}\n"
        "    lst:\n"
        "        - - 1\n"
        "          - 2\n"
        "        - - a\n"
        "    q: it's\n"
        "    s: \"\"\n"
        "    t: '- a'\n"
        "    u: '@x'\n"
        "steps: []\n"
        "props: {}\n"
        "ptr: null\n");
}

TEST_CASE("yaml.v3: structs in field order, omitempty by isZero, durations as String()") {
  CHECK(Yaml(R"({"wait":"60s","steps":[{"id":"a"},{}],"props":{"b":{"n":2},"a":{}},)"
             R"("inner":{"id":""},"ptr":{}})") ==
        "wait: 1m0s\n"
        "steps:\n"
        "    - id: a\n"
        "    - {}\n"
        "props:\n"
        "    a: {}\n"
        "    b:\n"
        "        \"n\": 2\n"
        "ptr: {}\n");
  CHECK(Yaml(R"({"wait":"0s","inner":{"n":1}})") ==
        "steps: []\nprops: {}\ninner:\n    \"n\": 1\nptr: null\n");
}

TEST_CASE("yaml.v3: block scalar content under keys and sequence items") {
  CHECK(Yaml(R"({"any":{"w":"a\nb","m":{"w":"a\nb","m2":{"w":"a\nb","l":["a\nb",{"w":"a\nb",)"
             R"("l":["x",{"k":"a\nb"}]}]}},"l":["a\nb",["a\nb"],{"k":{"w":"a\nb"}}],)"
             R"("k1":"  lead\nx","k2":"trail \nx","k3":"x\n\n","k4":"\nx"}})") ==
        "any:\n"
        "    k1: |4-\n          lead\n        x\n"
        "    k2: \"trail \\nx\"\n"
        "    k3: |+\n        x\n\n"
        "    k4: |4-\n        x\n"
        "    l:\n"
        "        - |-\n          a\n          b\n"
        "        - - |-\n            a\n            b\n"
        "        - k:\n"
        "            w: |-\n                a\n                b\n"
        "    m:\n"
        "        m2:\n"
        "            l:\n"
        "                - |-\n                  a\n                  b\n"
        "                - l:\n"
        "                    - x\n"
        "                    - k: |-\n                        a\n                        b\n"
        "                  w: |-\n                    a\n                    b\n"
        "            w: |-\n                a\n                b\n"
        "        w: |-\n            a\n            b\n"
        "    w: |-\n        a\n        b\n"
        "steps: []\nprops: {}\nptr: null\n");
}

TEST_CASE("yaml.v3: key order and the scalars that need quotes") {
  CHECK(Yaml(R"({"any":{"ke y":1,"k:":2,"":3,"0":4,"1.5":5,"~":6,"Null":7,"0x1F":8,"1_000":9,)"
             R"("1:20":10,"+1":11,".5":12,"1e3":13,"0o17":14,"-":15,"on":16,"Yes":17,)"
             R"("2001-12-14":18,"2001-12-14t21:59:43.10-05:00":19,"0777":20}})") ==
        "any:\n"
        "    \"\": 3\n"
        "    \"+1\": 11\n"
        "    '-': 15\n"
        "    \".5\": 12\n"
        "    \"~\": 6\n"
        "    \"0\": 4\n"
        "    \"0o17\": 14\n"
        "    \"0x1F\": 8\n"
        "    \"1e3\": 13\n"
        "    \"1.5\": 5\n"
        "    \"1:20\": 10\n"
        "    \"1_000\": 9\n"
        "    \"0777\": 20\n"
        "    \"2001-12-14\": 18\n"
        "    \"2001-12-14t21:59:43.10-05:00\": 19\n"
        "    \"Null\": 7\n"
        "    \"Yes\": 17\n"
        "    'k:': 2\n"
        "    ke y: 1\n"
        "    \"on\": 16\n"
        "steps: []\nprops: {}\nptr: null\n");
}

TEST_CASE("yaml.v3 floats: strconv 'g' with the shortest digits") {
  const std::pair<double, const char*> kCases[] = {{3, "3"},
                                                   {0.5, "0.5"},
                                                   {100000, "100000"},
                                                   {1000000, "1e+06"},
                                                   {123456789, "1.23456789e+08"},
                                                   {0.0001, "0.0001"},
                                                   {0.00001, "1e-05"},
                                                   {-2.5, "-2.5"}};
  for (const auto& [value, text] : kCases) CHECK(YamlV3Float(value) == text);
}

}  // namespace
}  // namespace thv
