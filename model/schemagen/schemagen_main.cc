// schemagen OUT.cc CRD.yaml...
//
// Compiles each CRD's spec.versions[0].schema.openAPIV3Schema into static C++ tables (see
// model/schema.h) so validation needs no YAML parsing at start-up. Descriptions and CEL rules
// are dropped; identical subtrees (the PodTemplateSpec containers, ...) are emitted once.
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

[[noreturn]] void Fail(const std::string& msg) { throw std::runtime_error(msg); }

// A C++ string literal; non-ASCII bytes as octal escapes, which never swallow a following digit
// the way \x escapes do.
std::string Literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '?' && out.back() == '?') {
      out += "\\?";  // never "??", which -Wtrigraphs flags
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

bool IsPlain(const YAML::Node& n) { return n.Tag() == "?"; }

// Compact JSON of a YAML node; plain scalars resolve like sigs.k8s.io/yaml (core schema subset:
// null, booleans, integers, floats), quoted scalars stay strings.
std::string ToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return "null";
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (!IsPlain(n)) return JsonString(s);
      if (s == "null" || s == "Null" || s == "NULL" || s == "~" || s.empty()) return "null";
      if (s == "true" || s == "True" || s == "TRUE") return "true";
      if (s == "false" || s == "False" || s == "FALSE") return "false";
      static const std::regex kInt("[-+]?(0|[1-9][0-9]*)");
      static const std::regex kFloat("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
      if (std::regex_match(s, kInt)) return s[0] == '+' ? s.substr(1) : s;
      if (std::regex_match(s, kFloat)) return s;
      return JsonString(s);
    }
    case YAML::NodeType::Sequence: {
      std::string out = "[";
      for (size_t i = 0; i < n.size(); ++i) out += (i ? "," : "") + ToJson(n[i]);
      return out + "]";
    }
    case YAML::NodeType::Map: {
      std::string out = "{";
      bool first = true;
      for (const auto& kv : n) {
        out += (first ? "" : ",") + JsonString(kv.first.Scalar()) + ":" + ToJson(kv.second);
        first = false;
      }
      return out + "}";
    }
  }
  return "null";
}

struct Node {
  std::string type = "SchemaType::kAny";
  std::string format = "SchemaFormat::kNone";
  std::string list_type = "SchemaListType::kAtomic";
  std::vector<std::string> flags;
  std::string pattern = "nullptr";
  std::string default_json = "nullptr";
  std::string minimum = "0", maximum = "0";
  long long min_length = -1, max_length = -1, min_items = -1, max_items = -1;
  std::vector<std::string> enum_json, required, list_map_keys;
  std::map<std::string, int> properties;  // std::map: sorted by byte order, as strcmp
  int items = -1, additional = -1;
};

// controller-gen (without generateEmbeddedObjectMeta) writes nested ObjectMeta, e.g.
// podTemplateSpec.metadata, as a bare `type: object`, so a real API server silently prunes its
// labels and annotations. ToolHive documents podTemplateSpec.metadata.annotations as meaningful
// (vault injection), so such nodes keep their content instead; root metadata is the caller's.
const char kKeepMetadata[] = "{type: object, x-kubernetes-preserve-unknown-fields: true}";

bool EmbeddedMetadata(const std::string& path, const std::string& name, const YAML::Node& s) {
  return name == "metadata" && path.find('.') != std::string::npos && s.IsMap() && s.size() <= 2 &&
         s["type"] && s["type"].Scalar() == "object" && !s["properties"] &&
         !s["additionalProperties"];
}

class Compiler {
 public:
  // Returns the id of the (deduplicated) node for schema s at path.
  int Compile(const YAML::Node& s, const std::string& path) {
    if (!s.IsMap()) Fail(path + ": schema is not a mapping");
    Node n;
    bool int_or_string = false;
    for (const auto& kv : s) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "description" || key == "x-kubernetes-validations" || key == "example" ||
          key == "x-kubernetes-map-type" || key == "title" || key == "externalDocs") {
        continue;  // documentation, CEL (not evaluated offline) and merge hints
      } else if (key == "type") {
        n.type = TypeOf(v.Scalar(), path);
      } else if (key == "nullable") {
        if (v.as<bool>()) n.flags.push_back("kSchemaNullable");
      } else if (key == "x-kubernetes-int-or-string") {
        int_or_string = v.as<bool>();
        if (int_or_string) n.flags.push_back("kSchemaIntOrString");
      } else if (key == "x-kubernetes-preserve-unknown-fields") {
        if (v.as<bool>()) n.flags.push_back("kSchemaPreserveUnknown");
      } else if (key == "enum") {
        for (const auto& e : v) n.enum_json.push_back(ToJson(e));
      } else if (key == "pattern") {
        CheckPattern(v.Scalar(), path);
        n.pattern = Literal(v.Scalar());
      } else if (key == "minimum") {
        n.minimum = Number(v, path);
        n.flags.push_back("kSchemaHasMinimum");
      } else if (key == "maximum") {
        n.maximum = Number(v, path);
        n.flags.push_back("kSchemaHasMaximum");
      } else if (key == "exclusiveMinimum") {
        if (v.as<bool>()) n.flags.push_back("kSchemaExclusiveMinimum");
      } else if (key == "exclusiveMaximum") {
        if (v.as<bool>()) n.flags.push_back("kSchemaExclusiveMaximum");
      } else if (key == "minLength") {
        n.min_length = v.as<long long>();
      } else if (key == "maxLength") {
        n.max_length = v.as<long long>();
      } else if (key == "minItems") {
        n.min_items = v.as<long long>();
      } else if (key == "maxItems") {
        n.max_items = v.as<long long>();
      } else if (key == "required") {
        for (const auto& r : v) n.required.push_back(r.Scalar());
      } else if (key == "properties") {
        for (const auto& p : v) {
          const std::string name = p.first.Scalar();
          n.properties[name] = EmbeddedMetadata(path, name, p.second)
                                   ? Compile(YAML::Load(kKeepMetadata), path + "." + name)
                                   : Compile(p.second, path + "." + name);
        }
      } else if (key == "items") {
        n.items = Compile(v, path + "[]");
      } else if (key == "additionalProperties") {
        if (v.IsScalar()) {
          // `true` accepts anything; `false` is not allowed in structural schemas.
          if (!v.as<bool>()) Fail(path + ": additionalProperties: false is not supported");
          n.additional =
              Compile(YAML::Load("{x-kubernetes-preserve-unknown-fields: true}"), path + "{}");
        } else {
          n.additional = Compile(v, path + "{}");
        }
      } else if (key == "default") {
        n.default_json = Literal(ToJson(v));
      } else if (key == "format") {
        const std::string f = v.Scalar();
        if (f == "int32") n.format = "SchemaFormat::kInt32";
        if (f == "int64") n.format = "SchemaFormat::kInt64";
        // Other formats (date-time, byte, ...) are not checked.
      } else if (key == "x-kubernetes-list-type") {
        const std::string t = v.Scalar();
        if (t == "set") n.list_type = "SchemaListType::kSet";
        if (t == "map") n.list_type = "SchemaListType::kMap";
      } else if (key == "x-kubernetes-list-map-keys") {
        for (const auto& k : v) n.list_map_keys.push_back(k.Scalar());
      } else if (key == "anyOf" || key == "allOf" || key == "oneOf" || key == "not") {
        // Only the int-or-string idiom (anyOf: [integer, string]) is understood; anything else
        // must not be silently ignored.
        if (!(key == "anyOf" && s["x-kubernetes-int-or-string"] &&
              s["x-kubernetes-int-or-string"].as<bool>()))
          Fail(path + ": unsupported keyword " + key);
      } else if (key == "x-kubernetes-embedded-resource") {
        if (v.as<bool>()) Fail(path + ": x-kubernetes-embedded-resource is not supported");
      } else if (key == "readOnly") {
        continue;
      } else {
        Fail(path + ": unsupported keyword " + key);
      }
    }
    return Intern(n);
  }

  void Write(std::ostream& out, const std::vector<std::pair<std::string, int>>& roots) const {
    // String arrays (enum, required, list-map keys) share one pool; properties another.
    std::vector<std::string> strings;
    std::vector<std::pair<std::string, int>> props;
    std::ostringstream nodes;
    for (const Node& n : nodes_) {
      auto pool = [&](const std::vector<std::string>& v, bool literal) {
        if (v.empty()) return std::string("nullptr");
        const size_t at = strings.size();
        for (const std::string& s : v) strings.push_back(literal ? s : Literal(s));
        return "&kStrings[" + std::to_string(at) + "]";
      };
      std::vector<std::string> enum_lits;
      for (const std::string& e : n.enum_json) enum_lits.push_back(Literal(e));
      const std::string enums = pool(enum_lits, true);
      const std::string required = pool(n.required, false);
      const std::string keys = pool(n.list_map_keys, false);
      std::string properties = "nullptr";
      if (!n.properties.empty()) {
        properties = "&kProperties[" + std::to_string(props.size()) + "]";
        for (const auto& [name, id] : n.properties) props.emplace_back(name, id);
      }
      std::string flags;
      for (const std::string& f : n.flags) flags += (flags.empty() ? "" : " | ") + f;
      if (flags.empty()) flags = "0";
      nodes << "    {" << n.type << ", " << n.format << ", " << n.list_type << ", "
            << "static_cast<uint8_t>(" << flags << "), " << n.pattern << ", " << n.default_json
            << ", " << n.minimum << ", " << n.maximum << ", " << n.min_length << ", "
            << n.max_length << ", " << n.min_items << ", " << n.max_items << ", " << enums << ", "
            << n.enum_json.size() << ", " << n.required.size() << ", " << required << ", "
            << properties << ", " << n.properties.size() << ", " << n.list_map_keys.size() << ", "
            << keys << ", " << Ref(n.items) << ", " << Ref(n.additional) << "},\n";
    }
    out << "// Generated by schemagen from the ToolHive CRDs. DO NOT EDIT.\n"
        << "#include <cstdint>\n#include <string>\n\n#include \"model/schema.h\"\n\n"
        << "namespace thv {\nnamespace crd_tables {\n\n"
        << "extern const SchemaNode kNodes[];\n\n"
        << "const char* const kStrings[] = {\n";
    for (const std::string& s : strings) out << "    " << s << ",\n";
    out << "    nullptr};\n\nconst SchemaProperty kProperties[] = {\n";
    for (const auto& [name, id] : props)
      out << "    {" << Literal(name) << ", " << Ref(id) << "},\n";
    out << "    {nullptr, nullptr}};\n\n"
        << "// Fields: type, format, list_type, flags, pattern, default_json, minimum, maximum,\n"
        << "// min_length, max_length, min_items, max_items, enum_json, enum_count,\n"
        << "// required_count, required, properties, property_count, list_map_key_count,\n"
        << "// list_map_keys, items, additional_properties.\n"
        << "const SchemaNode kNodes[] = {\n"
        << nodes.str() << "};\n\n}  // namespace crd_tables\n\n"
        << "const SchemaNode* FindCrdSchema(const std::string& kind) {\n";
    for (const auto& [kind, id] : roots)
      out << "  if (kind == " << Literal(kind) << ") return " << Ref(id) << ";\n";
    out << "  return nullptr;\n}\n\n}  // namespace thv\n";
  }

  size_t node_count() const { return nodes_.size(); }

 private:
  static std::string Ref(int id) {
    return id < 0 ? "nullptr" : "&crd_tables::kNodes[" + std::to_string(id) + "]";
  }

  static std::string TypeOf(const std::string& t, const std::string& path) {
    if (t == "object") return "SchemaType::kObject";
    if (t == "array") return "SchemaType::kArray";
    if (t == "string") return "SchemaType::kString";
    if (t == "integer") return "SchemaType::kInteger";
    if (t == "number") return "SchemaType::kNumber";
    if (t == "boolean") return "SchemaType::kBoolean";
    Fail(path + ": unsupported type " + t);
  }

  static std::string Number(const YAML::Node& v, const std::string& path) {
    const std::string s = v.Scalar();
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0') Fail(path + ": bad number " + s);
    return s;
  }

  // The validator compiles patterns with std::regex (ECMAScript); refuse ones it cannot.
  static void CheckPattern(const std::string& p, const std::string& path) {
    try {
      std::regex re(p, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      Fail(path + ": pattern " + p + " does not compile as ECMAScript: " + e.what());
    }
  }

  // Structural key of a node; children are already interned, so ids compare subtrees.
  static std::string Key(const Node& n) {
    std::ostringstream k;
    k << n.type << '|' << n.format << '|' << n.list_type << '|';
    for (const auto& f : n.flags) k << f << ',';
    k << '|' << n.pattern << '|' << n.default_json << '|' << n.minimum << '|' << n.maximum << '|'
      << n.min_length << '|' << n.max_length << '|' << n.min_items << '|' << n.max_items << '|';
    for (const auto& e : n.enum_json) k << Literal(e) << ',';
    k << '|';
    for (const auto& r : n.required) k << Literal(r) << ',';
    k << '|';
    for (const auto& m : n.list_map_keys) k << Literal(m) << ',';
    k << '|';
    for (const auto& [name, id] : n.properties) k << Literal(name) << ':' << id << ',';
    k << '|' << n.items << '|' << n.additional;
    return k.str();
  }

  int Intern(const Node& n) {
    auto [it, inserted] = index_.emplace(Key(n), static_cast<int>(nodes_.size()));
    if (inserted) nodes_.push_back(n);
    return it->second;
  }

  std::vector<Node> nodes_;
  std::map<std::string, int> index_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: schemagen OUT.cc CRD.yaml...\n";
    return 2;
  }
  try {
    Compiler compiler;
    std::vector<std::pair<std::string, int>> roots;
    for (int i = 2; i < argc; ++i) {
      YAML::Node crd = YAML::LoadFile(argv[i]);
      const std::string kind = crd["spec"]["names"]["kind"].as<std::string>();
      YAML::Node schema = crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"];
      if (!schema) Fail(std::string(argv[i]) + ": no openAPIV3Schema");
      roots.emplace_back(kind, compiler.Compile(schema, kind));
    }
    std::ostringstream text;
    compiler.Write(text, roots);
    // Write via a temporary so an interrupted run never leaves a truncated source behind.
    const std::string out = argv[1], tmp = out + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary);
      f << text.str();
      if (!f.good()) Fail("cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), out.c_str()) != 0) Fail("cannot rename " + tmp);
  } catch (const std::exception& e) {
    std::cerr << "schemagen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
