#include "render/quantity.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace thv {

namespace {

using Int = __int128;

const char kSyntax[] =
    "quantities must match the regular expression "
    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

enum class Format { kDecimalSI, kBinarySI, kDecimalExponent };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The suffix's base, exponent and format (suffix.go).
bool ParseSuffix(std::string_view s, int* base, int* exponent, Format* format) {
  if (s.size() <= 1) {
    static const char kLetters[] = "numkMGTPE";
    static const int kExponents[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
    int exp = 0;
    if (s.size() == 1) {
      const char* at = std::char_traits<char>::find(kLetters, 9, s[0]);
      if (!at) return false;
      exp = kExponents[at - kLetters];
    }
    *base = 10, *exponent = exp, *format = Format::kDecimalSI;
    return true;
  }
  if (s.size() == 2 && s[1] == 'i') {
    static const char kLetters[] = "KMGTPE";
    const char* at = std::char_traits<char>::find(kLetters, 6, s[0]);
    if (!at) return false;
    *base = 2, *exponent = 10 * static_cast<int>(at - kLetters + 1), *format = Format::kBinarySI;
    return true;
  }
  if (s[0] == 'e' || s[0] == 'E') {
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
  const size_t num_start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  const size_t num_end = i;
  size_t denom_start = i, denom_end = i;
  if (i < text.size() && text[i] == '.') {
    denom_start = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    denom_end = i;
  }
  const int num_digits = static_cast<int>(num_end - num_start);
  const int denom_digits = static_cast<int>(denom_end - denom_start);
  int base = 10, exponent = 0;
  Format format = Format::kDecimalSI;
  if ((num_digits == 0 && denom_digits == 0) ||
      !ParseSuffix(std::string_view(text).substr(i), &base, &exponent, &format)) {
    *err = text.empty() ? "quantities must not be empty" : kSyntax;
    return false;
  }
  // The digits of num and denom together ("shifted"), as one number.
  const int digits = num_digits + denom_digits;
  if (digits > 30) {
    *err = "quantity has too many digits";
    return false;
  }
  auto digit_at = [&](int k) {  // k-th digit of the shifted number
    return k < num_digits ? text[num_start + k] : text[denom_start + (k - num_digits)];
  };
  Int digits_value = 0;
  for (int k = 0; k < digits; ++k) digits_value = digits_value * 10 + (digit_at(k) - '0');
  const Int kMaxInt64 = INT64_MAX;
  bool canonical_input = false;
  if (format == Format::kBinarySI) {
    int precision = exponent >= 0 && denom_digits == 0
                        ? 15 - num_digits - static_cast<int>(float(exponent) * 3 / 10) - 1
                        : -1;
    canonical_input = precision >= 0 && digits_value <= kMaxInt64 &&
                      (digits_value << exponent) <= kMaxInt64 && exponent % 10 == 0 &&
                      (digits_value & 7) != 0;
  } else {
    int scale = exponent - denom_digits;
    const bool ends_000 = digits >= 3 && digit_at(digits - 1) == '0' &&
                          digit_at(digits - 2) == '0' && digit_at(digits - 3) == '0';
    canonical_input = 18 - digits >= 0 && scale >= -9 && digits_value <= kMaxInt64 &&
                      scale % 3 == 0 && !ends_000 && digit_at(0) != '0';
  }

  // value = mantissa * 10^scale, exactly (binary multipliers are integers).
  Int mantissa = digits_value;
  int scale = -denom_digits;
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

namespace {

// digits and exponent of m * 10^exponent (m > 0), trailing zeros moved into the exponent.
void SetDigits(uint64_t m, int exponent, Quantity* out) {
  for (; m % 10 == 0; m /= 10) ++exponent;
  char buffer[20];
  char* end = buffer + sizeof(buffer);
  char* begin = end;
  for (; m != 0; m /= 10) *--begin = static_cast<char>('0' + m % 10);
  out->digits.assign(begin, end);
  out->exponent = exponent;
}

// The usual forms, "500m", "2", "128Mi": an integer with an SI suffix, read without the general
// parser's 128-bit arithmetic. False when text has another form.
bool ParseIntegerQuantity(const std::string& text, Quantity* out) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  size_t start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  size_t end = i;
  if (end == start || end - start > 18) return false;
  int base = 10, exponent = 0;
  Format format = Format::kDecimalSI;
  if (text.size() - i > 2 ||
      !ParseSuffix(std::string_view(text).substr(i), &base, &exponent, &format) ||
      format == Format::kDecimalExponent)
    return false;
  uint64_t value = 0;
  for (size_t k = start; k < end; ++k) value = value * 10 + static_cast<uint64_t>(text[k] - '0');
  out->negative = negative && value != 0;
  out->digits.clear();
  out->exponent = 0;
  if (value == 0) return true;
  if (base == 2) {
    if (value >= (uint64_t{1} << (63 - exponent))) return false;  // let the general parser scale
    SetDigits(value << exponent, 0, out);
  } else {
    SetDigits(value, exponent, out);
  }
  return true;
}

}  // namespace

bool ParseQuantity(const std::string& text, Quantity* out, std::string* err) {
  if (ParseIntegerQuantity(text, out)) return true;
  Parsed p;
  if (!Parse(text, &p, err)) return false;
  Int mantissa = p.mantissa;
  int exponent = p.scale;
  out->negative = !p.positive && mantissa != 0;
  out->digits.clear();
  out->exponent = 0;
  if (mantissa == 0) return true;
  if (mantissa <= UINT64_MAX) {  // without 128-bit division
    SetDigits(static_cast<uint64_t>(mantissa), exponent, out);
    return true;
  }
  for (; mantissa % 10 == 0; mantissa /= 10) ++exponent;
  out->digits = ToString(mantissa);
  out->exponent = exponent;
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

std::string CanonicalQuantityOrText(const std::string& text) {
  std::string canonical, err;
  return CanonicalQuantity(text, &canonical, &err) ? canonical : text;
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
