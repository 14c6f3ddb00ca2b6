#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <system_error>

#include "core/json_text.h"

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

// The short escape of an ASCII byte in `escapes` ("\nn\tt..." pairs), or 0.
char ShortEscape(unsigned char c, const char* escapes) {
  for (const char* e = escapes; *e; e += 2) {
    if (static_cast<unsigned char>(e[0]) == c) return e[1];
  }
  return 0;
}

void AppendHexByte(const char* prefix, unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->append(prefix);
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
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

std::string GoFloat(double d) {
  if (!std::isfinite(d)) return "null";
  // The shortest digits that round-trip, laid out as strconv's 'f' (padding with zeros, not
  // the exact binary value's digits) or, outside [1e-6, 1e21), 'e' with encoding/json's
  // "e-07" -> "e-7".
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const std::string_view sci(buf, res.ptr - buf);  // [-]D[.DDD]e[+-]XX
  const size_t e = sci.find('e');
  int exp = 0;
  std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exp);
  std::string out = std::signbit(d) ? "-" : "";
  std::string digits;
  for (size_t i = out.size(); i < e; ++i) {
    if (sci[i] != '.') digits.push_back(sci[i]);
  }
  const double a = std::fabs(d);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    out += digits[0];
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + (exp < 0 ? "e-" : "e+") + std::to_string(exp < 0 ? -exp : exp);
  }
  if (exp < 0) return out + "0." + std::string(-exp - 1, '0') + digits;
  if (digits.size() <= static_cast<size_t>(exp) + 1) {
    return out + digits + std::string(exp + 1 - digits.size(), '0');
  }
  return out + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
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
        dst->text = GoFloat(d);
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
  std::string out = "'";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : Utf8SequenceLength(s, i);
    if (n > 1) {
      out.append(s.data() + i, n);
    } else if (char e = c < 0x80 ? ShortEscape(c, "\\\\''\nn\tt\rr\aa\bb\ff\vv") : 0) {
      out.push_back('\\');
      out.push_back(e);
    } else if (c < 0x20 || c >= 0x7F) {
      AppendHexByte("\\x", c, &out);
    } else {
      out.push_back(static_cast<char>(c));
    }
    i += n ? n : 1;
  }
  out += "'";
  return out;
}

void AppendGoString(std::string_view s, std::string* out) {
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
      if (char e = ShortEscape(c, "\"\"\\\\\bb\ff\nn\rr\tt")) {
        out->push_back('\\');
        out->push_back(e);
      } else {
        AppendHexByte("\\u00", c, out);
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

void AppendGoValue(const Value& v, std::string* out, const std::string* indent) {
  // Iterative, like NormalizeGoAny: values may nest deeply.
  struct Frame {
    const Value* v;
    size_t next;
  };
  std::vector<Frame> stack;
  auto new_line = [&] {
    if (!indent) return;
    out->push_back('\n');
    for (size_t i = 0; i < stack.size(); ++i) out->append(*indent);
  };
  auto start = [&](const Value* x) {
    if (x->IsSequence() ? x->items.empty() : x->IsMapping() && x->members.empty()) {
      out->append(x->IsSequence() ? "[]" : "{}");
    } else if (x->IsSequence() || x->IsMapping()) {
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
      stack.pop_back();
      new_line();
      out->push_back(seq ? ']' : '}');
      continue;
    }
    size_t i = f.next++;
    if (i) out->push_back(',');
    new_line();
    if (!seq) {
      AppendGoString(f.v->members[i].key, out);
      out->append(indent ? ": " : ":");
    }
    start(seq ? &f.v->items[i] : &f.v->members[i].value);  // may grow the stack: f is dead
  }
}

std::string GoJsonCompact(const Value& value) {
  std::string out;
  AppendGoValue(value, &out);
  return out;
}

std::string GoJsonIndent(const Value& value, const std::string& indent) {
  std::string out;
  AppendGoValue(value, &out, &indent);
  return out;
}

}  // namespace thv
