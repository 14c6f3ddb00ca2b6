#include "model/json_schema.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "model/object.h"

namespace thv {

namespace {

Value Str(const std::string& s) { return Value::String(s); }

Value Number(double d) {
  const std::string text = GoFloat(d);
  return Value::Number(text, text.find_first_of(".eE") != std::string::npos);
}

// Compact JSON from the tables (enum values, defaults): schemagen wrote it, so it parses.
Value Json(const char* text) {
  Value v;
  JsonSyntaxError err;
  if (!ParseJson(text, &v, &err)) return Value::Null();
  return v;
}

// The API server's uri and duration formats are not JSON Schema's (RFC 3986, ISO 8601), so they
// become a description and a pattern every valid value matches (but not every invalid one fails).
struct LooseFormat {
  const char* note;
  const char* pattern;
};

LooseFormat LooseFormatOf(SchemaFormat format) {
  switch (format) {
    case SchemaFormat::kUri:
      return {
          "Format uri: an absolute URI or an absolute path, as Go's url.ParseRequestURI "
          "accepts it.",
          "^([A-Za-z][A-Za-z0-9+.-]*:|/)"};
    case SchemaFormat::kDuration:
      return {
          "Format duration: a Go duration such as 30s, 1m30s or 2h (the API server also "
          "accepts \"1 minute\"-style durations).",
          "[0-9]"};
    default:
      return {"", nullptr};
  }
}

class Writer {
 public:
  explicit Writer(const SchemaDescriptions* descriptions) : descriptions_(descriptions) {}

  Value Node(const SchemaNode& n, const std::string& path) {
    Value out = Value::Mapping();
    std::string description = Described(path);
    const LooseFormat loose = LooseFormatOf(n.format);
    AppendNote(&description, loose.note);
    if (n.rule_count > 0) {
      std::string rules =
          "Validation rules (CEL, x-kubernetes-validations: checked by the API server and "
          "thv-render validate, not by this schema):";
      for (uint32_t i = 0; i < n.rule_count; ++i)
        rules += std::string("\n- ") + (n.rules[i].message ? n.rules[i].message : n.rules[i].rule);
      AppendNote(&description, rules);
    }
    if (n.list_type == SchemaListType::kMap && n.list_map_key_count > 0) {
      std::string keys;
      for (uint32_t i = 0; i < n.list_map_key_count; ++i)
        keys += std::string(i ? ", " : "") + n.list_map_keys[i];
      AppendNote(&description, "Items are unique by " + keys + ".");
    }
    if (!description.empty()) out.Set("description", Str(description));

    const bool nullable = n.flags & kSchemaNullable;
    if (n.flags & kSchemaIntOrString) {
      Value any = Value::Sequence();
      for (const char* t : {"integer", "string"}) {
        Value alt = Value::Mapping();
        alt.Set("type", Str(t));
        any.Append(std::move(alt));
      }
      if (nullable) {
        Value alt = Value::Mapping();
        alt.Set("type", Str("null"));
        any.Append(std::move(alt));
      }
      out.Set("anyOf", std::move(any));
      out.Set("x-kubernetes-int-or-string", Value::Bool(true));
    } else if (const char* type = SchemaTypeName(n); *type) {
      if (nullable) {
        Value types = Value::Sequence();
        types.Append(Str(type));
        types.Append(Str("null"));
        out.Set("type", std::move(types));
      } else {
        out.Set("type", Str(type));
      }
    }
    if (n.format == SchemaFormat::kDateTime) out.Set("format", Str("date-time"));
    if (n.format == SchemaFormat::kDate) out.Set("format", Str("date"));
    if (n.format == SchemaFormat::kInt32 || n.format == SchemaFormat::kInt64)
      out.Set("format", Str(n.format == SchemaFormat::kInt32 ? "int32" : "int64"));
    if (n.enum_count > 0) {
      Value values = Value::Sequence();
      for (uint32_t i = 0; i < n.enum_count; ++i) values.Append(Json(n.enum_json[i]));
      if (nullable) values.Append(Value::Null());
      out.Set("enum", std::move(values));
    }
    if (n.default_json) out.Set("default", Json(n.default_json));
    if (n.pattern) out.Set("pattern", Str(n.pattern));
    if (loose.pattern) {
      Value pattern = Value::Mapping();
      pattern.Set("pattern", Str(loose.pattern));
      if (n.pattern) {
        Value all = Value::Sequence();
        all.Append(std::move(pattern));
        out.Set("allOf", std::move(all));
      } else {
        out.members.push_back(std::move(pattern.members[0]));
      }
    }
    Bounds(n, &out);

    if (n.property_count > 0) {
      Value properties = Value::Mapping();
      for (uint32_t i = 0; i < n.property_count; ++i) {
        const SchemaProperty& p = n.properties[i];
        properties.Set(p.name, Node(*p.node, path + "." + p.name));
      }
      out.Set("properties", std::move(properties));
    }
    if (n.required_count > 0) {
      Value required = Value::Sequence();
      for (uint32_t i = 0; i < n.required_count; ++i) required.Append(Str(n.required[i]));
      out.Set("required", std::move(required));
    }
    if (n.additional_properties) {
      out.Set("additionalProperties", Node(*n.additional_properties, path + "{}"));
    } else if (n.type == SchemaType::kObject && !(n.flags & kSchemaPreserveUnknown)) {
      out.Set("additionalProperties", Value::Bool(false));
    }
    if (n.items) out.Set("items", Node(*n.items, path + "[]"));
    if (n.list_type == SchemaListType::kSet) out.Set("uniqueItems", Value::Bool(true));

    if (n.flags & kSchemaPreserveUnknown)
      out.Set("x-kubernetes-preserve-unknown-fields", Value::Bool(true));
    if (n.list_type != SchemaListType::kAtomic)
      out.Set("x-kubernetes-list-type", Str(n.list_type == SchemaListType::kSet ? "set" : "map"));
    if (n.list_map_key_count > 0) {
      Value keys = Value::Sequence();
      for (uint32_t i = 0; i < n.list_map_key_count; ++i) keys.Append(Str(n.list_map_keys[i]));
      out.Set("x-kubernetes-list-map-keys", std::move(keys));
    }
    if (n.rule_count > 0) {
      Value rules = Value::Sequence();
      for (uint32_t i = 0; i < n.rule_count; ++i) {
        Value rule = Value::Mapping();
        rule.Set("rule", Str(n.rules[i].rule));
        if (n.rules[i].message) rule.Set("message", Str(n.rules[i].message));
        rules.Append(std::move(rule));
      }
      out.Set("x-kubernetes-validations", std::move(rules));
    }
    return out;
  }

  std::string Described(const std::string& path) const {
    const char* d = descriptions_ ? FindSchemaDescription(*descriptions_, path) : nullptr;
    return d ? d : "";
  }

  static void AppendNote(std::string* description, const std::string& note) {
    if (note.empty()) return;
    if (!description->empty()) *description += "\n\n";
    *description += note;
  }

 private:
  // Numeric, length, item and property bounds. draft-07's exclusiveMinimum is the bound itself.
  // An int32 field without a tighter bound gets int32's, which the API server enforces.
  static void Bounds(const SchemaNode& n, Value* out) {
    const bool int32 = n.format == SchemaFormat::kInt32;
    if (n.flags & kSchemaHasMinimum)
      out->Set(n.flags & kSchemaExclusiveMinimum ? "exclusiveMinimum" : "minimum",
               Number(n.minimum));
    else if (int32)
      out->Set("minimum", Number(INT32_MIN));
    if (n.flags & kSchemaHasMaximum)
      out->Set(n.flags & kSchemaExclusiveMaximum ? "exclusiveMaximum" : "maximum",
               Number(n.maximum));
    else if (int32)
      out->Set("maximum", Number(INT32_MAX));
    const std::pair<const char*, int64_t> counts[] = {
        {"minLength", n.min_length},         {"maxLength", n.max_length},
        {"minItems", n.min_items},           {"maxItems", n.max_items},
        {"minProperties", n.min_properties}, {"maxProperties", n.max_properties}};
    for (const auto& [keyword, count] : counts)
      if (count >= 0) out->Set(keyword, Value::Int(count));
  }

  const SchemaDescriptions* descriptions_;
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// What thv-render and the API server read of ObjectMeta; other fields (uid, ...) are allowed.
Value MetadataSchema(const std::string& description) {
  auto string = [](const char* d) {
    Value v = Value::Mapping();
    v.Set("description", Str(d));
    v.Set("type", Str("string"));
    return v;
  };
  auto map = [](const char* d) {
    Value v = Value::Mapping();
    v.Set("description", Str(d));
    v.Set("type", Str("object"));
    Value values = Value::Mapping();
    values.Set("type", Str("string"));
    v.Set("additionalProperties", std::move(values));
    return v;
  };
  Value properties = Value::Mapping();
  properties.Set("name", string("Name, unique within the namespace: a DNS-1123 subdomain."));
  properties.Set("generateName", string("Prefix for a server-generated name."));
  properties.Set("namespace", string("Namespace; empty: thv-render --namespace (default "
                                     "\"default\")."));
  properties.Set("labels", map("Labels: string keys and values."));
  properties.Set("annotations", map("Annotations: string keys and values."));
  Value out = Value::Mapping();
  if (!description.empty()) out.Set("description", Str(description));
  out.Set("type", Str("object"));
  out.Set("properties", std::move(properties));
  return out;
}

// The root: apiVersion and kind fixed to this version's (yaml-language-server completes them,
// and a file of another version fails), metadata as the API server's ObjectMeta (the CRD leaves
// it a bare object), the group-version-kind as kubectl's OpenAPI schemas carry it.
Value RootSchema(const CrdVersion& crd, Writer* writer) {
  const std::string api_version = crd.api_version;
  const size_t slash = api_version.find('/');
  Value root = writer->Node(*crd.schema, crd.kind);
  Value out = Value::Mapping();
  out.Set("$schema", Str("http://json-schema.org/draft-07/schema#"));
  out.Set("title", Str(std::string(crd.kind) + " " + api_version));
  for (Member& m : root.members) {
    if (m.key == "description" && crd.deprecation_warning)
      m.value.text = "Deprecated: " + std::string(crd.deprecation_warning) + ".\n\n" + m.value.text;
    if (m.key == "properties") {
      for (Member& p : m.value.members) {
        if (p.key == "apiVersion" || p.key == "kind") {
          Value one = Value::Sequence();
          one.Append(Str(p.key == "kind" ? crd.kind : api_version));
          p.value.Set("enum", std::move(one));
        } else if (p.key == "metadata") {
          p.value = MetadataSchema(writer->Described(std::string(crd.kind) + ".metadata"));
        }
      }
    }
    out.members.push_back(std::move(m));
  }
  if (!out.Find("required")) {
    Value required = Value::Sequence();
    for (const char* key : {"apiVersion", "kind"}) required.Append(Str(key));
    out.Set("required", std::move(required));
  }
  Value gvk = Value::Mapping();
  gvk.Set("group", Str(api_version.substr(0, slash)));
  gvk.Set("kind", Str(crd.kind));
  gvk.Set("version", Str(api_version.substr(slash + 1)));
  Value gvks = Value::Sequence();
  gvks.Append(std::move(gvk));
  out.Set("x-kubernetes-group-version-kind", std::move(gvks));
  return out;
}

}  // namespace

std::string JsonSchemaPath(const std::string& api_version, const std::string& kind) {
  const size_t slash = api_version.find('/');
  const std::string group = slash == std::string::npos ? "core" : api_version.substr(0, slash);
  return group + "/" + Lower(kind) + "_" + api_version.substr(slash + 1) + ".json";
}

bool IsJsonSchemaPath(const std::string& path) {
  const size_t slash = path.find('/');
  if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos) return false;
  const std::string file = path.substr(slash + 1);
  const size_t underscore = file.find('_');
  const size_t json = file.size() >= 5 ? file.size() - 5 : 0;
  auto lower_alnum = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
      return std::islower(c) || std::isdigit(c);
    });
  };
  const std::string group = path.substr(0, slash);
  return (group == kToolhiveGroup || group == kRenderGroup) && underscore != std::string::npos &&
         file.compare(json, 5, ".json") == 0 && underscore < json &&
         lower_alnum(file.substr(0, underscore)) &&
         lower_alnum(file.substr(underscore + 1, json - underscore - 1));
}

std::vector<JsonSchemaFile> CrdJsonSchemas(const CrdVersion* crds,
                                           const SchemaDescriptions* descriptions) {
  Writer writer(descriptions);
  std::vector<JsonSchemaFile> files;
  for (const CrdVersion* c = crds; c->kind; ++c) {
    files.push_back({JsonSchemaPath(c->api_version, c->kind),
                     GoJsonIndent(RootSchema(*c, &writer), "  ") + "\n"});
  }
  std::sort(files.begin(), files.end(),
            [](const JsonSchemaFile& a, const JsonSchemaFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace thv
