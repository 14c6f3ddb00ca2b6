#include "core/go_json.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/json_text.h"

namespace thv {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool HasOption(const GoField& f, const char* option) { return std::strstr(f.options, option); }

// A Go map: keys sorted, each value written by append_value.
template <typename AppendValue>
void AppendSortedMap(const Value& v, std::string* out, AppendValue append_value) {
  std::vector<const Member*> members;
  for (const Member& m : v.members) members.push_back(&m);
  std::sort(members.begin(), members.end(),
            [](const Member* a, const Member* b) { return a->key < b->key; });
  out->push_back('{');
  for (size_t i = 0; i < members.size(); ++i) {
    if (i) out->push_back(',');
    AppendGoString(members[i]->key, out);
    out->push_back(':');
    append_value(members[i]->value);
  }
  out->push_back('}');
}

// A generic value decoded into `any`: maps sorted, numbers as float64.
void AppendAny(const Value& v, std::string* out) {
  switch (v.type) {
    case Value::Type::kInt:
    case Value::Type::kFloat:
      out->append(GoFloat(std::strtod(v.text.c_str(), nullptr)));
      return;
    case Value::Type::kSequence:
      out->push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out->push_back(',');
        AppendAny(v.items[i], out);
      }
      out->push_back(']');
      return;
    case Value::Type::kMapping:
      AppendSortedMap(v, out, [out](const Value& member) { AppendAny(member, out); });
      return;
    default:
      out->append(GoJsonCompact(v));
  }
}

}  // namespace

bool GoKeyMatches(std::string_view key, std::string_view field) {
  if (key == field) return true;
  size_t i = 0;
  for (char f : field) {
    if (i >= key.size()) return false;
    unsigned char c = static_cast<unsigned char>(key[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if (c != static_cast<unsigned char>(f)) return false;
      ++i;
    } else if (f == 's' && key.substr(i, 2) == "\xC5\xBF") {  // U+017F LATIN SMALL LONG S
      i += 2;
    } else if (f == 'k' && key.substr(i, 3) == "\xE2\x84\xAA") {  // U+212A KELVIN SIGN
      i += 3;
    } else {
      return false;
    }
  }
  return i == key.size();
}

struct GoTypes::Field {
  std::string_view json;
  std::string key;  // "json": as written
  const Type* type;
  bool omitempty;
  bool omitzero;
};

struct GoTypes::Type {
  enum class Kind {
    kPointer,
    kAny,
    kSlice,
    kMap,
    kString,
    kBytes,
    kBool,
    kInt,
    kFloat64,
    kQuantity,
    kIntOrString,
    kTime,
    kRaw,
    kStruct
  };
  Kind kind = Kind::kStruct;
  const Type* elem = nullptr;     // kPointer, kSlice, kMap: the pointee, element or value type
  const Struct* known = nullptr;  // kStruct: its fields; other names are empty structs
  // kStruct: compiled on first use, with embedded structs' fields inlined.
  mutable bool fields_compiled = false;
  mutable std::vector<Field> fields;
};

GoTypes::GoTypes(const GoField* structs, size_t rows, const GoAlias* aliases, size_t alias_count,
                 QuantityFormatter quantity)
    : quantity_(quantity) {
  for (size_t i = 0; i < rows;) {
    const GoField* name = &structs[i++];
    while (i < rows && structs[i].type) ++i;
    structs_[name->json] = Struct{name + 1, structs + i};
  }
  for (size_t i = 0; i < alias_count; ++i) aliases_[aliases[i].first] = aliases[i].second;
}

GoTypes::~GoTypes() = default;

const GoTypes::Type* GoTypes::Compile(std::string_view expr) const {
  for (auto alias = aliases_.find(expr); alias != aliases_.end(); alias = aliases_.find(expr))
    expr = alias->second;
  if (auto it = types_.find(expr); it != types_.end()) return it->second.get();
  Type* t = types_.emplace(expr, std::make_unique<Type>()).first->second.get();
  using Kind = Type::Kind;
  if (expr == "any") {
    t->kind = Kind::kAny;
  } else if (expr == "[]byte") {
    t->kind = Kind::kBytes;
  } else if (expr[0] == '*') {
    t->kind = Kind::kPointer;
    t->elem = Compile(expr.substr(1));
  } else if (StartsWith(expr, "[]")) {
    t->kind = Kind::kSlice;
    t->elem = Compile(expr.substr(2));
  } else if (StartsWith(expr, "map[")) {
    t->kind = Kind::kMap;
    t->elem = Compile(expr.substr(expr.find(']') + 1));
  } else if (expr == "string") {
    t->kind = Kind::kString;
  } else if (expr == "bool") {
    t->kind = Kind::kBool;
  } else if (expr == "float64") {
    t->kind = Kind::kFloat64;
  } else if (expr == "int32" || expr == "int64" || expr == "int") {
    t->kind = Kind::kInt;
  } else if (expr == "resource.Quantity") {
    t->kind = Kind::kQuantity;
  } else if (expr == "intstr.IntOrString") {
    t->kind = Kind::kIntOrString;
  } else if (expr == "Time") {
    t->kind = Kind::kTime;
  } else if (expr == "json.RawMessage") {
    t->kind = Kind::kRaw;
  } else if (auto s = structs_.find(expr); s != structs_.end()) {
    t->known = &s->second;
  }
  return t;
}

const std::vector<GoTypes::Field>& GoTypes::FieldsOf(const Type& type) const {
  if (!type.fields_compiled && type.known) CompileFields(*type.known, &type.fields);
  type.fields_compiled = true;
  return type.fields;
}

void GoTypes::CompileFields(const Struct& s, std::vector<Field>* out) const {
  for (const GoField* field = s.begin; field != s.end; ++field) {
    const GoField& f = *field;
    if (!*f.json) {
      if (auto it = structs_.find(f.type); it != structs_.end()) CompileFields(it->second, out);
      continue;
    }
    std::string key;
    AppendGoString(f.json, &key);
    key.push_back(':');
    out->push_back(Field{f.json, std::move(key), Compile(f.type), HasOption(f, "omitempty"),
                         HasOption(f, "omitzero")});
  }
}

// Go's "empty" for omitempty: false, 0, "", nil pointer or interface, nil or empty slice/map.
// Structs are never empty.
bool GoTypes::IsEmpty(const Type& type, const Value* v) {
  using Kind = Type::Kind;
  const Kind k = type.kind;
  const bool container = k == Kind::kPointer || k == Kind::kSlice || k == Kind::kBytes ||
                         k == Kind::kMap || k == Kind::kRaw;
  if (!v || v->IsNull()) return container || !(k == Kind::kStruct && type.known != nullptr);
  switch (k) {
    case Kind::kPointer:
      return false;
    case Kind::kSlice:
    case Kind::kBytes:
    case Kind::kMap:
      return v->IsEmpty();
    case Kind::kRaw:  // json.RawMessage is a []byte: empty when it holds no bytes
      return false;
    case Kind::kString:
      return v->text.empty();
    case Kind::kBool:
      return !v->AsBool();
    case Kind::kInt:
    case Kind::kFloat64:
      return std::strtod(v->text.c_str(), nullptr) == 0;
    default:
      return false;
  }
}

void GoTypes::Append(const Type& type, const Value* v, std::string* out) const {
  using Kind = Type::Kind;
  const bool null = !v || v->IsNull();
  switch (type.kind) {
    case Kind::kPointer:
    case Kind::kAny:
      if (null) {
        out->append("null");
      } else if (type.kind == Kind::kAny) {
        AppendAny(*v, out);
      } else {
        Append(*type.elem, v, out);
      }
      return;
    case Kind::kSlice:
      if (null || !v->IsSequence()) {
        out->append("null");
        return;
      }
      out->push_back('[');
      for (size_t i = 0; i < v->items.size(); ++i) {
        if (i) out->push_back(',');
        Append(*type.elem, &v->items[i], out);
      }
      out->push_back(']');
      return;
    case Kind::kMap:
      if (null || !v->IsMapping()) {
        out->append("null");
        return;
      }
      AppendSortedMap(*v, out, [&](const Value& member) { Append(*type.elem, &member, out); });
      return;
    case Kind::kString:
    case Kind::kBytes:
      AppendGoString(null ? "" : v->text, out);
      return;
    case Kind::kBool:
      out->append(!null && v->AsBool() ? "true" : "false");
      return;
    case Kind::kFloat64:
      out->append(null ? "0" : GoFloat(std::strtod(v->text.c_str(), nullptr)));
      return;
    case Kind::kInt:
      out->append(null ? "0" : v->text);
      return;
    case Kind::kQuantity:
      AppendGoString(null ? "0" : quantity_ ? quantity_(v->text) : v->text, out);
      return;
    case Kind::kIntOrString:
      if (!null && v->IsString())
        AppendGoString(v->text, out);
      else
        out->append(null ? "0" : v->text);
      return;
    case Kind::kRaw:  // the JSON as given, compacted (types with their own MarshalJSON)
      AppendGoValue(null ? Value() : *v, out);
      return;
    case Kind::kTime:
      if (null || v->text.empty())
        out->append("null");
      else
        AppendGoString(v->text, out);
      return;
    case Kind::kStruct:
      break;
  }
  out->push_back('{');
  bool first = true;
  const Value* object = !null && v->IsMapping() ? v : nullptr;
  for (const Field& f : FieldsOf(type)) {
    const Value* field = object ? object->Find(f.json) : nullptr;
    if (f.omitempty && IsEmpty(*f.type, field)) continue;
    // omitzero: the zero value of a struct (in practice metav1.Time) is left out.
    if (f.omitzero && (!field || field->IsNull() || field->IsEmpty())) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append(f.key);
    Append(*f.type, field, out);
  }
  out->push_back('}');
}

std::string GoTypes::Marshal(std::string_view name, const Value& v) const {
  // Compile keeps views of the expressions it is given: pass it the tables' own copy of name.
  if (auto alias = aliases_.find(name); alias != aliases_.end()) {
    name = alias->first;
  } else if (auto s = structs_.find(name); s != structs_.end()) {
    name = s->first;
  } else {
    return "{}";
  }
  std::string out;
  Append(*Compile(name), &v, &out);
  return out;
}

}  // namespace thv
