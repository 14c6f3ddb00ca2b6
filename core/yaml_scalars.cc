// Plain YAML scalars as go-yaml v2 resolves them, and numbers as sigs.k8s.io/yaml hands them
// to encoding/json.
#include "core/yaml_scalars.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "core/json_text.h"

namespace thv {

namespace {

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// Go's strconv.ParseInt(s, 0, 64) with a ParseUint fallback, as go-yaml v2 tries them; sets
// *out to the decimal text.
bool ParseGoInt(const std::string& s, std::string* out) {
  size_t i = 0;
  bool neg = false, sign = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    sign = true;
    ++i;
  }
  int base = 10;
  if (s.size() - i >= 2 && s[i] == '0') {
    char p = static_cast<char>(s[i + 1] | 0x20);
    base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
    i += (p == 'x' || p == 'o' || p == 'b') ? 2 : 1;
  }
  if (i >= s.size()) return false;
  uint64_t mag = 0;
  for (; i < s.size(); ++i) {
    int d = DigitValue(s[i]);
    if (d >= base) return false;
    if (mag > (UINT64_MAX - d) / base) return false;
    mag = mag * base + d;
  }
  if (neg) {
    if (mag > (uint64_t{1} << 63)) return false;
    *out = mag == 0 ? "0" : "-" + std::to_string(mag);
  } else {
    if (sign && mag > static_cast<uint64_t>(INT64_MAX)) return false;  // ParseUint has no sign
    *out = std::to_string(mag);
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool IsYamlStyleFloat(const std::string& s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  size_t start = i;
  if (i < n && s[i] == '.') {
    ++i;
    start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  } else {
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
    if (i < n && s[i] == '.') {
      ++i;
      while (i < n && IsDigit(s[i])) ++i;
    }
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    start = i;
    while (i < n && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  return i == n;
}

std::string WithoutUnderscores(const std::string& s) {
  if (s.find('_') == std::string::npos) return s;
  std::string r;
  for (char c : s)
    if (c != '_') r += c;
  return r;
}

}  // namespace

bool YamlFloatText(const std::string& s, std::string* out) {
  double d = std::strtod(s.c_str(), nullptr);
  if (!std::isfinite(d)) return false;
  *out = GoFloat(d);
  return true;
}

namespace {

// What a plain scalar's first byte may start: a word (null, bool), a float like .5, a number.
enum class Start : uint8_t { kString, kWord, kDot, kNumber };
constexpr std::array<Start, 256> kStarts = [] {
  std::array<Start, 256> t{};
  for (const char* c = "~nNyYtTfFoO"; *c; ++c) t[static_cast<unsigned char>(*c)] = Start::kWord;
  for (const char* c = "+-0123456789"; *c; ++c) t[static_cast<unsigned char>(*c)] = Start::kNumber;
  t['.'] = Start::kDot;
  return t;
}();

}  // namespace

Value ResolvePlainScalar(const std::string& s) {
  if (s.empty()) return Value::Null();
  std::string text;
  switch (kStarts[static_cast<unsigned char>(s[0])]) {
    case Start::kNumber: {
      std::string plain = WithoutUnderscores(s);
      if (ParseGoInt(plain, &text)) return Value::Number(std::move(text), false);
      if (IsYamlStyleFloat(plain) && YamlFloatText(plain, &text))
        return Value::Number(std::move(text), true);
      break;
    }
    case Start::kDot:
      // .inf and .nan are go-yaml floats without a JSON form: strings here (the Builder
      // refuses them as values, and the writer quotes such strings).
      if (IsYamlStyleFloat(s) && YamlFloatText(s, &text))
        return Value::Number(std::move(text), true);
      break;
    case Start::kWord: {
      static const std::unordered_map<std::string, int> kWords = {
          {"~", 0},   {"null", 0}, {"Null", 0},  {"NULL", 0},  {"y", 1},     {"Y", 1},
          {"yes", 1}, {"Yes", 1},  {"YES", 1},   {"true", 1},  {"True", 1},  {"TRUE", 1},
          {"on", 1},  {"On", 1},   {"ON", 1},    {"n", 2},     {"N", 2},     {"no", 2},
          {"No", 2},  {"NO", 2},   {"false", 2}, {"False", 2}, {"FALSE", 2}, {"off", 2},
          {"Off", 2}, {"OFF", 2}};
      auto it = kWords.find(s);
      if (it != kWords.end()) return it->second == 0 ? Value::Null() : Value::Bool(it->second == 1);
      break;
    }
    case Start::kString:
      break;
  }
  return Value::String(s);
}

}  // namespace thv
