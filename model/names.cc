#include "model/names.h"

#include <cstring>
#include <initializer_list>
#include <string_view>

namespace thv {

namespace {

using std::string_view;
constexpr size_t kNpos = string_view::npos;

// Character classes in one table lookup: these checks run on every key and name of every
// rendered object.
enum CharClass : uint8_t {
  kLowerLetter = 1,
  kUpperLetter = 2,
  kDigitChar = 4,
  kDashChar = 8,
  kDotChar = 16,
  kUnderscoreChar = 32,
  kLowerAlnum = kLowerLetter | kDigitChar,
  kAlnum = kLowerAlnum | kUpperLetter,
};
struct CharTable {
  uint8_t bits[256] = {};
  constexpr CharTable() {
    for (int c = 'a'; c <= 'z'; ++c) bits[c] = kLowerLetter;
    for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kUpperLetter;
    for (int c = '0'; c <= '9'; ++c) bits[c] = kDigitChar;
    bits[static_cast<int>('-')] = kDashChar;
    bits[static_cast<int>('.')] = kDotChar;
    bits[static_cast<int>('_')] = kUnderscoreChar;
  }
};
constexpr CharTable kCharTable;
uint8_t ClassOf(char c) { return kCharTable.bits[static_cast<unsigned char>(c)]; }
// Every character in one of the classes.
bool AllIn(string_view s, uint8_t classes) {
  for (char c : s)
    if (!(ClassOf(c) & classes)) return false;
  return true;
}

bool IsLowerAlnum(char c) { return ClassOf(c) & kLowerAlnum; }
bool IsAlnum(char c) { return ClassOf(c) & kAlnum; }
bool IsDigit(char c) { return ClassOf(c) & kDigitChar; }
bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
bool IsHex(char c) { return IsLowerHex(c) || (c >= 'A' && c <= 'F'); }
bool IsWordChar(char c) { return IsAlnum(c) || c == '_'; }  // regexp \w

// Messages accumulate as the Go functions append them; prefix is prefixEach's.
class Errors {
 public:
  explicit Errors(const char* prefix = "") : prefix_(prefix) {}
  void Add(const std::string& message) {
    if (!text_.empty()) text_ += "; ";
    text_ += prefix_;
    text_ += message;
  }
  std::string Take() { return std::move(text_); }

 private:
  const char* prefix_;
  std::string text_;
};

std::string MaxLenError(int length) {
  return "must be no more than " + std::to_string(length) + " characters";
}

// validation.RegexError.
std::string RegexError(const char* message, const char* format,
                       std::initializer_list<const char*> examples) {
  std::string out = message;
  out += " (e.g. ";
  bool first = true;
  for (const char* example : examples) {
    if (!first) out += "or ";
    first = false;
    out += "'";
    out += example;
    out += "', ";
  }
  out += "regex used for validation is '";
  out += format;
  out += "')";
  return out;
}

const char kDns1123LabelFormat[] = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const char kDns1123SubdomainFormat[] =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const char kQualifiedNameFormat[] = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const char kQualifiedNameMessage[] =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool MatchesDns1123Label(string_view s) {
  return !s.empty() && IsLowerAlnum(s.front()) && IsLowerAlnum(s.back()) &&
         AllIn(s, kLowerAlnum | kDashChar);
}

// label(\.label)* with labels of the given alphanumerics and inner dashes, in one pass: DNS-1123
// subdomains (lowercase) and registry host names (any case).
bool MatchesDottedLabels(string_view s, uint8_t alphanumerics) {
  const auto alnum = [alphanumerics](char c) { return (ClassOf(c) & alphanumerics) != 0; };
  char previous = '.';  // a label starts after a dot: with an alphanumeric
  for (char c : s) {
    if (c == '.') {
      if (!alnum(previous)) return false;  // a label ends with an alphanumeric
    } else if (c == '-') {
      if (previous == '.') return false;
    } else if (!alnum(c)) {
      return false;
    }
    previous = c;
  }
  return alnum(previous);
}

bool MatchesDns1123Subdomain(string_view s) { return MatchesDottedLabels(s, kLowerAlnum); }

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool MatchesQualifiedNamePart(string_view s) {
  return !s.empty() && IsAlnum(s.front()) && IsAlnum(s.back()) &&
         AllIn(s, kAlnum | kDashChar | kUnderscoreChar | kDotChar);
}

// The whole of IsQualifiedName without building messages: [dns-subdomain/]name.
bool IsQualifiedName(string_view s) {
  const size_t slash = s.find('/');
  if (slash == kNpos) return s.size() <= 63 && MatchesQualifiedNamePart(s);
  const string_view prefix = s.substr(0, slash);
  const string_view name = s.substr(slash + 1);
  return prefix.size() <= 253 && MatchesDns1123Subdomain(prefix) && name.size() <= 63 &&
         MatchesQualifiedNamePart(name);
}

void Dns1123SubdomainErrors(string_view value, Errors* errs) {
  if (value.size() > 253) errs->Add(MaxLenError(253));
  if (!MatchesDns1123Subdomain(value)) {
    errs->Add(RegexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
        "or '.', and must start and end with an alphanumeric character",
        kDns1123SubdomainFormat, {"example.com"}));
  }
}

// --- image references (github.com/distribution/reference, opencontainers/go-digest) ---

// pathComponent(/pathComponent)*, a pathComponent alphanumeric(separator alphanumeric)* with
// lowercase alphanumerics and a separator one of . _ __ -+, in one pass.
bool MatchesRemoteName(string_view s) {
  size_t i = 0;
  for (;;) {
    if (i == s.size() || !IsLowerAlnum(s[i])) return false;  // after a separator: alphanumeric
    while (i < s.size() && IsLowerAlnum(s[i])) ++i;
    if (i == s.size()) return true;
    switch (s[i]) {
      case '/':
      case '.':
        ++i;
        break;
      case '_':
        i += i + 1 < s.size() && s[i + 1] == '_' ? 2 : 1;
        break;
      case '-':
        while (i < s.size() && s[i] == '-') ++i;
        break;
      default:
        return false;
    }
  }
}

// (domainName | \[[a-fA-F0-9:]+\]) (:[0-9]+)?
bool MatchesDomainAndPort(string_view s) {
  size_t port_colon = kNpos;
  if (!s.empty() && s.front() == '[') {
    const size_t close = s.find(']');
    if (close == kNpos || close == 1) return false;
    for (char c : s.substr(1, close - 1))
      if (!IsHex(c) && c != ':') return false;
    if (close + 1 == s.size()) return true;
    if (s[close + 1] != ':') return false;
    port_colon = close + 1;
  } else {
    port_colon = s.find(':');
    if (!MatchesDottedLabels(s.substr(0, port_colon), kAlnum)) return false;
  }
  if (port_colon == kNpos) return true;
  const string_view port = s.substr(port_colon + 1);
  if (port.empty()) return false;
  for (char c : port)
    if (!IsDigit(c)) return false;
  return true;
}

// [\w][\w.-]{0,127}
bool MatchesTag(string_view s) {
  if (s.empty() || s.size() > 128 || !IsWordChar(s.front())) return false;
  for (char c : s)
    if (!IsWordChar(c) && c != '.' && c != '-') return false;
  return true;
}

// [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}
bool MatchesDigestPattern(string_view s) {
  const size_t colon = s.find(':');
  if (colon == kNpos) return false;
  const string_view algorithm = s.substr(0, colon);
  const string_view hex = s.substr(colon + 1);
  if (hex.size() < 32) return false;
  for (char c : hex)
    if (!IsHex(c)) return false;
  bool component_start = true;
  for (char c : algorithm) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (component_start) {
      if (!alpha) return false;
      component_start = false;
    } else if (c == '-' || c == '_' || c == '+' || c == '.') {
      component_start = true;
    } else if (!alpha && !IsDigit(c)) {
      return false;
    }
  }
  return !component_start;
}

// digest.Digest.Validate with sha256, sha384 and sha512 registered (as container runtimes do).
std::string DigestError(string_view digest) {
  const size_t colon = digest.find(':');
  const string_view algorithm = digest.substr(0, colon);
  const string_view encoded = digest.substr(colon + 1);
  size_t hex_length = 0;
  if (algorithm == "sha256") hex_length = 64;
  if (algorithm == "sha384") hex_length = 96;
  if (algorithm == "sha512") hex_length = 128;
  if (hex_length == 0) {
    // go-digest's DigestRegexp: [a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+
    bool ok =
        !algorithm.empty() && IsLowerAlnum(algorithm.front()) && IsLowerAlnum(algorithm.back());
    for (char c : algorithm)
      ok = ok && (IsLowerAlnum(c) || c == '.' || c == '+' || c == '_' || c == '-');
    return ok ? "unsupported digest algorithm" : "invalid checksum digest format";
  }
  if (encoded.size() != hex_length) return "invalid checksum digest length";
  for (char c : encoded)
    if (!IsLowerHex(c)) return "invalid checksum digest format";
  return "";
}

bool IsAllLower(string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

}  // namespace

std::string CheckDns1123Subdomain(const std::string& value) {
  if (value.size() <= 253 && MatchesDns1123Subdomain(value)) return "";
  Errors errs;
  Dns1123SubdomainErrors(value, &errs);
  return errs.Take();
}

std::string CheckDns1123Label(const std::string& value) {
  if (value.size() <= 63 && MatchesDns1123Label(value)) return "";
  Errors errs;
  if (value.size() > 63) errs.Add(MaxLenError(63));
  if (!MatchesDns1123Label(value)) {
    if (MatchesDns1123Subdomain(value)) {
      errs.Add("must not contain dots");
    } else {
      errs.Add(RegexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
          "and must start and end with an alphanumeric character",
          kDns1123LabelFormat, {"my-name", "123-abc"}));
    }
  }
  return errs.Take();
}

std::string CheckDns1035Label(const std::string& value) {
  Errors errs;
  if (value.size() > 63) errs.Add(MaxLenError(63));
  // [a-z]([-a-z0-9]*[a-z0-9])?: an RFC 1123 label that starts with a letter.
  if (!MatchesDns1123Label(value) || IsDigit(value.front())) {
    errs.Add(RegexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
        "an alphabetic character, and end with an alphanumeric character",
        "[a-z]([-a-z0-9]*[a-z0-9])?", {"my-name", "abc-123"}));
  }
  return errs.Take();
}

std::string CheckQualifiedName(const std::string& value) {
  if (IsQualifiedName(value)) return "";
  string_view name = value;
  Errors errs;
  if (const size_t slash = value.find('/'); slash != kNpos) {
    if (value.find('/', slash + 1) != kNpos) {
      return "a qualified name " +
             RegexError(kQualifiedNameMessage, kQualifiedNameFormat,
                        {"MyName", "my.name", "123-abc"}) +
             " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
    }
    const string_view prefix = name.substr(0, slash);
    name = name.substr(slash + 1);
    if (prefix.empty()) {
      errs.Add("prefix part must be non-empty");
    } else {
      Errors prefix_errs("prefix part ");
      Dns1123SubdomainErrors(prefix, &prefix_errs);
      if (std::string text = prefix_errs.Take(); !text.empty()) errs.Add(text);
    }
  }
  if (name.empty()) {
    errs.Add("name part must be non-empty");
  } else if (name.size() > 63) {
    errs.Add("name part " + MaxLenError(63));
  }
  if (!MatchesQualifiedNamePart(name)) {
    errs.Add("name part " + RegexError(kQualifiedNameMessage, kQualifiedNameFormat,
                                       {"MyName", "my.name", "123-abc"}));
  }
  return errs.Take();
}

std::string CheckLabelValue(const std::string& value) {
  if (value.size() <= 63 && (value.empty() || MatchesQualifiedNamePart(value))) return "";
  Errors errs;
  if (value.size() > 63) errs.Add(MaxLenError(63));
  if (!value.empty() && !MatchesQualifiedNamePart(value)) {
    errs.Add(RegexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
        "or '.', and must start and end with an alphanumeric character",
        "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", {"MyValue", "my_value", "12345"}));
  }
  return errs.Take();
}

std::string CheckEnvVarName(const std::string& value) {
  if (value.empty()) return "environment variable name must be non-empty";
  for (char c : value) {
    // Go walks runes: any byte of a multi-byte (or invalid) sequence is above MaxASCII.
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '=') {
      return "a valid environment variable name must consist only of printable ASCII characters "
             "other than '='";
    }
  }
  return "";
}

std::string CheckConfigMapKey(const std::string& value) {
  if (!value.empty() && value.size() <= 253 && value[0] != '.' &&
      AllIn(value, kAlnum | kDashChar | kDotChar | kUnderscoreChar))
    return "";  // (a leading dot is fine too, unless it makes . or .. or ..x: the slow path)
  Errors errs;
  if (value.size() > 253) errs.Add(MaxLenError(253));
  if (value.empty() || !AllIn(value, kAlnum | kDashChar | kDotChar | kUnderscoreChar)) {
    errs.Add(
        RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                   "[-._a-zA-Z0-9]+", {"key.name", "KEY_NAME", "key-name"}));
  }
  if (value == ".") {
    errs.Add("must not be '.'");
  } else if (value == "..") {
    errs.Add("must not be '..'");
  } else if (value.compare(0, 2, "..") == 0) {
    errs.Add("must not start with '..'");
  }
  return errs.Take();
}

std::string CheckPathSegmentName(const std::string& value) {
  if (value == "." || value == "..") return "may not be '" + value + "'";
  Errors errs;
  if (value.find('/') != std::string::npos) errs.Add("may not contain '/'");
  if (value.find('%') != std::string::npos) errs.Add("may not contain '%'");
  return errs.Take();
}

std::string CheckPortName(const std::string& value) {
  Errors errs;
  if (value.size() > 15) errs.Add(MaxLenError(15));
  bool charset = !value.empty();
  bool letter = false;
  for (char c : value) {
    charset = charset && (IsLowerAlnum(c) || c == '-');
    letter = letter || (c >= 'a' && c <= 'z');
  }
  if (!charset) errs.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!letter) errs.Add("must contain at least one letter (a-z)");
  if (value.find("--") != std::string::npos) errs.Add("must not contain consecutive hyphens");
  if (!value.empty() && (value.front() == '-' || value.back() == '-'))
    errs.Add("must not begin or end with a hyphen");
  return errs.Take();
}

std::string CheckPortNumber(int64_t port) {
  return port >= 1 && port <= 65535 ? "" : "must be between 1 and 65535, inclusive";
}

std::string CheckImageReference(const std::string& value) {
  if (value.empty()) return "must be non-empty";
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  if (is_space(value.front()) || is_space(value.back()))
    return "must not have leading or trailing whitespace";
  if (value.size() == 64 && value.find_first_not_of("0123456789abcdef") == kNpos)
    return "invalid repository name (" + value + "), cannot specify 64-byte hexadecimal strings";

  // splitDockerDomain: the first component is a registry when it looks like one; otherwise the
  // image is on docker.io (under library/ when it has a single component).
  const string_view s = value;
  const size_t slash = s.find('/');
  string_view registry;  // empty: docker.io, always a valid domain
  string_view rest = s;  // [path][:tag][@digest] after the registry
  bool library = slash == kNpos;
  if (slash != kNpos) {
    const string_view first = s.substr(0, slash);
    bool looks_like_host = first == "localhost";
    for (char c : first)
      looks_like_host = looks_like_host || c == '.' || c == ':' || (c >= 'A' && c <= 'Z');
    if (looks_like_host) {
      rest = s.substr(slash + 1);
      if (first == "index.docker.io") {
        library = rest.find('/') == kNpos;
      } else {
        registry = first;
      }
    }
  }
  const std::string remote_prefix = library ? "library/" : "";
  const string_view remote = rest.substr(0, rest.find(':'));
  if (!IsAllLower(remote)) {
    return "invalid reference format: repository name (" + remote_prefix + std::string(remote) +
           ") must be lowercase";
  }

  // Parse: [registry/]name[:tag][@digest] against the reference grammar.
  const size_t at = rest.find('@');
  const string_view name_tag = rest.substr(0, at);
  const size_t colon = name_tag.find(':');
  const string_view name = name_tag.substr(0, colon);
  const bool registry_is_domain = registry.empty() || MatchesDomainAndPort(registry);
  bool ok = MatchesRemoteName(name) && (registry_is_domain || MatchesRemoteName(registry)) &&
            (colon == kNpos || MatchesTag(name_tag.substr(colon + 1))) &&
            (at == kNpos || MatchesDigestPattern(rest.substr(at + 1)));
  if (!ok) {
    return "invalid reference format (an image is [registry[:port]/]name[:tag][@digest]; the "
           "name is lowercase letters and digits, separated by '/', '.', '_', '__' or dashes)";
  }
  // The repository path excludes a registry the grammar accepts as a domain.
  const size_t path_length =
      remote_prefix.size() + name.size() + (registry_is_domain ? 0 : registry.size() + 1);
  if (path_length > 255) return "repository name must not be more than 255 characters";
  if (at != kNpos) return DigestError(rest.substr(at + 1));
  return "";
}

std::string GoList(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? " " : "") + items[i];
  return s + "]";
}

std::string GoQuote(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // A valid UTF-8 sequence is kept; a stray byte is escaped.
      const size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
      bool valid = n > 0 && c < 0xf5 && i + n <= s.size();
      for (size_t k = 1; valid && k < n; ++k)
        valid = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
      if (valid) {
        out.append(s, i, n);
        i += n;
        continue;
      }
    }
    ++i;
    // strconv.Quote's short escapes, then \xNN for other control bytes.
    static const char kEscaped[] = "\"\\\a\b\f\n\r\t\v";
    static const char kLetters[] = "\"\\abfnrtv";
    if (const char* at = c == 0 ? nullptr : std::strchr(kEscaped, c)) {
      out += '\\';
      out += kLetters[at - kEscaped];
      continue;
    }
    if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

}  // namespace thv
