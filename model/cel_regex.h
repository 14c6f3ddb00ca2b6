// Regular expressions for CEL's matches(): RE2 syntax (Go's regexp/syntax with Perl flags, as
// cel-go uses), matched by an NFA simulation in time linear in the text, on code points.
//
// Supported: literals and escapes (\a \f \t \n \r \v \x41 \x{1F600} octal \Q..\E escaped
// punctuation), . [classes] [^negated] [[:alpha:]] \d \s \w and their negations, ^ $ \A \z
// \b \B, groups ( ) (?: ) (?P<name> ) (?<name> ), flags (?imsU) (?i:...), alternation,
// * + ? {n} {n,} {n,m} and their lazy forms. Refused with an error (so no guess is ever made):
// Unicode classes (\pL, \p{Greek}), case-insensitive matching of non-ASCII characters, \C,
// patterns over 5,000 instructions (RE2's own limit is on memory, so a pattern near that size
// may compile in RE2 and not here).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thv::cel {

class Regex {
 public:
  // nullptr and *error ("error parsing regexp: ...") for a bad or unsupported pattern.
  static std::unique_ptr<Regex> Compile(std::string_view pattern, std::string* error);

  // Whether the pattern matches anywhere in text (RE2::PartialMatch), as CEL's matches().
  bool Search(std::string_view text) const;

  // Instructions, for the cost of a search: text code points times this.
  size_t Size() const { return insts_.size(); }

  struct Inst {
    enum Kind : uint8_t { kClass, kSplit, kJmp, kMatch, kAssert };
    Kind kind = kMatch;
    uint8_t assertion = 0;  // kAssert: an Assertion
    int32_t x = 0;          // kSplit, kJmp: target; kClass: first range
    int32_t y = 0;          // kSplit: second target; kClass: end of ranges
  };
  enum Assertion : uint8_t {
    kBeginText,
    kEndText,
    kBeginLine,
    kEndLine,
    kWordBoundary,
    kNotWordBoundary
  };

 private:
  std::vector<Inst> insts_;
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;  // inclusive code point ranges
  friend class RegexCompiler;
};

}  // namespace thv::cel
