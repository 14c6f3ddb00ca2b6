#include "model/go_template_lex.h"

#include <cstdio>
#include <utility>

#include "core/utf8.h"
#include "model/names.h"

namespace thv {
namespace go_template {

namespace {

const int kEof = -1;
const std::string kLeft = "{{", kRight = "}}";

bool IsSpace(int r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }
// unicode.IsLetter/IsDigit for ASCII; every other rune counts as a letter (see the header).
bool IsAlphaNumeric(int r) {
  return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
         r >= 0x80;
}

std::string Utf8(int r) {
  std::string s;
  EncodeUtf8(static_cast<uint32_t>(r), &s);
  return s;
}

// fmt's %#U: U+0023 '#' (the character only when printable).
std::string RuneU(int r) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(r));
  const bool printable = r >= 0x20 && r != 0x7f && !(r >= 0x80 && r < 0xa0);
  return printable ? std::string(hex) + " '" + Utf8(r) + "'" : std::string(hex);
}

bool StartsAt(const std::string& s, size_t at, const std::string& prefix) {
  return at <= s.size() && s.compare(at, prefix.size(), prefix) == 0;
}
bool HasLeftTrimMarker(const std::string& s, size_t at) {
  return at + 2 <= s.size() && s[at] == '-' && IsSpace(s[at + 1]);
}
bool HasRightTrimMarker(const std::string& s, size_t at) {
  return at + 2 <= s.size() && IsSpace(s[at]) && s[at + 1] == '-';
}

// lex.go: the whole input as items, up to EOF or the first error.
class Lexer {
 public:
  explicit Lexer(const std::string& in) : in_(in) {}

  std::vector<Item> Run() {
    State s = kLexText;
    while (s != kDone) s = Step(s);
    return std::move(items_);
  }

 private:
  enum State { kDone, kLexText, kLexLeftDelim, kLexComment, kLexRightDelim, kLexInsideAction };

  State Step(State s) {
    switch (s) {
      case kLexText:
        return LexText();
      case kLexLeftDelim:
        return LexLeftDelim();
      case kLexComment:
        return LexComment();
      case kLexRightDelim:
        return LexRightDelim();
      case kLexInsideAction:
        return LexInsideAction();
      default:
        return kDone;
    }
  }

  // Items start at increasing offsets: count on from the last one (linear, not quadratic).
  int LineAt(size_t at) {
    if (at < counted_to_) counted_to_ = 0, line_ = 1;
    for (; counted_to_ < at && counted_to_ < in_.size(); ++counted_to_)
      line_ += in_[counted_to_] == '\n';
    return line_;
  }
  int Next() {
    if (pos_ >= in_.size()) {
      width_ = 0;
      return kEof;
    }
    const unsigned char c = static_cast<unsigned char>(in_[pos_]);
    size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (pos_ + n > in_.size()) n = 1;
    int r = n == 1 ? c : c & (0x7f >> n);
    for (size_t k = 1; k < n; ++k)
      r = (r << 6) | (static_cast<unsigned char>(in_[pos_ + k]) & 0x3f);
    if (n == 1 && c >= 0x80) r = 0xfffd;
    width_ = n;
    pos_ += n;
    return r;
  }
  void Backup() { pos_ -= width_; }
  int Peek() {
    const int r = Next();
    Backup();
    return r;
  }
  bool Accept(const std::string& valid) {
    const int r = Next();
    if (r != kEof && valid.find(static_cast<char>(r)) != std::string::npos && r < 0x80) return true;
    Backup();
    return false;
  }
  void AcceptRun(const std::string& valid) {
    while (Accept(valid)) {
    }
  }
  void Emit(Type t) {
    items_.push_back({t, in_.substr(start_, pos_ - start_), LineAt(start_)});
    start_ = pos_;
  }
  void Ignore() { start_ = pos_; }
  State Errorf(const std::string& message) {
    items_.push_back({kError, message, LineAt(start_)});
    return kDone;
  }
  size_t TrimmedRight(size_t from, size_t to) const {  // rightTrimLength of in[from:to]
    size_t n = 0;
    while (to - n > from && IsSpace(in_[to - n - 1])) ++n;
    return n;
  }
  size_t TrimmedLeft(size_t from) const {  // leftTrimLength of in[from:]
    size_t n = 0;
    while (from + n < in_.size() && IsSpace(in_[from + n])) ++n;
    return n;
  }
  // atRightDelim: (at a right delimiter, with a trim marker before it).
  std::pair<bool, bool> AtRightDelim() const {
    if (HasRightTrimMarker(in_, pos_) && StartsAt(in_, pos_ + 2, kRight)) return {true, true};
    return {StartsAt(in_, pos_, kRight), false};
  }
  bool AtTerminator() {
    const int r = Peek();
    if (IsSpace(r)) return true;
    switch (r) {
      case kEof:
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
    }
    return StartsAt(in_, pos_, kRight);
  }

  State LexText() {
    const size_t x = in_.find(kLeft, pos_);
    if (x != std::string::npos) {
      pos_ = x;
      const size_t trim =
          HasLeftTrimMarker(in_, pos_ + kLeft.size()) ? TrimmedRight(start_, pos_) : 0;
      pos_ -= trim;
      if (pos_ > start_) Emit(kText);
      pos_ += trim;
      Ignore();
      return kLexLeftDelim;
    }
    pos_ = in_.size();
    if (pos_ > start_) Emit(kText);
    Emit(kEOF);
    return kDone;
  }
  State LexLeftDelim() {
    pos_ += kLeft.size();
    const size_t after_marker = HasLeftTrimMarker(in_, pos_) ? 2 : 0;
    if (StartsAt(in_, pos_ + after_marker, "/*")) {
      pos_ += after_marker;
      Ignore();
      return kLexComment;
    }
    Emit(kLeftDelim);
    pos_ += after_marker;
    Ignore();
    paren_depth_ = 0;
    return kLexInsideAction;
  }
  State LexComment() {
    pos_ += 2;
    const size_t i = in_.find("*/", pos_);
    if (i == std::string::npos) return Errorf("unclosed comment");
    pos_ = i + 2;
    const auto [delim, trim] = AtRightDelim();
    if (!delim) return Errorf("comment ends before closing delimiter");
    if (trim) pos_ += 2;
    pos_ += kRight.size();
    if (trim) pos_ += TrimmedLeft(pos_);
    Ignore();
    return kLexText;
  }
  State LexRightDelim() {
    const bool trim = HasRightTrimMarker(in_, pos_);
    if (trim) {
      pos_ += 2;
      Ignore();
    }
    pos_ += kRight.size();
    Emit(kRightDelim);
    if (trim) {
      pos_ += TrimmedLeft(pos_);
      Ignore();
    }
    return kLexText;
  }
  State LexInsideAction() {
    if (AtRightDelim().first) {
      if (paren_depth_ == 0) return kLexRightDelim;
      return Errorf("unclosed left paren");
    }
    const int r = Next();
    if (r == kEof) return Errorf("unclosed action");
    if (IsSpace(r)) {
      Backup();
      return LexSpace();
    }
    switch (r) {
      case '=':
        Emit(kAssign);
        return kLexInsideAction;
      case ':':
        if (Next() != '=') return Errorf("expected :=");
        Emit(kDeclare);
        return kLexInsideAction;
      case '|':
        Emit(kPipe);
        return kLexInsideAction;
      case '"':
        return LexQuote('"', kString, "unterminated quoted string");
      case '`':
        return LexRawQuote();
      case '$':
        return AtTerminator() ? (Emit(kVariable), kLexInsideAction) : LexFieldOrVariable(kVariable);
      case '\'':
        return LexQuote('\'', kCharConstant, "unterminated character constant");
      case '(':
        Emit(kLeftParen);
        ++paren_depth_;
        return kLexInsideAction;
      case ')':
        Emit(kRightParen);
        if (--paren_depth_ < 0) return Errorf("unexpected right paren " + RuneU(r));
        return kLexInsideAction;
    }
    if (r == '.' && pos_ < in_.size() && (in_[pos_] < '0' || in_[pos_] > '9'))
      return LexFieldOrVariable(kField);
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      Backup();
      return LexNumber();
    }
    if (IsAlphaNumeric(r)) {
      Backup();
      return LexIdentifier();
    }
    if (r < 0x80 && r >= 0x20 && r != 0x7f) {
      Emit(kChar);
      return kLexInsideAction;
    }
    return Errorf("unrecognized character in action: " + RuneU(r));
  }
  State LexSpace() {
    int spaces = 0;
    while (IsSpace(Peek())) {
      Next();
      ++spaces;
    }
    if (HasRightTrimMarker(in_, pos_ - 1) && StartsAt(in_, pos_ - 1 + 2, kRight)) {
      pos_ -= 1;  // before the space
      if (spaces == 1) return kLexRightDelim;
    }
    Emit(kSpace);
    return kLexInsideAction;
  }
  State LexIdentifier() {
    int r = Next();
    while (IsAlphaNumeric(r)) r = Next();
    Backup();
    const std::string word = in_.substr(start_, pos_ - start_);
    if (!AtTerminator()) return Errorf("bad character " + RuneU(r));
    static const std::pair<const char*, Type> kKeywords[] = {{"block", kBlock},
                                                             {"break", kBreak},
                                                             {"continue", kContinue},
                                                             {"define", kDefine},
                                                             {"else", kElse},
                                                             {"end", kEnd},
                                                             {"if", kIf},
                                                             {"range", kRange},
                                                             {"nil", kNil},
                                                             {"template", kTemplate},
                                                             {"with", kWith}};
    for (const auto& [name, type] : kKeywords) {
      if (word == name) {
        Emit(type);
        return kLexInsideAction;
      }
    }
    Emit(word == "true" || word == "false" ? kBool : kIdentifier);
    return kLexInsideAction;
  }
  State LexFieldOrVariable(Type type) {
    if (AtTerminator()) {  // "." or "$" alone
      Emit(type == kVariable ? kVariable : kDot);
      return kLexInsideAction;
    }
    int r = Next();
    while (IsAlphaNumeric(r)) r = Next();
    Backup();
    if (!AtTerminator()) return Errorf("bad character " + RuneU(r));
    Emit(type);
    return kLexInsideAction;
  }
  State LexQuote(int quote, Type type, const char* unterminated) {
    for (;;) {
      int r = Next();
      if (r == '\\') {
        r = Next();
        if (r != kEof && r != '\n') continue;
      }
      if (r == kEof || r == '\n') return Errorf(unterminated);
      if (r == quote) break;
    }
    Emit(type);
    return kLexInsideAction;
  }
  State LexRawQuote() {
    for (;;) {
      const int r = Next();
      if (r == kEof) return Errorf("unterminated raw quoted string");
      if (r == '`') break;
    }
    Emit(kRawString);
    return kLexInsideAction;
  }
  State LexNumber() {
    if (!ScanNumber()) return Errorf("bad number syntax: " + GoQuote(Lexeme()));
    if (const int sign = Peek(); sign == '+' || sign == '-') {
      if (!ScanNumber() || in_[pos_ - 1] != 'i')
        return Errorf("bad number syntax: " + GoQuote(Lexeme()));
      Emit(kComplex);
    } else {
      Emit(kNumber);
    }
    return kLexInsideAction;
  }
  std::string Lexeme() const { return in_.substr(start_, pos_ - start_); }
  bool ScanNumber() {
    Accept("+-");
    std::string digits = "0123456789_";
    if (Accept("0")) {
      if (Accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (Accept("oO")) {
        digits = "01234567_";
      } else if (Accept("bB")) {
        digits = "01_";
      }
    }
    AcceptRun(digits);
    if (Accept(".")) AcceptRun(digits);
    if (digits.size() == 11 && Accept("eE")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    if (digits.size() == 23 && Accept("pP")) {
      Accept("+-");
      AcceptRun("0123456789_");
    }
    Accept("i");
    if (IsAlphaNumeric(Peek())) {
      Next();
      return false;
    }
    return true;
  }

  const std::string& in_;
  size_t pos_ = 0, start_ = 0, width_ = 0;
  int paren_depth_ = 0;
  std::vector<Item> items_;
  size_t counted_to_ = 0;  // LineAt: in_[0, counted_to_) holds line_ - 1 line feeds
  int line_ = 1;
};
}  // namespace

std::vector<Item> Lex(const std::string& text) { return Lexer(text).Run(); }

std::string ItemString(const Item& i) {
  if (i.type == kEOF) return "EOF";
  if (i.type == kError) return i.val;
  if (i.type > kKeyword) return "<" + i.val + ">";
  if (i.val.size() > 10) {  // %.10q...: the first ten runes, quoted
    size_t n = 0, runes = 0;
    while (n < i.val.size() && runes < 10) {
      ++runes;
      ++n;
      while (n < i.val.size() && (static_cast<unsigned char>(i.val[n]) & 0xc0) == 0x80) ++n;
    }
    return GoQuote(i.val.substr(0, n)) + "...";
  }
  return GoQuote(i.val);
}

}  // namespace go_template
}  // namespace thv
