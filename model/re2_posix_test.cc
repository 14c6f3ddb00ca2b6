// RE2 -> POSIX translation: the text it produces for each construct, and matches that differ
// between a byte-wise and a rune-wise reading. tests/re2_posix_test.sh compares every CRD
// pattern with Go's regexp.
#include "model/re2_posix.h"

#include <doctest/doctest.h>
#include <regex.h>

namespace thv {

namespace {

std::string Ere(const std::string& re2) {
  std::string ere, err;
  REQUIRE_MESSAGE(Re2ToPosixEre(re2, &ere, &err), err);
  return ere;
}

bool Matches(const std::string& re2, const std::string& text) {
  regex_t re;
  REQUIRE(regcomp(&re, Ere(re2).c_str(), REG_EXTENDED | REG_NOSUB) == 0);
  regmatch_t range[1];
  range[0].rm_so = 0;
  range[0].rm_eo = static_cast<regoff_t>(text.size());
  const bool matched = regexec(&re, text.c_str(), 1, range, REG_STARTEND) == 0;
  regfree(&re);
  return matched;
}

std::string Refused(const std::string& re2) {
  std::string ere, err;
  CHECK_FALSE(Re2ToPosixEre(re2, &ere, &err));
  return err;
}

}  // namespace

TEST_CASE("RE2 to POSIX: Perl classes, escapes and brackets become POSIX brackets") {
  CHECK(Ere(R"(^\d{12}$)") == "^[0-9]{12}$");
  CHECK(Ere(R"([\w+=,.@\-_/]+)") == "[+,.-9=@-Z_a-z-]+");
  CHECK(Ere(R"(^[\x21\x23-\x5B\x5D-\x7E]+$)") == "^[]!#-,.-Z_-~[^-]+$");
  CHECK(Ere(R"(^(\+|-)?[.]\.$)") == R"(^(\+|-)?\.\.$)");
  CHECK(Ere("^[a-z]$") == "^[a-z]$");
  CHECK(Ere("(?:ab)+?x{2,3}?") == "(ab)+x{2,3}");
  CHECK(Ere("a{,3}") == "a\\{,3\\}");  // RE2 reads a malformed repetition literally
  CHECK(Ere("^µs+$") == "^(\xC2\xB5)s+$");
}

TEST_CASE("RE2 to POSIX: `.` and negated classes take one whole character, `.` no newline") {
  CHECK(Matches("^a.c$", "abc"));
  CHECK(Matches("^a.c$",
                "a\xC3\xA9"
                "c"));  // é is one character, two bytes
  CHECK_FALSE(Matches("^a.c$", "a\nc"));
  CHECK(Matches("^[^a]$", "\xE2\x82\xAC"));  // €
  CHECK_FALSE(Matches("^[^a]$", "a"));
  CHECK(Matches(R"(^https?://[^\s?#]+[^/\s?#]$)", "https://example.com/p\xC3\xA9"));
  CHECK_FALSE(Matches(R"(^https?://[^\s?#]+[^/\s?#]$)", "https://example.com/"));
  CHECK_FALSE(Matches(R"(^https?://[^\s?#]+[^/\s?#]$)", "https://exa mple.com"));
  CHECK(Matches(R"(^[\x21\x23-\x5B\x5D-\x7E]+$)", "Bearer_x!"));
  CHECK_FALSE(Matches(R"(^[\x21\x23-\x5B\x5D-\x7E]+$)", "a\\b"));  // \x5C left out
  CHECK_FALSE(Matches(R"(^[\x21\x23-\x5B\x5D-\x7E]+$)", "a\"b"));  // \x22 left out
  CHECK(Matches(R"(^[^\x00-\x08\x0A-\x1F\x7F]*$)", "tab\there \xC3\xA9"));
  CHECK_FALSE(Matches(R"(^[^\x00-\x08\x0A-\x1F\x7F]*$)", "new\nline"));
}

TEST_CASE("RE2 to POSIX: what it cannot translate exactly is refused") {
  CHECK(Refused("(?i)abc").find("flag group") != std::string::npos);
  CHECK(Refused(R"(\bword)").find("escape \\b") != std::string::npos);
  CHECK(Refused(R"(\p{L}+)").find("escape \\p") != std::string::npos);
  CHECK(Refused(R"((a)\1)").find("escape \\1") != std::string::npos);
  CHECK(Refused("[é]").find("non-ASCII") != std::string::npos);
  CHECK(Refused(R"([\D])").find("negated class inside a class") != std::string::npos);
  CHECK(Refused("[abc").find("unterminated") != std::string::npos);
}

}  // namespace thv
