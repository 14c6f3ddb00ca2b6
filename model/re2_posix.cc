#include "model/re2_posix.h"

#include <bitset>
#include <cctype>
#include <cstring>

namespace thv {

namespace {

using AsciiSet = std::bitset<128>;

AsciiSet Range(int lo, int hi) {
  AsciiSet s;
  for (int c = lo; c <= hi; ++c) s.set(c);
  return s;
}

AsciiSet Chars(const char* chars) {
  AsciiSet s;
  for (; *chars; ++chars) s.set(static_cast<unsigned char>(*chars));
  return s;
}

// RE2's Perl classes are ASCII-only.
AsciiSet Digit() { return Range('0', '9'); }
AsciiSet Word() { return Range('0', '9') | Range('A', 'Z') | Range('a', 'z') | Chars("_"); }
AsciiSet Space() { return Chars("\t\n\f\r "); }

bool PosixClass(const std::string& name, AsciiSet* out) {
  if (name == "alpha")
    *out = Range('A', 'Z') | Range('a', 'z');
  else if (name == "digit")
    *out = Digit();
  else if (name == "alnum")
    *out = Range('0', '9') | Range('A', 'Z') | Range('a', 'z');
  else if (name == "upper")
    *out = Range('A', 'Z');
  else if (name == "lower")
    *out = Range('a', 'z');
  else if (name == "space")
    *out = Chars("\t\n\v\f\r ");
  else if (name == "blank")
    *out = Chars("\t ");
  else if (name == "punct")
    *out = Range('!', '/') | Range(':', '@') | Range('[', '`') | Range('{', '~');
  else if (name == "xdigit")
    *out = Range('0', '9') | Range('A', 'F') | Range('a', 'f');
  else if (name == "word")
    *out = Word();
  else if (name == "cntrl")
    *out = Range(0, 31) | Chars("\x7f");
  else if (name == "print")
    *out = Range(' ', '~');
  else if (name == "graph")
    *out = Range('!', '~');
  else if (name == "ascii")
    *out = Range(0, 127);
  else
    return false;
  return true;
}

bool IsEreSpecial(char c) { return std::strchr(".[]()*+?{}|^$\\", c) != nullptr; }

std::string Literal(unsigned char c) {
  std::string out;
  if (c < 128 && IsEreSpecial(static_cast<char>(c))) out += '\\';
  out += static_cast<char>(c);
  return out;
}

// A POSIX bracket matching exactly the members (one byte each). NUL is left out: it never
// reaches a pattern (the YAML reader refuses control characters) and cannot be written in one.
std::string Bracket(AsciiSet set) {
  set.reset(0);
  if (set.count() == 1) {
    for (int c = 1; c < 128; ++c)
      if (set.test(c)) return Literal(static_cast<unsigned char>(c));
  }
  // POSIX puts ']' first, '-' last, '^' anywhere but first; '[' only where no ':', '.' or '='
  // follows it.
  std::string body;
  for (int c = 1; c < 128;) {
    if (!set.test(c) || c == ']' || c == '-' || c == '^' || c == '[') {
      ++c;
      continue;
    }
    int end = c;
    while (end + 1 < 128 && set.test(end + 1) && end + 1 != ']' && end + 1 != '-' &&
           end + 1 != '^' && end + 1 != '[')
      ++end;
    body += static_cast<char>(c);
    if (end > c + 1) body += '-';
    if (end > c) body += static_cast<char>(end);
    c = end + 1;
  }
  std::string out = "[";
  if (set.test(']')) out += ']';
  out += body;
  if (set.test('[')) out += '[';
  if (set.test('^')) {
    if (out == "[") {
      out += set.test('-') ? "-^]" : "^]";  // a lone '^' was a literal above
      return out;
    }
    out += '^';
  }
  if (set.test('-')) out += '-';
  return out + "]";
}

// One UTF-8 sequence of a non-ASCII character.
const char kMultibyte[] = "[\xC0-\xFF][\x80-\xBF]+";

// One character not in set (a whole UTF-8 sequence when not ASCII), as RE2 matches a negated
// class.
std::string NotIn(const AsciiSet& set) {
  AsciiSet ascii = ~set;
  ascii.reset(0);
  if (ascii.none()) return std::string("(") + kMultibyte + ")";
  return "(" + Bracket(ascii) + "|" + kMultibyte + ")";
}

class Translator {
 public:
  explicit Translator(const std::string& re) : re_(re) {}

  bool Run(std::string* ere, std::string* err) {
    while (ok_ && i_ < re_.size()) Atom();
    if (!ok_) {
      *err = error_;
      return false;
    }
    *ere = out_;
    return true;
  }

 private:
  void Fail(const std::string& what) {
    if (ok_) error_ = what + " at offset " + std::to_string(i_) + " is not supported";
    ok_ = false;
  }

  unsigned char Peek(size_t ahead = 0) const {
    return i_ + ahead < re_.size() ? static_cast<unsigned char>(re_[i_ + ahead]) : 0;
  }

  static int HexValue(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // After a backslash: a single character's code, or -1 for a class put in *set (negated in
  // *negated). Sets ok_ false on what RE2 has but this does not take.
  long Escape(AsciiSet* set, bool* negated) {
    const unsigned char c = Peek();
    ++i_;
    *negated = c == 'D' || c == 'W' || c == 'S';
    switch (c) {
      case 'd':
      case 'D':
        *set = Digit();
        return -1;
      case 'w':
      case 'W':
        *set = Word();
        return -1;
      case 's':
      case 'S':
        *set = Space();
        return -1;
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'a':
        return '\a';
      case 'x': {
        long code = 0;
        if (Peek() == '{') {
          ++i_;
          int digits = 0;
          for (; HexValue(Peek()) >= 0 && digits < 8; ++digits, ++i_)
            code = code * 16 + HexValue(Peek());
          if (Peek() != '}' || digits == 0) break;
          ++i_;
        } else {
          if (HexValue(Peek()) < 0 || HexValue(Peek(1)) < 0) break;
          code = HexValue(Peek()) * 16 + HexValue(Peek(1));
          i_ += 2;
        }
        if (code > 0x10FFFF) break;
        return code;
      }
      default:
        if (c != 0 && c < 128 && !std::isalnum(c) && c != ' ') return c;  // escaped punctuation
        break;
    }
    --i_;
    Fail(std::string("escape \\") + static_cast<char>(c));
    return 0;
  }

  static std::string Utf8(long code) {
    std::string s;
    if (code < 0x80) {
      s += static_cast<char>(code);
    } else if (code < 0x800) {
      s += static_cast<char>(0xC0 | (code >> 6));
      s += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      s += static_cast<char>(0xE0 | (code >> 12));
      s += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (code >> 18));
      s += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (code & 0x3F));
    }
    return s;
  }

  // A character outside brackets: non-ASCII as one group, so that a quantifier takes it whole.
  void EmitCode(long code) {
    if (code < 0x80) {
      out_ += Literal(static_cast<unsigned char>(code));
    } else {
      out_ += "(" + Utf8(code) + ")";
    }
  }

  void Atom() {
    const unsigned char c = Peek();
    if (c == '\\') {
      ++i_;
      AsciiSet set;
      bool negated;
      const long code = Escape(&set, &negated);
      if (!ok_) return;
      if (code >= 0)
        EmitCode(code);
      else
        out_ += negated ? NotIn(set) : Bracket(set);
    } else if (c == '[') {
      ++i_;
      BracketExpression();
    } else if (c == '.') {
      ++i_;
      out_ += NotIn(Chars("\n"));
    } else if (c == '(') {
      ++i_;
      if (Peek() == '?') {
        if (Peek(1) == ':') {
          i_ += 2;
        } else if (Peek(1) == 'P' && Peek(2) == '<') {
          const size_t close = re_.find('>', i_);
          if (close == std::string::npos) return Fail("group name");
          i_ = close + 1;
        } else {
          return Fail("flag group (?");
        }
      }
      out_ += '(';
    } else if (c == ')' || c == '|' || c == '^' || c == '$') {
      ++i_;
      out_ += static_cast<char>(c);
    } else if (c == '*' || c == '+' || c == '?') {
      ++i_;
      out_ += static_cast<char>(c);
      if (Peek() == '?') ++i_;  // lazy: the same strings match
    } else if (c == '{') {
      Repetition();
    } else if (c >= 0x80) {
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      out_ += "(" + re_.substr(i_, n) + ")";
      i_ += n;
    } else {
      ++i_;
      out_ += Literal(c);
    }
  }

  // {n}, {n,}, {n,m} as in POSIX; any other '{' is a literal, as RE2 reads it.
  void Repetition() {
    size_t j = i_ + 1;
    auto digits = [&] {
      const size_t start = j;
      while (j < re_.size() && std::isdigit(static_cast<unsigned char>(re_[j]))) ++j;
      return j > start;
    };
    bool valid = digits();
    if (valid && j < re_.size() && re_[j] == ',') {
      ++j;
      digits();
    }
    valid = valid && j < re_.size() && re_[j] == '}';
    if (!valid) {
      ++i_;
      out_ += "\\{";
      return;
    }
    out_ += re_.substr(i_, j + 1 - i_);
    i_ = j + 1;
    if (Peek() == '?') ++i_;
  }

  // After '[': the members into one set, then a POSIX bracket (or, negated, NotIn).
  void BracketExpression() {
    bool negated = false;
    if (Peek() == '^') {
      negated = true;
      ++i_;
    }
    AsciiSet set;
    bool first = true;
    while (ok_) {
      if (i_ >= re_.size()) return Fail("unterminated [");
      unsigned char c = Peek();
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (c == '[' && Peek(1) == ':') {
        const size_t close = re_.find(":]", i_ + 2);
        AsciiSet named;
        if (close == std::string::npos || !PosixClass(re_.substr(i_ + 2, close - i_ - 2), &named))
          return Fail("class [:");
        set |= named;
        i_ = close + 2;
        continue;
      }
      const long lo = Member(&set);
      if (!ok_ || lo < 0) continue;
      if (Peek() == '-' && Peek(1) != ']' && Peek(1) != 0) {
        ++i_;
        AsciiSet unused;
        const long hi = Member(&unused);
        if (!ok_) return;
        if (hi < 0 || hi < lo) return Fail("range");
        set |= Range(static_cast<int>(lo), static_cast<int>(hi));
      } else {
        set.set(static_cast<size_t>(lo));
      }
    }
    if (!ok_) return;
    if (negated) {
      out_ += NotIn(set);
    } else {
      if (set.none()) return Fail("empty class");
      out_ += Bracket(set);
    }
  }

  // One bracket member: its code (ASCII only), or -1 after adding a Perl class to *set.
  long Member(AsciiSet* set) {
    const unsigned char c = Peek();
    if (c >= 0x80) {
      Fail("non-ASCII character in a class");
      return 0;
    }
    ++i_;
    if (c != '\\') return c;
    AsciiSet perl;
    bool negated;
    const long code = Escape(&perl, &negated);
    if (!ok_) return 0;
    if (code >= 0x80) {
      Fail("non-ASCII character in a class");
      return 0;
    }
    if (code >= 0) return code;
    if (negated) {
      Fail("negated class inside a class");
      return 0;
    }
    *set |= perl;
    return -1;
  }

  const std::string& re_;
  size_t i_ = 0;
  std::string out_;
  bool ok_ = true;
  std::string error_;
};

}  // namespace

bool Re2ToPosixEre(const std::string& re2, std::string* ere, std::string* err) {
  return Translator(re2).Run(ere, err);
}

}  // namespace thv
