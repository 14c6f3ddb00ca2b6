#include "model/names.h"

#include <initializer_list>
#include <string_view>

namespace thv {

namespace {

using std::string_view;
constexpr size_t kNpos = string_view::npos;

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
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
  if (s.empty() || !IsLowerAlnum(s.front()) || !IsLowerAlnum(s.back())) return false;
  for (char c : s)
    if (!IsLowerAlnum(c) && c != '-') return false;
  return true;
}

// label(\.label)*, with no length limit on a label.
bool MatchesDns1123Subdomain(string_view s) {
  for (size_t begin = 0;;) {
    const size_t dot = s.find('.', begin);
    if (!MatchesDns1123Label(s.substr(begin, dot == kNpos ? kNpos : dot - begin))) return false;
    if (dot == kNpos) return true;
    begin = dot + 1;
  }
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool MatchesQualifiedNamePart(string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s)
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  return true;
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

// alphanumeric(separator alphanumeric)*, separator one of . _ __ -+
bool MatchesPathComponent(string_view s) {
  if (s.empty() || !IsLowerAlnum(s.front()) || !IsLowerAlnum(s.back())) return false;
  for (size_t i = 0; i < s.size();) {
    if (IsLowerAlnum(s[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && !IsLowerAlnum(s[end])) ++end;
    const string_view sep = s.substr(i, end - i);
    const bool dashes = sep.find_first_not_of('-') == kNpos;
    if (!dashes && sep != "." && sep != "_" && sep != "__") return false;
    i = end;
  }
  return true;
}

// pathComponent(/pathComponent)*
bool MatchesRemoteName(string_view s) {
  for (size_t begin = 0;;) {
    const size_t slash = s.find('/', begin);
    if (!MatchesPathComponent(s.substr(begin, slash == kNpos ? kNpos : slash - begin)))
      return false;
    if (slash == kNpos) return true;
    begin = slash + 1;
  }
}

// [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
bool MatchesDomainComponent(string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s)
    if (!IsAlnum(c) && c != '-') return false;
  return true;
}

// (domainName | \[[a-fA-F0-9:]+\]) (:[0-9]+)?
bool MatchesDomainAndPort(string_view s) {
  string_view host = s;
  size_t port_colon = kNpos;
  if (!s.empty() && s.front() == '[') {
    const size_t close = s.find(']');
    if (close == kNpos || close == 1) return false;
    for (char c : s.substr(1, close - 1))
      if (!IsHex(c) && c != ':') return false;
    if (close + 1 == s.size()) return true;
    if (s[close + 1] != ':') return false;
    port_colon = close + 1;
    host = {};
  } else {
    port_colon = s.find(':');
    host = s.substr(0, port_colon);
    for (size_t begin = 0;;) {
      const size_t dot = host.find('.', begin);
      if (!MatchesDomainComponent(host.substr(begin, dot == kNpos ? kNpos : dot - begin)))
        return false;
      if (dot == kNpos) break;
      begin = dot + 1;
    }
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
  Errors errs;
  Dns1123SubdomainErrors(value, &errs);
  return errs.Take();
}

std::string CheckDns1123Label(const std::string& value) {
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
  Errors errs;
  if (value.size() > 253) errs.Add(MaxLenError(253));
  bool ok = !value.empty();
  for (char c : value) ok = ok && (IsAlnum(c) || c == '-' || c == '.' || c == '_');
  if (!ok) {
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
    if (first == "localhost" || first.find_first_of(".:") != kNpos || !IsAllLower(first)) {
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
  bool ok = MatchesRemoteName(name) && (registry_is_domain || MatchesPathComponent(registry)) &&
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
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
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
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\v':
        out += "\\v";
        continue;
      default:
        break;
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
