#include "core/yaml_input.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/utf8.h"

namespace thv {
namespace {

bool IsPlainRunByte(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\t'; }
bool IsPlainAsciiByte(unsigned char c) { return IsPlainRunByte(c) || c == '\n'; }

// Whether every byte is printable ASCII, a tab or LF, looked at eight bytes at a time: such text,
// nearly all input, needs neither checks nor changes.
bool IsPlainAscii(const std::string& text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    // High bits flag bytes of 0x80 and up, bytes below 0x20 and DEL (the last two tests are exact
    // for "any byte" only), which the byte loop then looks at.
    const uint64_t del = w ^ (kOnes * 0x7F);
    if (((w | ((w - kOnes * 0x20) & ~w) | ((del - kOnes) & ~del)) & kHigh) == 0) continue;
    for (size_t j = i; j < i + 8; ++j)
      if (!IsPlainAsciiByte(p[j])) return false;
  }
  for (; i < n; ++i)
    if (!IsPlainAsciiByte(p[i])) return false;
  return true;
}

std::string Hex(const char* format, uint32_t value) {
  char buf[16];
  snprintf(buf, sizeof(buf), format, value);
  return buf;
}

std::string Bytes(const std::string& text, size_t at, size_t count) {
  std::string out;
  for (size_t k = 0; k < count; ++k)
    out += (k ? " " : "") + Hex("%02X", static_cast<unsigned char>(text[at + k]));
  return out;
}

// Why the character at text[at] is not UTF-8, as clearly as the bytes allow.
std::string Utf8Problem(const std::string& text, size_t at, const Utf8Char& c) {
  // Single bytes of Latin-1 or Windows-1252 text (é is 0xE9) are the usual cause.
  static const char kOtherEncoding[] =
      " (Kubernetes reads YAML as UTF-8; was the file saved in another encoding, such as "
      "Latin-1?)";
  const std::string lead = Hex("0x%02X", static_cast<unsigned char>(text[at]));
  const std::string starts =
      "byte " + lead + " starts a " + std::to_string(c.width) + "-byte character, but ";
  // Only a complete sequence has all its bytes.
  auto encode = [&] { return "bytes " + Bytes(text, at, c.width) + " encode "; };
  switch (c.status) {
    case Utf8Status::kBadLead:
      return "invalid UTF-8: byte " + lead + " cannot start a character" + kOtherEncoding;
    case Utf8Status::kTruncated:
      return "invalid UTF-8: " + starts + "the input ends after " + std::to_string(c.bad) +
             (c.bad == 1 ? " byte" : " bytes");
    case Utf8Status::kBadContinuation:
      return "invalid UTF-8: " + starts + "byte " +
             Hex("0x%02X", static_cast<unsigned char>(text[at + c.bad])) +
             " after it is not a continuation byte" + kOtherEncoding;
    case Utf8Status::kOverlong:
      return "invalid UTF-8: overlong encoding: " + encode() + Hex("U+%04X", c.code_point) +
             " in more bytes than it takes";
    case Utf8Status::kSurrogate:
      return "invalid UTF-8: " + encode() + Hex("U+%04X", c.code_point) +
             ", a UTF-16 surrogate, which is not a character";
    case Utf8Status::kTooLarge:
      return "invalid UTF-8: " + encode() + Hex("0x%X", c.code_point) +
             ", past the last Unicode character U+10FFFF";
    case Utf8Status::kOk:
      break;
  }
  return "";
}

std::string ControlCharacter(uint32_t cp, bool near_start) {
  std::string name = Hex("U+%04X", cp);
  if (cp == 0) name += " (NUL)";
  if (cp == 0x7F) name += " (DEL)";
  std::string msg = "control character " + name +
                    " is not allowed in YAML; inside a double-quoted string, write it as \"" +
                    Hex("\\x%02X", cp) + "\"";
  if (cp == 0 && near_start) msg += " (is the file UTF-16 or UTF-32 without a byte order mark?)";
  return msg;
}

// The text being prepared, with the position go-yaml would report: lines end at LF, CRLF, and
// (rewritten as those) a lone CR and NEL.
class Preparer {
 public:
  // after_mark: the input started with a byte order mark already taken off (UTF-16's).
  Preparer(const std::string& in, bool after_mark)
      : in_(in), document_start_(!after_mark), second_mark_(after_mark) {
    out_.reserve(in.size());
  }

  bool changed() const { return changed_; }
  std::string& out() { return out_; }
  Mark Here() const { return Mark{line_, static_cast<int>(out_.size() - line_start_) + 1}; }

  bool Run(YamlInputProblem* problem) {
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      const auto c = static_cast<unsigned char>(in_[i]);
      if (c == '\n' || c == '\r') {
        const bool crlf = c == '\r' && i + 1 < n && in_[i + 1] == '\n';
        out_ += crlf ? "\r\n" : "\n";
        changed_ |= c == '\r' && !crlf;
        i += crlf ? 2 : 1;
        EndLine();
      } else if (c < 0x80) {
        if ((c < 0x20 && c != '\t') || c == 0x7F)
          return Refuse(ControlCharacter(c, i < 4), problem);
        size_t end = i + 1;  // the run of printable ASCII and tabs, appended at once
        while (end < n && IsPlainRunByte(static_cast<unsigned char>(in_[end]))) ++end;
        out_.append(in_, i, end - i);
        i = end;
      } else {
        const Utf8Char ch =
            DecodeUtf8(reinterpret_cast<const unsigned char*>(in_.data()) + i, n - i);
        if (ch.status != Utf8Status::kOk) return Refuse(Utf8Problem(in_, i, ch), problem);
        const uint32_t cp = ch.code_point;
        const size_t width = ch.width;
        if (cp == 0x85) {  // NEL: a line break to go-yaml, which reads it as LF
          out_ += "\r\n";
          changed_ = true;
          i += width;
          EndLine();
          continue;
        }
        if (cp < 0xA0) return Refuse(ControlCharacter(cp, false), problem);
        if (cp == 0xFFFE || cp == 0xFFFF) {
          return Refuse(Hex("U+%04X", cp) + " is not a character and is not allowed in YAML",
                        problem);
        }
        if (cp == 0x2028 || cp == 0x2029) {
          return Refuse(Hex("U+%04X", cp) +
                            (cp == 0x2028 ? " (line separator)" : " (paragraph separator)") +
                            " is a line break to Kubernetes' YAML 1.1 parser but not to YAML 1.2 "
                            "tools; use a newline, or write " +
                            (cp == 0x2028 ? "\\L" : "\\P") + " inside a double-quoted string",
                        problem);
        }
        if (cp == 0xFEFF && out_.size() == line_start_) {
          // kubectl cuts the stream at "---" lines and go-yaml drops a byte order mark that
          // starts what it is given; anywhere else at a line's start it would be part of a key.
          if (second_mark_) {
            return Refuse(
                "a second byte order mark (U+FEFF): Kubernetes' tools disagree on it; remove it",
                problem);
          }
          if (!document_start_) {
            return Refuse(
                "byte order mark (U+FEFF) at the start of a line: only the input or a document "
                "(the line after ---) may start with one; here Kubernetes would read it as part "
                "of the key or value that follows",
                problem);
          }
          document_start_ = false;
          second_mark_ = true;
          changed_ = true;
          i += width;
          continue;
        }
        out_.append(in_, i, width);
        i += width;
      }
    }
    return true;
  }

 private:
  bool Refuse(std::string message, YamlInputProblem* problem) const {
    problem->mark = Here();
    problem->message = std::move(message);
    return false;
  }

  // After a line break: the next line starts a document when this one was a "---" marker with
  // nothing but a comment after it (where kubectl cuts the stream).
  void EndLine() {
    const char* line = out_.data() + line_start_;
    size_t end = out_.size();
    while (end > line_start_ && (out_[end - 1] == '\n' || out_[end - 1] == '\r')) --end;
    const size_t len = end - line_start_;
    size_t k = 3;
    if (len >= 3 && std::memcmp(line, "---", 3) == 0 &&
        (len == 3 || line[3] == ' ' || line[3] == '\t')) {
      while (k < len && (line[k] == ' ' || line[k] == '\t')) ++k;
      document_start_ = k == len || line[k] == '#';
    } else {
      document_start_ = false;
    }
    ++line_;
    line_start_ = out_.size();
    second_mark_ = false;
  }

  const std::string& in_;
  std::string out_;
  int line_ = 1;
  size_t line_start_ = 0;
  bool document_start_;  // a byte order mark may start this line
  bool second_mark_;     // one was just taken off: another would be a second
  bool changed_ = false;
};

// go-yaml's UTF-16 reader: code units in the given byte order after the 2-byte mark, surrogate
// pairs joined, written as UTF-8. Stops at the first error, returning it (empty when none).
std::string DecodeUtf16(const std::string& text, bool big_endian, std::string* out) {
  const size_t n = text.size();
  auto unit = [&](size_t at) -> uint32_t {
    const auto a = static_cast<unsigned char>(text[at]),
               b = static_cast<unsigned char>(text[at + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 2; i < n;) {
    if (n - i < 2) return "invalid UTF-16: the input ends in the middle of a character";
    uint32_t cp = unit(i);
    size_t width = 2;
    if ((cp & 0xFC00) == 0xDC00) {
      return "invalid UTF-16: low surrogate " + Hex("0x%04X", cp) +
             " without a high surrogate before it";
    }
    if ((cp & 0xFC00) == 0xD800) {
      if (n - i < 4)
        return "invalid UTF-16: the input ends after high surrogate " + Hex("0x%04X", cp);
      const uint32_t low = unit(i + 2);
      if ((low & 0xFC00) != 0xDC00) {
        return "invalid UTF-16: high surrogate " + Hex("0x%04X", cp) + " is followed by " +
               Hex("0x%04X", low) + ", not by a low surrogate";
      }
      cp = 0x10000 + ((cp & 0x3FF) << 10) + (low & 0x3FF);
      width = 4;
    }
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | cp >> 6);
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | cp >> 12);
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | cp >> 18);
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    i += width;
  }
  return "";
}

bool StartsWith(const std::string& text, const char* prefix, size_t len) {
  return text.size() >= len && std::memcmp(text.data(), prefix, len) == 0;
}

}  // namespace

bool PrepareYamlInput(const std::string& text, std::string* prepared, bool* changed,
                      YamlInputProblem* problem) {
  *changed = false;
  if (IsPlainAscii(text)) return true;
  if (StartsWith(text, "\xFF\xFE\0\0", 4) || StartsWith(text, "\0\0\xFE\xFF", 4)) {
    problem->mark = Mark{1, 1};
    problem->message = "UTF-32 input is not supported: Kubernetes reads YAML as UTF-8 or UTF-16";
    return false;
  }
  const bool little = StartsWith(text, "\xFF\xFE", 2), big = StartsWith(text, "\xFE\xFF", 2);
  if (little || big) {
    std::string decoded;
    const std::string error = DecodeUtf16(text, big, &decoded);
    // go-yaml checks each character as it decodes it, so a bad character in the decoded part
    // comes first; the mark after the byte order mark goes with it.
    Preparer preparer(decoded, true);
    if (!preparer.Run(problem)) return false;
    if (!error.empty()) {
      problem->mark = preparer.Here();
      problem->message = error;
      return false;
    }
    *prepared = std::move(preparer.out());
    *changed = true;
    return true;
  }
  Preparer preparer(text, false);
  if (!preparer.Run(problem)) return false;
  if (preparer.changed()) {
    *prepared = std::move(preparer.out());
    *changed = true;
  }
  return true;
}

}  // namespace thv
