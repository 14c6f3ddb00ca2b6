#include "core/yaml_tags.h"

#include <cstdint>

#include "core/utf8.h"

namespace thv {

bool DecodeGoBase64(const std::string& text, std::string* bytes, std::string* why) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    if (c != '\r' && c != '\n') s += c;
  size_t pad = 0;
  while (pad < s.size() && pad < 3 && s[s.size() - 1 - pad] == '=') ++pad;
  const size_t data = s.size() - pad;
  for (size_t i = 0; i < data; ++i) {
    const char c = s[i];
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!alphabet) {
      *why = c == '=' ? "'=' before the end"
                      : std::string("character '") + c + "' is not in the base64 alphabet";
      return false;
    }
  }
  if (s.size() % 4 != 0 || pad > 2 || (pad > 0 && data % 4 < 2)) {
    *why = "it is not whole groups of four characters (with '=' padding at the end)";
    return false;
  }
  auto value = [](char c) -> uint32_t {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
  };
  bytes->clear();
  uint32_t bits = 0;
  int count = 0;
  for (size_t i = 0; i < data; ++i) {
    bits = (bits << 6) | value(s[i]);
    count += 6;
    if (count >= 8) {
      count -= 8;
      *bytes += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return true;  // like Go's non-strict decoding, bits left over in the last group are dropped
}

std::string GoJsonString(const std::string& bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < bytes.size();) {
    const Utf8Char c = DecodeUtf8(p + i, bytes.size() - i);
    if (c.status == Utf8Status::kOk) {
      out.append(bytes, i, c.width);
      i += c.width;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

namespace {

bool IsDigit(const std::string& s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Go's getnum(s, false): one or two digits.
bool GetNum(const std::string& s, size_t* i, int* n) {
  if (!IsDigit(s, *i)) return false;
  *n = s[(*i)++] - '0';
  if (IsDigit(s, *i)) *n = *n * 10 + (s[(*i)++] - '0');
  return true;
}

int DaysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "15:4:5.999999999": hours, minutes and seconds of one or two digits in range, then an optional
// fraction of any number of digits after '.' or ','.
bool ParseClock(const std::string& s, size_t* i) {
  int hour = 0, minute = 0, second = 0;
  if (!GetNum(s, i, &hour) || hour >= 24 || *i >= s.size() || s[(*i)++] != ':') return false;
  if (!GetNum(s, i, &minute) || minute >= 60 || *i >= s.size() || s[(*i)++] != ':') return false;
  if (!GetNum(s, i, &second) || second >= 60) return false;
  if (*i + 1 < s.size() && (s[*i] == '.' || s[*i] == ',') && IsDigit(s, *i + 1)) {
    ++*i;
    while (IsDigit(s, *i)) ++*i;
  }
  return true;
}

// "Z07:00": 'Z', or a sign, two-digit hours up to 24, ':' and two-digit minutes up to 60.
bool ParseZone(const std::string& s, size_t* i) {
  if (*i < s.size() && s[*i] == 'Z') {
    ++*i;
    return true;
  }
  const size_t at = *i;
  if (s.size() - at < 6 || (s[at] != '+' && s[at] != '-') || s[at + 3] != ':') return false;
  if (!IsDigit(s, at + 1) || !IsDigit(s, at + 2) || !IsDigit(s, at + 4) || !IsDigit(s, at + 5))
    return false;
  const int hours = (s[at + 1] - '0') * 10 + (s[at + 2] - '0');
  const int minutes = (s[at + 4] - '0') * 10 + (s[at + 5] - '0');
  *i = at + 6;
  return hours <= 24 && minutes <= 60;
}

}  // namespace

bool IsGoYamlTimestamp(const std::string& s) {
  for (size_t k = 0; k < 4; ++k)
    if (!IsDigit(s, k)) return false;
  if (s.size() < 5 || s[4] != '-') return false;
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  size_t i = 5;
  int month = 0, day = 0;
  if (!GetNum(s, &i, &month) || month < 1 || month > 12) return false;
  if (i >= s.size() || s[i++] != '-' || !GetNum(s, &i, &day)) return false;
  if (day < 1 || day > DaysIn(month, year)) return false;
  if (i == s.size()) return true;  // "2006-1-2"
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
    return ParseClock(s, &i) && ParseZone(s, &i) && i == s.size();
  }
  if (s[i] != ' ') return false;
  while (i < s.size() && s[i] == ' ') ++i;  // a space in a Go layout matches a run of them
  return ParseClock(s, &i) && i == s.size();
}

}  // namespace thv
