// A validator for the transcribed schema with jsonschema v5's keyword order and messages.
#include "registry/registry_schema.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "core/json_parse.h"
#include "core/json_text.h"

namespace thv {

namespace {

double NumberValue(const Value& v) {
  double d = 0;
  ParseGoFloat64(v.text, &d);
  return d;
}

// fmt's %v of a float64 (strconv 'g', shortest): exponent form when exp < -4 or exp >= 6,
// with at least two exponent digits ("1e+06").
std::string GoFormatV(double d) {
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  int exp = std::stoi(sci.substr(sci.find('e') + 1));
  if (exp < -4 || exp >= 6) return sci;
  res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  return std::string(buf, res.ptr);
}

size_t RuneCount(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    int len = Utf8SequenceLength(s, i);
    i += len ? len : 1;
    ++n;
  }
  return n;
}

// Go decodes objects into maps: of repeated keys only the last counts.
std::vector<const Member*> EffectiveMembers(const Value& v) {
  std::vector<const Member*> out;
  out.reserve(v.members.size());
  if (v.members.size() <= 8) {
    for (size_t i = 0; i < v.members.size(); ++i) {
      bool later = false;
      for (size_t j = i + 1; j < v.members.size(); ++j)
        later |= v.members[j].key == v.members[i].key;
      if (!later) out.push_back(&v.members[i]);
    }
    return out;
  }
  std::unordered_map<std::string_view, size_t> last;
  for (size_t i = 0; i < v.members.size(); ++i) last[v.members[i].key] = i;
  for (size_t i = 0; i < v.members.size(); ++i) {
    if (last[v.members[i].key] == i) out.push_back(&v.members[i]);
  }
  return out;
}

// Go's reflect-style equality of decoded JSON (numbers as float64); iterative for deep values.
bool JsonEqual(const Value& a, const Value& b) {
  std::vector<std::pair<const Value*, const Value*>> work{{&a, &b}};
  while (!work.empty()) {
    auto [x, y] = work.back();
    work.pop_back();
    if (x->IsNumber() && y->IsNumber()) {
      if (NumberValue(*x) != NumberValue(*y)) return false;
      continue;
    }
    if (x->type != y->type) return false;
    if (x->IsSequence()) {
      if (x->items.size() != y->items.size()) return false;
      for (size_t i = 0; i < x->items.size(); ++i) work.emplace_back(&x->items[i], &y->items[i]);
    } else if (x->IsMapping()) {
      std::vector<const Member*> mx = EffectiveMembers(*x), my = EffectiveMembers(*y);
      if (mx.size() != my.size()) return false;
      for (const Member* m : mx) {
        const Member* other = nullptr;
        for (const Member* n : my) {
          if (n->key == m->key) other = n;
        }
        if (!other) return false;
        work.emplace_back(&m->value, &other->value);
      }
    } else if (x->text != y->text) {
      return false;
    }
  }
  return true;
}

// A hashable identity for scalars, so uniqueItems stays linear on long arrays.
bool ScalarKey(const Value& v, std::string* key) {
  switch (v.type) {
    case Value::Type::kSequence:
    case Value::Type::kMapping:
      return false;
    case Value::Type::kInt:
    case Value::Type::kFloat:
      *key = "n" + GoFloat(NumberValue(v));
      return true;
    default:
      *key = std::string(1, static_cast<char>('a' + static_cast<int>(v.type))) + v.text;
      return true;
  }
}

class Validator {
 public:
  explicit Validator(std::vector<RegistrySchemaError>* errors) : errors_(errors) {}

  void Validate(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    if (!TypeMatches(node.type, v)) {
      return Add(v.mark, path,
                 std::string("expected ") + RegistrySchemaTypeName(node.type) + ", but got " +
                     JsonTypeName(v));
    }
    if (!node.enum_values.empty()) CheckEnum(node, v, path);
    if (node.format != RegistrySchemaFormat::kNone && v.IsString() &&
        !FormatOk(node.format, v.text)) {
      Add(v.mark, path,
          GoQuoteSingle(v.text) + " is not valid " +
              GoQuoteSingle(RegistrySchemaFormatName(node.format)));
    }
    if (v.IsMapping()) CheckObject(node, v, path);
    if (v.IsSequence()) CheckArray(node, v, path);
    if (v.IsString()) CheckString(node, v, path);
    if (v.IsNumber()) CheckNumber(node, v, path);
    if (!node.any_of.empty()) CheckAnyOf(node, v, path);
  }

 private:
  void Add(Mark mark, const JsonPath& path, std::string message) {
    errors_->push_back({FormatJsonPointer(path), FormatJsonPath(path), mark, std::move(message)});
  }

  static bool TypeMatches(RegistrySchemaType t, const Value& v) {
    switch (t) {
      case RegistrySchemaType::kAny:
        return true;
      case RegistrySchemaType::kObject:
        return v.IsMapping();
      case RegistrySchemaType::kArray:
        return v.IsSequence();
      case RegistrySchemaType::kString:
        return v.IsString();
      case RegistrySchemaType::kBoolean:
        return v.IsBool();
      case RegistrySchemaType::kInteger: {
        if (!v.IsNumber()) return false;
        double d = NumberValue(v);
        return std::trunc(d) == d;
      }
    }
    return false;
  }

  static bool FormatOk(RegistrySchemaFormat f, const std::string& s) {
    switch (f) {
      case RegistrySchemaFormat::kDateTime:
        return IsSchemaDateTime(s);
      case RegistrySchemaFormat::kUri:
        return IsSchemaUri(s);
      case RegistrySchemaFormat::kHostname:
        return IsSchemaHostname(s);
      case RegistrySchemaFormat::kNone:
        break;
    }
    return true;
  }

  void CheckEnum(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    std::string list;
    for (const char* e : node.enum_values) {
      if (v.IsString() && v.text == e) return;
      if (!list.empty()) list += ", ";
      list += std::string("\"") + e + "\"";
    }
    Add(v.mark, path, "value must be one of " + list);
  }

  void CheckObject(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    const std::vector<const Member*> members = EffectiveMembers(v);
    // Each member is matched to its declared property once; the rest keep their order.
    std::vector<const Member*> by_property(node.properties.size(), nullptr);
    std::vector<const Member*> undeclared;
    for (const Member* m : members) {
      size_t i = 0;
      while (i < node.properties.size() && m->key != node.properties[i].name) ++i;
      if (i < node.properties.size())
        by_property[i] = m;
      else
        undeclared.push_back(m);
    }
    std::string missing;
    for (const char* r : node.required) {
      auto present = [r](const Member* m) { return m->key == r; };
      if (std::any_of(members.begin(), members.end(), present)) continue;
      if (!missing.empty()) missing += ", ";
      missing += GoQuoteSingle(r);
    }
    if (!missing.empty()) Add(v.mark, path, "missing properties: " + missing);
    for (size_t i = 0; i < node.properties.size(); ++i) {
      if (const Member* m = by_property[i])
        Validate(*node.properties[i].node, m->value, path.Key(m->key));
    }
    std::string extra;
    Mark extra_mark;
    for (const Member* m : undeclared) {
      if (node.key_pattern && node.key_pattern->match(m->key)) {
        Validate(*node.pattern_node, m->value, path.Key(m->key));
        continue;
      }
      if (node.additional_properties) continue;
      if (extra.empty()) extra_mark = m->key_mark;
      if (!extra.empty()) extra += ", ";
      extra += GoQuoteSingle(m->key);
    }
    if (!extra.empty()) Add(extra_mark, path, "additionalProperties " + extra + " not allowed");
  }

  void CheckArray(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    if (node.min_items >= 0 && v.items.size() < static_cast<size_t>(node.min_items)) {
      Add(v.mark, path,
          "minimum " + std::to_string(node.min_items) + " items required, but found " +
              std::to_string(v.items.size()) + " items");
    }
    if (node.unique_items) CheckUnique(v, path);
    if (node.items) {
      for (size_t i = 0; i < v.items.size(); ++i) Validate(*node.items, v.items[i], path.Index(i));
    }
  }

  // Reports the first i with an equal earlier j (the smallest such j), as jsonschema does.
  void CheckUnique(const Value& v, const JsonPath& path) {
    if (v.items.size() <= 20) {  // pairwise, without allocating, as jsonschema does
      for (size_t i = 1; i < v.items.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (JsonEqual(v.items[j], v.items[i])) {
            return Add(
                v.mark, path,
                "items at index " + std::to_string(j) + " and " + std::to_string(i) + " are equal");
          }
        }
      }
      return;
    }
    std::unordered_map<std::string, size_t> seen;
    std::string key;
    for (size_t i = 0; i < v.items.size(); ++i) {
      size_t dup = i;
      if (ScalarKey(v.items[i], &key)) {
        auto [it, inserted] = seen.emplace(key, i);
        if (!inserted) dup = it->second;
      } else {
        for (size_t j = 0; j < i && dup == i; ++j) {
          if (JsonEqual(v.items[j], v.items[i])) dup = j;
        }
      }
      if (dup != i) {
        return Add(
            v.mark, path,
            "items at index " + std::to_string(dup) + " and " + std::to_string(i) + " are equal");
      }
    }
  }

  void CheckString(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    if (node.min_length >= 0 || node.max_length >= 0) {
      size_t n = RuneCount(v.text);
      if (node.min_length >= 0 && n < static_cast<size_t>(node.min_length)) {
        Add(v.mark, path,
            "length must be >= " + std::to_string(node.min_length) + ", but got " +
                std::to_string(n));
      }
      if (node.max_length >= 0 && n > static_cast<size_t>(node.max_length)) {
        Add(v.mark, path,
            "length must be <= " + std::to_string(node.max_length) + ", but got " +
                std::to_string(n));
      }
    }
    if (node.pattern && !node.pattern->match(v.text)) {
      Add(v.mark, path, "does not match pattern " + GoQuoteSingle(node.pattern->source));
    }
  }

  void CheckNumber(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    double d = NumberValue(v);
    if (node.has_minimum && d < static_cast<double>(node.minimum)) {
      Add(v.mark, path,
          "must be >= " + std::to_string(node.minimum) + " but found " + GoFormatV(d));
    }
    if (node.has_maximum && d > static_cast<double>(node.maximum)) {
      Add(v.mark, path,
          "must be <= " + std::to_string(node.maximum) + " but found " + GoFormatV(d));
    }
  }

  // anyOf fails only when every branch fails; its leaves are all branches' errors.
  void CheckAnyOf(const RegistrySchemaNode& node, const Value& v, const JsonPath& path) {
    std::vector<RegistrySchemaError> leaves;
    for (const RegistrySchemaNode* branch : node.any_of) {
      std::vector<RegistrySchemaError> errs;
      Validator(&errs).Validate(*branch, v, path);
      if (errs.empty()) return;
      leaves.insert(leaves.end(), errs.begin(), errs.end());
    }
    errors_->insert(errors_->end(), leaves.begin(), leaves.end());
  }

  std::vector<RegistrySchemaError>* errors_;
};

}  // namespace

void ValidateRegistrySchemaNode(const RegistrySchemaNode& node, const Value& v,
                                const JsonPath& path, std::vector<RegistrySchemaError>* errors) {
  Validator(errors).Validate(node, v, path);
}

const char* RegistrySchemaTypeName(RegistrySchemaType t) {
  static const char* const kNames[] = {"", "object", "array", "string", "integer", "boolean"};
  return kNames[static_cast<int>(t)];
}

const char* RegistrySchemaFormatName(RegistrySchemaFormat f) {
  static const char* const kNames[] = {"", "date-time", "uri", "hostname"};
  return kNames[static_cast<int>(f)];
}

}  // namespace thv
