#include "registry/json_schema.h"

#include <map>
#include <regex>
#include <set>

#include "core/json_writer.h"

namespace thv {

struct JsonSchema::Impl {
  Value root;
  mutable std::map<std::string, std::regex> regexes;

  const std::regex& Regex(const std::string& pattern) const {
    auto it = regexes.find(pattern);
    if (it == regexes.end()) it = regexes.emplace(pattern, std::regex(pattern)).first;
    return it->second;
  }

  const Value* Deref(const Value* schema) const {
    for (int hops = 0; schema && hops < 16; ++hops) {
      const Value* ref = schema->Find("$ref");
      if (!ref || ref->text.rfind("#/definitions/", 0) != 0) return schema;
      const Value* defs = root.Find("definitions");
      schema = defs ? defs->Find(ref->text.substr(14)) : nullptr;
    }
    return schema;
  }

  static bool TypeMatches(const std::string& type, const Value& v) {
    if (type == "object") return v.IsMapping();
    if (type == "array") return v.IsSequence();
    if (type == "string") return v.IsString();
    if (type == "boolean") return v.IsBool();
    if (type == "integer") return v.IsInt();
    if (type == "number") return v.IsNumber();
    if (type == "null") return v.IsNull();
    return true;
  }

  static size_t CodePoints(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  void Check(const Value* schema, const Value& v, const std::string& path,
             std::vector<SchemaError>* errors) const {
    schema = Deref(schema);
    if (!schema || !schema->IsMapping()) return;
    auto fail = [&](std::string message) { errors->push_back({path, v.mark, std::move(message)}); };

    if (const Value* type = schema->Find("type")) {
      bool ok = false;
      std::string names;
      if (type->IsSequence()) {
        for (const Value& t : type->items) {
          ok = ok || TypeMatches(t.text, v);
          names += (names.empty() ? "" : " or ") + t.text;
        }
      } else {
        ok = TypeMatches(type->text, v);
        names = type->text;
      }
      if (!ok) {
        fail(std::string("must be ") + names + ", not " + TypeName(v.type));
        return;
      }
    }
    if (const Value* allowed = schema->Find("enum")) {
      bool found = false;
      std::string list;
      for (const Value& e : allowed->items) {
        found = found || e == v || (e.IsScalar() && v.IsScalar() && e.text == v.text && e.type == v.type);
        list += (list.empty() ? "" : ", ") + GoJsonCompact(e);
      }
      if (!found) fail("Unsupported value: " + GoJsonCompact(v) + ": supported values: " + list);
    }
    if (const Value* any_of = schema->Find("anyOf")) {
      bool ok = false;
      for (const Value& option : any_of->items) {
        std::vector<SchemaError> sub;
        Check(&option, v, path, &sub);
        ok = ok || sub.empty();
      }
      if (!ok) fail("matches none of the allowed forms");
    }
    if (v.IsString()) {
      if (const Value* min = schema->Find("minLength"); min && CodePoints(v.text) < std::stoul(min->text))
        fail("must be at least " + min->text + " characters long");
      if (const Value* max = schema->Find("maxLength"); max && CodePoints(v.text) > std::stoul(max->text))
        fail("must be at most " + max->text + " characters long");
      if (const Value* pattern = schema->Find("pattern");
          pattern && !std::regex_search(v.text, Regex(pattern->text)))
        fail("Invalid value: " + GoJsonCompact(v) + ": should match '" + pattern->text + "'");
    }
    if (v.IsNumber()) {
      double d = std::stod(v.text);
      if (const Value* min = schema->Find("minimum"); min && d < std::stod(min->text))
        fail("must be greater than or equal to " + min->text);
      if (const Value* max = schema->Find("maximum"); max && d > std::stod(max->text))
        fail("must be less than or equal to " + max->text);
    }
    if (v.IsSequence()) {
      if (const Value* min = schema->Find("minItems"); min && v.items.size() < std::stoul(min->text))
        fail("must have at least " + min->text + " items");
      if (const Value* unique = schema->Find("uniqueItems"); unique && unique->AsBool()) {
        std::set<std::string> seen;
        for (const Value& item : v.items)
          if (!seen.insert(GoJsonCompact(item)).second)
            fail("Duplicate value: " + GoJsonCompact(item));
      }
      if (const Value* items = schema->Find("items"))
        for (size_t i = 0; i < v.items.size(); ++i)
          Check(items, v.items[i], path + "[" + std::to_string(i) + "]", errors);
    }
    if (v.IsMapping()) {
      const Value* props = schema->Find("properties");
      const Value* pattern_props = schema->Find("patternProperties");
      const Value* additional = schema->Find("additionalProperties");
      if (const Value* required = schema->Find("required")) {
        for (const Value& r : required->items)
          if (!v.Find(r.text)) errors->push_back({Join(path, r.text), v.mark, "Required value"});
      }
      for (const Member& m : v.members) {
        const std::string child = Join(path, m.key);
        bool matched = false;
        if (const Value* p = props ? props->Find(m.key) : nullptr) {
          matched = true;
          Check(p, m.value, child, errors);
        }
        if (pattern_props) {
          for (const Member& pp : pattern_props->members) {
            if (std::regex_search(m.key, Regex(pp.key))) {
              matched = true;
              Check(&pp.value, m.value, child, errors);
            }
          }
        }
        if (matched || !additional) continue;
        if (additional->IsBool()) {
          std::string patterns;
          if (pattern_props)
            for (const Member& pp : pattern_props->members) patterns += " '" + pp.key + "'";
          if (!additional->AsBool())
            errors->push_back({child, m.key_mark,
                               pattern_props ? "name \"" + m.key + "\" does not match" + patterns
                                             : "unknown field \"" + m.key + "\""});
        } else {
          Check(additional, m.value, child, errors);
        }
      }
    }
  }

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
};

JsonSchema::JsonSchema(Value schema) : impl_(std::make_unique<Impl>()) {
  impl_->root = std::move(schema);
}

JsonSchema::~JsonSchema() = default;

std::vector<SchemaError> JsonSchema::Validate(const Value& doc) const {
  std::vector<SchemaError> errors;
  impl_->Check(&impl_->root, doc, "", &errors);
  return errors;
}

}  // namespace thv
