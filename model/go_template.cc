#include "model/go_template.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "model/go_template_lex.h"
#include "model/names.h"

namespace thv {

namespace {

using namespace go_template;  // NOLINT: the item types of the lexer
// strconv.Unquote's verdict on a quoted string literal (backquoted ones always unquote).
bool Unquotes(const std::string& s) {
  if (s.empty() || s[0] == '`') return true;
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != '\\') continue;
    const char c = s[++i];
    if (std::string("abfnrtv\\\"").find(c) != std::string::npos) continue;
    size_t n = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (n) {
      for (size_t k = 1; k <= n; ++k)
        if (i + k >= s.size() - 1 || !hex(s[i + k])) return false;
      if (c != 'x') {
        const long v = std::strtol(s.substr(i + 1, n).c_str(), nullptr, 16);
        if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return false;
      }
      i += n;
      continue;
    }
    if (c >= '0' && c <= '7') {
      if (i + 2 >= s.size() - 1) return false;
      int v = 0;
      for (size_t k = 0; k < 3; ++k) {
        if (s[i + k] < '0' || s[i + k] > '7') return false;
        v = v * 8 + (s[i + k] - '0');
      }
      if (v > 255) return false;
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// newNumber (node.go): why Go refuses a lexed number ("" when it takes it). Integers that fit
// in 64 bits, and floats, are accepted as written; underscores are not checked further.
std::string NumberError(const std::string& text, Type type) {
  if (type == kComplex) return "";  // fmt.Sscan: not re-checked
  if (type == kCharConstant) {      // strconv.UnquoteChar, then the closing quote
    const std::string body = text.substr(1, text.size() - 2);
    if (body.empty()) return "invalid syntax";
    size_t n = 1;
    if (body[0] == '\\') {
      if (body.size() >= 2 && body[1] == '\'') {
        n = 2;
      } else {
        for (n = 2; n <= body.size() && !Unquotes("\"" + body.substr(0, n) + "\""); ++n) {
        }
        if (n > body.size() || body[1] == '"') return "invalid syntax";
      }
    } else {
      while (n < body.size() && (static_cast<unsigned char>(body[n]) & 0xc0) == 0x80) ++n;
    }
    return n == body.size() ? "" : "malformed character constant: " + text;
  }
  std::string t = text;
  if (!t.empty() && t.back() == 'i') t.pop_back();
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.erase(0, 1);
  const bool prefixed = t.size() >= 2 && t[0] == '0' && std::strchr("xXoObB", t[1]);
  const std::string digits = prefixed ? t.substr(2) : t;
  const bool hex = prefixed && (t[1] == 'x' || t[1] == 'X');
  bool any = false, exponent_digits = true;
  size_t exp = std::string::npos;
  for (size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (exp == std::string::npos && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
      exp = i;
      exponent_digits = false;
    } else if (std::isxdigit(static_cast<unsigned char>(c))) {
      if (exp == std::string::npos)
        any = true;
      else
        exponent_digits = true;
    }
  }
  if (!any || !exponent_digits) return "illegal number syntax: " + GoQuote(text);
  if (text.back() == 'i' && prefixed) return "illegal number syntax: " + GoQuote(text);
  // A decimal integer Go cannot hold (or a leading-zero "octal" with 8 or 9) parses only as a
  // float, which newNumber rejects for a number without . e E p P.
  if (!prefixed && text.back() != 'i' && t.find_first_of(".eE") == std::string::npos) {
    std::string plain;
    for (char c : t)
      if (c != '_') plain += c;
    const bool octal_bad =
        plain.size() > 1 && plain[0] == '0' && plain.find_first_of("89") != std::string::npos;
    const std::string kMax = "18446744073709551615";
    const size_t lead = plain.find_first_not_of('0');
    const std::string sig = lead == std::string::npos ? "0" : plain.substr(lead);
    const bool too_big = sig.size() > kMax.size() || (sig.size() == kMax.size() && sig > kMax);
    if (octal_bad || too_big) return "integer overflow: " + GoQuote(text);
  }
  return "";
}

struct ParseError {
  std::string message;
};

// The node kinds the parser needs to tell apart (node.go).
enum class Node {
  kNone,
  kText,
  kAction,
  kIf,
  kRange,
  kWith,
  kTemplate,
  kEnd,
  kElse,
  kPipe,
  kIdentifier,
  kDot,
  kNil,
  kVariable,
  kField,
  kBool,
  kNumber,
  kString,
  kChain,
  kBreak,
  kContinue,
  kComment
};

// parse.go over the lexer's items.
class Parser {
 public:
  Parser(const std::string& name, std::vector<Item> items, const std::set<std::string>& funcs)
      : name_(name), items_(std::move(items)), funcs_(funcs) {}

  void Parse() {
    vars_ = {"$"};
    while (Peek().type != kEOF) {
      if (Peek().type == kLeftDelim) {
        const size_t delim = pos_;
        Next();
        if (NextNonSpace().type == kDefine) {
          ParseDefinition();
          continue;
        }
        pos_ = delim;
      }
      const Node n = TextOrAction();
      if (n == Node::kEnd || n == Node::kElse)
        Errorf(std::string("unexpected ") + (n == Node::kEnd ? "{{end}}" : "{{else}}"));
    }
  }
  std::vector<std::string> fields;

 private:
  // Reading past the lexer's last item (EOF or an error) gives it again.
  const Item& Next() {
    const size_t i = std::min(pos_++, items_.size() - 1);
    latest_ = std::max(latest_, i);  // Go's token[0]: errors give its line
    return items_[i];
  }
  void Backup() { --pos_; }
  const Item& Peek() {
    const Item& item = Next();
    Backup();
    return item;
  }
  const Item& NextNonSpace() {
    for (;;) {
      const Item& item = Next();
      if (item.type != kSpace) return item;
    }
  }
  const Item& PeekNonSpace() {
    const Item& item = NextNonSpace();
    Backup();
    return item;
  }
  [[noreturn]] void Errorf(const std::string& message) {
    throw ParseError{"template: " + name_ + ":" + std::to_string(items_[latest_].line) + ": " +
                     message};
  }
  [[noreturn]] void Unexpected(const Item& token, const std::string& context) {
    if (token.type == kError) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != token.line) {
        extra = " in action started at " + name_ + ":" + std::to_string(action_line_);
        if (token.val.size() >= 7 && token.val.compare(token.val.size() - 7, 7, " action") == 0)
          extra = extra.substr(std::string(" in action").size());
      }
      Errorf(token.val + extra);
    }
    Errorf("unexpected " + ItemString(token) + " in " + context);
  }
  const Item& Expect(Type type, const std::string& context) {
    const Item& token = NextNonSpace();
    if (token.type != type) Unexpected(token, context);
    return token;
  }

  void ParseDefinition() {
    const Item& name = NextNonSpace();
    if (name.type != kString && name.type != kRawString) Unexpected(name, "define clause");
    if (!Unquotes(name.val)) Errorf("invalid syntax");
    Expect(kRightDelim, "define clause");
    NewTreeBody("define clause");
  }
  // The body of a {{define}} or {{block}}: a tree of its own (no variables but $, no range).
  void NewTreeBody(const std::string& context) {
    const std::vector<std::string> outer_vars = vars_;
    const int outer_range = range_depth_;
    vars_ = {"$"};
    range_depth_ = 0;
    if (ItemList() != Node::kEnd) Errorf("unexpected {{else}} in " + context);
    vars_ = outer_vars;
    range_depth_ = outer_range;
  }
  Node ItemList() {
    while (PeekNonSpace().type != kEOF) {
      const Node n = TextOrAction();
      if (n == Node::kEnd || n == Node::kElse) return n;
    }
    Errorf("unexpected EOF");
  }
  Node TextOrAction() {
    const Item& token = NextNonSpace();
    switch (token.type) {
      case kText:
        return Node::kText;
      case kLeftDelim: {
        action_line_ = token.line;
        const Node n = Action();
        action_line_ = 0;
        return n;
      }
      default:
        Unexpected(token, "input");
    }
  }
  Node Action() {
    const Item& token = NextNonSpace();
    switch (token.type) {
      case kBlock:
        return BlockControl();
      case kBreak:
      case kContinue: {
        const std::string what = token.type == kBreak ? "{{break}}" : "{{continue}}";
        if (const Item& t = NextNonSpace(); t.type != kRightDelim) Unexpected(t, what);
        if (range_depth_ == 0) Errorf(what + " outside {{range}}");
        return token.type == kBreak ? Node::kBreak : Node::kContinue;
      }
      case kElse:
        return ElseControl();
      case kEnd:
        Expect(kRightDelim, "end");
        return Node::kEnd;
      case kIf:
        ParseControl("if");
        return Node::kIf;
      case kRange:
        ParseControl("range");
        return Node::kRange;
      case kTemplate:
        return TemplateControl();
      case kWith:
        ParseControl("with");
        return Node::kWith;
      default:
        break;
    }
    Backup();
    Pipeline("command", kRightDelim);
    return Node::kAction;
  }
  Node ElseControl() {
    // "{{else if ...}}" and (Go 1.23) "{{else with ...}}" leave the keyword pending.
    if (const Item& peek = PeekNonSpace(); peek.type == kIf || peek.type == kWith)
      return Node::kElse;
    Expect(kRightDelim, "else");
    return Node::kElse;
  }
  void ParseControl(const std::string& context) {
    const size_t vars = vars_.size();
    Pipeline(context, kRightDelim);
    if (context == "range") ++range_depth_;
    Node next = ItemList();
    if (context == "range") --range_depth_;
    if (next == Node::kElse) {
      if (context == "if" && Peek().type == kIf) {
        Next();
        ParseControl("if");
      } else if (context == "with" && Peek().type == kWith) {
        Next();
        ParseControl("with");
      } else {
        next = ItemList();
        if (next != Node::kEnd) Errorf("expected end; found {{else}}");
      }
    }
    vars_.resize(vars);
  }
  Node BlockControl() {
    const std::string context = "block clause";
    const Item& token = NextNonSpace();
    TemplateName(token, context);
    Pipeline(context, kRightDelim);
    NewTreeBody(context);
    return Node::kTemplate;
  }
  Node TemplateControl() {
    const std::string context = "template clause";
    const Item& token = NextNonSpace();
    TemplateName(token, context);
    if (NextNonSpace().type != kRightDelim) {
      Backup();
      Pipeline(context, kRightDelim);
    }
    return Node::kTemplate;
  }
  void TemplateName(const Item& token, const std::string& context) {
    if (token.type != kString && token.type != kRawString) Unexpected(token, context);
    if (!Unquotes(token.val)) Errorf("invalid syntax");
  }

  // Pipeline: declarations? command ('|' command)*; returns the node kind of each command's
  // first argument (checkPipeline rejects literals after the first stage).
  void Pipeline(const std::string& context, Type end) {
    size_t decls = 0;
    for (;;) {
      const Item& v = PeekNonSpace();
      if (v.type != kVariable) break;
      const size_t at = pos_;
      NextNonSpace();
      const Item& next = PeekNonSpace();
      if (next.type == kAssign || next.type == kDeclare) {
        NextNonSpace();
        vars_.push_back(v.val);
        ++decls;
        break;
      }
      if (next.type == kChar && next.val == ",") {
        NextNonSpace();
        vars_.push_back(v.val);
        ++decls;
        if (context == "range" && decls < 2) {
          const Type t = PeekNonSpace().type;
          if (t == kVariable || t == kRightDelim || t == kRightParen) continue;
          Errorf("range can only initialize variables");
        }
        Errorf("too many declarations in " + context);
      }
      pos_ = at;  // an argument, not a declaration
      break;
    }
    std::vector<Node> firsts;
    for (;;) {
      const Item& token = NextNonSpace();
      if (token.type == end) {
        if (firsts.empty()) Errorf("missing value for " + context);
        for (size_t i = 1; i < firsts.size(); ++i) {
          const Node n = firsts[i];
          if (n == Node::kBool || n == Node::kDot || n == Node::kNil || n == Node::kNumber ||
              n == Node::kString)
            Errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        }
        return;
      }
      switch (token.type) {
        case kBool:
        case kCharConstant:
        case kComplex:
        case kDot:
        case kField:
        case kIdentifier:
        case kNumber:
        case kNil:
        case kRawString:
        case kString:
        case kVariable:
        case kLeftParen:
          Backup();
          firsts.push_back(Command());
          break;
        default:
          Unexpected(token, context);
      }
    }
  }
  Node Command() {
    Node first = Node::kNone;
    for (;;) {
      PeekNonSpace();
      const Node operand = Operand();
      if (operand != Node::kNone && first == Node::kNone) first = operand;
      const Item& token = Next();
      if (token.type == kSpace) continue;
      if (token.type == kRightDelim || token.type == kRightParen) {
        Backup();
      } else if (token.type != kPipe) {
        Unexpected(token, "operand");
      }
      break;
    }
    if (first == Node::kNone) Errorf("empty command");
    return first;
  }
  Node Operand() {
    std::string text;
    Node node = Term(&text);
    if (node == Node::kNone) return node;
    if (Peek().type == kField) {
      std::string chain;
      while (Peek().type == kField) chain += Next().val;
      switch (node) {
        case Node::kField:
          AddField(text + chain);
          return Node::kField;
        case Node::kVariable:
          return Node::kVariable;
        case Node::kBool:
        case Node::kString:
        case Node::kNumber:
        case Node::kNil:
        case Node::kDot:
          Errorf("unexpected . after term " + GoQuote(text));
        default:
          AddField(chain);
          return Node::kChain;
      }
    }
    if (node == Node::kField) AddField(text);
    return node;
  }
  // *text: the term as node.String() prints it.
  Node Term(std::string* text) {
    const Item& token = NextNonSpace();
    *text = token.val;
    switch (token.type) {
      case kIdentifier:
        if (!HasFunction(token.val)) Errorf("function " + GoQuote(token.val) + " not defined");
        return Node::kIdentifier;
      case kDot:
        return Node::kDot;
      case kNil:
        return Node::kNil;
      case kVariable: {
        const std::string first = token.val.substr(0, token.val.find('.'));
        for (const std::string& v : vars_)
          if (v == first) return Node::kVariable;
        Errorf("undefined variable " + GoQuote(first));
      }
      case kField:
        return Node::kField;
      case kBool:
        return Node::kBool;
      case kCharConstant:
      case kComplex:
      case kNumber:
        if (const std::string e = NumberError(token.val, token.type); !e.empty()) Errorf(e);
        return Node::kNumber;
      case kLeftParen:
        Pipeline("parenthesized pipeline", kRightParen);
        return Node::kPipe;
      case kString:
      case kRawString:
        if (!Unquotes(token.val)) Errorf("invalid syntax");
        return Node::kString;
      default:
        Backup();
        return Node::kNone;
    }
  }
  bool HasFunction(const std::string& name) const {
    static const std::set<std::string> kBuiltins = {
        "and",    "call",    "html",     "index", "slice", "js", "len", "not", "or", "print",
        "printf", "println", "urlquery", "eq",    "ge",    "gt", "le",  "lt",  "ne"};
    return kBuiltins.count(name) || funcs_.count(name);
  }
  void AddField(const std::string& path) {
    for (const std::string& f : fields)
      if (f == path) return;
    fields.push_back(path);
  }

  const std::string& name_;
  std::vector<Item> items_;
  const std::set<std::string>& funcs_;
  size_t pos_ = 0, latest_ = 0;
  int action_line_ = 0, range_depth_ = 0;
  std::vector<std::string> vars_;
};

}  // namespace

GoTemplateParse ParseGoTemplate(const std::string& name, const std::string& text,
                                const std::set<std::string>& funcs) {
  GoTemplateParse out;
  Parser parser(name, Lex(text), funcs);
  try {
    parser.Parse();
    out.fields = std::move(parser.fields);
  } catch (const ParseError& e) {
    out.error = e.message;
  }
  return out;
}

}  // namespace thv
