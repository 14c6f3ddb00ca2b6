#include "model/schema_validate.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/cel.h"
#include "model/cel_regex.h"
#include "model/formats.h"
#include "targets/target.h"

namespace thv {
namespace {

void AppendJsonString(const std::string& s, std::string* out) {
  *out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      *out += buf;
    } else {
      *out += static_cast<char>(c);
    }
  }
  *out += '"';
}

// Compact JSON, as the API server quotes values in messages and the generator wrote enums.
void AppendJson(const Value& v, std::string* out) {
  switch (v.type) {
    case Value::Type::kNull:
      *out += "null";
      return;
    case Value::Type::kBool:
    case Value::Type::kInt:
    case Value::Type::kFloat:
      *out += v.text;
      return;
    case Value::Type::kString:
      AppendJsonString(v.text, out);
      return;
    case Value::Type::kSequence:
      *out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) *out += ',';
        AppendJson(v.items[i], out);
      }
      *out += ']';
      return;
    case Value::Type::kMapping:
      *out += '{';
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i) *out += ',';
        AppendJsonString(v.members[i].key, out);
        *out += ':';
        AppendJson(v.members[i].value, out);
      }
      *out += '}';
      return;
  }
}

std::string Json(const Value& v) {
  std::string out;
  AppendJson(v, &out);
  return out;
}

Value FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value::Null();
  if (j.is_boolean()) return Value::Bool(j.get<bool>());
  if (j.is_number_integer()) return Value::Number(j.dump(), false);
  if (j.is_number()) return Value::Number(j.dump(), true);
  if (j.is_string()) return Value::String(j.get<std::string>());
  if (j.is_array()) {
    Value v = Value::Sequence();
    for (const auto& item : j) v.items.push_back(FromJson(item));
    return v;
  }
  Value v = Value::Mapping();
  for (const auto& [key, item] : j.items())
    v.members.push_back(Member{key, Mark{}, FromJson(item)});
  return v;
}

// Defaults are parsed once per process: the tables hold JSON text to stay constant-initialized.
Value DefaultValue(const char* json) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<const char*, Value>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(json);
  if (it == cache->end()) it = cache->emplace(json, FromJson(nlohmann::json::parse(json))).first;
  return it->second;
}

// CRD patterns are Go regexps (RE2 syntax), matched as the API server does (unanchored, on code
// points, in time linear in the text) by the CEL evaluator's RE2 matcher. Compiled once per
// pattern; schemagen only admits patterns that compile.
bool MatchesPattern(const char* pattern, const std::string& s) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<const char*, std::unique_ptr<cel::Regex>>();
  const cel::Regex* re;
  {
    std::lock_guard<std::mutex> lock(mu);
    std::unique_ptr<cel::Regex>& slot = (*cache)[pattern];
    if (!slot) {
      std::string error;
      slot = cel::Regex::Compile(pattern, &error);
      if (!slot) return true;  // never reject a value on our own error
    }
    re = slot.get();
  }
  return re->Search(s);
}

// The programs of a node's x-kubernetes-validations, compiled on first use and kept for the
// process, keyed by the address of the node's rules (the generated tables are static). schemagen
// compiled each rule already; one that fails here anyway is reported as the API server reports a
// rule it cannot compile, never passed over.
struct NodePrograms {
  std::vector<std::shared_ptr<const cel::Program>> programs;  // per rule; nullptr: see error
  std::vector<std::string> errors;
};

const NodePrograms& ProgramsOf(const SchemaNode& s) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<const SchemaRule*, NodePrograms>();
  std::lock_guard<std::mutex> lock(mu);
  // Elements of an unordered_map never move, and an entry is complete before the lock is
  // released: readers may keep the reference.
  auto [it, inserted] = cache->try_emplace(s.rules);
  if (inserted) {
    NodePrograms& compiled = it->second;
    compiled.errors.resize(s.rule_count);
    for (uint32_t i = 0; i < s.rule_count; ++i)
      compiled.programs.push_back(cel::Compile(s.rules[i].rule, &compiled.errors[i]));
  }
  return it->second;
}

int64_t CodePoints(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string FormatBound(double d) {
  char buf[32];
  if (d == std::floor(d) && std::fabs(d) < 1e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
  else
    std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

constexpr uint8_t Bit(Value::Type t) {
  return static_cast<uint8_t>(1u << static_cast<unsigned>(t));
}

// Per SchemaType, in its order: the Value types it accepts (kAny: see TypeMatches).
constexpr uint8_t kAccepts[] = {0,
                                Bit(Value::Type::kMapping),
                                Bit(Value::Type::kSequence),
                                Bit(Value::Type::kString),
                                Bit(Value::Type::kInt),
                                Bit(Value::Type::kInt) | Bit(Value::Type::kFloat),
                                Bit(Value::Type::kBool)};

bool TypeMatches(const SchemaNode& s, const Value& v) {
  if (kAccepts[static_cast<size_t>(s.type)] & Bit(v.type)) return true;
  // Untyped: anything, or only what kSchemaIntOrString allows.
  return s.type == SchemaType::kAny &&
         (!(s.flags & kSchemaIntOrString) || v.IsInt() || v.IsString());
}

const char* ExpectedType(const SchemaNode& s) {
  const char* name = SchemaTypeName(s);
  return *name ? name : "integer or string";
}

class Validator {
 public:
  Validator(const std::string& file, const SchemaOptions& opts, Diagnostics* diags)
      : file_(file), opts_(opts), diags_(diags) {}

  int errors() const { return errors_; }

  void Check(const SchemaNode& s, Value* v, bool root) {
    if (v->IsNull() && (s.flags & kSchemaNullable)) return;
    if (!TypeMatches(s, *v)) {
      BlockingError(v->mark, path_,
                    std::string("Invalid value: \"") + TypeName(v->type) + "\": must be of type " +
                        ExpectedType(s));
      return;
    }
    // The API server's CEL sees a number field as a double however it is spelled
    // (apiserver/pkg/cel/common UnstructuredToVal), so `1` there is 1.0; the text stays as written.
    if (s.type == SchemaType::kNumber && v->IsInt()) v->type = Value::Type::kFloat;
    if (s.enum_count) CheckEnum(s, *v);
    switch (v->type) {
      case Value::Type::kString:
        CheckString(s, *v);
        break;
      case Value::Type::kInt:
      case Value::Type::kFloat:
        CheckNumber(s, *v);
        break;
      case Value::Type::kMapping:
        CheckObject(s, v, root);
        break;
      case Value::Type::kSequence:
        CheckArray(s, v);
        break;
      default:
        break;
    }
  }

  // The x-kubernetes-validations pass, after Check of the whole object, when the CRD has rules:
  // the API server runs them only on an object without blocking errors, saying so otherwise
  // (apiextensions-apiserver v0.35 registry/customresource/strategy.go Validate), in an error
  // about no field (field.Invalid(nil, nil, ..), printed "<nil>: Invalid value: null: ...").
  void CheckValidationRules(const SchemaNode& root, const Value& doc) {
    if (blocking_) {
      Error(doc.mark, "",
            "<nil>: Invalid value: null: some validation rules were not checked because the "
            "object was invalid; correct the existing errors to complete validation");
      return;
    }
    CheckRules(root, doc, doc.mark, true);
  }

 private:
  void Error(Mark mark, const std::string& path, std::string message) {
    diags_->Error(file_, mark, path, std::move(message));
    ++errors_;
  }

  // An error of a type the API server's strategy counts as blocking the CEL rules (strategy.go
  // hasBlockingErr: NotSupported, Required, TooLong, TooMany, TypeInvalid, which includes the
  // string formats).
  void BlockingError(Mark mark, const std::string& path, std::string message) {
    Error(mark, path, std::move(message));
    blocking_ = true;
  }

  std::string Child(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
  }

  // The rules of node v and of the nodes under it, as apiextensions-apiserver v0.35
  // pkg/apiserver/schema/cel/validation.go runs them on the defaulted, pruned object: a present
  // (non-null) node's rules, all of them, before its children's; list items one by one; map
  // entries at "path[key]". Only subtrees with rules are walked, a mapping's in its schema's
  // property order (the API server's is Go's map order, random). Errors point at the node, or
  // at the nearest ancestor with a position when the node was defaulted. Returns false once the
  // object's rules must stop (cost limit or budget), as the API server stops them.
  bool CheckRules(const SchemaNode& s, const Value& v, Mark at, bool root) {
    if (v.IsNull()) return true;
    if (v.mark.line > 0) at = v.mark;
    if (s.rule_count && !EvaluateRules(s, v, at)) return false;
    const size_t len = path_.size();
    auto child = [&](const SchemaNode& schema, const Value& value, const std::string& path) {
      path_ = path;
      const bool go_on = CheckRules(schema, value, at, false);
      path_.resize(len);
      return go_on;
    };
    if (v.IsMapping()) {
      for (uint32_t i = 0; i < s.property_count; ++i) {
        const SchemaProperty& p = s.properties[i];
        if (!(p.node->flags & kSchemaRulesBelow) || (root && SkippedAtRoot(p.name))) continue;
        if (const Value* value = v.Find(p.name); value && !child(*p.node, *value, Child(p.name)))
          return false;
      }
      const SchemaNode* entries = s.additional_properties;
      if (entries && (entries->flags & kSchemaRulesBelow)) {
        for (const Member& m : v.members)
          if (!FindSchemaProperty(s, m.key) && !child(*entries, m.value, path_ + "[" + m.key + "]"))
            return false;
      }
    } else if (v.IsSequence() && s.items && (s.items->flags & kSchemaRulesBelow)) {
      for (size_t i = 0; i < v.items.size(); ++i)
        if (!child(*s.items, v.items[i], path_ + "[" + std::to_string(i) + "]")) return false;
    }
    return true;
  }

  // Every rule of node s on v; each failure reported with the API server's text. False when the
  // object's rules must stop: an evaluation hit the per-call cost limit, or the object's budget
  // is spent (validation.go validateExpressions).
  bool EvaluateRules(const SchemaNode& s, const Value& v, Mark at) {
    // field.Invalid(path, schema type, detail): `Invalid value: "object": detail`.
    auto invalid = [&](const std::string& detail) {
      Error(at, path_, std::string("Invalid value: \"") + SchemaTypeName(s) + "\": " + detail);
    };
    const char* kOutOfBudget =
        "validation failed due to running out of cost budget, no further validation rules will "
        "be run";
    if (budget_ <= 0) {
      invalid(kOutOfBudget);
      return false;
    }
    const NodePrograms& compiled = ProgramsOf(s);
    for (uint32_t i = 0; i < s.rule_count; ++i) {
      const SchemaRule& rule = s.rules[i];
      if (!compiled.programs[i]) {
        invalid("rule compile error: " + compiled.errors[i]);
        continue;
      }
      std::string error;
      int64_t cost = 0;
      const cel::Outcome outcome = cel::Evaluate(*compiled.programs[i], v, &error, &cost);
      if (opts_.on_rule) opts_.on_rule(path_, rule, outcome);
      if (cost > budget_) {
        invalid(kOutOfBudget);
        return false;
      }
      budget_ -= cost;
      if (outcome == cel::Outcome::kTrue) continue;
      Error(at, path_,
            cel::RuleFailureMessage(SchemaTypeName(s), v, rule.rule,
                                    rule.message ? rule.message : "", outcome, error));
      if (outcome == cel::Outcome::kError && error.rfind(cel::kCostLimitError, 0) == 0)
        return false;
    }
    return true;
  }

  void CheckEnum(const SchemaNode& s, const Value& v) {
    const std::string json = Json(v);
    std::string supported;
    for (uint32_t i = 0; i < s.enum_count; ++i) {
      if (json == s.enum_json[i]) return;
      supported += (i ? ", " : "") + std::string(s.enum_json[i]);
    }
    BlockingError(v.mark, path_, "Unsupported value: " + json + ": supported values: " + supported);
  }

  void CheckString(const SchemaNode& s, const Value& v) {
    if (s.min_length >= 0 || s.max_length >= 0) {
      const int64_t n = CodePoints(v.text);
      if (s.min_length >= 0 && n < s.min_length)
        Error(v.mark, path_,
              "Invalid value: " + Json(v) + ": should be at least " + std::to_string(s.min_length) +
                  " chars long");
      if (s.max_length >= 0 && n > s.max_length)
        BlockingError(v.mark, path_,
                      "Too long: may not be longer than " + std::to_string(s.max_length));
    }
    if (s.pattern && !MatchesPattern(s.pattern, v.text))
      Error(v.mark, path_, "Invalid value: " + Json(v) + ": should match '" + s.pattern + "'");
    if (const char* format = FailedFormat(s.format, v.text))
      BlockingError(v.mark, path_, "Invalid value: " + Json(v) + ": must be of type " + format);
  }

  // The name of the string format text fails, or nullptr (kube-openapi strfmt's checks).
  static const char* FailedFormat(SchemaFormat format, const std::string& text) {
    switch (format) {
      case SchemaFormat::kUri:
        return IsRequestUri(text) ? nullptr : "uri";
      case SchemaFormat::kDuration:
        return IsOpenApiDuration(text) ? nullptr : "duration";
      case SchemaFormat::kDateTime:
        return IsOpenApiDateTime(text) ? nullptr : "date-time";
      case SchemaFormat::kDate:
        return IsOpenApiDate(text) ? nullptr : "date";
      default:
        return nullptr;
    }
  }

  void CheckNumber(const SchemaNode& s, const Value& v) {
    const double d = std::strtod(v.text.c_str(), nullptr);
    if (s.format == SchemaFormat::kInt32 && v.IsInt() && (d < -2147483648.0 || d > 2147483647.0))
      Error(v.mark, path_, "Invalid value: " + v.text + ": must be of type int32");
    if (s.flags & kSchemaHasMinimum) {
      const bool exclusive = s.flags & kSchemaExclusiveMinimum;
      if (exclusive ? d <= s.minimum : d < s.minimum)
        Error(v.mark, path_,
              "Invalid value: " + v.text + ": must be greater than " +
                  (exclusive ? "" : "or equal to ") + FormatBound(s.minimum));
    }
    if (s.flags & kSchemaHasMaximum) {
      const bool exclusive = s.flags & kSchemaExclusiveMaximum;
      if (exclusive ? d >= s.maximum : d > s.maximum)
        Error(v.mark, path_,
              "Invalid value: " + v.text + ": must be less than " +
                  (exclusive ? "" : "or equal to ") + FormatBound(s.maximum));
    }
  }

  // The schema of member `key`, or nullptr when the field is unknown.
  static const SchemaNode* MemberSchema(const SchemaNode& s, const std::string& key) {
    if (const SchemaNode* p = FindSchemaProperty(s, key)) return p;
    return s.additional_properties;
  }

  static bool SkippedAtRoot(const std::string& key) { return key == "metadata" || key == "status"; }

  void CheckObject(const SchemaNode& s, Value* v, bool root) {
    // Drop non-nullable nulls (or default them) and prune unknown fields, as the API server's
    // decoder does before validation.
    for (size_t i = 0; i < v->members.size();) {
      Member& m = v->members[i];
      if (root && SkippedAtRoot(m.key)) {
        ++i;
        continue;
      }
      const SchemaNode* p = MemberSchema(s, m.key);
      if (!p) {
        if ((s.flags & kSchemaPreserveUnknown) ||
            (root && (m.key == "apiVersion" || m.key == "kind"))) {
          ++i;
          continue;
        }
        const std::string path = Child(m.key);
        if (const char* became = Renamed(path)) {
          Error(m.key_mark, path,
                "unknown field \"" + path + "\": at " + opts_.target->name + " it became " +
                    became + "; --operator-version " + opts_.target->renames_from +
                    " renders this file as written");
        } else if (opts_.strict)
          Error(m.key_mark, path, "unknown field \"" + path + "\"");
        else
          diags_->Warning(file_, m.key_mark, path, "unknown field \"" + path + "\"");
        v->members.erase(v->members.begin() + i);
        continue;
      }
      if (m.value.IsNull() && !(p->flags & kSchemaNullable)) {
        if (!p->default_json) {
          v->members.erase(v->members.begin() + i);
          continue;
        }
        m.value = DefaultValue(p->default_json);
      }
      ++i;
    }
    for (uint32_t i = 0; i < s.property_count; ++i) {
      const SchemaProperty& p = s.properties[i];
      if (p.node->default_json && !(root && SkippedAtRoot(p.name)) && !v->Find(p.name))
        v->members.push_back(Member{p.name, Mark{}, DefaultValue(p.node->default_json)});
    }
    for (Member& m : v->members) {
      if (root && SkippedAtRoot(m.key)) continue;
      const SchemaNode* p = MemberSchema(s, m.key);
      if (!p) continue;  // preserved unknown field
      const size_t len = path_.size();
      path_ = Child(m.key);
      Check(*p, &m.value, false);
      path_.resize(len);
    }
    for (uint32_t i = 0; i < s.required_count; ++i) {
      if (!v->Find(s.required[i])) BlockingError(v->mark, Child(s.required[i]), "Required value");
    }
    const int64_t n = static_cast<int64_t>(v->members.size());
    if (s.max_properties >= 0 && n > s.max_properties)
      BlockingError(v->mark, path_,
                    "Too many: " + std::to_string(n) + ": must have at most " +
                        std::to_string(s.max_properties) + " items");
    if (s.min_properties >= 0 && n < s.min_properties)
      Error(v->mark, path_,
            "Invalid value: " + std::to_string(n) + ": should have at least " +
                std::to_string(s.min_properties) + " properties");
  }

  // What the target says the field at path became, or nullptr.
  const char* Renamed(const std::string& path) const {
    if (!opts_.target) return nullptr;
    return RenamedTo(*opts_.target, opts_.kind, path);
  }

  void CheckArray(const SchemaNode& s, Value* v) {
    const size_t len = path_.size();
    for (size_t i = 0; i < v->items.size(); ++i) {
      if (!s.items) break;
      path_ += "[" + std::to_string(i) + "]";
      Check(*s.items, &v->items[i], false);
      path_.resize(len);
    }
    const int64_t n = static_cast<int64_t>(v->items.size());
    if (s.min_items >= 0 && n < s.min_items)
      Error(v->mark, path_,
            "Invalid value: " + std::to_string(n) + ": should have at least " +
                std::to_string(s.min_items) + " items");
    if (s.max_items >= 0 && n > s.max_items)
      BlockingError(v->mark, path_,
                    "Too many: " + std::to_string(n) + ": must have at most " +
                        std::to_string(s.max_items) + " items");
    if (s.list_type != SchemaListType::kAtomic && v->items.size() > 1) CheckUnique(s, *v);
  }

  // Runs after defaulting, so defaulted list-map keys (ports[].protocol) take part.
  void CheckUnique(const SchemaNode& s, const Value& v) {
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < v.items.size(); ++i) {
      const Value& item = v.items[i];
      std::string key;
      if (s.list_type == SchemaListType::kSet) {
        key = Json(item);
      } else {
        if (!item.IsMapping()) continue;  // already reported as a type error
        key = "{";
        for (uint32_t k = 0; k < s.list_map_key_count; ++k) {
          const Value* field = item.Find(s.list_map_keys[k]);
          if (!field) continue;
          if (key.size() > 1) key += ',';
          AppendJsonString(s.list_map_keys[k], &key);
          key += ':';
          AppendJson(*field, &key);
        }
        key += '}';
      }
      if (!seen.insert(key).second)
        Error(item.mark, path_ + "[" + std::to_string(i) + "]", "Duplicate value: " + key);
    }
  }

  const std::string& file_;
  const SchemaOptions& opts_;
  Diagnostics* diags_;
  std::string path_;
  int errors_ = 0;
  bool blocking_ = false;
  int64_t budget_ = opts_.cel_budget;  // what the object's rules may still spend
};

}  // namespace

bool ValidateAgainstSchema(const SchemaNode& root, const std::string& file, Value* doc,
                           const SchemaOptions& opts, Diagnostics* diags) {
  Validator validator(file, opts, diags);
  validator.Check(root, doc, true);
  if (root.flags & kSchemaRulesBelow) validator.CheckValidationRules(root, *doc);
  return validator.errors() == 0;
}

}  // namespace thv
