#include "registry/format_go.h"

#include <charconv>
#include <vector>

namespace thv {

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
