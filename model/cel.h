// A Common Expression Language (CEL) evaluator for the x-kubernetes-validations rules of CRDs,
// as kube-apiserver runs them (cel-go, cel-spec semantics), over core Values.
//
// The supported subset (everything else fails Compile, never evaluates to a guess):
//   literals: null, bool, int, uint (1u), double, string (all quoting/escape forms), bytes,
//             lists [..], maps {k: v}
//   `self` and comprehension variables; field selection a.b ("no such key" when absent);
//   index a[i] / m[k]; has(a.b); all / exists / exists_one on lists and map keys
//   ! - && || ?: (cel-spec's commutative error absorption), == != < <= > >= in, + - * / %
//   (int/uint overflow and division errors; string, bytes, list and duration concatenation/sums)
//   size(x) / x.size() (strings count code points), startsWith endsWith contains matches
//   (RE2 syntax, see cel_regex.h), lowerAscii (Kubernetes' strings library), duration('1m30s'),
//   dyn(x).
// Not supported: oldSelf (transition rules), type conversions (int(), string(), ...), map /
// filter macros, timestamps, optionals, Kubernetes' extra libraries (quantity, url, ip, ...),
// property names Kubernetes escapes (`__dash__`, ...).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/value.h"

namespace thv::cel {

struct Program;  // a parsed, checked expression (cel_ast.h)

// Parses and checks an expression; nullptr and *error ("column N: ...", 1-based, counted in
// code points) for a syntax error or anything outside the supported subset.
std::shared_ptr<const Program> Compile(std::string_view expression, std::string* error);

enum class Outcome { kTrue, kFalse, kError };

// Evaluates with `self` bound to the node: mappings are CEL maps, sequences lists, kInt int
// (double when it overflows int64, as JSON decoding does), kFloat double, kString string, kBool
// bool, kNull null. kError sets *error to cel-go's text ("no such key: x", "integer overflow",
// "no such overload", ...); a result that is not a bool is kError too. Thread-safe; never
// copies the document; bounded in time by a cost limit like the API server's (kCostLimitError).
// *cost, when given, receives the units the evaluation spent (about kCostLimit at most), for a
// caller that budgets many evaluations as the API server budgets an object's.
Outcome Evaluate(const Program& program, const Value& self, std::string* error,
                 int64_t* cost = nullptr);

// Evaluate's error when an evaluation ran out of budget; the API server then runs no further
// rules of the object.
constexpr const char* kCostLimitError = "operation cancelled: actual cost limit exceeded";

// Cost units an evaluation may spend: one per node evaluated and per comprehension iteration,
// more for string scans and regular expressions. Ten times the API server's per-call limit
// (1,000,000 of its own, coarser, units), so that no rule the API server runs stops here first.
constexpr int64_t kCostLimit = 10'000'000;

// The field error apiextensions-apiserver (v0.35, pkg/apiserver/schema/cel/validation.go) reports
// for a rule that did not hold, without its leading "<path>: " (Diagnostics prints the path):
// `outcome` kFalse, or kError with `error` from Evaluate. `schema_type` is the node's schema type
// ("object", "array", "string", "integer", "number", "boolean"; "" for int-or-string); `message`
// the rule's, possibly empty.
std::string RuleFailureMessage(std::string_view schema_type, const Value& node,
                               std::string_view rule, std::string_view message, Outcome outcome,
                               std::string_view error);

}  // namespace thv::cel
