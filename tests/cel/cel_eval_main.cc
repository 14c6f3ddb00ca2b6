// The C++ side of the CEL differential tests (tests/cel/differential.mjs); not part of the
// product. Reads JSON lines {"expr": "...", "self": <JSON>} (integers are CEL ints, numbers
// with a fraction or exponent doubles) and writes one JSON line each:
//   {"compile_error": "..."}            Compile refused the expression
//   {"value": V}                        V: ["null"] ["bool", b] ["int", "n"] ["uint", "n"]
//                                       ["double", "repr"] ["string", s] ["bytes", "hex"]
//                                       ["duration", "nanos"] ["list", [V...]] ["map", [[K, V]...]]
//   {"error": "...", "outcome": "..."}  a runtime error
// plus "outcome" (true/false/error, from cel::Evaluate) on every evaluated line.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "model/cel.h"
#include "model/cel_ast.h"

namespace {

using thv::Value;
using thv::cel::Val;

Value FromJson(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::boolean:
      return Value::Bool(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value::Number(std::to_string(j.get<int64_t>()), false);
    case nlohmann::json::value_t::number_unsigned:
      return Value::Number(std::to_string(j.get<uint64_t>()), false);
    case nlohmann::json::value_t::number_float: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", j.get<double>());
      return Value::Number(buf, true);
    }
    case nlohmann::json::value_t::string:
      return Value::String(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      Value v = Value::Sequence();
      for (const auto& item : j) v.items.push_back(FromJson(item));
      return v;
    }
    case nlohmann::json::value_t::object: {
      Value v = Value::Mapping();
      for (const auto& [key, item] : j.items()) v.members.push_back({key, {}, FromJson(item)});
      return v;
    }
    default:
      return Value::Null();
  }
}

nlohmann::json Describe(const Val& v) {
  using Kind = Val::Kind;
  switch (v.kind) {
    case Kind::kNull:
      return nlohmann::json::array({"null"});
    case Kind::kBool:
      return nlohmann::json::array({"bool", v.b});
    case Kind::kInt:
      return nlohmann::json::array({"int", std::to_string(v.i)});
    case Kind::kUint:
      return nlohmann::json::array({"uint", std::to_string(v.u)});
    case Kind::kDouble: {
      if (std::isnan(v.d)) return nlohmann::json::array({"double", "NaN"});
      if (std::isinf(v.d))
        return nlohmann::json::array({"double", v.d > 0 ? "Infinity" : "-Infinity"});
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v.d);
      return nlohmann::json::array({"double", buf});
    }
    case Kind::kString:
      return nlohmann::json::array({"string", std::string(v.s)});
    case Kind::kBytes: {
      std::string hex;
      for (unsigned char c : v.s) {
        static const char* kDigits = "0123456789abcdef";
        hex += kDigits[c >> 4];
        hex += kDigits[c & 15];
      }
      return nlohmann::json::array({"bytes", hex});
    }
    case Kind::kDuration:
      return nlohmann::json::array({"duration", std::to_string(v.i)});
    case Kind::kList: {
      nlohmann::json items = nlohmann::json::array();
      for (size_t k = 0; k < thv::cel::ListSize(v); ++k)
        items.push_back(Describe(thv::cel::ListItem(v, k)));
      return nlohmann::json::array({"list", items});
    }
    case Kind::kMap: {
      nlohmann::json entries = nlohmann::json::array();
      for (size_t k = 0; k < thv::cel::MapSize(v); ++k) {
        Val key = thv::cel::MapKey(v, k);
        bool found;
        entries.push_back(
            nlohmann::json::array({Describe(key), Describe(thv::cel::MapGet(v, key, &found))}));
      }
      return nlohmann::json::array({"map", entries});
    }
    case Kind::kError:
      break;
  }
  return nlohmann::json::array({"error", std::string(v.s)});
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    nlohmann::json in = nlohmann::json::parse(line);
    nlohmann::json out;
    std::string error;
    auto program = thv::cel::Compile(in.at("expr").get<std::string>(), &error);
    if (!program) {
      out["compile_error"] = error;
    } else {
      Value self = FromJson(in.value("self", nlohmann::json()));
      thv::cel::Arena arena;
      Val v = thv::cel::EvaluateValue(*program, self, &arena);
      if (v.IsError()) {
        out["error"] = std::string(v.s);
      } else {
        out["value"] = Describe(v);
      }
      std::string ignored;
      thv::cel::Outcome outcome = thv::cel::Evaluate(*program, self, &ignored);
      out["outcome"] = outcome == thv::cel::Outcome::kTrue    ? "true"
                       : outcome == thv::cel::Outcome::kFalse ? "false"
                                                              : "error";
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}
