// The engine's shared parts: compiling Go type expressions and the marshal walker, which serves
// both Value trees and C++ objects (two small "Ref" views with the same operations).
#include "core/go_json.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "core/go_json_types.h"
#include "core/go_yaml.h"
#include "core/json_text.h"

namespace thv {

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

int64_t GoDurationOf(const Value& v) {
  int64_t nanos = 0;
  if (v.IsString() && ParseGoDuration(v.text, &nanos)) return nanos;
  return 0;
}

namespace {

using Kind = GoTypes::Type::Kind;

void Put(std::string* out, std::string_view text) { out->append(text); }

// A Value tree read as a Go value: null or absent is the zero value.
struct ValueRef {
  const Value* v;
  bool Null() const { return !v || v->IsNull(); }
};

// A C++ object holding a Go value, described by cpp (never an optional or a Value: the walker
// unwraps those first).
struct TypedRef {
  const void* p;
  const GoCppType* cpp;
  bool present = false;  // unwrapped from a std::optional: a slice or map that is not nil
};

bool IsNil(Kind k, ValueRef r) {
  if (r.Null()) return true;
  return (k == Kind::kSlice && !r.v->IsSequence()) || (k == Kind::kMap && !r.v->IsMapping());
}
// A plain vector or map holds a nil-able slice or map only under omitempty, or as an element
// (generated structs use std::optional elsewhere): empty is nil there.
bool IsNil(Kind, TypedRef r) {
  return !r.present && (r.cpp->kind == GoCppKind::kVector || r.cpp->kind == GoCppKind::kMap) &&
         r.cpp->size(r.p) == 0;
}

size_t Size(ValueRef r) { return r.v->items.size(); }
size_t Size(TypedRef r) { return r.cpp->size(r.p); }
ValueRef Item(ValueRef r, size_t i) { return ValueRef{&r.v->items[i]}; }
TypedRef Item(TypedRef r, size_t i) {
  return TypedRef{r.cpp->at(const_cast<void*>(r.p), i), r.cpp->elem};
}

// A Go map's entries in key order.
template <typename F>
void EachSorted(ValueRef r, F&& fn) {
  std::vector<const Member*> members;
  members.reserve(r.v->members.size());
  for (const Member& m : r.v->members) members.push_back(&m);
  std::sort(members.begin(), members.end(),
            [](const Member* a, const Member* b) { return a->key < b->key; });
  for (const Member* m : members) fn(m->key, ValueRef{&m->value});
}
template <typename F>
void EachSorted(TypedRef r, F&& fn) {
  struct Ctx {
    F* fn;
    const GoCppType* elem;
  } ctx{&fn, r.cpp->elem};
  r.cpp->each(r.p, &ctx, [](void* c, const std::string& key, const void* elem) {
    Ctx* x = static_cast<Ctx*>(c);
    (*x->fn)(key, TypedRef{elem, x->elem});
  });
}

ValueRef FieldOf(ValueRef r, const GoTypes::Field& f) {
  return ValueRef{r.v && r.v->IsMapping() ? r.v->Find(f.json) : nullptr};
}
TypedRef FieldOf(TypedRef r, const GoTypes::Field& f) {
  return TypedRef{f.Locate(const_cast<void*>(r.p)), f.cpp};
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
    case Value::Type::kMapping: {
      out->push_back('{');
      bool first = true;
      EachSorted(ValueRef{&v}, [&](const std::string& key, ValueRef e) {
        if (!first) out->push_back(',');
        first = false;
        AppendGoString(key, out);
        out->push_back(':');
        AppendAny(*e.v, out);
      });
      out->push_back('}');
      return;
    }
    default:
      AppendGoValue(v, out);
  }
}

}  // namespace

GoTypes::GoTypes(const GoField* structs, size_t rows, const GoAlias* aliases, size_t alias_count,
                 QuantityFormatter quantity)
    : quantity_(quantity) {
  for (size_t i = 0; i < rows;) {
    const GoField* name = &structs[i++];
    while (i < rows && structs[i].type) ++i;
    structs_[name->json] = Struct{name + 1, structs + i};
  }
  for (size_t i = 0; i < alias_count; ++i) {
    if (aliases[i].first) aliases_[aliases[i].first] = aliases[i].second;
  }
}

GoTypes::~GoTypes() = default;

const GoTypes::Type* GoTypes::Compile(std::string_view expr) const {
  for (auto alias = aliases_.find(expr); alias != aliases_.end(); alias = aliases_.find(expr))
    expr = alias->second;
  if (auto it = types_.find(expr); it != types_.end()) return it->second.get();
  Type* t = types_.emplace(expr, std::make_unique<Type>()).first->second.get();
  static const struct {
    std::string_view name;
    Kind kind;
    int bits;
  } kBuiltins[] = {{"string", Kind::kString, 0},
                   {"bool", Kind::kBool, 0},
                   {"int", Kind::kInt, 64},
                   {"int64", Kind::kInt, 64},
                   {"int32", Kind::kInt, 32},
                   {"float64", Kind::kFloat64, 0},
                   {"any", Kind::kAny, 0},
                   {"[]byte", Kind::kBytes, 0},
                   {"Time", Kind::kTime, 0},
                   {"resource.Quantity", Kind::kQuantity, 0},
                   {"intstr.IntOrString", Kind::kIntOrString, 0},
                   {"json.RawMessage", Kind::kRaw, 0},
                   {"Duration", Kind::kDuration, 0},
                   {"metav1.Duration", Kind::kMetaDuration, 0}};
  for (const auto& b : kBuiltins) {
    if (expr == b.name) {
      t->kind = b.kind;
      t->bits = b.bits;
      return t;
    }
  }
  if (!expr.empty() && expr[0] == '*') {
    t->kind = Kind::kPointer;
    t->elem = Compile(expr.substr(1));
  } else if (expr.substr(0, 2) == "[]") {
    t->kind = Kind::kSlice;
    t->elem = Compile(expr.substr(2));
  } else if (expr.substr(0, 4) == "map[") {
    t->kind = Kind::kMap;
    t->elem = Compile(expr.substr(expr.find(']') + 1));
  } else {
    t->name = expr;
    if (auto s = structs_.find(expr); s != structs_.end()) t->known = &s->second;
  }
  return t;
}

// Compile keeps views of the expressions it is given: callers' expressions are copied once.
const GoTypes::Type* GoTypes::Root(std::string_view expr) const {
  if (auto it = types_.find(expr); it != types_.end()) return it->second.get();
  if (auto a = aliases_.find(expr); a != aliases_.end()) return Compile(a->first);
  if (auto s = structs_.find(expr); s != structs_.end()) return Compile(s->first);
  expressions_.emplace_back(expr);
  return Compile(expressions_.back());
}

const std::vector<GoTypes::Field>& GoTypes::FieldsOf(const Type& type) const {
  if (!type.fields_compiled && type.known) CompileFields(*type.known, &type.fields, nullptr);
  type.fields_compiled = true;
  return type.fields;
}

void GoTypes::CompileFields(const Struct& s, std::vector<Field>* out, const Field* via) const {
  for (const GoField* f = s.begin; f != s.end; ++f) {
    Field field;
    if (via) field.at = via->at;
    if (f->at) field.at.push_back(f->at);
    if (!*f->json) {
      if (auto it = structs_.find(f->type); it != structs_.end())
        CompileFields(it->second, out, &field);
      continue;
    }
    field.json = f->json;
    AppendGoString(f->json, &field.key);
    field.key.push_back(':');
    field.type = Compile(f->type);
    field.omitempty = std::strstr(f->options, "omitempty");
    field.omitzero = std::strstr(f->options, "omitzero");
    field.cpp = f->cpp;
    out->push_back(std::move(field));
  }
}

namespace {

// Go's "empty" for omitempty: false, 0, "", nil pointer or interface, nil or empty slice/map.
// Structs are never empty.
bool IsEmpty(const GoTypes::Type& type, ValueRef r) {
  const Kind k = type.kind;
  const bool container = k == Kind::kPointer || k == Kind::kSlice || k == Kind::kBytes ||
                         k == Kind::kMap || k == Kind::kRaw;
  if (r.Null()) return container || !(k == Kind::kStruct && type.known != nullptr);
  switch (k) {
    case Kind::kSlice:
    case Kind::kBytes:
    case Kind::kMap:
      return r.v->IsEmpty();
    case Kind::kString:
      return r.v->text.empty();
    case Kind::kBool:
      return !r.v->AsBool();
    case Kind::kInt:
    case Kind::kFloat64:
      return std::strtod(r.v->text.c_str(), nullptr) == 0;
    case Kind::kDuration:
    case Kind::kMetaDuration:
      return GoDurationOf(*r.v) == 0;
    default:
      return false;
  }
}

// omitzero: in Value mode only metav1.Time uses it, whose zero value is absent or empty.
bool IsZero(const GoTypes&, const GoTypes::Type&, ValueRef r) { return r.Null() || r.v->IsEmpty(); }

bool IsEmpty(const GoTypes::Type& type, TypedRef r) {
  switch (r.cpp->kind) {
    case GoCppKind::kOptional:
      if (!r.cpp->has(r.p)) return true;
      return type.kind != Kind::kPointer && IsEmpty(type, TypedRef{r.cpp->get(r.p), r.cpp->elem});
    case GoCppKind::kValue: {  // an interface is empty only when nil
      const Value* v = static_cast<const Value*>(r.p);
      return type.kind == Kind::kAny ? v->IsNull() : v->IsEmpty();
    }
    case GoCppKind::kVector:
    case GoCppKind::kMap:
      return r.cpp->size(r.p) == 0;
    case GoCppKind::kString:
      return static_cast<const std::string*>(r.p)->empty();
    case GoCppKind::kBool:
      return !*static_cast<const bool*>(r.p);
    case GoCppKind::kInt64:
      return *static_cast<const int64_t*>(r.p) == 0;
    case GoCppKind::kDouble:
      return *static_cast<const double*>(r.p) == 0;
    case GoCppKind::kStruct:
      return false;
  }
  return false;
}

// Go 1.24's omitzero: the zero value (nil, not merely empty; structs whose fields all are).
bool IsZero(const GoTypes& types, const GoTypes::Type& type, TypedRef r) {
  if (r.cpp->kind == GoCppKind::kOptional) return !r.cpp->has(r.p);
  if (r.cpp->kind == GoCppKind::kValue) return static_cast<const Value*>(r.p)->IsNull();
  if (r.cpp->kind != GoCppKind::kStruct) return IsEmpty(type, r);
  for (const GoTypes::Field& f : types.FieldsOf(type)) {
    if (!IsZero(types, *f.type, FieldOf(r, f))) return false;
  }
  return true;
}

void AppendScalar(const GoTypes::Type& type, ValueRef r, GoTypes::QuantityFormatter quantity,
                  std::string* out) {
  const bool null = r.Null();
  const Value* v = r.v;
  switch (type.kind) {
    case Kind::kString:
    case Kind::kBytes:
      return AppendGoString(null ? "" : v->text, out);
    case Kind::kBool:
      return Put(out, !null && v->AsBool() ? "true" : "false");
    case Kind::kFloat64:
      return Put(out, null ? "0" : GoFloat(std::strtod(v->text.c_str(), nullptr)));
    case Kind::kInt:
      return Put(out, null ? "0" : v->text);
    case Kind::kQuantity:
      return AppendGoString(null ? "0" : quantity ? quantity(v->text) : v->text, out);
    case Kind::kIntOrString:
      if (!null && v->IsString()) return AppendGoString(v->text, out);
      return Put(out, null ? "0" : v->text);
    case Kind::kTime:
      if (null || v->text.empty()) return Put(out, "null");
      return AppendGoString(v->text, out);
    case Kind::kRaw:  // the JSON as given, compacted (types with their own MarshalJSON)
      return AppendGoValue(null ? Value() : *v, out);
    case Kind::kAny:
      if (null) return Put(out, "null");
      return AppendAny(*v, out);
    case Kind::kDuration:  // MarshalJSON: the String() form, quoted
    case Kind::kMetaDuration:
      return AppendGoString(FormatGoDuration(null ? 0 : GoDurationOf(*v)), out);
    default:
      return Put(out, "null");
  }
}

void AppendScalar(const GoTypes::Type&, TypedRef r, GoTypes::QuantityFormatter, std::string* out) {
  switch (r.cpp->kind) {
    case GoCppKind::kString:
      return AppendGoString(*static_cast<const std::string*>(r.p), out);
    case GoCppKind::kBool:
      return Put(out, *static_cast<const bool*>(r.p) ? "true" : "false");
    case GoCppKind::kInt64: {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, *static_cast<const int64_t*>(r.p));
      return Put(out, std::string_view(buf, res.ptr - buf));
    }
    case GoCppKind::kDouble:
      return Put(out, GoFloat(*static_cast<const double*>(r.p)));
    default:
      return Put(out, "null");  // not reached for bindings BindingErrors accepts
  }
}

}  // namespace

template <typename Ref>
void GoTypes::Append(const Type& t, Ref ref, std::string* out) const {
  if constexpr (std::is_same_v<Ref, TypedRef>) {
    if (ref.cpp->kind == GoCppKind::kOptional) {  // nil, or what the pointer points at
      if (!ref.cpp->has(ref.p)) return Put(out, "null");
      return Append(t.kind == Kind::kPointer ? *t.elem : t,
                    TypedRef{ref.cpp->get(ref.p), ref.cpp->elem, true}, out);
    }
    if (ref.cpp->kind == GoCppKind::kValue) {  // any, map[string]any: a normalized Value
      return Append(t, ValueRef{static_cast<const Value*>(ref.p)}, out);
    }
  }
  switch (t.kind) {
    case Kind::kPointer:
      if (IsNil(t.kind, ref)) return Put(out, "null");
      return Append(*t.elem, ref, out);  // a typed []*T element is held by value
    case Kind::kSlice:
      if (IsNil(t.kind, ref)) return Put(out, "null");
      out->push_back('[');
      for (size_t i = 0, n = Size(ref); i < n; ++i) {
        if (i) out->push_back(',');
        Append(*t.elem, Item(ref, i), out);
      }
      out->push_back(']');
      return;
    case Kind::kMap: {
      if (IsNil(t.kind, ref)) return Put(out, "null");
      out->push_back('{');
      bool first = true;
      EachSorted(ref, [&](const std::string& key, Ref e) {
        if (!first) out->push_back(',');
        first = false;
        AppendGoString(key, out);
        out->push_back(':');
        Append(*t.elem, e, out);
      });
      out->push_back('}');
      return;
    }
    case Kind::kStruct:
      break;
    default:
      return AppendScalar(t, ref, quantity_, out);
  }
  out->push_back('{');
  bool first = true;
  for (const Field& f : FieldsOf(t)) {
    Ref field = FieldOf(ref, f);
    if (f.omitempty && IsEmpty(*f.type, field)) continue;
    if (f.omitzero && IsZero(*this, *f.type, field)) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append(f.key);
    Append(*f.type, field, out);
  }
  out->push_back('}');
}

std::string GoTypes::Marshal(std::string_view name, const Value& v) const {
  if (!aliases_.count(name) && !structs_.count(name)) return "{}";
  std::string out;
  Append(*Root(name), ValueRef{&v}, &out);
  return out;
}

void GoTypes::AppendTyped(std::string_view type, const GoCppType* cpp, const void* obj,
                          std::string* out) const {
  Append(*Root(type), TypedRef{obj, cpp}, out);
}

}  // namespace thv
