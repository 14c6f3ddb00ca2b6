// schemagen [--namespace NS] [--keep-embedded-metadata] [--descriptions DESC.cc] OUT.cc CRD.yaml...
//
// Compiles each CRD's storage version schema (spec.versions[].schema.openAPIV3Schema) into static
// C++ tables (see model/schema.h) so validation needs no YAML parsing at start-up, and lists every
// served version with its deprecation warning as thv::NS::kCrds. Other served versions must have
// the storage version's schema (descriptions aside): one table serves them all. Descriptions are
// not in those tables (validation never reads them): --descriptions writes them to their own
// table, thv::NS::kDescriptions, keyed by field path, which only `thv-render schema` reads; CEL
// rules are kept for the evaluator, each compiled here first so that a rule outside its subset
// fails the build (never a rule that silently holds); identical subtrees (the PodTemplateSpec
// containers, ...) are emitted once.
#include <yaml-cpp/yaml.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/cel.h"
#include "model/cel_regex.h"

namespace {

[[noreturn]] void Fail(const std::string& msg) { throw std::runtime_error(msg); }

// s as a C++ string literal (json false: bytes outside printable ASCII as octal escapes, which
// never swallow a following digit the way \x escapes do) or a JSON string (control bytes as
// \u00XX, the rest as they are).
std::string Quote(const std::string& s, bool json) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\' || (!json && c == '?' && out.back() == '?')) {
      out += '\\';  // for '?': never "??", which -Wtrigraphs flags
      out += static_cast<char>(c);
    } else if (c < 0x20 || (!json && c >= 0x7f)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, json ? "\\u%04x" : "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}
std::string Literal(const std::string& s) { return Quote(s, false); }
std::string JsonString(const std::string& s) { return Quote(s, true); }

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

struct Rule {
  std::string rule;
  std::string message = "nullptr";  // a C++ literal, or nullptr
};

struct Node {
  std::string type = "SchemaType::kAny";
  std::string format = "SchemaFormat::kNone";
  std::string list_type = "SchemaListType::kAtomic";
  std::vector<std::string> flags;
  std::string pattern = "nullptr";
  std::string default_json = "nullptr";
  std::string minimum = "0", maximum = "0";
  long long min_length = -1, max_length = -1, min_items = -1, max_items = -1;
  long long min_properties = -1, max_properties = -1;
  std::vector<std::string> enum_json, required, list_map_keys;
  std::vector<Rule> rules;
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

// One served version of a CRD, as the generated kCrds lists it.
struct Served {
  std::string kind, api_version;
  int root;
  std::string warning;  // empty when not deprecated
};

// The entry of table whose key (first) is key, or nullptr.
template <typename Entry, size_t N>
const Entry* Lookup(const Entry (&table)[N], const std::string& key) {
  for (const Entry& e : table)
    if (key == e.first) return &e;
  return nullptr;
}

class Compiler {
 public:
  explicit Compiler(bool keep_embedded_metadata)
      : keep_embedded_metadata_(keep_embedded_metadata) {}

  // Returns the id of the (deduplicated) node for schema s at path.
  int Compile(const YAML::Node& s, const std::string& path) {
    if (!s.IsMap()) Fail(path + ": schema is not a mapping");
    Node n;
    bool int_or_string = false;
    // Keywords whose `true` sets a flag, and keywords holding a count.
    static const std::pair<const char*, const char*> kFlagKeywords[] = {
        {"nullable", "kSchemaNullable"},
        {"x-kubernetes-preserve-unknown-fields", "kSchemaPreserveUnknown"},
        {"exclusiveMinimum", "kSchemaExclusiveMinimum"},
        {"exclusiveMaximum", "kSchemaExclusiveMaximum"}};
    static const std::pair<const char*, long long Node::*> kCountKeywords[] = {
        {"minLength", &Node::min_length},         {"maxLength", &Node::max_length},
        {"minItems", &Node::min_items},           {"maxItems", &Node::max_items},
        {"minProperties", &Node::min_properties}, {"maxProperties", &Node::max_properties}};
    for (const auto& kv : s) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (const auto* flag = Lookup(kFlagKeywords, key)) {
        if (v.as<bool>()) n.flags.push_back(flag->second);
      } else if (const auto* count = Lookup(kCountKeywords, key)) {
        n.*count->second = v.as<long long>();
      } else if (key == "description") {
        descriptions_[path] = v.Scalar();
      } else if (key == "example" || key == "x-kubernetes-map-type" || key == "title" ||
                 key == "externalDocs") {
        continue;  // documentation and merge hints
      } else if (key == "x-kubernetes-validations") {
        for (const auto& r : v) n.rules.push_back(CompileRule(r, path));
      } else if (key == "type") {
        n.type = TypeOf(v.Scalar(), path);
      } else if (key == "x-kubernetes-int-or-string") {
        int_or_string = v.as<bool>();
        if (int_or_string) n.flags.push_back("kSchemaIntOrString");
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
      } else if (key == "required") {
        for (const auto& r : v) n.required.push_back(r.Scalar());
      } else if (key == "properties") {
        for (const auto& p : v) {
          const std::string name = p.first.Scalar();
          if (name.find_first_of(".[{") != std::string::npos)
            Fail(path + ": field name " + name + " would make description paths ambiguous");
          const bool keep = keep_embedded_metadata_ && EmbeddedMetadata(path, name, p.second);
          n.properties[name] = keep ? Compile(YAML::Load(kKeepMetadata), path + "." + name)
                                    : Compile(p.second, path + "." + name);
          if (keep && p.second["description"])
            descriptions_[path + "." + name] = p.second["description"].Scalar();
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
        n.format = FormatOf(v.Scalar(), path);
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
    // The validator walks only into subtrees with rules (schema.h kSchemaRulesBelow).
    bool rules_below = !n.rules.empty();
    for (const auto& [name, id] : n.properties) rules_below = rules_below || RulesBelow(id);
    rules_below = rules_below || RulesBelow(n.items) || RulesBelow(n.additional);
    if (rules_below) n.flags.push_back("kSchemaRulesBelow");
    return Intern(n);
  }

  void Write(std::ostream& out, const std::string& ns, const std::vector<Served>& served) const {
    // String arrays (enum, required, list-map keys) share one pool; properties another.
    std::vector<std::string> strings;
    std::vector<std::pair<std::string, int>> props;
    std::vector<Rule> rules;
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
            << n.max_length << ", " << n.min_items << ", " << n.max_items << ", "
            << n.min_properties << ", " << n.max_properties << ", " << enums << ", "
            << n.enum_json.size() << ", " << n.required.size() << ", " << required << ", "
            << properties << ", " << n.properties.size() << ", " << n.list_map_keys.size() << ", "
            << keys << ", " << Ref(n.items) << ", " << Ref(n.additional) << ", ";
      if (n.rules.empty()) {
        nodes << "nullptr, 0},\n";
      } else {
        nodes << "&kRules[" << rules.size() << "], " << n.rules.size() << "},\n";
        rules.insert(rules.end(), n.rules.begin(), n.rules.end());
      }
    }
    out << "// Generated by schemagen from the ToolHive CRDs. DO NOT EDIT.\n"
        << "#include <cstdint>\n\n#include \"model/schema.h\"\n\n"
        << "namespace thv {\nnamespace " << ns << " {\nnamespace crd_tables {\n\n"
        << "extern const SchemaNode kNodes[];\n\n"
        << "const char* const kStrings[] = {\n";
    for (const std::string& s : strings) out << "    " << s << ",\n";
    out << "    nullptr};\n\nconst SchemaProperty kProperties[] = {\n";
    for (const auto& [name, id] : props)
      out << "    {" << Literal(name) << ", " << Ref(id) << "},\n";
    // A target whose CRDs have no rules never names kRules (clang: unused const variable).
    out << "    {nullptr, nullptr}};\n\n[[maybe_unused]] const SchemaRule kRules[] = {\n";
    for (const Rule& r : rules) out << "    {" << Literal(r.rule) << ", " << r.message << "},\n";
    out << "    {nullptr, nullptr}};\n\n"
        << "// Fields: type, format, list_type, flags, pattern, default_json, minimum, maximum,\n"
        << "// min_length, max_length, min_items, max_items, min_properties, max_properties,\n"
        << "// enum_json, enum_count, required_count, required, properties, property_count,\n"
        << "// list_map_key_count, list_map_keys, items, additional_properties, rules, "
           "rule_count.\n"
        << "const SchemaNode kNodes[] = {\n"
        << nodes.str() << "};\n\n}  // namespace crd_tables\n\n"
        << "extern const CrdVersion kCrds[];\n"
        << "// kind, apiVersion, schema, deprecation warning: every served version.\n"
        << "const CrdVersion kCrds[] = {\n";
    for (const Served& v : served)
      out << "    {" << Literal(v.kind) << ", " << Literal(v.api_version) << ", " << Ref(v.root)
          << ", " << (v.warning.empty() ? "nullptr" : Literal(v.warning)) << "},\n";
    out << "    {nullptr, nullptr, nullptr, nullptr}};\n\n}  // namespace " << ns
        << "\n}  // namespace thv\n";
  }

  size_t node_count() const { return nodes_.size(); }

  // Every description, keyed by its path ("MCPServer.spec.env[].name", "{}" for
  // additionalProperties): one text of NUL-terminated strings, zlib-compressed (a fifth of its
  // size: the binary carries it for `schema` alone), and offsets into it, sorted by path. No
  // pointer per entry: nothing to relocate, nothing touched unless `schema` runs. Repeated texts
  // (the pod template's container fields) are stored once.
  void WriteDescriptions(std::ostream& out, const std::string& ns) const {
    std::string text;
    std::map<std::string, size_t> offsets;
    auto add = [&](const std::string& s) {
      auto [it, inserted] = offsets.emplace(s, text.size());
      if (inserted) text += s + '\0';
      return it->second;
    };
    std::ostringstream entries;
    for (const auto& [path, description] : descriptions_)  // std::map: sorted as strcmp
      entries << "    " << add(path) << ", " << add(description) << ",\n";
    uLongf size = compressBound(text.size());
    std::string deflated(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(&deflated[0]), &size,
                  reinterpret_cast<const Bytef*>(text.data()), text.size(), 9) != Z_OK)
      Fail("cannot compress the descriptions");
    deflated.resize(size);
    out << "// Generated by schemagen from the ToolHive CRDs. DO NOT EDIT.\n"
        << "#include <cstdint>\n\n#include \"model/schema.h\"\n\n"
        << "namespace thv {\nnamespace " << ns << " {\n\nnamespace {\n\n"
        << "// " << text.size() << " bytes of descriptions, deflated.\n"
        << "const char kDeflated[] =\n";
    for (size_t at = 0; at < deflated.size(); at += 64)
      out << "    " << Literal(deflated.substr(at, 64)) << "\n";
    out << "    ;\n\n// Offsets into the text: path, description.\nconst uint32_t kEntries[] = {\n"
        << entries.str() << "    0, 0};\n\n}  // namespace\n\n"
        << "extern const SchemaDescriptions kDescriptions;\n"
        << "const SchemaDescriptions kDescriptions = {kDeflated, " << deflated.size() << ", "
        << text.size() << ", kEntries, " << descriptions_.size() << "};\n\n}  // namespace " << ns
        << "\n}  // namespace thv\n";
  }

 private:
  bool RulesBelow(int id) const {
    if (id < 0) return false;
    const std::vector<std::string>& flags = nodes_[id].flags;
    return std::find(flags.begin(), flags.end(), "kSchemaRulesBelow") != flags.end();
  }

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

  // The formats the API server validates (apiextensions-apiserver
  // pkg/apiserver/validation/formats.go, kube-openapi strfmt): the ones these CRDs use are checked;
  // the others it validates fail the build rather than go unchecked; any other format the API
  // server strips, and so is ignored here too. go-openapi compares names without dashes.
  static std::string FormatOf(std::string f, const std::string& path) {
    if (f == "int32") return "SchemaFormat::kInt32";
    if (f == "int64") return "SchemaFormat::kInt64";
    f.erase(std::remove(f.begin(), f.end(), '-'), f.end());
    if (f == "uri") return "SchemaFormat::kUri";
    if (f == "duration") return "SchemaFormat::kDuration";
    if (f == "datetime") return "SchemaFormat::kDateTime";
    if (f == "date") return "SchemaFormat::kDate";
    static const char* const kValidatedElsewhere[] = {
        "bsonobjectid", "email", "hostname", "ipv4",     "ipv6", "cidr",         "mac",
        "uuid",         "uuid3", "uuid4",    "uuid5",    "isbn", "isbn10",       "isbn13",
        "creditcard",   "ssn",   "hexcolor", "rgbcolor", "byte", "k8sshortname", "k8slongname"};
    for (const char* v : kValidatedElsewhere)
      if (f == v) Fail(path + ": format " + f + " is validated by the API server but not here");
    return "SchemaFormat::kNone";  // "password" and unknown formats: any string
  }

  // x-kubernetes-validations entry: the rule and its message. Keys the evaluator will not honour
  // (messageExpression, reason, fieldPath, optionalOldSelf) fail the build, and so does a rule the
  // evaluator cannot compile (outside its subset, model/cel.h): the validator compiles the same
  // text at run time and must never meet a rule it cannot evaluate.
  static Rule CompileRule(const YAML::Node& r, const std::string& path) {
    if (!r.IsMap() || !r["rule"]) Fail(path + ": x-kubernetes-validations entry without rule");
    Rule out;
    for (const auto& kv : r) {
      const std::string key = kv.first.Scalar();
      if (key == "rule")
        out.rule = kv.second.Scalar();
      else if (key == "message")
        out.message = Literal(kv.second.Scalar());
      else
        Fail(path + ": x-kubernetes-validations key " + key + " is not supported");
    }
    std::string error;
    if (!thv::cel::Compile(out.rule, &error))
      Fail(path + ": x-kubernetes-validations rule " + JsonString(out.rule) + ": " + error);
    return out;
  }

  // The validator matches patterns with the RE2 matcher of model/cel_regex.h; a pattern it
  // cannot compile fails the build rather than go unchecked.
  static void CheckPattern(const std::string& p, const std::string& path) {
    std::string error;
    if (!thv::cel::Regex::Compile(p, &error)) Fail(path + ": pattern " + p + ": " + error);
  }

  // Structural key of a node; children are already interned, so ids compare subtrees.
  static std::string Key(const Node& n) {
    std::ostringstream k;
    k << n.type << '|' << n.format << '|' << n.list_type << '|';
    for (const auto& f : n.flags) k << f << ',';
    k << '|' << n.pattern << '|' << n.default_json << '|' << n.minimum << '|' << n.maximum << '|'
      << n.min_length << '|' << n.max_length << '|' << n.min_items << '|' << n.max_items << '|'
      << n.min_properties << '|' << n.max_properties << '|';
    for (const auto& r : n.rules) k << Literal(r.rule) << ':' << r.message << ',';
    k << '|';
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

  bool keep_embedded_metadata_;
  std::map<std::string, std::string> descriptions_;
  std::vector<Node> nodes_;
  std::map<std::string, int> index_;
};

// A copy of a schema without its description keywords, for comparing served versions' schemas.
// Keys of a `properties` map are field names: a field named "description" stays.
YAML::Node WithoutDescriptions(const YAML::Node& n, bool field_names = false) {
  if (n.IsMap()) {
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& kv : n) {
      const std::string key = kv.first.Scalar();
      if (!field_names && key == "description") continue;
      out[key] = WithoutDescriptions(kv.second, !field_names && key == "properties");
    }
    return out;
  }
  if (n.IsSequence()) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const auto& item : n) out.push_back(WithoutDescriptions(item));
    return out;
  }
  return YAML::Clone(n);
}

bool SameTree(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (!SameTree(a[i], b[i])) return false;
    return true;
  }
  for (const auto& kv : a) {
    const YAML::Node other = b[kv.first.Scalar()];
    if (!other || !SameTree(kv.second, other)) return false;
  }
  return true;
}

// k8s.io/apimachinery version.CompareKubeAwareVersionStrings: GA > beta > alpha > other names,
// higher major first, then higher minor; other names alphabetically. > 0 when a sorts before b.
int CompareKubeAware(const std::string& a, const std::string& b) {
  static const std::regex kKube("v([0-9]+)(?:(alpha|beta)([0-9]+))?");
  auto key = [](const std::string& v, std::smatch* m) {
    if (!std::regex_match(v, *m, kKube)) return -1;
    return (*m)[2] == "alpha" ? 1 : (*m)[2] == "beta" ? 2 : 3;
  };
  std::smatch ma, mb;
  const int ka = key(a, &ma), kb = key(b, &mb);
  if (ka != kb) return ka - kb;
  if (ka < 0) return a < b ? 1 : a > b ? -1 : 0;
  const long long major = std::stoll(ma[1]) - std::stoll(mb[1]);
  if (major != 0) return major > 0 ? 1 : -1;
  if (ka == 3) return 0;
  const long long minor = std::stoll(ma[3]) - std::stoll(mb[3]);
  return minor > 0 ? 1 : minor < 0 ? -1 : 0;
}

// What the API server warns when a deprecated version is used: the CRD's deprecationWarning, or
// apiextensions-apiserver's default (customresource_handler.go defaultDeprecationWarning).
std::string DeprecationWarning(const YAML::Node& spec, const YAML::Node& version) {
  if (!version["deprecated"] || !version["deprecated"].as<bool>()) return "";
  if (version["deprecationWarning"]) return version["deprecationWarning"].Scalar();
  const std::string group = spec["group"].Scalar(), kind = spec["names"]["kind"].Scalar();
  const std::string name = version["name"].Scalar();
  std::string newest;
  for (const auto& v : spec["versions"]) {
    const bool served = v["served"] && v["served"].as<bool>();
    const bool deprecated = v["deprecated"] && v["deprecated"].as<bool>();
    const std::string other = v["name"].Scalar();
    if (served && !deprecated && CompareKubeAware(name, other) < 0 &&
        (newest.empty() || CompareKubeAware(other, newest) > 0))
      newest = other;
  }
  std::string msg = group + "/" + name + " " + kind + " is deprecated";
  return newest.empty() ? msg : msg + "; use " + group + "/" + newest + " " + kind;
}

// Via a temporary, so an interrupted run never leaves a truncated source behind.
void WriteFile(const std::string& out, const std::string& text) {
  const std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << text;
    if (!f.good()) Fail("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) Fail("cannot rename " + tmp);
}

}  // namespace

int main(int argc, char** argv) {
  std::string ns = "crds", descriptions_out;
  bool keep_embedded_metadata = false;
  int arg = 1;
  for (; arg < argc && argv[arg][0] == '-'; ++arg) {
    const std::string flag = argv[arg];
    if (flag == "--namespace" && arg + 1 < argc) {
      ns = argv[++arg];
    } else if (flag == "--descriptions" && arg + 1 < argc) {
      descriptions_out = argv[++arg];
    } else if (flag == "--keep-embedded-metadata") {
      keep_embedded_metadata = true;
    } else {
      std::cerr << "schemagen: unknown flag " << flag << "\n";
      return 2;
    }
  }
  if (argc - arg < 2) {
    std::cerr
        << "usage: schemagen [--namespace NS] [--keep-embedded-metadata] [--descriptions DESC.cc] "
           "OUT.cc CRD.yaml...\n";
    return 2;
  }
  try {
    Compiler compiler(keep_embedded_metadata);
    std::vector<Served> served;
    for (int i = arg + 1; i < argc; ++i) {
      const std::string file = argv[i];
      YAML::Node crd = YAML::LoadFile(file);
      const YAML::Node spec = crd["spec"];
      const std::string kind = spec["names"]["kind"].as<std::string>();
      const std::string group = spec["group"].as<std::string>();
      YAML::Node storage;
      for (const auto& v : spec["versions"])
        if (v["storage"] && v["storage"].as<bool>()) storage.reset(v);
      if (!storage) Fail(file + ": no storage version");
      const YAML::Node schema = storage["schema"]["openAPIV3Schema"];
      if (!schema) Fail(file + ": no openAPIV3Schema");
      int root;
      try {
        root = compiler.Compile(schema, kind);
      } catch (const std::exception& e) {
        Fail(file + ": " + e.what());
      }
      const YAML::Node bare = WithoutDescriptions(schema);
      for (const auto& v : spec["versions"]) {
        if (!v["served"] || !v["served"].as<bool>()) continue;
        const std::string name = v["name"].Scalar();
        if (!SameTree(WithoutDescriptions(v["schema"]["openAPIV3Schema"]), bare))
          Fail(file + ": served version " + name + " has a schema other than the storage version " +
               storage["name"].Scalar() + "'s; one table cannot serve both");
        served.push_back({kind, group + "/" + name, root, DeprecationWarning(spec, v)});
      }
    }
    std::ostringstream text;
    compiler.Write(text, ns, served);
    WriteFile(argv[arg], text.str());
    if (!descriptions_out.empty()) {
      std::ostringstream descriptions;
      compiler.WriteDescriptions(descriptions, ns);
      WriteFile(descriptions_out, descriptions.str());
    }
  } catch (const std::exception& e) {
    std::cerr << "schemagen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
