// x-kubernetes-validations through ValidateAgainstSchema, on small hand-built schemas: which
// nodes' rules run, in what order, with which messages, and when the pass stops (the API
// server's semantics: apiextensions-apiserver v0.35 schema/cel/validation.go and
// registry/customresource/strategy.go).
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/yaml_reader.h"
#include "model/schema.h"
#include "model/schema_validate.h"

namespace thv {
namespace {

SchemaNode Node(SchemaType type, uint8_t flags = 0) {
  SchemaNode n{};
  n.type = type;
  n.flags = flags;
  n.min_length = n.max_length = n.min_items = n.max_items = -1;
  n.min_properties = n.max_properties = -1;
  return n;
}

constexpr uint8_t kRules = kSchemaRulesBelow;

template <size_t N>
void SetRules(SchemaNode* node, const SchemaRule (&rules)[N]) {
  node->rules = rules;
  node->rule_count = N;
}

template <size_t N>
void SetProperties(SchemaNode* node, const SchemaProperty (&properties)[N]) {
  node->properties = properties;
  node->property_count = N;
}

// spec:
//   a: string, enum ["x", "y"]; b: string, pattern ^b; num: integer; f: number (rule);
//   maybe: nullable object (rule);
//   items: [{x: integer}] (rule per item); labels: {string: string} (rule per entry);
//   fixed: object defaulted to {} (rule)
// spec rules: b needs a; num < 10 (no message); and one outside the evaluator's subset.
struct TestSchema {
  const char* const enum_ab[2] = {"\"x\"", "\"y\""};
  SchemaNode a = Node(SchemaType::kString);
  SchemaNode b = Node(SchemaType::kString);
  SchemaNode num = Node(SchemaType::kInteger);
  const SchemaRule f_rules[1] = {{"self + 0.5 > 1.0", "f must be over 0.5"}};
  SchemaNode f = Node(SchemaType::kNumber, kRules);
  const SchemaRule maybe_rules[1] = {{"false", "never"}};
  SchemaNode maybe = Node(SchemaType::kObject, kSchemaNullable | kRules);
  SchemaNode x = Node(SchemaType::kInteger);
  const SchemaProperty item_props[1] = {{"x", &x}};
  const SchemaRule item_rules[1] = {{"self.x > 0", "x must be positive"}};
  SchemaNode item = Node(SchemaType::kObject, kRules);
  SchemaNode items = Node(SchemaType::kArray, kRules);
  const SchemaRule label_rules[1] = {{"self.size() < 5", " short "}};
  SchemaNode label = Node(SchemaType::kString, kRules);
  SchemaNode labels = Node(SchemaType::kObject, kRules);
  const SchemaRule fixed_rules[1] = {{"has(self.x)", "x is required"}};
  SchemaNode fixed = Node(SchemaType::kObject, kRules);
  const SchemaProperty spec_props[8] = {{"a", &a},         {"b", &b},         {"f", &f},
                                        {"fixed", &fixed}, {"items", &items}, {"labels", &labels},
                                        {"maybe", &maybe}, {"num", &num}};
  const SchemaRule spec_rules[3] = {{"has(self.a) || !has(self.b)", "b needs a"},
                                    {"self.num < 10", nullptr},
                                    {"self.map(k, k)", "unsupported"}};
  SchemaNode spec = Node(SchemaType::kObject, kRules);
  const SchemaProperty root_props[1] = {{"spec", &spec}};
  SchemaNode root = Node(SchemaType::kObject, kRules);

  TestSchema() {
    a.enum_json = enum_ab;
    a.enum_count = 2;
    b.pattern = "^b";
    SetRules(&f, f_rules);
    SetRules(&maybe, maybe_rules);
    SetProperties(&item, item_props);
    SetRules(&item, item_rules);
    items.items = &item;
    SetRules(&label, label_rules);
    labels.additional_properties = &label;
    fixed.default_json = "{}";
    SetProperties(&fixed, item_props);
    SetRules(&fixed, fixed_rules);
    SetProperties(&spec, spec_props);
    SetRules(&spec, spec_rules);
    SetProperties(&root, root_props);
  }
};

struct Outcome {
  std::string lines;  // "line:col: path: message\n" per diagnostic
  int evaluated = 0;
};

// Compiled rules are cached by address for the process, as the generated tables are static:
// test schemas are static too, so that no two share an address.
const TestSchema& Schema() {
  static const TestSchema* schema = new TestSchema();
  return *schema;
}

Outcome Validate(const SchemaNode& root, const std::string& yaml, SchemaOptions opts = {}) {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("in.yaml", yaml, &docs, &diags));
  Outcome out;
  opts.on_rule = [&](const std::string&, const SchemaRule&, cel::Outcome) { ++out.evaluated; };
  ValidateAgainstSchema(root, "in.yaml", &docs[0], opts, &diags);
  for (const Diagnostic& d : diags.items())
    out.lines += std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column) + ": " +
                 (d.path.empty() ? "" : d.path + ": ") + d.message + "\n";
  return out;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

const char kCompileError[] =
    "spec: Invalid value: \"object\": rule compile error: column 6: unsupported function 'map'";

TEST_CASE("CEL rules: every rule of a present node, before its children's, each item and entry") {
  const TestSchema& s = Schema();
  Outcome r = Validate(s.root, R"(spec:
  b: bee
  num: 12
  items: [{x: 1}, {x: 0}, {x: -1}]
  labels: {k: toolong, ok: fine}
  fixed: {x: 1}
)");
  CHECK(r.lines ==
        Lines({
            "2:3: spec: Invalid value: b needs a",
            "2:3: spec: Invalid value: failed rule: self.num < 10",
            // Never evaluated as if it held: reported as the API server reports such a rule.
            std::string("2:3: ") + kCompileError,
            "4:19: spec.items[1]: Invalid value: x must be positive",
            "4:27: spec.items[2]: Invalid value: x must be positive",
            "5:15: spec.labels[k]: Invalid value: \"toolong\": short",
        }));
  CHECK(r.evaluated == 2 + 3 + 2 + 1);  // the rule that does not compile is not evaluated
}

TEST_CASE("CEL rules: absent and null nodes are not evaluated; a defaulted one is, at its parent") {
  const TestSchema& s = Schema();
  Outcome r = Validate(s.root, "spec:\n  num: 1\n  maybe: null\n  items: []\n");
  // fixed was defaulted to {}: its rule fails at the nearest position, spec's.
  CHECK(r.lines == Lines({std::string("2:3: ") + kCompileError,
                          "2:3: spec.fixed: Invalid value: x is required"}));
  CHECK(r.evaluated == 2 + 1);
}

TEST_CASE("CEL rules: a number field holding an integer is a double to the rules") {
  const TestSchema& s = Schema();
  // 1 + 0.5 would be "no such overload" on an int; the API server's CEL sees 1.0.
  Outcome held = Validate(s.root, "spec: {num: 1, fixed: {x: 1}, f: 1}\n");
  CHECK(held.lines == Lines({std::string("1:7: ") + kCompileError}));
  Outcome failed = Validate(s.root, "spec: {num: 1, fixed: {x: 1}, f: 0}\n");
  CHECK(failed.lines == Lines({std::string("1:7: ") + kCompileError,
                               "1:34: spec.f: Invalid value: 0: f must be over "
                               "0.5"}));
}

TEST_CASE("CEL rules: blocking schema errors skip the rules, as the API server does") {
  const TestSchema& s = Schema();
  const char kNotChecked[] =
      "1:1: <nil>: Invalid value: null: some validation rules were not checked because the "
      "object was invalid; correct the existing errors to complete validation";
  Outcome bad_enum = Validate(s.root, "spec: {a: z, b: bee, num: 12}\n");
  CHECK(bad_enum.lines == Lines({"1:11: spec.a: Unsupported value: \"z\": supported values: \"x\", "
                                 "\"y\"",
                                 kNotChecked}));
  CHECK(bad_enum.evaluated == 0);
  Outcome bad_type = Validate(s.root, "spec: {num: many}\n");
  CHECK(bad_type.lines ==
        Lines({"1:13: spec.num: Invalid value: \"string\": must be of type integer", kNotChecked}));
  // A pattern mismatch is an Invalid error, which does not block.
  Outcome bad_pattern = Validate(s.root, "spec: {a: x, b: cee, num: 1, fixed: {x: 1}}\n");
  CHECK(bad_pattern.lines == Lines({"1:17: spec.b: Invalid value: \"cee\": should match '^b'",
                                    std::string("1:7: ") + kCompileError}));
  // Without rules anywhere in the schema, nothing is said about them.
  SchemaNode num = Node(SchemaType::kInteger);
  const SchemaProperty props[1] = {{"num", &num}};
  SchemaNode plain = Node(SchemaType::kObject);
  SetProperties(&plain, props);
  CHECK(Validate(plain, "num: many\n").lines ==
        Lines({"1:6: num: Invalid value: \"string\": must be of type integer"}));
}

TEST_CASE("CEL rules: the cost limit of one evaluation and the object's budget end the pass") {
  static SchemaNode item = Node(SchemaType::kInteger);
  static const SchemaRule list_rules[2] = {
      {"self.all(x, self.all(y, self.all(z, x + y + z >= 0)))", "cubic"}, {"false", "after"}};
  static SchemaNode list = Node(SchemaType::kArray, kRules);
  list.items = &item;
  SetRules(&list, list_rules);
  static const SchemaRule later_rules[1] = {{"false", "later"}};
  static SchemaNode later = Node(SchemaType::kObject, kRules);
  SetRules(&later, later_rules);
  static const SchemaProperty props[2] = {{"list", &list}, {"then", &later}};
  static SchemaNode root = Node(SchemaType::kObject, kRules);
  SetProperties(&root, props);

  std::string many = "list: [";
  for (int i = 0; i < 300; ++i) many += (i ? ", " : "") + std::to_string(i);
  many += "]\nthen: {}\n";
  Outcome r = Validate(root, many);
  // Nothing after the rule that ran out: not the node's next rule, not later nodes'.
  CHECK(r.lines ==
        Lines({"1:7: list: Invalid value: \"array\": 'operation cancelled: actual cost "
               "limit exceeded': no further validation rules will be run due to call cost "
               "exceeds limit for rule: cubic"}));
  CHECK(r.evaluated == 1);

  // The object's budget: with just enough for list's two rules, then's rule is refused; with
  // less, list's second rule is; with a unit more, everything runs.
  const std::string small_doc = "list: [1]\nthen: {}\n";
  const std::string list_refused =
      "1:7: list: Invalid value: \"array\": validation failed due to running out of cost budget, "
      "no further validation rules will be run\n";
  SchemaOptions small;
  small.cel_budget = 1;
  while (small.cel_budget < 1000 && Validate(root, small_doc, small).lines == list_refused)
    ++small.cel_budget;
  CHECK(small.cel_budget > 2);  // the cubic rule costs more than a unit
  CHECK(Validate(root, small_doc, small).lines ==
        Lines({"1:7: list: Invalid value: after",
               "2:7: then: Invalid value: \"object\": validation failed due to running out of "
               "cost budget, no further validation rules will be run"}));
  ++small.cel_budget;
  CHECK(Validate(root, small_doc, small).lines ==
        Lines({"1:7: list: Invalid value: after", "2:7: then: Invalid value: later"}));
}

TEST_CASE("CEL rules: compiled once, safely when objects are validated on several threads") {
  // A schema no other test has used: every thread races to compile its rules.
  static const TestSchema* fresh = new TestSchema();
  const TestSchema& s = *fresh;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        std::vector<Value> docs;
        Diagnostics diags;
        ReadYamlDocuments("in.yaml", "spec: {b: bee, num: 1, fixed: {x: 1}}\n", &docs, &diags);
        ValidateAgainstSchema(s.root, "in.yaml", &docs[0], {}, &diags);
        if (diags.items().size() != 2 || diags.items()[0].message != "Invalid value: b needs a")
          ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(wrong == 0);
}

}  // namespace
}  // namespace thv
