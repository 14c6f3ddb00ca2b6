#include "registry/format_go.h"

#include <charconv>
#include <vector>

namespace thv {

void DecodeContext::Error(const Value& at, const JsonPath& path, const std::string& message) {
  ++errors;
  if (diags) diags->Error(file, at.mark, FormatJsonPath(path), message);
}

void DecodeContext::TypeError(const Value& v, const JsonPath& path, const char* want) {
  std::string got = JsonTypeName(v);
  if (v.IsNumber() && std::string(want) == "integer") got += " " + v.text;
  Error(v, path, std::string("expected ") + want + ", got " + got);
}

const char* JsonTypeName(const Value& v) {
  switch (v.type) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kBool:
      return "boolean";
    case Value::Type::kInt:
    case Value::Type::kFloat:
      return "number";
    case Value::Type::kString:
      return "string";
    case Value::Type::kSequence:
      return "array";
    case Value::Type::kMapping:
      return "object";
  }
  return "value";
}

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

void DecodeString(const Value& v, const JsonPath& path, std::string* out, DecodeContext* ctx) {
  if (v.IsString()) {
    *out = v.text;
  } else if (!v.IsNull()) {
    ctx->TypeError(v, path, "string");
  }
}

void DecodeBool(const Value& v, const JsonPath& path, bool* out, DecodeContext* ctx) {
  if (v.IsBool()) {
    *out = v.AsBool();
  } else if (!v.IsNull()) {
    ctx->TypeError(v, path, "boolean");
  }
}

void DecodeInt(const Value& v, const JsonPath& path, int64_t* out, DecodeContext* ctx) {
  if (v.IsNull()) return;
  int64_t n = 0;
  if (v.IsInt()) {
    auto res = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
    if (res.ec == std::errc() && res.ptr == v.text.data() + v.text.size()) {
      *out = n;
      return;
    }
  }
  ctx->TypeError(v, path, "integer");
}

void DecodeStrings(const Value& v, const JsonPath& path, std::vector<std::string>* out,
                   DecodeContext* ctx) {
  DecodeSlice(v, path, out, ctx, false, [&](const Value& e, const JsonPath& p, std::string* s) {
    DecodeString(e, p, s, ctx);
  });
}

void DecodeStrings(const Value& v, const JsonPath& path,
                   std::optional<std::vector<std::string>>* out, DecodeContext* ctx) {
  if (!v.IsNull() && !v.IsSequence()) return ctx->TypeError(v, path, "array");
  DecodeOptional(v, out, [&](std::vector<std::string>& s) { DecodeStrings(v, path, &s, ctx); });
}

void DecodeInts(const Value& v, const JsonPath& path, std::vector<int64_t>* out,
                DecodeContext* ctx) {
  DecodeSlice(v, path, out, ctx, false,
              [&](const Value& e, const JsonPath& p, int64_t* n) { DecodeInt(e, p, n, ctx); });
}

void DecodeStringMap(const Value& v, const JsonPath& path, std::map<std::string, std::string>* out,
                     DecodeContext* ctx) {
  if (v.IsNull()) {
    out->clear();
    return;
  }
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  for (const Member& m : v.members) {
    std::string s;  // Go zeroes the element, so null stores ""
    DecodeString(m.value, path.Key(m.key), &s, ctx);
    (*out)[m.key] = std::move(s);
  }
}

void DecodeAnyMap(const Value& v, const JsonPath& path, Value* out, DecodeContext* ctx) {
  if (v.IsNull()) {
    *out = Value();
    return;
  }
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  // Merging into the existing map equals normalizing old members followed by new ones.
  Value merged = Value::Mapping();
  merged.mark = v.mark;
  if (out->IsMapping()) merged.members = out->members;
  merged.members.insert(merged.members.end(), v.members.begin(), v.members.end());
  std::string err;
  Value norm;
  if (!NormalizeGoAny(merged, &norm, &err)) return ctx->Error(v, path, err);
  *out = std::move(norm);
}

void DecodeAny(const Value& v, const JsonPath& path, std::optional<Value>* out,
               DecodeContext* ctx) {
  if (v.IsNull()) {
    out->reset();
    return;
  }
  std::string err;
  Value norm;
  if (!NormalizeGoAny(v, &norm, &err)) return ctx->Error(v, path, err);
  *out = std::move(norm);
}

void AppendGoValue(const Value& v, std::string* out) {
  // Iterative, like NormalizeGoAny: values may nest 10000 levels deep.
  struct Frame {
    const Value* v;
    size_t next;
  };
  std::vector<Frame> stack;
  auto start = [&](const Value* x) {
    if (x->IsSequence() || x->IsMapping()) {
      out->push_back(x->IsSequence() ? '[' : '{');
      stack.push_back(Frame{x, 0});
    } else if (x->IsString()) {
      AppendGoString(x->text, out);
    } else {
      out->append(x->IsNull() ? "null" : x->text);
    }
  };
  start(&v);
  while (!stack.empty()) {
    Frame& f = stack.back();
    bool seq = f.v->IsSequence();
    size_t n = seq ? f.v->items.size() : f.v->members.size();
    if (f.next == n) {
      out->push_back(seq ? ']' : '}');
      stack.pop_back();
      continue;
    }
    size_t i = f.next++;
    if (i) out->push_back(',');
    const Value* child = seq ? &f.v->items[i] : &f.v->members[i].value;
    if (!seq) {
      AppendGoString(f.v->members[i].key, out);
      out->push_back(':');
    }
    start(child);  // may grow the stack; f is not used afterwards
  }
}

void AppendGoStrings(const std::vector<std::string>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    AppendGoString(v[i], out);
  }
  out->push_back(']');
}

std::string* GoObjectWriter::Field(std::string_view key) {
  if (!first_) out_->push_back(',');
  first_ = false;
  out_->push_back('"');
  out_->append(key);  // field names are plain ASCII tags
  out_->append("\":");
  return out_;
}

void GoObjectWriter::String(std::string_view key, const std::string& v) {
  AppendGoString(v, Field(key));
}

void GoObjectWriter::Bool(std::string_view key, bool v) {
  Field(key)->append(v ? "true" : "false");
}

void GoObjectWriter::Int(std::string_view key, int64_t v) { Field(key)->append(std::to_string(v)); }

void GoObjectWriter::Strings(std::string_view key,
                             const std::optional<std::vector<std::string>>& v) {
  if (v) {
    AppendGoStrings(*v, Field(key));
  } else {
    Field(key)->append("null");
  }
}

}  // namespace thv
