#include "core/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace thv {

namespace {

void Write(const Value& v, const std::string* indent, int depth, std::string* out);

void NewLine(const std::string* indent, int depth, std::string* out) {
  if (!indent) return;
  out->push_back('\n');
  for (int i = 0; i < depth; ++i) out->append(*indent);
}

void Write(const Value& v, const std::string* indent, int depth, std::string* out) {
  switch (v.type) {
    case Value::Type::kNull:
      out->append("null");
      return;
    case Value::Type::kBool:
    case Value::Type::kInt:
    case Value::Type::kFloat:
      out->append(v.text);
      return;
    case Value::Type::kString:
      AppendGoJsonString(v.text, out);
      return;
    case Value::Type::kSequence: {
      if (v.items.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out->push_back(',');
        NewLine(indent, depth + 1, out);
        Write(v.items[i], indent, depth + 1, out);
      }
      NewLine(indent, depth, out);
      out->push_back(']');
      return;
    }
    case Value::Type::kMapping: {
      if (v.members.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i) out->push_back(',');
        NewLine(indent, depth + 1, out);
        AppendGoJsonString(v.members[i].key, out);
        out->append(indent ? ": " : ":");
        Write(v.members[i].value, indent, depth + 1, out);
      }
      NewLine(indent, depth, out);
      out->push_back('}');
      return;
    }
  }
}

}  // namespace

void AppendGoJsonString(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out->append("\\\"");
        continue;
      case '\\':
        out->append("\\\\");
        continue;
      case '\n':
        out->append("\\n");
        continue;
      case '\r':
        out->append("\\r");
        continue;
      case '\t':
        out->append("\\t");
        continue;
      case '\b':  // Go 1.22+ (the operator is built with 1.24) writes \b and \f short
        out->append("\\b");
        continue;
      case '\f':
        out->append("\\f");
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xf]);
      continue;
    }
    // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript; Go escapes them.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      continue;
    }
    out->push_back(static_cast<char>(c));
  }
  out->push_back('"');
}

std::string GoJsonCompact(const Value& value) {
  std::string out;
  Write(value, nullptr, 0, &out);
  return out;
}

std::string GoJsonIndent(const Value& value, const std::string& indent) {
  std::string out;
  Write(value, &indent, 0, &out);
  return out;
}

std::string GoFloat(double d) {
  if (!std::isfinite(d)) return "null";
  // Go uses %f-style for 1e-6 <= |d| < 1e21 and exponent form otherwise, both shortest.
  char buf[64];
  double a = std::fabs(d);
  std::chars_format fmt = (a != 0 && (a < 1e-6 || a >= 1e21)) ? std::chars_format::scientific
                                                              : std::chars_format::fixed;
  auto res = std::to_chars(buf, buf + sizeof buf, d, fmt);
  std::string s(buf, res.ptr);
  if (fmt == std::chars_format::scientific) {
    // Go cleans "e-07" to "e-7" but keeps "e+21".
    size_t e = s.find("e-0");
    if (e != std::string::npos && s.size() - e == 4) s.erase(e + 2, 1);
  }
  return s;
}

}  // namespace thv
