#include "model/cel.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/cel_ast.h"
#include "model/names.h"

namespace thv::cel {

namespace {

const char* KindName(Val::Kind kind) {
  // In Val::Kind's order.
  static const char* const kNames[] = {"null_type", "bool",   "int",   "uint",
                                       "double",    "string", "bytes", "google.protobuf.Duration",
                                       "list",      "map",    "error"};
  static_assert(sizeof kNames / sizeof *kNames == static_cast<size_t>(Val::Kind::kError) + 1);
  return kNames[static_cast<size_t>(kind)];
}

// Go's fmt %v of a float64: the shortest digits that read back, in %e form when the exponent
// is below -4 or at least 6 (strconv's 'g' with precision -1).
std::string GoFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;  // [-]D[.DDD]e[+-]XX
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits = s.substr(0, 1) + (e > 2 ? s.substr(2, e - 2) : "");
  std::string out = negative ? "-" : "";
  if (exp < -4 || exp >= 6) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char tail[16];
    std::snprintf(tail, sizeof tail, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    return out + tail;
  }
  if (exp < 0) return out + "0." + std::string(-exp - 1, '0') + digits;
  if (static_cast<int>(digits.size()) <= exp + 1)
    return out + digits + std::string(exp + 1 - digits.size(), '0');
  return out + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
}

// The bad value of a field error as apimachinery's ErrorBody prints it: %v for numbers and
// bools, %q for strings.
std::string GoValue(const Value& node) {
  Val v = Val::Of(node);
  switch (v.kind) {
    case Val::Kind::kBool:
      return v.b ? "true" : "false";
    case Val::Kind::kInt:
      return std::to_string(v.i);
    case Val::Kind::kDouble:
      return GoFloat(v.d);
    case Val::Kind::kString:
      return GoQuote(std::string(v.s));
    default:
      return "null";
  }
}

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\n\r\f\v";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

}  // namespace

Outcome Evaluate(const Program& program, const Value& self, std::string* error, int64_t* cost) {
  Arena arena;
  Val v = EvaluateValue(program, self, &arena, cost);
  if (v.IsBool()) return v.b ? Outcome::kTrue : Outcome::kFalse;
  *error = v.IsError() ? std::string(v.s)
                       : std::string("expression evaluated to ") + KindName(v.kind) + ", not bool";
  return Outcome::kError;
}

std::string RuleFailureMessage(std::string_view schema_type, const Value& node,
                               std::string_view rule, std::string_view message, Outcome outcome,
                               std::string_view error) {
  // validation.go: ruleErrorString and ruleMessageOrDefault.
  std::string rule_text(Trim(message).empty() ? Trim(rule) : Trim(message));
  std::string out = "Invalid value: ";
  if (outcome == Outcome::kError) {
    out += GoQuote(std::string(schema_type)) + ": ";
    if (error.substr(0, 16) == "no such overload") {
      return out + "'" + std::string(error) +
             "': call arguments did not match a supported operator, function or macro "
             "signature for rule: " +
             rule_text;
    }
    if (error.substr(0, 47) == kCostLimitError) {
      return out + "'" + std::string(error) +
             "': no further validation rules will be run due to call cost exceeds limit for "
             "rule: " +
             rule_text;
    }
    return out + std::string(error) + " evaluating rule: " + rule_text;
  }
  std::string detail = Trim(message).empty() ? "failed rule: " + rule_text : rule_text;
  // Objects and arrays are not printed (field.OmitValueType): "Invalid value: <detail>".
  if (schema_type == "object" || schema_type == "array") return out + detail;
  return out + GoValue(node) + ": " + detail;
}

}  // namespace thv::cel
