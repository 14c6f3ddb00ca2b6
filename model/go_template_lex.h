// The lexer of Go's text/template (text/template/parse/lex.go), for model/go_template.cc.
#pragma once

#include <string>
#include <vector>

namespace thv {
namespace go_template {

// itemType, in Go's order: keywords sort after kKeyword (lex.go).
enum Type {
  kError,
  kBool,
  kChar,
  kCharConstant,
  kComment,
  kComplex,
  kAssign,
  kDeclare,
  kEOF,
  kField,
  kIdentifier,
  kLeftDelim,
  kLeftParen,
  kNumber,
  kPipe,
  kRawString,
  kRightDelim,
  kRightParen,
  kSpace,
  kString,
  kText,
  kVariable,
  kKeyword,
  kBlock,
  kBreak,
  kContinue,
  kDot,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kNil,
  kRange,
  kTemplate,
  kWith
};

struct Item {
  Type type;
  std::string val;
  int line;
};

// The whole input as items, up to EOF or the first error (an item of type kError).
std::vector<Item> Lex(const std::string& text);

// item.String(), as parse errors print tokens.
std::string ItemString(const Item& i);

}  // namespace go_template
}  // namespace thv
