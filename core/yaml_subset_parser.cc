#include "core/yaml_subset_parser.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <climits>
#include <cstring>
#include <string>

namespace thv {
namespace {

struct LeavesSubset {};

// yaml-cpp's non-specific tags: "?" for plain scalars and collections, "!" for quoted and
// block scalars.
const std::string kPlainTag = "?";
const std::string kNonPlainTag = "!";

constexpr int kMaxNesting = 500;  // yaml-cpp's own limit

bool IsBlankOrEnd(char c) { return c == ' ' || c == '\n' || c == '\0'; }
bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

[[noreturn]] void Leave() { throw LeavesSubset(); }

// Escapes of one character that stands for one character; the rest (\x, \u, \N, line
// continuations, ...) leave the subset.
char Unescaped(char c) {
  switch (c) {
    case '0':
      return '\0';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 't':
      return '\t';
    case 'n':
      return '\n';
    case 'v':
      return '\v';
    case 'f':
      return '\f';
    case 'r':
      return '\r';
    case 'e':
      return '\x1b';
    case ' ':
    case '"':
    case '/':
    case '\\':
      return c;
    default:
      Leave();
  }
}

// A recursive descent over the text. Block collections know their column; a node that cannot
// be read exactly as yaml-cpp reads it throws LeavesSubset.
class SubsetParser {
 public:
  SubsetParser(std::string_view text, YAML::EventHandler* out) : text_(text), out_(out) {}

  void ParseStream() {
    CheckCharacters();
    SkipToToken();
    while (!AtEnd()) {
      if ((Column() == 0 && Peek() == '%') || AtMarker("...")) Leave();
      const bool explicit_start = AtMarker("---");
      out_->OnDocumentStart(Here());
      if (explicit_start) {
        pos_ += 3;
        FinishLine();
        SkipToToken();
      }
      if (AtEnd() || AtDocumentMarker()) {
        out_->OnNull(Here(), YAML::NullAnchor);
      } else {
        ParseBlockNode(-1);
        SkipToToken();
        if (!AtEnd() && !AtMarker("---")) Leave();
      }
      out_->OnDocumentEnd();
    }
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  char Peek() const { return At(pos_); }
  int Column() const { return static_cast<int>(pos_ - line_start_); }
  YAML::Mark Here() const {
    YAML::Mark mark;
    mark.pos = static_cast<int>(pos_);
    mark.line = line_;
    mark.column = Column();
    return mark;
  }
  // Where yaml-cpp marks the token after the last node of a collection at the given column
  // (that closes it): at the end of the input if the collection ends because the last line is
  // indented less (a sequence also at the same column), else at column 0 of the last line, where
  // the end of the stream closes everything.
  YAML::Mark EndMark(int column, bool sequence) const {
    YAML::Mark mark = Here();
    if (AtEnd() && (sequence ? column < mark.column : column <= mark.column)) mark.column = 0;
    return mark;
  }

  // Printable ASCII and line feeds only: tabs, carriage returns, other control characters and
  // UTF-8 each have rules of their own.
  void CheckCharacters() const {
    if (text_.size() > INT_MAX) Leave();  // marks are ints
    for (char c : text_) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\n') || u >= 0x7f) Leave();
    }
  }

  bool AtMarker(const char* marker) const {
    return Column() == 0 && text_.compare(pos_, 3, marker) == 0 && IsBlankOrEnd(At(pos_ + 3));
  }
  bool AtDocumentMarker() const { return AtMarker("---") || AtMarker("..."); }
  bool AtBlockEntry() const { return Peek() == '-' && IsBlankOrEnd(At(pos_ + 1)); }
  bool AtComment() const {
    return Peek() == '#' && (pos_ == line_start_ || text_[pos_ - 1] == ' ');
  }
  bool AtLineEnd() const { return AtEnd() || Peek() == '\n' || AtComment(); }

  // A plain scalar may start with "-" only before a word, number or option ("-1", "--flag").
  bool CanStartPlain() const {
    const char c = Peek();
    if (c == '-') {
      const char next = At(pos_ + 1);
      return IsAlnum(next) || next == '-' || next == '.';
    }
    return !IsBlankOrEnd(c) && std::strchr("?:,[]{}#&*!|>'\"%@`", c) == nullptr;
  }

  void NewLine() {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  void SkipSpaces() {
    while (Peek() == ' ') ++pos_;
  }
  void SkipComment() {
    while (!AtEnd() && Peek() != '\n') ++pos_;
  }

  // Past spaces, line breaks and comments to the next token or the end, as yaml-cpp's scanner
  // goes between tokens.
  void SkipToToken() {
    while (true) {
      SkipSpaces();
      if (Peek() == '#') {
        if (!AtComment()) Leave();
        SkipComment();
      }
      if (Peek() != '\n') return;
      NewLine();
    }
  }

  // The rest of a line after a node: spaces, perhaps a comment, then the line break or the end.
  void FinishLine() {
    SkipSpaces();
    if (AtComment()) SkipComment();
    if (!AtEnd() && Peek() != '\n') Leave();
  }

  void Enter() {
    if (++depth_ > kMaxNesting) Leave();
  }
  void Exit() { --depth_; }

  void EmitPlain(const YAML::Mark& mark, std::string_view value) {
    if (value == "~" || value == "null" || value == "Null" || value == "NULL") {
      out_->OnNull(mark, YAML::NullAnchor);
    } else {
      out_->OnScalar(mark, kPlainTag, YAML::NullAnchor, std::string(value));
    }
  }

  // Where the quoted scalar starting at i ends on its line, or npos.
  size_t QuotedEnd(size_t i) const {
    const char quote = text_[i++];
    while (i < text_.size() && text_[i] != '\n') {
      const char c = text_[i++];
      if (c == '\\' && quote == '"') {
        if (At(i) == '\n') break;
        ++i;
      } else if (c == quote) {
        if (quote == '"' || At(i) != '\'') return i;
        ++i;
      }
    }
    return std::string_view::npos;
  }

  // Whether a simple key starts here: a one-line scalar followed by ": " or ':' at the line's
  // end.
  bool AtKey() const {
    size_t i = pos_;
    if (Peek() == '"' || Peek() == '\'') {
      i = QuotedEnd(i);
      return i != std::string_view::npos && At(i) == ':' && IsBlankOrEnd(At(i + 1));
    }
    if (!CanStartPlain()) return false;
    for (; i < text_.size() && text_[i] != '\n'; ++i) {
      if (text_[i] == ':' && IsBlankOrEnd(At(i + 1))) return true;
      if (text_[i] == ' ' && At(i + 1) == '#') return false;
    }
    return false;
  }

  // A one-line quoted scalar, sent as a non-plain scalar.
  void ParseQuoted() {
    const YAML::Mark mark = Here();
    const char quote = text_[pos_++];
    std::string value;
    while (true) {
      if (AtEnd() || Peek() == '\n') Leave();  // multi-line quoted scalars fold
      const char c = text_[pos_++];
      if (c == quote) {
        if (quote == '"' || Peek() != '\'') {
          out_->OnScalar(mark, kNonPlainTag, YAML::NullAnchor, value);
          return;
        }
        ++pos_;
        value += '\'';
      } else if (c == '\\' && quote == '"') {
        value += Unescaped(At(pos_++));
      } else {
        value += c;
      }
    }
  }

  // A node in block context at the current token, inside a block collection at column top.
  void ParseBlockNode(int top) {
    if (AtBlockEntry()) return ParseBlockSequence(Column());
    if (AtKey()) return ParseBlockMapping(Column());
    ParseInlineNode(top);
  }

  void ParseBlockMapping(int column) {
    Enter();
    out_->OnMapStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      ParseBlockKey();
      ParseBlockValue(column);
      SkipToToken();
      if (AtEnd() || AtDocumentMarker() || Column() < column) break;
      if (Column() > column || !AtKey()) Leave();
    }
    out_->OnMapEnd();
    Exit();
  }

  void ParseBlockKey() {  // AtKey() holds
    if (Peek() == '"' || Peek() == '\'') {
      ParseQuoted();
    } else {
      const YAML::Mark mark = Here();
      const size_t start = pos_;
      size_t end = pos_;
      for (; Peek() != ':' || !IsBlankOrEnd(At(pos_ + 1)); ++pos_) {
        if (Peek() != ' ') end = pos_ + 1;
      }
      EmitPlain(mark, text_.substr(start, end - start));
    }
    ++pos_;  // ':'
  }

  // The value after "key:": on the same line, or on the lines below and indented more than the
  // key; a sequence may also start at the key's own column.
  void ParseBlockValue(int column) {
    SkipSpaces();
    if (!AtLineEnd()) {
      if (AtBlockEntry() || AtKey()) Leave();  // "a: - b" and "a: b: c" are errors
      return ParseInlineNode(column);
    }
    SkipToToken();
    if (!AtEnd() && !AtDocumentMarker()) {
      if (Column() > column) return ParseBlockNode(column);
      if (Column() == column && AtBlockEntry()) return ParseBlockSequence(column);
    }
    out_->OnNull(EndMark(column, false), YAML::NullAnchor);  // marked where the next token is
  }

  void ParseBlockSequence(int column) {
    Enter();
    out_->OnSequenceStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Block);
    do {
      ++pos_;  // '-'
      ParseBlockItem(column);
      SkipToToken();
    } while (!AtEnd() && !AtDocumentMarker() && Column() == column && AtBlockEntry());
    out_->OnSequenceEnd();
    Exit();
  }

  // What follows "- ": a node on the same line (where a compact mapping or sequence may start),
  // or on the lines below, indented more than the dash.
  void ParseBlockItem(int column) {
    SkipSpaces();
    if (!AtLineEnd()) return ParseBlockNode(column);
    SkipToToken();
    if (!AtEnd() && !AtDocumentMarker() && Column() > column) return ParseBlockNode(column);
    out_->OnNull(EndMark(column, true), YAML::NullAnchor);
  }

  // A scalar or flow collection (with the rest of its line), or a literal block scalar.
  void ParseInlineNode(int top) {
    switch (Peek()) {
      case '[':
      case '{':
        ParseFlowCollection();
        break;
      case '"':
      case '\'':
        ParseQuoted();
        break;
      case '|':
        return ParseLiteral(top);
      default:
        if (!CanStartPlain()) Leave();
        return ParsePlainScalar(top);
    }
    FinishLine();
  }

  void ParsePlainScalar(int top) {
    const YAML::Mark mark = Here();
    const size_t start = pos_;
    size_t end = pos_;
    bool comment = false;
    while (!AtEnd() && Peek() != '\n') {
      const char c = Peek();
      if (c == ' ' && At(pos_ + 1) == '#') {
        comment = true;
        break;
      }
      if (c == ':' && IsBlankOrEnd(At(pos_ + 1))) Leave();
      ++pos_;
      if (c != ' ') end = pos_;
    }
    if (!comment) CheckNoContinuation(top);
    EmitPlain(mark, text_.substr(start, end - start));
    FinishLine();
  }

  // A plain scalar goes on over the next non-empty line when that is indented more than the
  // enclosing collection; multi-line plain scalars fold, which is left to yaml-cpp.
  void CheckNoContinuation(int top) const {
    size_t i = pos_;
    while (i < text_.size()) {
      const size_t line = ++i;
      while (At(i) == ' ') ++i;
      if (i >= text_.size()) return;
      if (text_[i] == '\n') continue;
      if (static_cast<int>(i - line) > top) Leave();
      return;
    }
  }

  // "|" or "|-": the lines below, verbatim less their common indentation, which must be more
  // than the enclosing collection's.
  void ParseLiteral(int top) {
    const YAML::Mark mark = Here();
    ++pos_;
    const bool strip = Peek() == '-';
    if (strip) ++pos_;
    FinishLine();  // "|+", "|2" and ">" forms leave the subset here or before
    if (AtEnd()) Leave();
    NewLine();
    std::string value;
    int indent = -1;
    int leading_spaces = 0;  // the most spaces on an empty line before the first content
    size_t breaks = 0;       // line breaks not yet added to value
    while (!AtEnd()) {
      size_t i = pos_;
      while (At(i) == ' ') ++i;
      const int spaces = static_cast<int>(i - pos_);
      if (i >= text_.size() || text_[i] == '\n') {  // an empty line
        if (indent < 0 && spaces > leading_spaces) leading_spaces = spaces;
        if (indent >= 0 && spaces > indent) Leave();  // spaces past the indentation are content
        ++breaks;
        pos_ = i;
        if (AtEnd()) break;
        NewLine();
        continue;
      }
      if (indent < 0) {
        indent = spaces;
        if (indent <= top || indent == 0 || leading_spaces > indent) Leave();
      }
      if (spaces < indent) break;  // this line belongs to what follows the scalar
      value.append(breaks, '\n');
      size_t eol = text_.find('\n', pos_);
      if (eol == std::string_view::npos) eol = text_.size();
      value.append(text_.substr(pos_ + indent, eol - pos_ - indent));
      pos_ = eol;
      breaks = 0;
      if (AtEnd()) break;
      NewLine();
      breaks = 1;
    }
    if (indent < 0) Leave();
    if (!strip && breaks > 0) value += '\n';
    out_->OnScalar(mark, kNonPlainTag, YAML::NullAnchor, value);
  }

  // Spaces and line breaks between flow tokens; comments there leave the subset.
  void SkipFlowSpace() {
    while (true) {
      SkipSpaces();
      if (Peek() == '#') Leave();
      if (Peek() != '\n') return;
      NewLine();
    }
  }

  // A flow sequence ([a, b]) or mapping ({k: v}), at its opening bracket.
  void ParseFlowCollection() { Peek() == '{' ? ParseFlow<true>() : ParseFlow<false>(); }

  template <bool kMapping>
  void ParseFlow() {
    constexpr char kClose = kMapping ? '}' : ']';
    Enter();
    if constexpr (kMapping)
      out_->OnMapStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
    else
      out_->OnSequenceStart(Here(), kPlainTag, YAML::NullAnchor, YAML::EmitterStyle::Flow);
    ++pos_;
    SkipFlowSpace();
    while (Peek() != kClose) {
      if constexpr (kMapping) {
        ParseFlowKey();
        SkipFlowSpace();
      }
      ParseFlowNode();
      EndFlowEntry(kClose);
    }
    ++pos_;
    if constexpr (kMapping)
      out_->OnMapEnd();
    else
      out_->OnSequenceEnd();
    Exit();
  }

  // After an entry: a ',' (which may come before the closing bracket) or the closing bracket.
  void EndFlowEntry(char close) {
    SkipFlowSpace();
    if (Peek() == ',') {
      ++pos_;
      SkipFlowSpace();
    } else if (Peek() != close) {
      Leave();
    }
  }

  void ParseFlowKey() {
    if (Peek() == '"' || Peek() == '\'') {
      ParseQuoted();
    } else {
      if (!CanStartPlain()) Leave();
      const YAML::Mark mark = Here();
      EmitPlain(mark, ScanPlainInFlow());
    }
    if (Peek() != ':' || !IsBlankOrEnd(At(pos_ + 1))) Leave();
    ++pos_;
  }

  void ParseFlowNode() {
    switch (Peek()) {
      case '[':
      case '{':
        return ParseFlowCollection();
      case '"':
      case '\'':
        return ParseQuoted();
      default: {
        if (!CanStartPlain()) Leave();
        const YAML::Mark mark = Here();
        EmitPlain(mark, ScanPlainInFlow());
      }
    }
  }

  // A plain scalar inside [...] or {...}: it ends before ",[]{}", ": " or the line's end.
  std::string_view ScanPlainInFlow() {
    const size_t start = pos_;
    size_t end = pos_;
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '\n' || std::strchr(",[]{}", c) != nullptr) break;
      if (c == '?' || (c == '#' && text_[pos_ - 1] == ' ')) Leave();
      if (c == ':') {
        const char next = At(pos_ + 1);
        if (next == ' ' || next == '\n') break;
        if (next == '\0' || std::strchr(",[]{}", next) != nullptr) Leave();
      }
      ++pos_;
      if (c != ' ') end = pos_;
    }
    if (AtEnd() || Peek() == '\n') {  // it would go on unless the next token ends the entry
      size_t i = pos_;
      while (At(i) == ' ' || At(i) == '\n') ++i;
      if (std::strchr(",]}", At(i)) == nullptr || At(i) == '\0') Leave();
    }
    return text_.substr(start, end - start);
  }

  std::string_view text_;
  YAML::EventHandler* out_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 0;
  int depth_ = 0;
};

}  // namespace

bool ParseYamlSubset(std::string_view text, YAML::EventHandler* handler) {
  try {
    SubsetParser(text, handler).ParseStream();
    return true;
  } catch (const LeavesSubset&) {
    return false;
  }
}

}  // namespace thv
