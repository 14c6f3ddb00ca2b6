#include "model/cel.h"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/testing.h"
#include "core/yaml_reader.h"
#include "model/cel_ast.h"

namespace thv::cel {

namespace {

Value Yaml(const std::string& text) {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("test.yaml", text, &docs, &diags));
  REQUIRE(docs.size() == 1);
  return docs[0];
}

// "true", "false", or "error: <text>"; "compile: <text>" when Compile refuses.
std::string Run(const std::string& expr, const Value& self = Value()) {
  std::string error;
  auto program = Compile(expr, &error);
  if (!program) return "compile: " + error;
  switch (Evaluate(*program, self, &error)) {
    case Outcome::kTrue:
      return "true";
    case Outcome::kFalse:
      return "false";
    case Outcome::kError:
      return "error: " + error;
  }
  return "";
}

// Runs{self}.Check(cases): each case an expression, and what Run gives for it over self.
struct Runs {
  const Value& self;
  void Check(std::initializer_list<Case> cases) const {
    CheckCases([this](const std::string& expr) { return Run(expr, self); }, cases);
  }
};
void CheckRuns(std::initializer_list<Case> cases) { Runs{Value()}.Check(cases); }

}  // namespace

TEST_CASE("CEL literals") {
  CheckRuns({
      {"1 == 1 && 0x10 == 16 && 7u == 7u && 1.5 == 1.5 && .5 == 0.5 && 1e3 == 1000.0", "true"},
      {"-9223372036854775808 < 0 && 9223372036854775807 > 0", "true"},
      {"9223372036854775808 > 0", "compile: column 1: invalid int literal"},
      {"18446744073709551615u > 0u", "true"},
      {"'a' == \"a\" && '''a''' == \"\"\"a\"\"\" && r'\\n' == '\\\\n'", "true"},
      {"'\\x41\\u00e9\\U0001F600\\101' == 'Aé😀A'", "true"},
      {"b'\\xff' != b'\\u00ff'",
       "compile: column 14: \\u escapes are not allowed in bytes literals"},
      {"size(b'\\xff\\377') == 2 && size('\\xff') == 1", "true"},
      {"'\\uD800' == ''", "compile: column 2: invalid unicode code point"},
      {"null == null && [1, 'a'] == [1, 'a'] && {'k': 1}['k'] == 1", "true"},
      {"'abc", "compile: column 1: unterminated string literal"},
  });
}

TEST_CASE("CEL compile errors name the column and refuse what is outside the subset") {
  CheckRuns({
      {"self.a +", "compile: column 9: unexpected end of expression"},
      {"self.a ==\n  foo(1)", "compile: line 2, column 3: unsupported function 'foo'"},
      {"'é' == x", "compile: column 8: undeclared reference to 'x'"},
      {"oldSelf == self", "compile: column 1: oldSelf (transition rules) is unsupported"},
      {"self.items.map(x, x)", "compile: column 12: unsupported function 'map'"},
      {"self.items.filter(x, x)", "compile: column 12: unsupported function 'filter'"},
      {"int('1') == 1", "compile: column 1: unsupported function 'int'"},
      {"self.a__dash__b == 1",
       "compile: column 6: escaped property names ('a__dash__b') are unsupported"},
      {"has(self)", "compile: column 1: invalid argument to has() macro"},
      {"self.all(1, true)",
       "compile: column 10: all() needs a variable name as its first argument"},
      {"self.?a", "compile: column 6: optional field selection is unsupported"},
      {"self.size(1)", "compile: column 6: wrong number of arguments to size()"},
      {"true ? 1 : 2 : 3", "compile: column 14: unexpected ':'"},
      {"matches('a', '(')", "compile: column 1: error parsing regexp: missing closing ): `(`"},
      {"'a'.matches('[a')", "compile: column 5: error parsing regexp: missing closing ]"},
      {"duration('1x') > duration('1s')", "compile: column 1: invalid duration literal '1x'"},
      {"'\xff'", "compile: column 2: invalid UTF-8"},
  });
  CHECK(Run("a.b.C{}").find("compile:") == 0);
}

TEST_CASE("CEL limits: deep nesting and long expressions fail to compile, never overflow") {
  CHECK(
      Run(std::string(300, '(') + "1" + std::string(300, ')') + " == 1").find("nests too deeply") !=
      std::string::npos);
  std::string sum = "1";
  for (int i = 0; i < 300; ++i) sum += " + 1";
  CHECK(Run(sum + " > 0").find("nests too deeply") != std::string::npos);
  CHECK(Run(std::string(50000, '!') + "true").find("nests too deeply") != std::string::npos);
  CHECK(Run(std::string(200000, ' ') + "true") == "compile: column 1: expression too long");
  // 200 terms of && and || are one node each, not a deep tree.
  std::string chain = "true";
  for (int i = 0; i < 200; ++i) chain += " && true || false";
  CHECK(Run(chain) == "true");
}

TEST_CASE("CEL has() and field selection") {
  Runs{Yaml("a: {b: 1}\nempty: {}\nnone: null\nlist: [1]\ns: str\n")}.Check({
      {"has(self.a) && has(self.a.b) && !has(self.a.c) && !has(self.x)", "true"},
      {"has(self.empty) && !has(self.empty.b)", "true"},
      // Kubernetes reads a null field of an object as absent (valuesunstructured.go Find).
      {"!has(self.none) && !('none' in self)", "true"},
      {"self.none == null", "error: no such key: none"},
      {"self.x.y == 1", "error: no such key: x"},
      {"has(self.x.y)", "error: no such key: x"},
      // cel-go: a presence test on a value without fields is false, on a list an error.
      {"!has(self.s.y) && !has(self.a.b.c)", "true"},
      {"has(self.list.y)", "error: unsupported index type 'string' in list"},
      {"self.s.y == 1", "error: no such key: y"},
      {"self['a']['b'] == 1 && self.list[0] == 1", "true"},
      {"self.list[1] == 1", "error: index '1' out of range in list size '1'"},
      {"self['zz'] == 1", "error: no such key: zz"},
  });
}

TEST_CASE("CEL size() counts code points, elements and keys") {
  Runs{Yaml("s: héllo😀\nl: [a, b]\nm: {x: 1}\ne: ''\n")}.Check({
      {"size(self.s) == 6 && self.s.size() == 6", "true"},
      {"size(self.l) == 2 && self.m.size() == 1 && size(self.e) == 0", "true"},
      {"size('日本語') == 3 && size(b'日本語') == 9", "true"},
      {"size(1) == 1", "error: no such overload"},
  });
}

TEST_CASE("CEL in: list elements and map keys") {
  Runs{Yaml("l: ['*', a]\nh: {Authorization: x}\n")}.Check({
      {"'*' in self.l && !('b' in self.l) && 'Authorization' in self.h", "true"},
      {"!('x' in self.h) && 1 in [1.0, 'a'] && !(2 in [1.0])", "true"},
      {"'a' in 'abc'", "error: no such overload"},
  });
}

TEST_CASE("CEL all, exists and exists_one on lists and map keys") {
  Runs{Yaml("tools: [{perUser: {}}, {shared: {}}]\nh: {a: 1, b: 2}\n")}.Check({
      {"self.tools.exists(t, has(t.perUser)) && !self.tools.all(t, has(t.perUser))", "true"},
      {"self.tools.exists_one(t, has(t.shared)) && self.h.all(k, k in ['a', 'b'])", "true"},
      {"[].all(x, false) && ![].exists(x, true) && ![].exists_one(x, true)", "true"},
      // An error in one element is absorbed by another element's deciding value, else reported.
      {"self.tools.all(t, t.perUser != {})", "false"},
      {"self.tools.exists(t, t.perUser == {})", "true"},
      {"self.tools.all(t, t.perUser != null)", "error: no such key: perUser"},
      {"self.tools.exists_one(t, t.perUser == {})", "error: no such key: perUser"},
      {"1.all(x, true)", "error: no such overload"},
      // Variables shadow, and nest.
      {"[[1, 2], [3]].all(self, self.all(x, x > 0))", "true"},
  });
}

TEST_CASE("CEL && || ! and ?: absorb errors commutatively") {
  Runs{Yaml("{}")}.Check({
      {"self.x || true", "true"},
      {"true || self.x", "true"},
      {"self.x && false", "false"},
      {"false && self.x", "false"},
      {"self.x && true", "error: no such key: x"},
      {"false || self.x", "error: no such key: x"},
      {"self.x || self.y", "error: no such key: x"},
      {"!self.x", "error: no such key: x"},
      {"1 || true", "true"},
      {"1 && true", "error: no such overload"},
      {"!1", "error: no such overload"},
      {"true ? self.x : true", "error: no such key: x"},
      {"false ? self.x : true", "true"},
      {"'a' ? true : true", "error: no such overload"},
  });
  // Nested conditionals associate to the right (E20).
  CHECK(Run("self == 'b' ? false : self == 'a' ? true : false", Value::String("a")) == "true");
}

TEST_CASE("CEL equality and ordering follow cel-spec's type rules") {
  CheckRuns({
      {"1 == 1.0 && 1 == 1u && 1u == 1.0 && 2 != 'a' && null != 0 && [1] != ['1']", "true"},
      {"{'a': 1} == {'a': 1.0} && {'a': 1} != {'b': 1} && [1, [2]] == [1.0, [2u]]", "true"},
      {"1 < 1.5 && 2u > 1 && -1 < 0u && 'a' < 'b' && 'B' < 'a' && false < true", "true"},
      {"b'a' < b'b' && 'é' > 'z' && duration('1s') < duration('2s')", "true"},
      {"1 < 'a'", "error: no such overload"},
      {"[1] < [2]", "error: no such overload"},
      {"0.0/0.0 != 0.0/0.0 && 1 != 0.0/0.0", "true"},
      {"1.0 < 0.0/0.0", "error: NaN values cannot be ordered"},
      // cel-go compares ints with doubles as doubles: lossy at the limits.
      {"9223372036854775807 == 9223372036854775808.0", "true"},
      {"9007199254740993 == 9007199254740992.0 && 1 < 1.0000000000000002", "true"},
  });
}

TEST_CASE("CEL arithmetic: int and uint overflow and division errors") {
  CheckRuns({
      {"9223372036854775807 + 1 > 0", "error: integer overflow"},
      {"-9223372036854775808 - 1 < 0", "error: integer overflow"},
      {"4611686018427387904 * 2 > 0", "error: integer overflow"},
      {"-(-9223372036854775808) > 0", "error: integer overflow"},
      {"-9223372036854775808 / -1 > 0", "error: integer overflow"},
      {"-9223372036854775808 % -1 == 0", "error: integer overflow"},
      {"1 / 0 == 0", "error: division by zero"},
      {"1 % 0 == 0", "error: modulus by zero"},
      {"0u - 1u == 0u", "error: unsigned integer overflow"},
      {"18446744073709551615u + 1u == 0u", "error: unsigned integer overflow"},
      {"7 / 2 == 3 && -7 / 2 == -3 && -7 % 2 == -1 && 7u % 2u == 1u", "true"},
      {"1.0 / 0.0 > 1e308 && 0.1 + 0.2 != 0.3", "true"},
      {"1 + 1u == 2", "error: no such overload"},
      {"'a' + 'é' == 'aé' && b'a' + b'b' == b'ab' && [1] + [2] == [1, 2]", "true"},
  });
  // W1: sizes of optional lists added.
  const std::string w1 =
      "(has(self.validating) ? size(self.validating) : 0) + "
      "(has(self.mutating) ? size(self.mutating) : 0) > 0";
  CHECK(Run(w1, Yaml("{}")) == "false");
  CHECK(Run(w1, Yaml("mutating: [a]")) == "true");
}

TEST_CASE("CEL string functions") {
  CheckRuns({
      {"'http://x'.startsWith('http://') && !'https://x'.startsWith('http://')", "true"},
      {"'abc'.endsWith('bc') && 'abc'.contains('b') && ''.contains('') && "
       "!'a'.endsWith('ab')",
       "true"},
      {"'Content-Type'.lowerAscii() == 'content-type' && 'ÀB'.lowerAscii() == 'Àb'", "true"},
      {"'abc'.matches('^a.c$') && matches('xaby', 'ab') && !'abc'.matches('^b')", "true"},
      {"'é'.matches('^.$') && '日本'.matches('^..$')", "true"},
  });
  CHECK(Run("'a'.matches(self)", Value::String("(")) ==
        "error: error parsing regexp: missing closing ): `(`");
  CHECK(Run("1.startsWith('a')") == "error: no such overload");
}

TEST_CASE("CEL duration()") {
  const std::string rule = "self == '' || duration(self) >= duration('1s')";
  CHECK(Run(rule, Value::String("")) == "true");
  CHECK(Run(rule, Value::String("1s")) == "true");
  CHECK(Run(rule, Value::String("1m30s")) == "true");
  CHECK(Run(rule, Value::String("999ms")) == "false");
  CHECK(Run(rule, Value::String("0.5s")) == "false");
  CHECK(Run(rule, Value::String("30")) ==
        "error: type conversion error from 'string' to 'google.protobuf.Duration'");
  CheckRuns({
      {"duration('1h') == duration('60m') && duration('-1.5h') < duration('0')", "true"},
      {"duration('1s') + duration('500ms') == duration('1.5s')", "true"},
  });
}

TEST_CASE("CEL evaluation is bounded: deep comprehensions stop at the cost limit") {
  Value big = Value::Sequence();
  for (int i = 0; i < 1000; ++i) big.Append(Value::Int(i));
  double start = ProcessCpuMillis();
  Runs{big}.Check({
      {"self.all(a, self.all(b, self.all(c, a + b + c >= 0)))",
       "error: operation cancelled: actual cost limit exceeded"},
      // The budget is not absorbed by || either.
      {"self.exists(a, self.exists(b, self.exists(c, a < 0))) || true",
       "error: operation cancelled: actual cost limit exceeded"},
  });
  CHECK(ProcessCpuMillis() - start < 20000);
  CHECK(Run("self.all(a, a >= 0) && self.exists_one(a, a == 999)", big) == "true");
  // Work and memory proportional to string and list sizes count too.
  Value doc = Value::Mapping();
  doc.Set("s", Value::String(std::string(1 << 18, 'A')));
  doc.Set("l", big);
  start = ProcessCpuMillis();
  for (const char* expr :
       {"self.l.all(x, self.s.lowerAscii() != '')", "self.l.all(x, self.s + self.s != '')",
        "self.l.all(x, !self.s.contains('B'))", "self.l.all(x, size(self.s) > 0)",
        "self.l.all(x, self.l + self.l != [])",
        "self.l.all(x, self.l.all(y, self.l == self.l && x in self.l))",
        "self.l.all(x, !self.s.matches('B'))"}) {
    CHECK(expr + (": " + Run(expr, doc)) ==
          expr + std::string(": error: operation cancelled: actual cost limit exceeded"));
  }
  CHECK(ProcessCpuMillis() - start < 60000);  // ASan: ~10 s
}

TEST_CASE("CEL results that are not bool are errors") {
  CHECK(Run("1") == "error: expression evaluated to int, not bool");
  CHECK(Run("self", Yaml("a: 1")) == "error: expression evaluated to map, not bool");
}

TEST_CASE("CEL documents: ints beyond int64 are doubles, as JSON decodes them") {
  Value v = Value::Number("9223372036854775808", false);
  CHECK(Run("self == 9223372036854775808.0", v) == "true");
  CHECK(Run("self == 1.5 && self > 1", Value::Number("1.5", true)) == "true");
}

TEST_CASE("CEL rule failure messages as apiextensions-apiserver prints them") {
  const Value obj = Yaml("a: 1");
  CHECK(RuleFailureMessage("object", obj, "has(self.b)", " b is required ", Outcome::kFalse, "") ==
        "Invalid value: b is required");
  CHECK(RuleFailureMessage("object", obj, " has(self.b) ", "", Outcome::kFalse, "") ==
        "Invalid value: failed rule: has(self.b)");
  CHECK(RuleFailureMessage("string", Value::String("5\"ms"), "r", "too short", Outcome::kFalse,
                           "") == "Invalid value: \"5\\\"ms\": too short");
  CHECK(RuleFailureMessage("integer", Value::Int(-3), "r", "m", Outcome::kFalse, "") ==
        "Invalid value: -3: m");
  CHECK(RuleFailureMessage("number", Value::Number("1e6", true), "r", "m", Outcome::kFalse, "") ==
        "Invalid value: 1e+06: m");
  CHECK(RuleFailureMessage("number", Value::Number("123456.5", true), "r", "m", Outcome::kFalse,
                           "") == "Invalid value: 123456.5: m");
  CHECK(RuleFailureMessage("number", Value::Number("0.0001", true), "r", "m", Outcome::kFalse,
                           "") == "Invalid value: 0.0001: m");
  CHECK(RuleFailureMessage("number", Value::Number("0.00001", true), "r", "m", Outcome::kFalse,
                           "") == "Invalid value: 1e-05: m");
  CHECK(RuleFailureMessage("boolean", Value::Bool(false), "r", "m", Outcome::kFalse, "") ==
        "Invalid value: false: m");
  CHECK(
      RuleFailureMessage("object", obj, "self.x", "x needed", Outcome::kError, "no such key: x") ==
      "Invalid value: \"object\": no such key: x evaluating rule: x needed");
  CHECK(RuleFailureMessage("object", obj, "self.x < 1", "", Outcome::kError, "no such overload") ==
        "Invalid value: \"object\": 'no such overload': call arguments did not match a "
        "supported operator, function or macro signature for rule: self.x < 1");
  CHECK(RuleFailureMessage("array", obj, "r", "m", Outcome::kError, kCostLimitError) ==
        "Invalid value: \"array\": 'operation cancelled: actual cost limit exceeded': no "
        "further validation rules will be run due to call cost exceeds limit for rule: m");
}

TEST_CASE("every x-kubernetes-validations rule of the v0.44.0 CRDs compiles") {
  std::ifstream in(std::string(THV_SOURCE_DIR) + "/testdata/cel/crd_schemas.json");
  std::stringstream text;
  text << in.rdbuf();
  auto crds = nlohmann::json::parse(text.str());
  int rules = 0;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& s) {
    if (!s.is_object()) return;
    for (const auto& r : s.value("x-kubernetes-validations", nlohmann::json::array())) {
      ++rules;
      std::string error;
      CAPTURE(r.dump());
      CHECK(Compile(r.at("rule").get<std::string>(), &error) != nullptr);
      CHECK(error == "");
    }
    const nlohmann::json properties = s.value("properties", nlohmann::json::object());
    for (const auto& [k, v] : properties.items()) walk(v);
    if (s.contains("items")) walk(s["items"]);
    if (s.contains("additionalProperties")) walk(s["additionalProperties"]);
  };
  for (const auto& crd : crds) walk(crd.at("schema"));
  CHECK(rules == 135);
}

}  // namespace thv::cel
