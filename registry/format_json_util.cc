#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <system_error>

#include "registry/format_json.h"

namespace thv {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Power of ten of the leading digit of a JSON number (1e5 -> 5, 0.01 -> -2); 0 for zero.
int64_t DecimalMagnitude(const std::string& t) {
  size_t i = t[0] == '-' ? 1 : 0;
  int64_t mag = 0;
  bool found = false;
  int64_t int_digits = 0;
  for (; i < t.size() && IsDigit(t[i]); ++i, ++int_digits) {
    if (!found && t[i] != '0') {
      found = true;
      mag = -int_digits;
    }
  }
  if (found) mag += int_digits - 1;
  if (i < t.size() && t[i] == '.') {
    int64_t frac = 0;
    for (++i; i < t.size() && IsDigit(t[i]); ++i) {
      ++frac;
      if (!found && t[i] != '0') {
        found = true;
        mag = -frac;
      }
    }
  }
  if (!found) return 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool neg = i < t.size() && t[i] == '-';
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    int64_t e = 0;
    for (; i < t.size() && IsDigit(t[i]); ++i)
      e = std::min<int64_t>(e * 10 + (t[i] - '0'), 1 << 30);
    mag += neg ? -e : e;
  }
  return mag;
}

bool PlainKey(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' ||
              c == '-' || c == '$';
    if (!ok) return false;
  }
  return true;
}

void AppendPath(const JsonPath& p, bool pointer, std::string* out) {
  if (p.parent) AppendPath(*p.parent, pointer, out);
  if (p.kind == JsonPath::Kind::kRoot) return;
  if (pointer) {
    out->push_back('/');
    if (p.kind == JsonPath::Kind::kIndex) {
      out->append(std::to_string(p.index));
      return;
    }
    for (char c : p.key) {
      if (c == '~') {
        out->append("~0");
      } else if (c == '/') {
        out->append("~1");
      } else {
        out->push_back(c);
      }
    }
    return;
  }
  if (p.kind == JsonPath::Kind::kIndex) {
    out->append("[" + std::to_string(p.index) + "]");
  } else if (PlainKey(p.key)) {
    if (!out->empty()) out->push_back('.');
    out->append(p.key);
  } else {
    out->push_back('[');
    AppendGoString(p.key, out);
    out->push_back(']');
  }
}

}  // namespace

int Utf8SequenceLength(std::string_view s, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t n = s.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](size_t i, unsigned char lo, unsigned char hi) {
    return i < n && p[i] >= lo && p[i] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

void AppendUtf8(uint32_t r, std::string* out) {
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

std::string FormatJsonPath(const JsonPath& path) {
  std::string out;
  AppendPath(path, false, &out);
  return out;
}

std::string FormatJsonPointer(const JsonPath& path) {
  std::string out;
  AppendPath(path, true, &out);
  return out;
}

bool ParseGoFloat64(const std::string& text, double* out) {
  double d = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), d);
  if (res.ec == std::errc::result_out_of_range) {
    // from_chars reports underflow and overflow alike; Go only rejects overflow and rounds
    // underflow to zero, so look at the decimal magnitude to tell them apart.
    if (DecimalMagnitude(text) > 0) return false;
    d = text[0] == '-' ? -0.0 : 0.0;
  } else if (res.ec != std::errc()) {
    return false;
  }
  if (std::isinf(d)) return false;
  *out = d;
  return true;
}

std::string GoJsonFloat64(double d) {
  double a = std::fabs(d);
  bool exp = a != 0 && (a < 1e-6 || a >= 1e21);
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d,
                           exp ? std::chars_format::scientific : std::chars_format::fixed);
  std::string s(buf, res.ptr);
  if (exp) {
    size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
  }
  return s;
}

bool NormalizeGoAny(const Value& in, Value* out, std::string* err) {
  // An explicit work list: `any` values may nest 10000 levels deep (Go's limit).
  std::vector<std::pair<const Value*, Value*>> work{{&in, out}};
  std::vector<size_t> order;
  while (!work.empty()) {
    auto [src, dst] = work.back();
    work.pop_back();
    dst->mark = src->mark;
    dst->type = src->type;
    switch (src->type) {
      case Value::Type::kInt:
      case Value::Type::kFloat: {
        double d = 0;
        if (!ParseGoFloat64(src->text, &d)) {
          *err = "json: cannot unmarshal number " + src->text + " into Go value of type float64";
          return false;
        }
        dst->text = GoJsonFloat64(d);
        // Integral values print without a fraction; keep them typed as ints for readers.
        bool integral = dst->text.find_first_of(".e") == std::string::npos;
        dst->type = integral ? Value::Type::kInt : Value::Type::kFloat;
        break;
      }
      case Value::Type::kSequence:
        dst->items.clear();
        dst->items.resize(src->items.size());
        for (size_t i = 0; i < src->items.size(); ++i) {
          work.emplace_back(&src->items[i], &dst->items[i]);
        }
        break;
      case Value::Type::kMapping: {
        const std::vector<Member>& m = src->members;
        order.resize(m.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return m[a].key < m[b].key; });
        dst->members.clear();
        dst->members.reserve(order.size());  // no reallocation: children point into it
        for (size_t i = 0; i < order.size(); ++i) {
          // Of equal keys, only the last in input order survives.
          if (i + 1 < order.size() && m[order[i + 1]].key == m[order[i]].key) continue;
          dst->members.push_back(Member{m[order[i]].key, m[order[i]].key_mark, Value()});
          work.emplace_back(&m[order[i]].value, &dst->members.back().value);
        }
        break;
      }
      default:
        dst->text = src->text;
    }
  }
  return true;
}

std::string GoQuoteSingle(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "'";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      int n = Utf8SequenceLength(s, i);
      if (n == 0) {
        out += "\\x";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
        ++i;
      } else {
        out.append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\\\";
        continue;
      case '\'':
        out += "\\'";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\a':
        out += "\\a";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\v':
        out += "\\v";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out += "'";
  return out;
}

void AppendGoString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t start = 0;
  auto flush = [&](size_t i) { out->append(s.data() + start, i - start); };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
        ++i;
        continue;
      }
      flush(i);
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\b':
          out->append("\\b");
          break;
        case '\f':
          out->append("\\f");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
      }
      start = ++i;
      continue;
    }
    int n = Utf8SequenceLength(s, i);
    if (n == 0) {
      flush(i);
      out->append("\\ufffd");
      start = ++i;
      continue;
    }
    if (n == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
      flush(i);
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      start = i + 3;
    }
    i += n;
  }
  flush(s.size());
  out->push_back('"');
}

}  // namespace thv
