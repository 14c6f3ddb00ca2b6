// GoTypes::MarshalYaml: the engine's struct tables walked with gopkg.in/yaml.v3's rules
// (encode.go marshal, isZero; sorter.go keyList) instead of encoding/json's.
#include <algorithm>
#include <cstdlib>

#include "core/go_json.h"
#include "core/go_json_types.h"
#include "core/go_yaml.h"
#include "core/yaml_writer.h"

namespace thv {

namespace {

using Kind = GoTypes::Type::Kind;

bool Null(const Value* v) { return !v || v->IsNull(); }

Value Scalar(Value::Type type, std::string text) {
  Value v;
  v.type = type;
  v.text = std::move(text);
  return v;
}

// Members of a Go map in yaml.v3's key order.
std::vector<const Member*> SortedMembers(const Value& v) {
  std::vector<const Member*> members;
  for (const Member& m : v.members) members.push_back(&m);
  std::stable_sort(members.begin(), members.end(),
                   [](const Member* a, const Member* b) { return YamlV3KeyLess(a->key, b->key); });
  return members;
}

// A value decoded into `any` (json.Unmarshal: float64 numbers, map[string]any objects).
Value YamlAny(const Value& v) {
  switch (v.type) {
    case Value::Type::kInt:
    case Value::Type::kFloat:
      return Scalar(Value::Type::kFloat, YamlV3Float(std::strtod(v.text.c_str(), nullptr)));
    case Value::Type::kSequence: {
      Value out = Value::Sequence();
      for (const Value& item : v.items) out.Append(YamlAny(item));
      return out;
    }
    case Value::Type::kMapping: {
      Value out = Value::Mapping();
      for (const Member* m : SortedMembers(v)) out.Set(m->key, YamlAny(m->value));
      return out;
    }
    default:
      return v;
  }
}

}  // namespace

bool GoTypes::YamlZero(const Type& t, const Value* v) const {
  if (t.kind == Kind::kStruct) {
    for (const Field& f : FieldsOf(t)) {
      const Value* field = v && v->IsMapping() ? v->Find(f.json) : nullptr;
      if (!YamlZero(*f.type, field)) return false;
    }
    return true;
  }
  if (Null(v)) return true;
  switch (t.kind) {
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kBytes:
      return v->IsEmpty();
    case Kind::kString:
      return v->text.empty();
    case Kind::kBool:
      return !v->AsBool();
    case Kind::kInt:
    case Kind::kFloat64:
      return std::strtod(v->text.c_str(), nullptr) == 0;
    case Kind::kDuration:
    case Kind::kMetaDuration:
      return GoDurationOf(*v) == 0;
    default:  // a pointer or interface that is not nil
      return false;
  }
}

Value GoTypes::Yaml(const Type& t, const Value* v, const std::string& path,
                    std::string* error) const {
  switch (t.kind) {
    case Kind::kPointer:
      if (Null(v)) return Value();
      return Yaml(*t.elem, v, path, error);
    case Kind::kSlice: {
      Value out = Value::Sequence();  // a nil slice is written as []
      if (!Null(v) && v->IsSequence()) {
        for (size_t i = 0; i < v->items.size(); ++i)
          out.Append(Yaml(*t.elem, &v->items[i], path + "[" + std::to_string(i) + "]", error));
      }
      return out;
    }
    case Kind::kMap: {
      Value out = Value::Mapping();  // a nil map is written as {}
      if (!Null(v) && v->IsMapping()) {
        for (const Member* m : SortedMembers(*v))
          out.Set(m->key, Yaml(*t.elem, &m->value, path + "." + m->key, error));
      }
      return out;
    }
    case Kind::kStruct: {
      Value out = Value::Mapping();
      for (const Field& f : FieldsOf(t)) {
        const Value* field = v && v->IsMapping() ? v->Find(f.json) : nullptr;
        if (f.omitempty && YamlZero(*f.type, field)) continue;
        out.Set(std::string(f.json),
                Yaml(*f.type, field,
                     path.empty() ? std::string(f.json) : path + "." + std::string(f.json), error));
      }
      return out;
    }
    case Kind::kString:
      return Scalar(Value::Type::kString, Null(v) ? "" : v->text);
    case Kind::kBool:
      return Scalar(Value::Type::kBool, !Null(v) && v->AsBool() ? "true" : "false");
    case Kind::kInt:
      return Scalar(Value::Type::kInt, Null(v) ? "0" : v->text);
    case Kind::kFloat64:
      return Scalar(Value::Type::kFloat,
                    YamlV3Float(Null(v) ? 0 : std::strtod(v->text.c_str(), nullptr)));
    case Kind::kDuration:
      return Scalar(Value::Type::kString, FormatGoDuration(Null(v) ? 0 : GoDurationOf(*v)));
    case Kind::kMetaDuration: {
      Value out = Value::Mapping();
      out.Set("duration",
              Scalar(Value::Type::kString, FormatGoDuration(Null(v) ? 0 : GoDurationOf(*v))));
      return out;
    }
    case Kind::kAny:
      return Null(v) ? Value() : YamlAny(*v);
    default:
      if (error->empty()) *error = path + ": this Go type has no yaml.v3 form in thv-render";
      return Value();
  }
}

Value GoTypes::MarshalYaml(std::string_view name, const Value& v, std::string* error) const {
  if (!aliases_.count(name) && !structs_.count(name)) return Value::Mapping();
  return Yaml(*Root(name), &v, "", error);
}

std::string GoTypes::MarshalYamlText(std::string_view name, const Value& v,
                                     std::string* error) const {
  std::string out;
  AppendYamlV3(MarshalYaml(name, v, error), &out);
  return out;
}

}  // namespace thv
