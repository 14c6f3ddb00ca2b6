// json.Unmarshal into C++ objects bound to Go types (rules in core/go_json.h), and the check
// that each binding holds what its Go type needs.
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/go_json.h"
#include "core/go_json_types.h"
#include "core/go_yaml.h"
#include "core/json_text.h"

namespace thv {

void GoDecodeContext::Error(const Value& at, const JsonPath& path, const std::string& message) {
  ++errors;
  if (diags) diags->Error(file, at.mark, FormatJsonPath(path), message);
}

void GoDecodeContext::TypeError(const Value& v, const JsonPath& path, const char* want) {
  std::string got = JsonTypeName(v);
  if (v.IsNumber() && (std::string(want) == "integer" || std::string(want) == "int32"))
    got += " " + v.text;
  Error(v, path, std::string("expected ") + want + ", got " + got);
}

namespace {

using Kind = GoTypes::Type::Kind;

// What JSON a Go type takes, in the messages' words (null: anything).
const char* Want(const GoTypes::Type& t) {
  if (t.kind == Kind::kPointer) return Want(*t.elem);
  if (t.kind == Kind::kInt) return t.bits == 32 ? "int32" : "integer";
  static const char* const kWant[] = {nullptr,   nullptr,  "array",  "object", "string", "string",
                                      "boolean", nullptr,  "number", "string", "string", "string",
                                      nullptr,   "string", "string", "object"};  // by Kind
  static_assert(sizeof kWant / sizeof *kWant == static_cast<size_t>(Kind::kStruct) + 1);
  return kWant[static_cast<size_t>(t.kind)];
}

// Whether v is JSON of the kind t takes (numbers are checked further when stored).
bool Fits(const GoTypes::Type& t, const Value& v) {
  const char* want = Want(t);
  if (!want) return true;
  std::string_view w = want;
  if (w == "integer" || w == "int32") return v.IsNumber();
  return w == JsonTypeName(v);
}

// The field json.Unmarshal stores key in: the exact name first, then the first field whose
// name folds to the key.
const GoTypes::Field* FieldFor(const std::vector<GoTypes::Field>& fields, std::string_view key) {
  for (const GoTypes::Field& f : fields)
    if (f.json == key) return &f;
  for (const GoTypes::Field& f : fields)
    if (GoKeyMatches(key, f.json)) return &f;
  return nullptr;
}

void DecodeInt(const GoTypes::Type& t, const Value& v, const JsonPath& path, int64_t* out,
               GoDecodeContext* ctx) {
  int64_t n = 0;
  if (v.IsInt()) {
    auto res = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
    bool fits = t.bits == 64 || (n >= INT32_MIN && n <= INT32_MAX);
    if (res.ec == std::errc() && res.ptr == v.text.data() + v.text.size() && fits) {
      *out = n;
      return;
    }
  }
  ctx->TypeError(v, path, Want(t));
}

// any, map[string]any and json.RawMessage held in a Value.
void DecodeValue(const GoTypes::Type& t, const Value& v, const JsonPath& path, Value* out,
                 GoDecodeContext* ctx) {
  if (t.kind == Kind::kRaw) {
    *out = v;
    return;
  }
  if (v.IsNull()) {
    *out = Value();
    return;
  }
  Value merged;
  const Value* in = &v;
  if (t.kind == Kind::kMap) {
    if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
    // Merging into the existing map equals normalizing old members followed by new ones.
    merged = Value::Mapping();
    merged.mark = v.mark;
    if (out->IsMapping()) merged.members = out->members;
    merged.members.insert(merged.members.end(), v.members.begin(), v.members.end());
    in = &merged;
  }
  std::string err;
  Value norm;
  if (!NormalizeGoAny(*in, &norm, &err)) return ctx->Error(v, path, err);
  *out = std::move(norm);
}

}  // namespace

void GoTypes::DecodeTyped(std::string_view type, const GoCppType* cpp, const Value& json,
                          const JsonPath& path, void* obj, GoDecodeContext* ctx) const {
  Decode(*Root(type), cpp, json, path, obj, ctx);
}

void GoTypes::Decode(const Type& t, const GoCppType* cpp, const Value& v, const JsonPath& path,
                     void* p, GoDecodeContext* ctx) const {
  if (cpp->kind == GoCppKind::kOptional) {  // a pointer, or a nil-able slice, map or any
    if (v.IsNull()) return cpp->reset(p);
    const Type& inner = t.kind == Kind::kPointer ? *t.elem : t;
    if (!Fits(inner, v)) return ctx->TypeError(v, path, Want(inner));
    return Decode(inner, cpp->elem, v, path, cpp->ensure(p), ctx);
  }
  if (cpp->kind == GoCppKind::kValue) return DecodeValue(t, v, path, static_cast<Value*>(p), ctx);
  switch (t.kind) {
    case Kind::kPointer:  // held by value: an element of []*T or map[string]*T
      if (v.IsNull()) return ctx->TypeError(v, path, Want(t));
      return Decode(*t.elem, cpp, v, path, p, ctx);
    case Kind::kSlice:
      if (v.IsNull()) return cpp->clear(p);
      if (!v.IsSequence()) return ctx->TypeError(v, path, "array");
      // Elements decode into what the slice already held at that index (Go reuses them).
      cpp->resize(p, v.items.size());
      for (size_t i = 0; i < v.items.size(); ++i) {
        Decode(*t.elem, cpp->elem, v.items[i], path.Index(i), cpp->at(p, i), ctx);
      }
      return;
    case Kind::kMap:
      if (v.IsNull()) return cpp->clear(p);
      if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
      for (const Member& m : v.members) {  // each entry replaces the key's earlier one
        JsonPath mp = path.Key(m.key);
        if (m.value.IsNull() && t.elem->kind == Kind::kPointer &&
            cpp->elem->kind != GoCppKind::kOptional) {
          ctx->TypeError(m.value, mp, Want(*t.elem));
          continue;
        }
        Decode(*t.elem, cpp->elem, m.value, mp, cpp->assign(p, m.key), ctx);
      }
      return;
    case Kind::kStruct:
      return DecodeStruct(t, v, path, p, ctx);
    case Kind::kString:
      if (v.IsString()) {
        *static_cast<std::string*>(p) = v.text;
      } else if (!v.IsNull()) {
        ctx->TypeError(v, path, "string");
      }
      return;
    case Kind::kBool:
      if (v.IsBool()) {
        *static_cast<bool*>(p) = v.AsBool();
      } else if (!v.IsNull()) {
        ctx->TypeError(v, path, "boolean");
      }
      return;
    case Kind::kInt:
      if (!v.IsNull()) DecodeInt(t, v, path, static_cast<int64_t*>(p), ctx);
      return;
    case Kind::kFloat64:
      if (v.IsNull()) return;
      if (!v.IsNumber()) return ctx->TypeError(v, path, "number");
      if (!ParseGoFloat64(v.text, static_cast<double*>(p))) {
        ctx->Error(v, path,
                   "json: cannot unmarshal number " + v.text + " into Go value of type float64");
      }
      return;
    default:
      return ctx->Error(v, path, "cannot decode this Go type");  // BindingErrors rejects it
  }
}

void GoTypes::DecodeStruct(const Type& t, const Value& v, const JsonPath& path, void* p,
                           GoDecodeContext* ctx) const {
  if (v.IsNull()) return;
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  const std::vector<Field>& fields = FieldsOf(t);
  for (const Member& m : v.members) {
    if (const Field* field = FieldFor(fields, m.key))
      Decode(*field->type, field->cpp, m.value, path.Key(m.key), field->Locate(p), ctx);
  }
}

void GoTypes::Check(std::string_view type, const Value& json, const JsonPath& path,
                    GoDecodeContext* ctx) const {
  CheckValue(*Root(type), json, path, ctx);
}

void GoTypes::CheckValue(const Type& t, const Value& v, const JsonPath& path,
                         GoDecodeContext* ctx) const {
  if (v.IsNull()) return;  // leaves a Go value as it is
  switch (t.kind) {
    case Kind::kPointer:
      return CheckValue(*t.elem, v, path, ctx);
    case Kind::kSlice:
      if (!v.IsSequence()) return ctx->TypeError(v, path, "array");
      for (size_t i = 0; i < v.items.size(); ++i)
        CheckValue(*t.elem, v.items[i], path.Index(i), ctx);
      return;
    case Kind::kMap:
      if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
      for (const Member& m : v.members) CheckValue(*t.elem, m.value, path.Key(m.key), ctx);
      return;
    case Kind::kStruct:
      if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
      for (const Member& m : v.members) {
        if (const Field* field = FieldFor(FieldsOf(t), m.key))
          CheckValue(*field->type, m.value, path.Key(m.key), ctx);
      }
      return;
    case Kind::kInt: {
      int64_t ignored = 0;
      return DecodeInt(t, v, path, &ignored, ctx);
    }
    case Kind::kQuantity:  // resource.Quantity and IntOrString take numbers too
    case Kind::kIntOrString:
      if (!v.IsString() && !v.IsNumber()) ctx->TypeError(v, path, "string");
      return;
    case Kind::kDuration:  // UnmarshalJSON: a string time.ParseDuration accepts
    case Kind::kMetaDuration: {
      if (!v.IsString()) return ctx->TypeError(v, path, "string");
      int64_t nanos = 0;
      if (!ParseGoDuration(v.text, &nanos))
        ctx->Error(v, path, "invalid duration: time: invalid duration \"" + v.text + "\"");
      return;
    }
    default:
      if (!Fits(t, v)) ctx->TypeError(v, path, Want(t));
  }
}

std::string GoTypes::BindingError(const Type& t, const GoCppType* cpp) const {
  const bool nilable = t.kind == Kind::kPointer || t.kind == Kind::kSlice || t.kind == Kind::kMap ||
                       t.kind == Kind::kAny || t.kind == Kind::kRaw;
  if (cpp->kind == GoCppKind::kOptional) {
    if (!nilable) return "std::optional holds a Go type that cannot be nil";
    return BindingError(t.kind == Kind::kPointer ? *t.elem : t, cpp->elem);
  }
  if (cpp->kind == GoCppKind::kValue) {
    bool any_map = t.kind == Kind::kMap && t.elem->kind == Kind::kAny;
    if (t.kind == Kind::kAny || t.kind == Kind::kRaw || any_map) return "";
    return "a Value holds any, map[string]any or json.RawMessage only";
  }
  struct Pair {
    Kind go;
    GoCppKind cpp;
  };
  static constexpr Pair kPairs[] = {
      {Kind::kSlice, GoCppKind::kVector},  {Kind::kMap, GoCppKind::kMap},
      {Kind::kStruct, GoCppKind::kStruct}, {Kind::kString, GoCppKind::kString},
      {Kind::kBool, GoCppKind::kBool},     {Kind::kInt, GoCppKind::kInt64},
      {Kind::kFloat64, GoCppKind::kDouble}};
  if (t.kind == Kind::kPointer) return BindingError(*t.elem, cpp);  // an element held by value
  for (const Pair& pair : kPairs) {
    if (pair.go != t.kind) continue;
    if (pair.cpp != cpp->kind) return "the C++ type does not hold this Go kind";
    if (t.kind == Kind::kStruct && t.name != cpp->go_struct) {
      return "holds " + std::string(cpp->go_struct) + ", not " + std::string(t.name);
    }
    return t.elem ? BindingError(*t.elem, cpp->elem) : "";
  }
  return "this Go type cannot be bound to C++";
}

std::vector<std::string> GoTypes::BindingErrors() const {
  std::vector<std::string> errors;
  for (const auto& [name, s] : structs_) {
    bool bound = s.begin != s.end && s.begin->cpp;
    for (const GoField* f = s.begin; f != s.end; ++f) {
      std::string where = std::string(name) + "." + (*f->json ? f->json : f->type) + ": ";
      if (!bound) continue;
      if (!f->cpp || !f->at) {
        errors.push_back(where + "not bound");
        continue;
      }
      const Type& t = *Compile(f->type);
      std::string err = BindingError(t, f->cpp);
      bool optional = f->cpp->kind == GoCppKind::kOptional;
      if (err.empty() && t.kind == Kind::kPointer && !optional) {
        err = "a pointer field needs std::optional";
      } else if (err.empty() && !std::strstr(f->options, "omitempty") && !optional &&
                 (t.kind == Kind::kSlice || t.kind == Kind::kMap) &&
                 f->cpp->kind != GoCppKind::kValue) {
        err = "without omitempty, nil and empty marshal differently: needs std::optional";
      }
      if (!err.empty()) errors.push_back(where + err);
    }
  }
  return errors;
}

}  // namespace thv
