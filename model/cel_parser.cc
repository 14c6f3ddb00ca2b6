// CEL's grammar (cel-spec doc/langdef.md), by recursive descent, into a Program; the checks
// that make an expression part of the supported subset happen here, so Evaluate never meets
// an unknown function or variable.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "core/utf8.h"
#include "model/cel_ast.h"
#include "model/formats.h"

namespace thv::cel {

namespace {

// cel-go's defaults: expressions up to 100,000 code points, and a recursion limit (here on
// both the parser's nesting and the tree's depth, so evaluation cannot exhaust the stack).
constexpr size_t kMaxExpressionBytes = 400'000;
constexpr size_t kMaxCodePoints = 100'000;
constexpr int kMaxDepth = 250;

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsReserved(std::string_view s) {
  static const char* const kWords[] = {
      "as",  "break", "const",   "continue",  "else",   "for", "function", "if",   "import",
      "let", "loop",  "package", "namespace", "return", "var", "void",     "while"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

struct Token {
  enum Kind {
    kEnd,
    kPunct,  // text: ( ) [ ] { } . , : ? ! - + * / % < <= > >= == != && ||
    kIdent,  // also true, false, null, in and reserved words
    kInt,    // u: the magnitude (a leading '-' is the parser's)
    kUint,
    kDouble,
    kString,
    kBytes,
  };
  Kind kind = kEnd;
  size_t pos = 0;
  std::string_view text;
  std::string value;  // kString, kBytes: decoded
  uint64_t u = 0;
  double d = 0;
};

class Parser {
 public:
  Parser(std::string_view src, Program* program) : src_(src), p_(program) {}

  bool Run(std::string* error) {
    if (src_.size() > kMaxExpressionBytes) return Fail(0, "expression too long", error);
    size_t code_points = 0;
    for (size_t k = 0; k < src_.size();) {
      Utf8Char c =
          DecodeUtf8(reinterpret_cast<const unsigned char*>(src_.data()) + k, src_.size() - k);
      if (c.status != Utf8Status::kOk) return Fail(k, "invalid UTF-8", error);
      k += c.width;
      ++code_points;
    }
    if (code_points > kMaxCodePoints) return Fail(0, "expression too long", error);
    int32_t root = -1;
    if (!Lex() || !ParseExpr(&root)) return Fail(err_pos_, err_, error);
    if (tok_.kind != Token::kEnd) {
      Error("unexpected '" + std::string(tok_.text) + "'");
      return Fail(err_pos_, err_, error);
    }
    p_->root = root;
    return true;
  }

 private:
  bool Fail(size_t pos, const std::string& message, std::string* error) {
    int line = 1, column = 1;
    for (size_t k = 0; k < pos && k < src_.size(); ++k) {
      if (src_[k] == '\n') {
        ++line, column = 1;
      } else if ((static_cast<unsigned char>(src_[k]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    *error = (line > 1 ? "line " + std::to_string(line) + ", " : std::string()) + "column " +
             std::to_string(column) + ": " + message;
    return false;
  }

  bool Error(std::string message, size_t pos = std::string::npos) {
    if (err_.empty()) {
      err_ = std::move(message);
      err_pos_ = pos == std::string::npos ? tok_.pos : pos;
    }
    return false;
  }

  // --- Lexer ---

  bool Lex() {
    // Whitespace and // comments.
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++pos_;
      } else if (src_.compare(pos_, 2, "//") == 0) {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
    tok_ = Token();
    tok_.pos = pos_;
    if (pos_ >= src_.size()) return true;
    char c = src_[pos_];
    // String and bytes literals, with their r/b prefixes in either order and case.
    size_t q = pos_;
    bool raw = false, bytes = false;
    for (int k = 0; k < 2 && q < src_.size(); ++k) {
      char p = src_[q] | 0x20;
      if (p == 'r' && !raw) {
        raw = true, ++q;
      } else if (p == 'b' && !bytes) {
        bytes = true, ++q;
      } else {
        break;
      }
    }
    if (q < src_.size() && (src_[q] == '\'' || src_[q] == '"')) return LexString(q, raw, bytes);
    if (IsIdentStart(c)) {
      size_t start = pos_;
      while (pos_ < src_.size() && IsIdentChar(src_[pos_])) ++pos_;
      tok_.kind = Token::kIdent;
      tok_.text = src_.substr(start, pos_ - start);
      return true;
    }
    if (IsDigit(c) || (c == '.' && pos_ + 1 < src_.size() && IsDigit(src_[pos_ + 1])))
      return LexNumber();
    static const char* const kTwo[] = {"<=", ">=", "==", "!=", "&&", "||"};
    for (const char* t : kTwo) {
      if (src_.compare(pos_, 2, t) == 0) {
        tok_.kind = Token::kPunct;
        tok_.text = src_.substr(pos_, 2);
        pos_ += 2;
        return true;
      }
    }
    if (std::string_view("()[]{}.,:?!-+*/%<>").find(c) != std::string_view::npos) {
      tok_.kind = Token::kPunct;
      tok_.text = src_.substr(pos_++, 1);
      return true;
    }
    return Error(std::string("unexpected character '") + c + "'");
  }

  bool LexNumber() {
    size_t start = pos_;
    auto digits = [&]() {
      size_t s = pos_;
      while (pos_ < src_.size() && IsDigit(src_[pos_])) ++pos_;
      return pos_ > s;
    };
    auto exponent = [&]() {
      if (pos_ < src_.size() && (src_[pos_] | 0x20) == 'e') {
        size_t save = pos_++;
        if (pos_ < src_.size() && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
        if (!digits()) pos_ = save;  // "1e" is the int 1 and the identifier e
        return pos_ != save;
      }
      return false;
    };
    bool is_double = false;
    if (src_.compare(pos_, 2, "0x") == 0 && pos_ + 2 < src_.size() && Hex(src_[pos_ + 2]) >= 0) {
      pos_ += 2;
      uint64_t v = 0;
      bool overflow = false;
      for (; pos_ < src_.size() && Hex(src_[pos_]) >= 0; ++pos_) {
        overflow |= v > (UINT64_MAX >> 4);
        v = v * 16 + Hex(src_[pos_]);
      }
      return FinishInt(start, v, overflow);
    }
    if (src_[pos_] == '.') {
      ++pos_;
      digits();
      exponent();
      is_double = true;
    } else {
      digits();
      if (pos_ + 1 < src_.size() && src_[pos_] == '.' && IsDigit(src_[pos_ + 1])) {
        ++pos_;
        digits();
        is_double = true;
      }
      is_double |= exponent();
    }
    tok_.text = src_.substr(start, pos_ - start);
    if (is_double) {
      std::string text(tok_.text);
      tok_.kind = Token::kDouble;
      tok_.d = std::strtod(text.c_str(), nullptr);
      if (std::isinf(tok_.d)) return Error("invalid double literal");
      return true;
    }
    uint64_t v = 0;
    bool overflow = false;
    for (size_t k = start; k < pos_; ++k) {
      uint64_t digit = src_[k] - '0';
      overflow |= v > (UINT64_MAX - digit) / 10;
      v = v * 10 + digit;
    }
    return FinishInt(start, v, overflow);
  }

  bool FinishInt(size_t start, uint64_t v, bool overflow) {
    bool is_uint = pos_ < src_.size() && (src_[pos_] | 0x20) == 'u';
    if (is_uint) ++pos_;
    tok_.text = src_.substr(start, pos_ - start);
    tok_.kind = is_uint ? Token::kUint : Token::kInt;
    tok_.u = v;
    // Ints are checked by the parser, which knows about a leading '-'.
    if (overflow || (!is_uint && v > (uint64_t{1} << 63)))
      return Error(std::string(is_uint ? "invalid uint literal" : "invalid int literal"));
    return true;
  }

  // q: the opening quote, after any prefix.
  bool LexString(size_t q, bool raw, bool bytes) {
    size_t start = pos_;
    char quote = src_[q];
    bool triple = src_.compare(q, 3, std::string(3, quote)) == 0;
    size_t k = q + (triple ? 3 : 1);
    std::string out;
    while (true) {
      if (k >= src_.size()) return Error("unterminated string literal", start);
      char c = src_[k];
      if (triple ? src_.compare(k, 3, std::string(3, quote)) == 0 : c == quote) break;
      if (!triple && (c == '\n' || c == '\r')) return Error("unterminated string literal", start);
      if (c != '\\' || raw) {
        out.push_back(c);
        ++k;
        continue;
      }
      if (!Unescape(&k, bytes, &out)) return false;
    }
    pos_ = k + (triple ? 3 : 1);
    tok_.kind = bytes ? Token::kBytes : Token::kString;
    tok_.text = src_.substr(start, pos_ - start);
    tok_.value = std::move(out);
    return true;
  }

  // At a backslash in a string or bytes literal (cel-spec "String and Bytes Literals").
  bool Unescape(size_t* k, bool bytes, std::string* out) {
    size_t at = *k;
    if (at + 1 >= src_.size()) return Error("invalid escape sequence", at);
    char c = src_[at + 1];
    *k = at + 2;
    // Simple escapes: each character of kEscaped stands for the one at the same index.
    static const char kEscaped[] = "\\?\"'`abfnrtv", kMeaning[] = "\\?\"'`\a\b\f\n\r\t\v";
    if (const char* hit = c ? std::strchr(kEscaped, c) : nullptr) {
      out->push_back(kMeaning[hit - kEscaped]);
      return true;
    }
    uint32_t v = 0;
    int n = 0, base = 16;
    if (c == 'x' || c == 'X') {
      n = 2;
    } else if (c == 'u' || c == 'U') {
      if (bytes) return Error("\\u escapes are not allowed in bytes literals", at);
      n = c == 'u' ? 4 : 8;
    } else if (c >= '0' && c <= '3') {
      n = 3, base = 8, *k = at + 1;
    } else {
      return Error("invalid escape sequence", at);
    }
    for (int d = 0; d < n; ++d, ++*k) {
      int h = *k < src_.size() ? Hex(src_[*k]) : -1;
      if (h < 0 || h >= base) return Error("invalid escape sequence", at);
      v = v * base + h;
    }
    if (bytes && (c == 'x' || c == 'X' || base == 8)) {
      out->push_back(static_cast<char>(v));
      return true;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
      return Error("invalid unicode code point", at);
    EncodeUtf8(v, out);
    return true;
  }

  // --- Parser ---

  bool Is(std::string_view punct) const { return tok_.kind == Token::kPunct && tok_.text == punct; }
  bool IsIdent(std::string_view word) const {
    return tok_.kind == Token::kIdent && tok_.text == word;
  }
  bool Expect(std::string_view punct) {
    if (!Is(punct)) {
      return Error(
          "expected '" + std::string(punct) + "'" +
          (tok_.kind == Token::kEnd ? " at the end" : ", found '" + std::string(tok_.text) + "'"));
    }
    return Lex();
  }

  // A node whose children are already nodes; false when the tree grows too deep.
  bool Make(Node node, int32_t* out) {
    int depth = 1;
    for (int32_t a : node.args) depth = std::max(depth, depth_of_[a] + 1);
    if (depth > kMaxDepth)
      return Error("expression nests too deeply (over " + std::to_string(kMaxDepth) + " levels)");
    p_->nodes.push_back(std::move(node));
    depth_of_.push_back(depth);
    *out = static_cast<int32_t>(p_->nodes.size() - 1);
    return true;
  }
  bool Make(Op op, std::vector<int32_t> args, int32_t* out) {
    Node n;
    n.op = op;
    n.args = std::move(args);
    return Make(std::move(n), out);
  }
  bool Const(Val v, int32_t* out) {
    Node n;
    n.op = Op::kConst;
    n.constant = v;
    return Make(std::move(n), out);
  }
  std::string_view Keep(std::string s) {
    p_->strings.push_back(std::move(s));
    return p_->strings.back();
  }
  bool IsConst(int32_t n) const { return p_->nodes[n].op == Op::kConst; }

  struct Nesting {
    explicit Nesting(int* d) : depth(d) { ++*depth; }
    ~Nesting() { --*depth; }
    int* depth;
  };

  bool ParseExpr(int32_t* out) {
    Nesting nest(&nesting_);
    if (nesting_ > kMaxDepth)
      return Error("expression nests too deeply (over " + std::to_string(kMaxDepth) + " levels)");
    int32_t cond;
    if (!ParseLogical(false, &cond)) return false;
    if (!Is("?")) {
      *out = cond;
      return true;
    }
    int32_t then, otherwise;
    if (!Lex() || !ParseLogical(false, &then) || !Expect(":") || !ParseExpr(&otherwise))
      return false;
    return Make(Op::kCond, {cond, then, otherwise}, out);
  }

  // conditionalOr (and = false) or conditionalAnd (and = true), as one n-ary node.
  bool ParseLogical(bool and_level, int32_t* out) {
    const char* op = and_level ? "&&" : "||";
    std::vector<int32_t> terms(1);
    if (!(and_level ? ParseRelation(&terms[0]) : ParseLogical(true, &terms[0]))) return false;
    while (Is(op)) {
      terms.emplace_back();
      if (!Lex() || !(and_level ? ParseRelation(&terms.back()) : ParseLogical(true, &terms.back())))
        return false;
    }
    if (terms.size() == 1) {
      *out = terms[0];
      return true;
    }
    return Make(and_level ? Op::kAnd : Op::kOr, std::move(terms), out);
  }

  struct BinaryOp {
    std::string_view token;
    Op op;
  };

  // operand (op operand)*, left-associative, with ops one precedence level's operators.
  template <size_t N>
  bool ParseBinary(const BinaryOp (&ops)[N], bool (Parser::*operand)(int32_t*), int32_t* out) {
    if (!(this->*operand)(out)) return false;
    while (true) {
      const BinaryOp* op = std::find_if(ops, ops + N, [this](const BinaryOp& o) {
        return Is(o.token) || IsIdent(o.token);  // "in" is a keyword
      });
      if (op == ops + N) return true;
      int32_t rhs;
      if (!Lex() || !(this->*operand)(&rhs) || !Make(op->op, {*out, rhs}, out)) return false;
    }
  }

  bool ParseRelation(int32_t* out) {
    static constexpr BinaryOp kOps[] = {{"==", Op::kEq}, {"!=", Op::kNe}, {"<", Op::kLt},
                                        {"<=", Op::kLe}, {">", Op::kGt},  {">=", Op::kGe},
                                        {"in", Op::kIn}};
    return ParseBinary(kOps, &Parser::ParseAddition, out);
  }

  bool ParseAddition(int32_t* out) {
    static constexpr BinaryOp kOps[] = {{"+", Op::kAdd}, {"-", Op::kSub}};
    return ParseBinary(kOps, &Parser::ParseMultiplication, out);
  }

  bool ParseMultiplication(int32_t* out) {
    static constexpr BinaryOp kOps[] = {{"*", Op::kMul}, {"/", Op::kDiv}, {"%", Op::kMod}};
    return ParseBinary(kOps, &Parser::ParseUnary, out);
  }

  bool ParseUnary(int32_t* out) {
    if (Is("!") || Is("-")) {
      std::string_view op = tok_.text;
      int count = 0;
      while (Is(op)) {
        ++count;
        if (!Lex()) return false;
      }
      // "-9223372036854775808" is one int literal: the last '-' is its sign.
      if (op == "-" && tok_.kind == Token::kInt) {
        if (!ParseMember(out, /*negative=*/true)) return false;
        --count;
      } else if (!ParseMember(out, false)) {
        return false;
      }
      for (int k = 0; k < count; ++k)
        if (!Make(op == "!" ? Op::kNot : Op::kNeg, {*out}, out)) return false;
      return true;
    }
    return ParseMember(out, false);
  }

  bool ParseMember(int32_t* out, bool negative) {
    if (!ParsePrimary(out, negative)) return false;
    while (true) {
      if (Is(".")) {
        if (!Lex()) return false;
        if (Is("?")) return Error("optional field selection is unsupported");
        if (tok_.kind != Token::kIdent || IsIdent("true") || IsIdent("false") || IsIdent("null") ||
            IsIdent("in"))
          return Error("expected a field name after '.'");
        std::string name(tok_.text);
        size_t name_pos = tok_.pos;
        if (!Lex()) return false;
        if (Is("(")) {
          if (!ParseMethod(name, name_pos, *out, out)) return false;
          continue;
        }
        if (Is("{")) return Error("message construction is unsupported");
        if (!CheckFieldName(name, name_pos)) return false;
        Node n;
        n.op = Op::kSelect;
        n.args = {*out};
        n.name = std::move(name);
        if (!Make(std::move(n), out)) return false;
      } else if (Is("[")) {
        if (!Lex()) return false;
        if (Is("?")) return Error("optional index is unsupported");
        int32_t index;
        if (!ParseExpr(&index) || !Expect("]") || !Make(Op::kIndex, {*out, index}, out))
          return false;
      } else {
        return true;
      }
    }
  }

  // Kubernetes escapes property names that are not CEL identifiers ("a-b" is `a__dash__b`,
  // "__x" is `__underscores__x`); such names are refused rather than misread.
  bool CheckFieldName(const std::string& name, size_t pos) {
    if (name.find("__") != std::string::npos)
      return Error("escaped property names ('" + name + "') are unsupported", pos);
    return true;
  }

  bool ParseArgs(std::vector<int32_t>* args) {
    if (!Expect("(")) return false;
    if (Is(")")) return Lex();
    while (true) {
      args->emplace_back();
      if (!ParseExpr(&args->back())) return false;
      if (Is(")")) return Lex();
      if (!Expect(",")) return false;
    }
  }

  bool ParseMethod(const std::string& name, size_t pos, int32_t target, int32_t* out) {
    if (name == "all" || name == "exists" || name == "exists_one")
      return ParseComprehension(name, target, out);
    static const struct {
      const char* name;
      size_t args;
      Op op;
    } kMethods[] = {{"size", 0, Op::kSize},         {"startsWith", 1, Op::kStartsWith},
                    {"endsWith", 1, Op::kEndsWith}, {"contains", 1, Op::kContains},
                    {"matches", 1, Op::kMatches},   {"lowerAscii", 0, Op::kLowerAscii}};
    for (const auto& m : kMethods) {
      if (name != m.name) continue;
      std::vector<int32_t> args;
      if (!ParseArgs(&args)) return false;
      if (args.size() != m.args) return Error("wrong number of arguments to " + name + "()", pos);
      args.insert(args.begin(), target);
      return Call(m.op, std::move(args), pos, out);
    }
    return Error("unsupported function '" + name + "'", pos);
  }

  // A function call; pos (the function name's) locates errors in constant arguments.
  bool Call(Op op, std::vector<int32_t> args, size_t pos, int32_t* out) {
    Node n;
    n.op = op;
    if (op == Op::kMatches && IsConst(args[1]) &&
        p_->nodes[args[1]].constant.kind == Val::Kind::kString) {
      std::string error;
      auto re = Regex::Compile(p_->nodes[args[1]].constant.s, &error);
      if (!re) return Error(error, pos);
      n.regex = re.get();
      p_->regexes.push_back(std::move(re));
    }
    if (op == Op::kDuration && IsConst(args[0]) &&
        p_->nodes[args[0]].constant.kind == Val::Kind::kString) {
      // As Kubernetes' duration literal validator: a bad constant fails the rule's compilation.
      int64_t nanos;
      if (!ParseGoDuration(std::string(p_->nodes[args[0]].constant.s), &nanos))
        return Error(
            "invalid duration literal '" + std::string(p_->nodes[args[0]].constant.s) + "'", pos);
      return Const(Val::Duration(nanos), out);
    }
    n.args = std::move(args);
    return Make(std::move(n), out);
  }

  bool ParseComprehension(const std::string& name, int32_t range, int32_t* out) {
    if (!Expect("(")) return false;
    if (tok_.kind != Token::kIdent || IsReserved(tok_.text) || IsIdent("in") || IsIdent("true") ||
        IsIdent("false") || IsIdent("null"))
      return Error(name + "() needs a variable name as its first argument");
    std::string var(tok_.text);
    if (!Lex() || !Expect(",")) return false;
    int32_t slot = p_->slots++;
    scope_.push_back({var, slot});
    int32_t predicate;
    bool ok = ParseExpr(&predicate);
    scope_.pop_back();
    if (!ok || !Expect(")")) return false;
    Node n;
    n.op = name == "all" ? Op::kAll : name == "exists" ? Op::kExists : Op::kExistsOne;
    n.slot = slot;
    n.args = {range, predicate};
    return Make(std::move(n), out);
  }

  bool ParsePrimary(int32_t* out, bool negative) {
    switch (tok_.kind) {
      case Token::kEnd:
        return Error("unexpected end of expression");
      case Token::kInt: {
        uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
        if (tok_.u > limit) return Error("invalid int literal");
        int64_t v = negative ? static_cast<int64_t>(0 - tok_.u) : static_cast<int64_t>(tok_.u);
        return Const(Val::Int(v), out) && Lex();
      }
      case Token::kUint:
        return Const(Val::Uint(tok_.u), out) && Lex();
      case Token::kDouble:
        return Const(Val::Double(tok_.d), out) && Lex();
      case Token::kString:
        return Const(Val::String(Keep(std::move(tok_.value))), out) && Lex();
      case Token::kBytes:
        return Const(Val::Bytes(Keep(std::move(tok_.value))), out) && Lex();
      case Token::kIdent:
        return ParseIdent(out);
      case Token::kPunct:
        break;
    }
    if (Is("(")) return Lex() && ParseExpr(out) && Expect(")");
    if (Is("[")) return ParseList(out);
    if (Is("{")) return ParseMap(out);
    if (Is(".")) return Error("qualified names are unsupported");
    return Error("unexpected '" + std::string(tok_.text) + "'");
  }

  bool ParseIdent(int32_t* out) {
    std::string name(tok_.text);
    size_t pos = tok_.pos;
    if (name == "true" || name == "false") return Const(Val::Bool(name == "true"), out) && Lex();
    if (name == "null") return Const(Val(), out) && Lex();
    if (name == "in" || IsReserved(name)) return Error("reserved identifier '" + name + "'");
    if (!Lex()) return false;
    if (Is("(")) return ParseGlobalCall(name, pos, out);
    if (Is("{")) return Error("message construction is unsupported", pos);
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
      if (it->first != name) continue;
      Node n;
      n.op = Op::kVar;
      n.slot = it->second;
      return Make(std::move(n), out);
    }
    if (name == "self") {
      Node n;
      n.op = Op::kSelf;
      return Make(std::move(n), out);
    }
    if (name == "oldSelf") return Error("oldSelf (transition rules) is unsupported", pos);
    return Error("undeclared reference to '" + name + "'", pos);
  }

  bool ParseGlobalCall(const std::string& name, size_t pos, int32_t* out) {
    if (name != "has" && name != "size" && name != "matches" && name != "duration" && name != "dyn")
      return Error("unsupported function '" + name + "'", pos);
    std::vector<int32_t> args;
    if (!ParseArgs(&args)) return false;
    auto arity = [&](size_t n) {
      return args.size() == n || Error("wrong number of arguments to " + name + "()", pos);
    };
    if (name == "has") {
      if (!arity(1)) return false;
      Node& arg = p_->nodes[args[0]];
      if (arg.op != Op::kSelect) return Error("invalid argument to has() macro", pos);
      // The select node becomes has(): the same operand and field.
      Node n;
      n.op = Op::kHas;
      n.args = arg.args;
      n.name = arg.name;
      return Make(std::move(n), out);
    }
    if (name == "dyn") {  // only the type checker sees it: the value itself at run time
      if (!arity(1)) return false;
      *out = args[0];
      return true;
    }
    if (name == "size") return arity(1) && Call(Op::kSize, std::move(args), pos, out);
    if (name == "matches") return arity(2) && Call(Op::kMatches, std::move(args), pos, out);
    return arity(1) && Call(Op::kDuration, std::move(args), pos, out);
  }

  // At an opening bracket: comma-separated entries up to close (a trailing comma allowed), each
  // `parts` expressions joined by ':' (a map entry's key and value), appended to *args.
  bool ParseEntries(std::string_view close, int parts, const char* optional_error,
                    std::vector<int32_t>* args) {
    if (!Lex()) return false;
    while (!Is(close)) {
      if (Is("?")) return Error(optional_error);
      for (int k = 0; k < parts; ++k) {
        args->emplace_back();
        if ((k > 0 && !Expect(":")) || !ParseExpr(&args->back())) return false;
      }
      if (!Is(close) && !Expect(",")) return false;
    }
    return Lex();
  }

  bool ParseList(int32_t* out) {
    std::vector<int32_t> items;
    if (!ParseEntries("]", 1, "optional list elements are unsupported", &items)) return false;
    bool constant = true;
    for (int32_t i : items) constant &= IsConst(i);
    if (!constant) return Make(Op::kList, std::move(items), out);
    // A constant list is built once, here.
    std::vector<Val> values;
    for (int32_t i : items) values.push_back(p_->nodes[i].constant);
    p_->lists.push_back(std::move(values));
    return Const(Val::List(&p_->lists.back()), out);
  }

  bool ParseMap(int32_t* out) {
    std::vector<int32_t> entries;  // k0, v0, k1, v1, ...
    return ParseEntries("}", 2, "optional map entries are unsupported", &entries) &&
           Make(Op::kMap, std::move(entries), out);
  }

  std::string_view src_;
  Program* p_;
  size_t pos_ = 0;
  Token tok_;
  std::string err_;
  size_t err_pos_ = 0;
  int nesting_ = 0;
  std::vector<int> depth_of_;                           // per node
  std::vector<std::pair<std::string, int32_t>> scope_;  // comprehension variables
};

}  // namespace

std::shared_ptr<const Program> Compile(std::string_view expression, std::string* error) {
  auto program = std::make_shared<Program>();
  if (!Parser(expression, program.get()).Run(error)) return nullptr;
  return program;
}

}  // namespace thv::cel
