// Format assertions as santhosh-tekuri/jsonschema v5.3.1 implements them (format.go), including
// the Go library behaviour they lean on: time.Parse("2006-01-02"), strconv.Atoi, url.Parse
// and net.ParseIP. Quirks are kept on purpose: they decide what the operator accepts.
#include <cstring>
#include <string>

#include "registry/registry_schema.h"

namespace thv {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// strconv.Atoi on a 2-byte field: an optional sign is accepted ("+1", "-0").
bool Atoi2(std::string_view s, int* out) {
  size_t i = 0;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return false;
  int n = 0;
  for (; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
    n = n * 10 + (s[i] - '0');
  }
  *out = neg ? -n : n;
  return true;
}

bool InRange(std::string_view s, int lo, int hi, int* out) {
  return Atoi2(s, out) && *out >= lo && *out <= hi;
}

int DaysIn(int month, int year) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// time.Parse("2006-01-02", s)
bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  int year = std::stoi(std::string(s.substr(0, 4)));
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(month, year);
}

// format.go isTime: hh:mm:ss[.frac](Z|+hh:mm), leap second only at 23:59 UTC.
bool IsTime(std::string_view str) {
  if (str.size() < 9 || str[2] != ':' || str[5] != ':') return false;
  int h, m, s;
  if (!InRange(str.substr(0, 2), 0, 23, &h) || !InRange(str.substr(3, 2), 0, 59, &m) ||
      !InRange(str.substr(6, 2), 0, 60, &s)) {
    return false;
  }
  str.remove_prefix(8);
  if (str[0] == '.') {
    str.remove_prefix(1);
    size_t digits = 0;
    while (!str.empty() && IsDigit(str[0])) {
      ++digits;
      str.remove_prefix(1);
    }
    if (digits == 0) return false;
  }
  if (str.empty()) return false;
  if (str[0] == 'z' || str[0] == 'Z') {
    if (str.size() != 1) return false;
  } else {
    if (str.size() != 6 || str[3] != ':') return false;
    int sign;
    if (str[0] == '+') {
      sign = -1;
    } else if (str[0] == '-') {
      sign = 1;
    } else {
      return false;
    }
    int zh, zm;
    if (!InRange(str.substr(1, 2), 0, 23, &zh) || !InRange(str.substr(4, 2), 0, 59, &zm)) {
      return false;
    }
    int hm = (h * 60 + m) + sign * (zh * 60 + zm);
    if (hm < 0) hm += 24 * 60;
    h = hm / 60;
    m = hm % 60;
  }
  return s != 60 || (h == 23 && m == 59);
}

// url.shouldEscape(c, encodeHost) for ASCII c.
bool HostByteNeedsEscape(char c) {
  return !IsAlpha(c) && !IsDigit(c) && (c == '\0' || !std::strchr("!$&'()*+,;=:[]<>\"-_.~", c));
}

enum class Mode { kPlain, kHost, kZone };

// url.unescape's validation: well-formed %XX; hosts may only %-encode non-ASCII (or %25) and
// may not contain bytes that need escaping. Appends the decoded text to *out when given.
bool Unescape(std::string_view s, Mode mode, std::string* out = nullptr) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      int hi = IsDigit(s[i + 1]) ? s[i + 1] - '0' : (s[i + 1] | 0x20) - 'a' + 10;
      int lo = IsDigit(s[i + 2]) ? s[i + 2] - '0' : (s[i + 2] | 0x20) - 'a' + 10;
      bool pct25 = s.substr(i, 3) == "%25";
      if (mode == Mode::kHost && hi < 8 && !pct25) return false;
      char v = static_cast<char>(hi << 4 | lo);
      if (mode == Mode::kZone && !pct25 && v != ' ' && HostByteNeedsEscape(v)) return false;
      if (out) out->push_back(v);
      i += 3;
      continue;
    }
    if (mode != Mode::kPlain && static_cast<unsigned char>(s[i]) < 0x80 &&
        HostByteNeedsEscape(s[i])) {
      return false;
    }
    if (out) out->push_back(s[i]);
    ++i;
  }
  return true;
}

// ^:\d*$ or empty
bool ValidOptionalPort(std::string_view p) {
  if (p.empty()) return true;
  if (p[0] != ':') return false;
  for (char c : p.substr(1)) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// url.parseHost; *host receives the unescaped host.
bool ParseHost(std::string_view h, std::string* host) {
  if (!h.empty() && h[0] == '[') {
    size_t i = h.rfind(']');
    if (i == std::string_view::npos || !ValidOptionalPort(h.substr(i + 1))) return false;
    size_t zone = h.substr(0, i).find("%25");
    if (zone != std::string_view::npos) {
      return Unescape(h.substr(0, zone), Mode::kHost, host) &&
             Unescape(h.substr(zone, i - zone), Mode::kZone, host) &&
             Unescape(h.substr(i), Mode::kHost, host);
    }
  } else if (size_t i = h.rfind(':'); i != std::string_view::npos) {
    if (!ValidOptionalPort(h.substr(i))) return false;
  }
  return Unescape(h, Mode::kHost, host);
}

bool ValidUserinfo(std::string_view s) {
  for (char c : s) {
    // Anything else, every byte of a non-ASCII rune included, is invalid.
    if (!IsAlpha(c) && !IsDigit(c) && (c == '\0' || !std::strchr("-._:~!$&'()*+,;=%@", c)))
      return false;
  }
  return true;
}

// netip.ParseAddr for IPv4 dotted quads: no leading zeros, each field <= 255.
bool ParseIPv4(std::string_view s) {
  int fields = 0;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int val = 0;
    while (i < s.size() && IsDigit(s[i])) {
      val = val * 10 + (s[i] - '0');
      if (val > 255) return false;
      ++i;
    }
    size_t len = i - start;
    if (len == 0 || (len > 1 && s[start] == '0')) return false;
    ++fields;
    if (i == s.size()) break;
    if (s[i] != '.' || fields == 4) return false;
    ++i;
  }
  return fields == 4;
}

// net.ParseIP for an address containing ':' (IPv6; zones are rejected).
bool ParseIPv6(std::string_view s) {
  int groups = 0;
  bool ellipsis = false;
  size_t i = 0;
  if (s.substr(0, 2) == "::") {
    ellipsis = true;
    i = 2;
    if (i == s.size()) return true;
  }
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && IsHex(s[i]) && i - start < 5) ++i;
    size_t len = i - start;
    if (len == 0 || len > 4) return false;
    if (i < s.size() && s[i] == '.') {
      // Embedded IPv4 takes the last 32 bits.
      if (groups > 6 || !ParseIPv4(s.substr(start))) return false;
      groups += 2;
      i = s.size();
      break;
    }
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':' || groups == 8) return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (ellipsis) return false;
      ellipsis = true;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return false;  // trailing single colon
    }
  }
  return ellipsis ? groups < 8 : groups == 8;
}

// url.URL.Hostname(): strip a valid :port, then surrounding brackets.
std::string_view Hostname(std::string_view host) {
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && ValidOptionalPort(host.substr(colon))) {
    host = host.substr(0, colon);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

}  // namespace

bool IsSchemaDateTime(std::string_view s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return IsDate(s.substr(0, 10)) && IsTime(s.substr(11));
}

bool IsSchemaHostname(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.size() > 253) return false;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view label = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty() || label.size() > 63) return false;
    if (s[0] == '-') return false;  // format.go tests the whole name's first byte, not the label's
    if (label.back() == '-') return false;
    for (char c : label) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// format.go isURI: url.Parse succeeds, the URL has a scheme, and a host with ':' must be a
// bracketed valid IPv6 address.
bool IsSchemaUri(std::string_view raw) {
  size_t hash = raw.find('#');
  std::string_view u = raw.substr(0, hash);
  if (hash != std::string_view::npos && !Unescape(raw.substr(hash + 1), Mode::kPlain)) {
    return false;
  }
  for (char c : u) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  if (u == "*") return false;  // parses, but has no scheme
  // getScheme: [a-zA-Z][a-zA-Z0-9+-.]* followed by ':'.
  std::string_view rest = u;
  bool has_scheme = false;
  for (size_t i = 0; i < u.size(); ++i) {
    char c = u[i];
    if (IsAlpha(c)) continue;
    if (IsDigit(c) || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) return false;  // "missing protocol scheme"
      has_scheme = true;
      rest = u.substr(i + 1);
    }
    break;
  }
  if (!has_scheme) return false;  // parse may succeed, but IsAbs is false
  // A lone trailing '?' is ForceQuery; otherwise the query starts at the first '?'.
  size_t q = rest.find('?');
  if (q != std::string_view::npos) rest = rest.substr(0, q);
  if (rest.empty() || rest[0] != '/') return true;  // opaque
  std::string host;
  bool bracketed = false;
  if (rest.substr(0, 2) == "//") {
    std::string_view authority = rest.substr(2);
    size_t slash = authority.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : authority.substr(slash);
    authority = authority.substr(0, slash);
    size_t at = authority.rfind('@');
    std::string_view hostpart = at == std::string_view::npos ? authority : authority.substr(at + 1);
    if (!ParseHost(hostpart, &host)) return false;
    if (at != std::string_view::npos) {
      std::string_view userinfo = authority.substr(0, at);
      if (!ValidUserinfo(userinfo) || !Unescape(userinfo, Mode::kPlain)) return false;
    }
    bracketed = host.find('[') != std::string::npos && host.find(']') != std::string::npos;
  }
  if (!Unescape(rest, Mode::kPlain)) return false;
  std::string_view hostname = Hostname(host);
  if (hostname.find(':') != std::string_view::npos) {
    return bracketed && ParseIPv6(hostname);
  }
  return true;
}

}  // namespace thv
