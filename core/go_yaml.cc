#include "core/go_yaml.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <regex>
#include <vector>

namespace thv {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// unicode.IsLetter for the keys thv-render meets: ASCII letters, and every non-ASCII rune
// (keys are names; Go's tables are not carried here).
bool IsLetterRune(uint32_t r) { return (r | 0x20) - 'a' < 26 || r >= 0x80; }
bool IsDigitRune(uint32_t r) { return r - '0' < 10; }

std::vector<uint32_t> Runes(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    uint32_t r = n == 1 ? c : c & (0x3f >> (n - 1));
    for (size_t k = 1; k < n; ++k) r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(r);
    i += n;
  }
  return out;
}

bool IsOldBool(std::string_view s) {
  static const char* const kWords[] = {"y", "Y", "yes", "Yes", "YES", "on",  "On",  "ON",
                                       "n", "N", "no",  "No",  "NO",  "off", "Off", "OFF"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

// strconv.ParseInt/ParseUint(s, 0, 64) succeeds for one of them (overflow aside: every digit
// string is a float to yaml.v3 anyway, see below).
bool IsGoInt(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  auto all = [](std::string_view d, const char* set) {
    return !d.empty() && d.find_first_not_of(set) == std::string_view::npos;
  };
  if (s.size() > 1 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    if (p == 'x') return all(s.substr(2), "0123456789abcdefABCDEF");
    if (p == 'o') return all(s.substr(2), "01234567");
    if (p == 'b') return all(s.substr(2), "01");
    return all(s.substr(1), "01234567");
  }
  return all(s, "0123456789");
}

// parseTimestamp (decode.go): four digits and '-', then one of the allowed layouts.
bool IsTimestamp(std::string_view s) {
  static const std::regex kLayouts(
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
      "(([Tt]| +)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?"
      "( *(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");
  return std::regex_match(s.begin(), s.end(), kLayouts);
}

}  // namespace

bool ParseGoDuration(std::string text, int64_t* nanoseconds) {
  std::string_view s = text;
  // Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+
  constexpr uint64_t kLimit = uint64_t{1} << 63;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") {
    *nanoseconds = 0;
    return true;
  }
  if (s.empty()) return false;
  uint64_t total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || IsDigit(s[0]))) return false;
    uint64_t v = 0;
    size_t k = 0;
    for (; k < s.size() && IsDigit(s[k]); ++k) {
      if (v > kLimit / 10) return false;
      v = v * 10 + (s[k] - '0');
      if (v > kLimit) return false;
    }
    bool pre = k > 0;
    s.remove_prefix(k);
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      for (k = 0; k < s.size() && IsDigit(s[k]); ++k) {
        if (overflow) continue;
        if (f > (kLimit - 1) / 10) {
          overflow = true;
          continue;
        }
        uint64_t y = f * 10 + (s[k] - '0');
        if (y > kLimit) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = k > 0;
      s.remove_prefix(k);
    }
    if (!pre && !post) return false;
    size_t u = 0;
    while (u < s.size() && s[u] != '.' && !IsDigit(s[u])) ++u;
    std::string_view unit_name = s.substr(0, u);
    s.remove_prefix(u);
    static const struct {
      const char* name;
      uint64_t nanos;
    } kUnits[] = {{"ns", 1},           {"us", 1000},      {"\xC2\xB5s", 1000},  // U+00B5 MICRO SIGN
                  {"\xCE\xBCs", 1000},  // U+03BC GREEK SMALL LETTER MU
                  {"ms", 1000000},     {"s", 1000000000}, {"m", 60000000000},
                  {"h", 3600000000000}};
    uint64_t unit = 0;
    for (const auto& x : kUnits)
      if (unit_name == x.name) unit = x.nanos;
    if (unit == 0) return false;
    if (v > kLimit / unit) return false;
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kLimit) return false;
    }
    total += v;
    if (total > kLimit) return false;
  }
  if (negative) {
    *nanoseconds = static_cast<int64_t>(0 - total);
    return true;
  }
  if (total > kLimit - 1) return false;
  *nanoseconds = static_cast<int64_t>(total);
  return true;
}

std::string FormatGoDuration(int64_t d) {
  if (d == 0) return "0s";
  const bool negative = d < 0;
  uint64_t u = negative ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  std::string out;
  auto fraction = [](uint64_t v, int digits, std::string* text) {
    // v's last `digits` decimal digits as a fraction, trailing zeros dropped.
    std::string frac;
    bool printed = false;
    for (int i = 0; i < digits; ++i) {
      const char digit = static_cast<char>('0' + v % 10);
      printed = printed || digit != '0';
      if (printed) frac.insert(frac.begin(), digit);
      v /= 10;
    }
    if (!frac.empty()) *text = "." + frac + *text;
    return v;
  };
  if (u < 1000000000) {
    // Under a second: ns, µs or ms with a fraction.
    int digits = 0;
    const char* unit = "ns";
    if (u >= 1000000) {
      digits = 6;
      unit = "ms";
    } else if (u >= 1000) {
      digits = 3;
      unit = "\xC2\xB5s";
    }
    out = unit;
    const uint64_t whole = fraction(u, digits, &out);
    out = std::to_string(whole) + out;
  } else {
    out = "s";
    const uint64_t seconds = fraction(u, 9, &out);
    out = std::to_string(seconds % 60) + out;
    if (seconds >= 60) {
      out = std::to_string(seconds / 60 % 60) + "m" + out;
      if (seconds >= 3600) out = std::to_string(seconds / 3600) + "h" + out;
    }
  }
  return negative ? "-" + out : out;
}

std::string YamlV3Float(double f) {
  if (std::isnan(f)) return ".nan";
  if (std::isinf(f)) return f > 0 ? ".inf" : "-.inf";
  char sci[64];
  auto r = std::to_chars(sci, sci + sizeof sci, f, std::chars_format::scientific);
  std::string s(sci, r.ptr);
  const size_t e = s.find('e');
  const int exp = std::atoi(s.c_str() + e + 1);
  if (exp < -4 || exp >= 6) return s;  // %e with the shortest digits, exponent of 2+ digits
  char fixed[64];
  r = std::to_chars(fixed, fixed + sizeof fixed, f, std::chars_format::fixed);
  return std::string(fixed, r.ptr);
}

bool YamlV3KeyLess(std::string_view as, std::string_view bs) {
  const std::vector<uint32_t> ar = Runes(as), br = Runes(bs);
  bool digits = false;
  for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
    if (ar[i] == br[i]) {
      digits = IsDigitRune(ar[i]);
      continue;
    }
    const bool al = IsLetterRune(ar[i]), bl = IsLetterRune(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    int64_t an = 0, bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      for (size_t j = i; j-- > 0 && IsDigitRune(ar[j]);) {
        if (ar[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    for (; ai < ar.size() && IsDigitRune(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
    for (; bi < br.size() && IsDigitRune(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.size() < br.size();
}

bool YamlV3NeedsQuotes(std::string_view s) {
  if (IsOldBool(s)) return true;
  static const std::regex kBase60("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  if (std::regex_match(s.begin(), s.end(), kBase60)) return true;
  static const char* const kWords[] = {"true",  "True",  "TRUE",  "false", "False", "FALSE",
                                       "",      "~",     "null",  "Null",  "NULL",  ".nan",
                                       ".NaN",  ".NAN",  ".inf",  ".Inf",  ".INF",  "+.inf",
                                       "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"};
  for (const char* w : kWords)
    if (s == w) return true;
  const char c = s[0];
  if (c == '.') {  // strconv.ParseFloat
    static const std::regex kFloat("\\.[0-9]+([eE][-+]?[0-9]+)?");
    return std::regex_match(s.begin(), s.end(), kFloat);
  }
  if (!(IsDigit(c) || c == '+' || c == '-')) return false;
  if (IsTimestamp(s)) return true;
  std::string plain;
  for (char ch : s)
    if (ch != '_') plain.push_back(ch);
  if (IsGoInt(plain)) return true;
  static const std::regex kYamlFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(plain, kYamlFloat)) return true;
  return false;
}

}  // namespace thv
