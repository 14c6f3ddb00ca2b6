#include "render/quantity.h"

#include <cstdint>

namespace thv {

namespace {

using Int = __int128;

const char kSyntax[] =
    "quantities must match the regular expression "
    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

enum class Format { kDecimalSI, kBinarySI, kDecimalExponent };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The suffix's base, exponent and format (suffix.go).
bool ParseSuffix(const std::string& s, int* base, int* exponent, Format* format) {
  static const std::pair<const char*, int> kDecimal[] = {{"", 0},   {"n", -9}, {"u", -6}, {"m", -3},
                                                         {"k", 3},  {"M", 6},  {"G", 9},  {"T", 12},
                                                         {"P", 15}, {"E", 18}};
  static const std::pair<const char*, int> kBinary[] = {{"Ki", 10}, {"Mi", 20}, {"Gi", 30},
                                                        {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
  for (const auto& [name, exp] : kDecimal) {
    if (s == name) {
      *base = 10, *exponent = exp, *format = Format::kDecimalSI;
      return true;
    }
  }
  for (const auto& [name, exp] : kBinary) {
    if (s == name) {
      *base = 2, *exponent = exp, *format = Format::kBinarySI;
      return true;
    }
  }
  if (s.size() >= 2 && (s[0] == 'e' || s[0] == 'E')) {
    size_t i = 1;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') negative = s[i++] == '-';
    if (i == s.size() || s.size() - i > 4) return false;
    int value = 0;
    for (; i < s.size(); ++i) {
      if (!IsDigit(s[i])) return false;
      value = value * 10 + (s[i] - '0');
    }
    *base = 10, *exponent = negative ? -value : value, *format = Format::kDecimalExponent;
    return true;
  }
  return false;
}

std::string ToString(Int v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  if (negative) v = -v;
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return negative ? "-" + s : s;
}

bool EndsWith(const std::string& s, const char* suffix) {
  std::string x = suffix;
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

// The value as parseQuantityString and ParseQuantity leave it: magnitude mantissa * 10^scale,
// rounded up to nano precision.
struct Parsed {
  bool positive = true;
  Int mantissa = 0;
  int scale = 0;
  Format format = Format::kDecimalSI;
  bool canonical_input = false;  // Go keeps the caller's string (ParseQuantity's fast path)
};

bool Parse(const std::string& text, Parsed* out, std::string* err) {
  // parseQuantityString: sign, integer digits, fraction digits, suffix.
  size_t i = 0;
  bool positive = true;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) positive = text[i++] == '+';
  size_t num_start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  std::string num = text.substr(num_start, i - num_start);
  std::string denom;
  if (i < text.size() && text[i] == '.') {
    size_t d = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    denom = text.substr(d, i - d);
  }
  int base = 10, exponent = 0;
  Format format = Format::kDecimalSI;
  if ((num.empty() && denom.empty()) || !ParseSuffix(text.substr(i), &base, &exponent, &format)) {
    *err = text.empty() ? "quantities must not be empty" : kSyntax;
    return false;
  }
  std::string shifted = num + denom;
  if (shifted.size() > 30) {
    *err = "quantity has too many digits";
    return false;
  }

  const int digits = static_cast<int>(shifted.size());
  Int digits_value = 0;
  for (char c : shifted) digits_value = digits_value * 10 + (c - '0');
  const Int kMaxInt64 = INT64_MAX;
  bool canonical_input = false;
  if (format == Format::kBinarySI) {
    int precision =
        exponent >= 0 && denom.empty()
            ? 15 - static_cast<int>(num.size()) - static_cast<int>(float(exponent) * 3 / 10) - 1
            : -1;
    canonical_input = precision >= 0 && digits_value <= kMaxInt64 &&
                      (digits_value << exponent) <= kMaxInt64 && exponent % 10 == 0 &&
                      (digits_value & 7) != 0;
  } else {
    int scale = exponent - static_cast<int>(denom.size());
    canonical_input = 18 - digits >= 0 && scale >= -9 && digits_value <= kMaxInt64 &&
                      scale % 3 == 0 && !EndsWith(shifted, "000") && shifted[0] != '0';
  }

  // value = mantissa * 10^scale, exactly (binary multipliers are integers).
  Int mantissa = digits_value;
  int scale = -static_cast<int>(denom.size());
  if (base == 2) {
    if (exponent > 60 || mantissa > (Int(1) << 62)) {
      *err = "quantity too large";
      return false;
    }
    mantissa <<= exponent;
  } else {
    scale += exponent;
  }
  // (Only the canonical formatting below needs the range; a canonical input keeps its text.)
  if (!canonical_input && (scale > 30 || scale < -60)) {
    *err = "quantity exponent out of range";
    return false;
  }
  // Round up (away from zero) to nano precision. A mantissa has at most 30 digits, so a larger
  // divisor (which would overflow) rounds any non-zero value to 1n.
  if (scale < -9) {
    if (-9 - scale > 30) {
      mantissa = mantissa > 0 ? 1 : 0;
    } else {
      Int divisor = 1;
      for (int k = scale; k < -9; ++k) divisor *= 10;
      mantissa = (mantissa + divisor - 1) / divisor;
    }
    scale = -9;
  }
  *out = Parsed{positive, mantissa, scale, format, canonical_input};
  return true;
}

}  // namespace

bool ParseQuantity(const std::string& text, Quantity* out, std::string* err) {
  Parsed p;
  if (!Parse(text, &p, err)) return false;
  Int mantissa = p.mantissa;
  int exponent = p.scale;
  while (mantissa != 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    ++exponent;
  }
  out->negative = !p.positive && mantissa != 0;
  out->digits = mantissa == 0 ? std::string() : ToString(mantissa);
  out->exponent = mantissa == 0 ? 0 : exponent;
  return true;
}

int CompareQuantities(const Quantity& a, const Quantity& b) {
  const int sign_a = a.digits.empty() ? 0 : a.negative ? -1 : 1;
  const int sign_b = b.digits.empty() ? 0 : b.negative ? -1 : 1;
  if (sign_a != sign_b || sign_a == 0) return sign_a < sign_b ? -1 : sign_a > sign_b ? 1 : 0;
  // Same sign: compare magnitudes by the position of the leading digit, then digit by digit.
  int magnitude = 0;
  const long top_a = static_cast<long>(a.digits.size()) + a.exponent;
  const long top_b = static_cast<long>(b.digits.size()) + b.exponent;
  if (top_a != top_b) {
    magnitude = top_a < top_b ? -1 : 1;
  } else {
    const int c = a.digits.compare(b.digits);  // no trailing zeros: plain string order
    magnitude = c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return sign_a * magnitude;
}

bool CanonicalQuantity(const std::string& text, std::string* canonical, std::string* err) {
  Parsed p;
  if (!Parse(text, &p, err)) return false;
  if (p.canonical_input) {
    *canonical = text;
    return true;
  }
  const bool positive = p.positive;
  Int mantissa = p.mantissa;
  int scale = p.scale;
  Format format = p.format;
  if (mantissa == 0) {
    *canonical = "0";
    return true;
  }

  // BinarySI only when the value is an integer of magnitude >= 1024.
  if (format == Format::kBinarySI) {
    Int integer = mantissa;
    bool exact = true;
    for (int k = scale; k < 0; ++k) {
      exact = exact && integer % 10 == 0;
      integer /= 10;
    }
    for (int k = 0; k < scale; ++k) integer *= 10;
    if (exact && integer >= 1024) {
      int power = 0;
      while (integer % 1024 == 0 && power < 6) {
        integer /= 1024;
        ++power;
      }
      static const char* kSuffix[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
      *canonical = (positive ? "" : "-") + ToString(integer) + kSuffix[power];
      return true;
    }
    format = Format::kDecimalSI;
  }

  // AsCanonicalBytes: drop trailing zeros, then lower the exponent to a multiple of three.
  while (mantissa % 10 == 0) {
    mantissa /= 10;
    ++scale;
  }
  int rem = ((scale % 3) + 3) % 3;
  for (int k = 0; k < rem; ++k) mantissa *= 10;
  scale -= rem;
  std::string suffix;
  if (format == Format::kDecimalExponent) {
    if (scale != 0) suffix = "e" + std::to_string(scale);
  } else {
    while (scale > 18) {  // beyond E: keep the largest suffix
      mantissa *= 1000;
      scale -= 3;
    }
    static const char* kSuffix[] = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
    suffix = kSuffix[(scale + 9) / 3];
  }
  *canonical = (positive ? "" : "-") + ToString(mantissa) + suffix;
  return true;
}

}  // namespace thv
