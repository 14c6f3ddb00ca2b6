#include "core/yaml_writer.h"

#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/go_yaml.h"
#include "core/yaml_scalars.h"

namespace thv {
namespace {

enum class Style { kPlain, kSingle, kDouble, kLiteral };

// The two emitters' settings: kubectl's (sigs.k8s.io/yaml over go-yaml v2: indent 2, sequences
// in line with their key) and gopkg.in/yaml.v3's Marshal (indent 4, sequences indented, block
// nodes at the next multiple of 4 except right after "- ").
struct Flavor {
  bool v3;
  // The indentation of a block node (or block scalar content) under a mapping key at `indent`.
  int UnderKey(int indent, bool sequence) const {
    if (v3) return 4 * ((indent + 4) / 4);
    return sequence ? indent : indent + 2;
  }
};

// Length of the valid UTF-8 sequence at s[i] whose code point is printable in YAML and safe
// to leave unescaped; 0 when it must be escaped (controls, invalid UTF-8, NEL, BOM, U+2028/9).
size_t PrintableRun(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= 0x20 && c != 0x7f) ? 1 : 0;
  size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
  if (n == 0 || c > 0xf4 || i + n > s.size()) return 0;
  uint32_t cp = c & (0x3f >> (n - 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  if (cp < 0xa0 || cp == 0xfeff || cp == 0x2028 || cp == 0x2029 || cp == 0xfffe || cp == 0xffff) {
    return 0;
  }
  return n;
}

// True when every character is printable, allowing '\n' only if newlines is set.
bool AllPrintable(const std::string& s, bool newlines) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] >= 0x20 && s[i] < 0x7f) {  // printable ASCII, most of any text
      ++i;
      continue;
    }
    if (s[i] == '\n' && newlines) {
      ++i;
      continue;
    }
    size_t n = PrintableRun(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool IsSpecialFloatWord(const std::string& s) {
  if (s.size() < 4 || s.size() > 5 || std::strchr(".+-", s[0]) == nullptr) return false;
  static const char* const kWords[] = {".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf", "+.INF",
                                       "-.inf", "-.Inf", "-.INF", ".nan",  ".NaN",  ".NAN"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

// s is printable and on one line; ": " or " #" somewhere inside it are given. v3: the emitter's
// own analysis only (what resolves to another type is double-quoted before, YamlV3NeedsQuotes).
bool NeedsSingleQuotes(const std::string& s, bool indicator_inside, bool v3) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return true;
  // "-x" is plain (kubectl writes args like --port=1 so); "- x", "-" and "---" are not.
  bool dash_ok = s.front() == '-' && s.size() > 1 && s[1] != ' ' && s.compare(0, 3, "---") != 0;
  if (!dash_ok && std::strchr("-?:,[]{}#&*!|>'\"%@`", s.front()) != nullptr) return true;
  if (indicator_inside) return true;
  if (v3) return s.compare(0, 3, "...") == 0;
  // "..." ends a document; "<<" is a merge key; .inf/.nan are floats to other readers.
  if (s.compare(0, 3, "...") == 0 || s == "<<" || IsSpecialFloatWord(s)) return true;
  // Only these first characters can start a null, a bool (words of at most 5 letters) or a
  // number; everything else stays a string without resolving it.
  const bool letter = std::isalpha(static_cast<unsigned char>(s.front()));
  if (std::strchr("~nNyYtTfFoO.+-0123456789", s.front()) == nullptr || (letter && s.size() > 5))
    return false;
  if (ResolvePlainScalar(s).type != Value::Type::kString) return true;
  // Go reads a float that overflows ("7449e896", a checksum) as a string; YAML 1.2 readers
  // (JavaScript, Python) read infinity.
  size_t i = std::strchr("+-", s[0]) ? 1 : 0;
  const size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == digits || i == s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  if (++i < s.size() && std::strchr("+-", s[i])) ++i;
  return i < s.size() && s.find_first_not_of("0123456789", i) == std::string::npos;
}

// A literal block keeps the text only if no line ends in blanks and nothing needs escaping.
bool CanUseLiteral(const std::string& s) {
  if (s.find_first_not_of('\n') == std::string::npos) return false;
  if (!AllPrintable(s, true)) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && (i + 1 == s.size() || s[i + 1] == '\n')) return false;
  }
  return true;
}

Style ChooseStyle(const std::string& s, bool is_key, const Flavor& flavor) {
  // One scan settles the common case, printable ASCII on one line.
  bool ascii_printable = true;
  bool indicator_inside = false;  // ": " or " #"
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n') return !is_key && CanUseLiteral(s) ? Style::kLiteral : Style::kDouble;
    if (c < 0x20 || c == 0x7f) ascii_printable = false;  // c < 0: a UTF-8 byte
    if (c == ' ' && i > 0 && (s[i - 1] == ':' || (i + 1 < s.size() && s[i + 1] == '#')))
      indicator_inside = true;
  }
  if (flavor.v3 && YamlV3NeedsQuotes(s)) return Style::kDouble;
  if (!ascii_printable && !AllPrintable(s, false)) return Style::kDouble;
  return NeedsSingleQuotes(s, indicator_inside, flavor.v3) ? Style::kSingle : Style::kPlain;
}

void AppendDoubleQuoted(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
      ++i;
      continue;
    }
    size_t n = PrintableRun(s, i);
    if (n > 0) {
      out->append(s, i, n);
      i += n;
      continue;
    }
    // \n \t \r \0 short; valid but unprintable code points \uXXXX; stray bytes \xXX.
    static const char kEscaped[] = "\n\t\r", kShort[] = "ntr0";
    if (const char* e = c ? std::strchr(kEscaped, c) : kEscaped + 3) {
      out->push_back('\\');
      out->push_back(kShort[e - kEscaped]);
      ++i;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    size_t len = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : u >= 0xc2 ? 2 : 1;
    bool valid = len > 1 && i + len <= s.size();
    uint32_t cp = u & (0x3f >> (len - 1));
    for (size_t k = 1; valid && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      valid = (cc & 0xc0) == 0x80;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (valid && cp <= 0xffff) {
      out->append("\\u");
      for (int sh = 12; sh >= 0; sh -= 4) out->push_back(kHex[(cp >> sh) & 0xf]);
      i += len;
    } else {
      out->append("\\x");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 0xf]);
      ++i;
    }
  }
  out->push_back('"');
}

void AppendLiteral(const std::string& s, int indent, const Flavor& flavor, std::string* out) {
  out->push_back('|');
  size_t first = s.find_first_not_of('\n');
  // content indentation can't be detected: the hint is the emitter's best indent
  if (flavor.v3 ? (s[0] == ' ' || s[0] == '\n') : s[first] == ' ')
    out->push_back(flavor.v3 ? '4' : '2');
  size_t trailing = s.size() - 1 - s.find_last_not_of('\n');
  if (trailing == 0) out->push_back('-');
  if (trailing > 1) out->push_back('+');
  out->push_back('\n');
  size_t end = s.size() - (trailing > 0 ? 1 : 0);  // the final break is implied by the chomping
  // yaml.v3 writes a leading break as the end of the header line (emitterc.go
  // write_literal_scalar has no break of its own), so that blank line is not there.
  size_t start = flavor.v3 && s[0] == '\n' ? 1 : 0;
  while (start <= end) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos || nl > end) nl = end;
    if (nl > start) {
      out->append(indent, ' ');
      out->append(s, start, nl - start);
    }
    out->push_back('\n');
    start = nl + 1;
  }
}

// Writes a string scalar; block scalars put their content at indent.
void AppendString(const std::string& s, bool is_key, int indent, const Flavor& flavor,
                  std::string* out) {
  switch (ChooseStyle(s, is_key, flavor)) {
    case Style::kPlain:
      out->append(s);
      break;
    case Style::kSingle:
      out->push_back('\'');
      for (char c : s) {
        if (c == '\'') out->push_back('\'');
        out->push_back(c);
      }
      out->push_back('\'');
      break;
    case Style::kDouble:
      AppendDoubleQuoted(s, out);
      break;
    case Style::kLiteral:
      AppendLiteral(s, indent, flavor, out);
      return;  // ends with its own newline
  }
  if (!is_key) out->push_back('\n');
}

void AppendNode(const Value& v, int indent, bool inline_first, const Flavor& flavor,
                std::string* out);

// Writes a scalar or empty collection followed by a newline.
void AppendLeaf(const Value& v, int indent, const Flavor& flavor, std::string* out) {
  switch (v.type) {
    case Value::Type::kNull:
      out->append("null\n");
      return;
    case Value::Type::kString:
      AppendString(v.text, false, indent, flavor, out);
      return;
    case Value::Type::kSequence:
      out->append("[]\n");
      return;
    case Value::Type::kMapping:
      out->append("{}\n");
      return;
    default:
      out->append(v.text);
      out->push_back('\n');
  }
}

bool IsLeaf(const Value& v) { return v.IsScalar() || v.IsEmpty(); }

// inline_first: the cursor already sits at column indent (after "- "), so the first line
// gets no indentation.
void AppendNode(const Value& v, int indent, bool inline_first, const Flavor& flavor,
                std::string* out) {
  if (v.IsMapping()) {
    for (const Member& m : v.members) {
      if (!inline_first) out->append(indent, ' ');
      inline_first = false;
      AppendString(m.key, true, indent, flavor, out);
      out->push_back(':');
      if (IsLeaf(m.value)) {
        out->push_back(' ');
        AppendLeaf(m.value, flavor.UnderKey(indent, false), flavor, out);
      } else {
        out->push_back('\n');
        AppendNode(m.value, flavor.UnderKey(indent, m.value.IsSequence()), false, flavor, out);
      }
    }
    return;
  }
  for (const Value& item : v.items) {
    if (!inline_first) out->append(indent, ' ');
    inline_first = false;
    out->append("- ");
    if (IsLeaf(item)) {
      AppendLeaf(item, indent + 2, flavor, out);
    } else {
      AppendNode(item, indent + 2, true, flavor, out);
    }
  }
}

void AppendDocument(const Value& doc, const Flavor& flavor, std::string* out) {
  if (IsLeaf(doc)) {
    AppendLeaf(doc, flavor.v3 ? 4 : 2, flavor, out);
  } else {
    AppendNode(doc, 0, false, flavor, out);
  }
}

}  // namespace

void AppendYaml(const Value& doc, std::string* out) { AppendDocument(doc, Flavor{false}, out); }

void AppendYamlV3(const Value& doc, std::string* out) { AppendDocument(doc, Flavor{true}, out); }

std::string ToYamlStream(const std::vector<Value>& docs) {
  std::string out;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) out.append("---\n");
    AppendYaml(docs[i], &out);
  }
  return out;
}

}  // namespace thv
