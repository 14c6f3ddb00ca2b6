#include "model/formats.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "model/names.h"

namespace thv {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int Unhex(char c) { return IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

bool StartsWith(const std::string& s, const char* prefix) {
  return s.compare(0, std::strlen(prefix), prefix) == 0;
}

// Go net/url shouldEscape(c, encodeHost): false for the bytes a host may hold as they are.
bool HostByteNeedsEscape(unsigned char c) {
  return !(IsAlnum(static_cast<char>(c)) || (c != 0 && std::strchr("!$&'()*+,;=:[]<>\"-_.~", c)));
}

enum class Escaping { kPath, kUserPassword, kHost, kZone };

// Go net/url unescape(s, mode) succeeds: every % starts a hex pair; a host %-encodes only
// non-ASCII bytes (or %25) and holds only host bytes; a zone may not encode bytes a host could
// not hold.
bool Unescapes(const std::string& s, Escaping mode, std::string* err) {
  const bool host = mode == Escaping::kHost || mode == Escaping::kZone;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) {
        *err = "invalid URL escape " + GoQuote(s.substr(i, 3));
        return false;
      }
      const bool percent25 = s.compare(i, 3, "%25") == 0;
      bool bad = mode == Escaping::kHost && Unhex(s[i + 1]) < 8 && !percent25;
      if (mode == Escaping::kZone) {
        const unsigned char v = static_cast<unsigned char>(Unhex(s[i + 1]) << 4 | Unhex(s[i + 2]));
        bad = !percent25 && v != ' ' && HostByteNeedsEscape(v);
      }
      if (bad) {
        *err = "invalid URL escape " + GoQuote(s.substr(i, 3));
        return false;
      }
      i += 3;
    } else {
      if (host && c < 0x80 && HostByteNeedsEscape(c)) {
        *err = "invalid character " + GoQuote(s.substr(i, 1)) + " in host name";
        return false;
      }
      ++i;
    }
  }
  return true;
}

// Go net/url validOptionalPort: "" or ":" and digits.
bool ValidOptionalPort(const std::string& port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  for (size_t i = 1; i < port.size(); ++i)
    if (!IsDigit(port[i])) return false;
  return true;
}

// Go net/url parseHost; the host as written in *out (its escapes are not decoded: only whether
// it is empty matters to callers).
bool ParsesAsHost(const std::string& host, std::string* out, std::string* err) {
  *out = host;
  auto bad_port = [&](const std::string& port) {
    *err = "invalid port " + GoQuote(port) + " after host";
    return false;
  };
  if (!host.empty() && host[0] == '[') {
    const size_t close = host.rfind(']');
    if (close == std::string::npos) {
      *err = "missing ']' in host";
      return false;
    }
    if (!ValidOptionalPort(host.substr(close + 1))) return bad_port(host.substr(close + 1));
    const size_t zone = host.substr(0, close).find("%25");
    if (zone != std::string::npos) {
      return Unescapes(host.substr(0, zone), Escaping::kHost, err) &&
             Unescapes(host.substr(zone, close - zone), Escaping::kZone, err) &&
             Unescapes(host.substr(close), Escaping::kHost, err);
    }
  } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
    if (!ValidOptionalPort(host.substr(colon))) return bad_port(host.substr(colon));
  }
  return Unescapes(host, Escaping::kHost, err);
}

// Go net/url validUserinfo (runes: anything non-ASCII fails).
bool ValidUserinfo(const std::string& s) {
  for (char c : s)
    if (!IsAlnum(c) && !std::strchr("-._:~!$&'()*+,;=%@", c)) return false;
  return true;
}

// Go net/url parseAuthority.
bool ParsesAsAuthority(const std::string& authority, std::string* host, std::string* err) {
  const size_t at = authority.rfind('@');
  if (!ParsesAsHost(at == std::string::npos ? authority : authority.substr(at + 1), host, err))
    return false;
  if (at == std::string::npos) return true;
  const std::string userinfo = authority.substr(0, at);
  if (!ValidUserinfo(userinfo)) {
    *err = "net/url: invalid userinfo";
    return false;
  }
  // The user and password are unescaped apart; a ':' is never an escape, so checking the whole
  // is the same.
  return Unescapes(userinfo, Escaping::kUserPassword, err);
}

}  // namespace

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// kube-openapi strfmt.ParseDuration's fallback after time.ParseDuration: every match of
// `(\d+)\s*([A-Za-zµ]+)` whose lowercased unit names a unit (or starts with a group's long
// name) counts; at least one must, and every count must fit an int (strconv.Atoi).
bool IsScalaDuration(const std::string& s) {
  static const char* const kUnits[][4] = {
      {"ns", "nano"}, {"us", "\xC2\xB5s", "micro"}, {"ms", "milli"}, {"s", "sec"},
      {"m", "min"},   {"h", "hr", "hour"},          {"d", "day"},    {"w", "wk", "week"}};
  bool ok = false;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    // A match can only start where a digit run starts: later starts see the same suffix.
    size_t digits_end = i;
    while (digits_end < s.size() && IsDigit(s[digits_end])) ++digits_end;
    size_t unit_start = digits_end;
    while (unit_start < s.size() && IsSpace(s[unit_start])) ++unit_start;
    size_t unit_end = unit_start;
    std::string unit;
    while (unit_end < s.size()) {
      const char c = s[unit_end];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        unit += static_cast<char>(c | 0x20);
        ++unit_end;
      } else if (s.compare(unit_end, 2, "\xC2\xB5") == 0) {
        unit += "\xC2\xB5";
        unit_end += 2;
      } else {
        break;
      }
    }
    if (unit_end == unit_start) {
      i = digits_end;
      continue;
    }
    size_t first = i;  // strconv.Atoi: leading zeros are fine, more than an int64 is an error
    while (first + 1 < digits_end && s[first] == '0') ++first;
    const std::string count = s.substr(first, digits_end - first);
    if (count.size() > 19 || (count.size() == 19 && count > "9223372036854775807")) return false;
    for (const auto& group : kUnits) {
      int last = 0;
      while (last + 1 < 4 && group[last + 1]) ++last;
      for (int v = 0; v <= last; ++v)
        if (unit == group[v] || (v == last && StartsWith(unit, group[v]))) ok = true;
    }
    i = unit_end;
  }
  return ok;
}

int DaysIn(int month, int year) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The byte length of the UTF-8 sequence s[i] starts (1 for a stray byte, as Go's regexp reads).
size_t RuneLength(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return i + n <= s.size() ? n : 1;
}

bool TwoDigits(const std::string& s, size_t at) {
  return at + 2 <= s.size() && IsDigit(s[at]) && IsDigit(s[at + 1]);
}

// `(z|([+-][0-9]{2}:[0-9]{2}))$` at s[at].
bool ZoneAt(const std::string& s, size_t at) {
  if (at < s.size() && s[at] == 'z') return at + 1 == s.size();
  return at + 6 == s.size() && (s[at] == '+' || s[at] == '-') && TwoDigits(s, at + 1) &&
         s[at + 3] == ':' && TwoDigits(s, at + 4);
}

}  // namespace

bool ParseGoUrl(const std::string& raw, bool via_request, GoUrl* url, std::string* err) {
  auto fail = [&](const std::string& why) {
    *err = "parse " + GoQuote(raw) + ": " + why;
    return false;
  };
  *url = GoUrl();
  std::string rest = raw;
  if (!via_request) {  // Parse cuts the fragment off first; it must unescape
    const size_t hash = rest.find('#');
    if (hash != std::string::npos) {
      if (!Unescapes(rest.substr(hash + 1), Escaping::kPath, err)) return fail(*err);
      rest.resize(hash);
    }
  }
  for (unsigned char c : rest)
    if (c < 0x20 || c == 0x7f) return fail("net/url: invalid control character in URL");
  if (rest.empty() && via_request) return fail("empty url");
  if (rest == "*") return true;
  // getScheme: [a-zA-Z][a-zA-Z0-9+.-]* before the first ':', else no scheme.
  for (size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if (IsDigit(c) || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) return fail("missing protocol scheme");
      url->scheme = rest.substr(0, i);
      for (char& l : url->scheme)
        l = static_cast<char>(std::tolower(static_cast<unsigned char>(l)));
      rest.erase(0, i + 1);
    }
    break;
  }
  const size_t question = rest.find('?');
  if (question != std::string::npos) rest.resize(question);  // the query is not checked
  if (rest.empty() || rest[0] != '/') {
    if (!url->scheme.empty()) return true;  // opaque
    if (via_request) return fail("invalid URI for request");
    const std::string segment = rest.substr(0, rest.find('/'));
    if (segment.find(':') != std::string::npos)
      return fail("first path segment in URL cannot contain colon");
  }
  if ((!url->scheme.empty() || (!via_request && !StartsWith(rest, "///"))) &&
      StartsWith(rest, "//")) {
    const size_t slash = rest.find('/', 2);
    const std::string authority =
        rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
    if (!ParsesAsAuthority(authority, &url->host, err)) return fail(*err);
    rest = slash == std::string::npos ? "" : rest.substr(slash);
  }
  if (!Unescapes(rest, Escaping::kPath, err)) return fail(*err);
  return true;
}

bool IsRequestUri(const std::string& raw) {
  GoUrl url;
  std::string err;
  return ParseGoUrl(raw, true, &url, &err);
}

bool IsOpenApiDuration(const std::string& s) {
  int64_t unused;
  return ParseGoDuration(s, &unused) || IsScalaDuration(s);
}

bool IsOpenApiDate(const std::string& s) {
  // time.Parse("2006-01-02"): four year digits, two-digit month and day, nothing more.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!IsDigit(s[i])) return false;
  const int year = std::stoi(s.substr(0, 4));
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(month, year);
}

bool IsOpenApiDateTime(const std::string& s) {
  if (s.size() < 4) return false;
  std::string lower = s;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  // strings.Split(lower, "t"): the date before the first 't', the time up to the second.
  const size_t t = lower.find('t');
  if (t == std::string::npos || !IsOpenApiDate(lower.substr(0, t))) return false;
  const size_t t2 = lower.find('t', t + 1);
  const std::string time = lower.substr(t + 1, t2 == std::string::npos ? t2 : t2 - t - 1);
  // ^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$
  if (!(TwoDigits(time, 0) && time.size() > 2 && time[2] == ':' && TwoDigits(time, 3) &&
        time.size() > 5 && time[5] == ':' && TwoDigits(time, 6)))
    return false;
  bool matched = ZoneAt(time, 8);
  if (!matched && time.size() > 8 && time[8] != '\n') {
    const size_t digits = 8 + RuneLength(time, 8);
    size_t end = digits;
    while (end < time.size() && IsDigit(time[end])) ++end;
    matched = end > digits && ZoneAt(time, end);
  }
  return matched && time.compare(0, 2, "23") <= 0 && time.compare(3, 2, "59") <= 0 &&
         time.compare(6, 2, "59") <= 0;
}

}  // namespace thv
