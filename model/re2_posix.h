// CRD patterns are Go regexps (RE2 syntax, matched on UTF-8 runes); thv-render matches them with
// glibc's POSIX matcher in the C locale (byte-wise), which never overflows the stack on long
// strings as std::regex did. This translates the RE2 subset CRDs use into a POSIX extended
// expression accepting exactly the same UTF-8 strings:
//   \d \w \s (and \D \W \S) become ASCII brackets; \xHH, \n, \t, ... the byte; an escaped
//   punctuation character itself; `.` and negated brackets match one whole UTF-8 sequence (not
//   one byte) and `.` never a newline; (?:...) is a plain group; lazy quantifiers are greedy
//   (the same strings match); a non-ASCII character is one group.
// Anything else (flags, \b, \p{..}, backreferences, non-ASCII inside brackets) is refused, so that
// a pattern is never matched with a meaning it does not have.
#pragma once

#include <string>

namespace thv {

// true and *ere on success; false and *err naming the construct otherwise.
bool Re2ToPosixEre(const std::string& re2, std::string* ere, std::string* err);

}  // namespace thv
