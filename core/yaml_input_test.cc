#include "core/yaml_input.h"

#include <doctest/doctest.h>

#include <string>

namespace thv {
namespace {

// "LINE:COL: message" for input that must be refused.
std::string Refusal(const std::string& text) {
  std::string prepared;
  bool changed = false;
  YamlInputProblem problem;
  INFO("input: " << text);
  CHECK_FALSE(PrepareYamlInput(text, &prepared, &changed, &problem));
  return std::to_string(problem.mark.line) + ":" + std::to_string(problem.mark.column) + ": " +
         problem.message;
}

// The text yaml-cpp is given for accepted input.
std::string Prepared(const std::string& text) {
  std::string prepared;
  bool changed = false;
  YamlInputProblem problem;
  INFO("input: " << text);
  REQUIRE_MESSAGE(PrepareYamlInput(text, &prepared, &changed, &problem), problem.message);
  return changed ? prepared : text;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("invalid UTF-8 is refused where it is, in every part of a document") {
  const std::string hint =
      " (Kubernetes reads YAML as UTF-8; was the file saved in another encoding, such as "
      "Latin-1?)";
  // Latin-1 "é" is 0xE9, the lead byte of a 3-byte UTF-8 character.
  auto e_acute = [&](const char* next) {
    return std::string("invalid UTF-8: byte 0xE9 starts a 3-byte character, but byte ") + next +
           " after it is not a continuation byte" + hint;
  };
  CHECK(Refusal("caf\xE9: 1\n") == "1:4: " + e_acute("0x3A"));             // key
  CHECK(Refusal("a: 1 # caf\xE9\n") == "1:11: " + e_acute("0x0A"));        // comment
  CHECK(Refusal("a: \"caf\xE9\"\n") == "1:8: " + e_acute("0x22"));         // quoted scalar
  CHECK(Refusal("a: |\n  ok\n  caf\xE9\n") == "3:6: " + e_acute("0x0A"));  // block scalar
  CHECK(Refusal("a: [x, caf\xE9]\n") == "1:11: " + e_acute("0x5D"));       // flow collection
  CHECK(Refusal("a: 1\n---\nb: \x80\n") ==
        "3:4: invalid UTF-8: byte 0x80 cannot start a character" + hint);
  CHECK(Refusal("a: \xFF\n").find("1:4: invalid UTF-8: byte 0xFF cannot start") == 0);
  CHECK(Refusal("a: \xF8\x88\x80\x80\x80\n").find("1:4: invalid UTF-8: byte 0xF8") == 0);
  CHECK(Refusal("a: \xC3(\n") ==
        "1:4: invalid UTF-8: byte 0xC3 starts a 2-byte character, but byte 0x28 after it is not "
        "a continuation byte" +
            hint);
  CHECK(Refusal("a: \xE2\x82(x\n") ==
        "1:4: invalid UTF-8: byte 0xE2 starts a 3-byte character, but byte 0x28 after it is not "
        "a continuation byte" +
            hint);
}

TEST_CASE("truncated, overlong, surrogate and out-of-range UTF-8") {
  CHECK(Refusal("a: b\xE2\x82") ==
        "1:5: invalid UTF-8: byte 0xE2 starts a 3-byte character, but the input ends after 2 "
        "bytes");
  CHECK(Refusal("a: \xF0") ==
        "1:4: invalid UTF-8: byte 0xF0 starts a 4-byte character, but the input ends after 1 "
        "byte");
  CHECK(Refusal("a: \xC0\xAF\n") ==
        "1:4: invalid UTF-8: overlong encoding: bytes C0 AF encode U+002F in more bytes than it "
        "takes");
  CHECK(Refusal("a: \xC1\xBF\n").find("overlong encoding: bytes C1 BF encode U+007F") !=
        std::string::npos);
  CHECK(Refusal("a: \xE0\x80\xAF\n").find("overlong encoding: bytes E0 80 AF encode U+002F") !=
        std::string::npos);
  CHECK(Refusal("a: \xF0\x80\x80\xAF\n").find("bytes F0 80 80 AF encode U+002F") !=
        std::string::npos);
  CHECK(Refusal("a: \xED\xA0\x80\n") ==
        "1:4: invalid UTF-8: bytes ED A0 80 encode U+D800, a UTF-16 surrogate, which is not a "
        "character");
  CHECK(Refusal("a: \xED\xBF\xBF\n").find("U+DFFF, a UTF-16 surrogate") != std::string::npos);
  CHECK(Refusal("a: \xF4\x90\x80\x80\n") ==
        "1:4: invalid UTF-8: bytes F4 90 80 80 encode 0x110000, past the last Unicode character "
        "U+10FFFF");
  CHECK(Refusal("a: \xF7\xBF\xBF\xBF\n").find("encode 0x1FFFFF, past") != std::string::npos);
}

TEST_CASE("control characters are refused; tab, CR and LF are not") {
  CHECK(Refusal(std::string("a: x\0y\n", 7)) ==
        "1:5: control character U+0000 (NUL) is not allowed in YAML; inside a double-quoted "
        "string, write it as \"\\x00\"");
  CHECK(Refusal(std::string("\0a: 1\n", 6)) ==
        "1:1: control character U+0000 (NUL) is not allowed in YAML; inside a double-quoted "
        "string, write it as \"\\x00\" (is the file UTF-16 or UTF-32 without a byte order mark?)");
  CHECK(Refusal("a: \"x\x01\"\n") ==
        "1:6: control character U+0001 is not allowed in YAML; inside a double-quoted string, "
        "write it as \"\\x01\"");
  CHECK(Refusal("a: 1\n# \x1B[31m\n").find("2:3: control character U+001B") == 0);
  CHECK(Refusal("a: \x7F\n").find("1:4: control character U+007F (DEL)") == 0);
  CHECK(Refusal("a: \f\n").find("1:4: control character U+000C") == 0);
  CHECK(Refusal("a: \v\n").find("1:4: control character U+000B") == 0);
  CHECK(Refusal("a: \xC2\x80\n").find("1:4: control character U+0080") == 0);
  CHECK(Refusal("a: \xC2\x9F\n").find("1:4: control character U+009F") == 0);
  CHECK(Refusal("a: \xEF\xBF\xBE\n") ==
        "1:4: U+FFFE is not a character and is not allowed in YAML");
  CHECK(Refusal("a: \xEF\xBF\xBF\n") ==
        "1:4: U+FFFF is not a character and is not allowed in YAML");
  CHECK(Refusal("a: x\xE2\x80\xA8y\n").find("1:5: U+2028 (line separator) is a line break") == 0);
  CHECK(Refusal("a: x\xE2\x80\xA9y\n").find("1:5: U+2029 (paragraph separator)") == 0);
  CHECK(Prepared("a:\tb\t\n") == "a:\tb\t\n");
}

TEST_CASE("valid UTF-8 passes untouched") {
  for (const char* text :
       {"a: caf\xC3\xA9\n", "\xE2\x82\xAC: 1\n", "a: \xF0\x9F\x98\x80\n", "a: \xEF\xBF\xBD\n",
        "a: \xF4\x8F\xBF\xBF\n", "a: \xEE\x80\x80\n", "a: x\xEF\xBB\xBFy\n", "a: \xC2\xA0\n"}) {
    CHECK(Prepared(text) == text);
  }
}

TEST_CASE("line breaks are those go-yaml sees: CR, CRLF, LF and NEL") {
  CHECK(Prepared("a: 1\rb: 2\r") == "a: 1\nb: 2\n");
  CHECK(Prepared("a: 1\r\nb: 2\r\n") == "a: 1\r\nb: 2\r\n");
  CHECK(Prepared("a: 1\r\r\nb: 2\n\r") == "a: 1\n\r\nb: 2\n\n");
  CHECK(Prepared("a: x\xC2\x85 y\n") == "a: x\r\n y\n");  // NEL: same bytes, same columns
  CHECK(Refusal("a: 1\rb: 2\rc: \xFF").find("3:4: invalid UTF-8") == 0);
  CHECK(Refusal("a: 1\xC2\x85"
                "b: \xFF")
            .find("2:4: invalid UTF-8") == 0);
  CHECK(Refusal("a: 1\r\nb: \xFF").find("2:4: invalid UTF-8") == 0);
}

TEST_CASE("byte order marks: at the start of the input or of a document, nowhere else") {
  CHECK(Prepared("\xEF\xBB\xBF"
                 "a: 1\n") == "a: 1\n");
  CHECK(Prepared("\xEF\xBB\xBF") == "");
  CHECK(Prepared("a: 1\n---\n\xEF\xBB\xBF"
                 "b: 2\n") == "a: 1\n---\nb: 2\n");
  CHECK(Prepared("a: 1\n--- # next\n\xEF\xBB\xBF"
                 "b: 2\n") == "a: 1\n--- # next\nb: 2\n");
  CHECK(Prepared("a: 1\r\n---\r\n\xEF\xBB\xBF"
                 "b: 2\r\n") == "a: 1\r\n---\r\nb: 2\r\n");
  CHECK(Prepared("a: 1\r---\r\xEF\xBB\xBF"
                 "b: 2\r") == "a: 1\n---\nb: 2\n");
  const std::string elsewhere =
      "byte order mark (U+FEFF) at the start of a line: only the input or a document (the line "
      "after ---) may start with one; here Kubernetes would read it as part of the key or value "
      "that follows";
  CHECK(Refusal("a: 1\n\xEF\xBB\xBF"
                "b: 2\n") == "2:1: " + elsewhere);
  const std::string second =
      "a second byte order mark (U+FEFF): Kubernetes' tools disagree on it; remove it";
  CHECK(Refusal("\xEF\xBB\xBF\xEF\xBB\xBF"
                "a: 1\n") == "1:1: " + second);
  CHECK(Refusal("a: 1\n---\n\xEF\xBB\xBF\xEF\xBB\xBF"
                "b: 2\n") == "3:1: " + second);
  CHECK(Refusal("a: 1\n---\n\n\xEF\xBB\xBF"
                "b: 2\n") == "4:1: " + elsewhere);
  CHECK(Refusal("a: 1\n--- b\n\xEF\xBB\xBF"
                "c: 2\n") == "3:1: " + elsewhere);
  CHECK(Refusal("a: 1\n---x\n\xEF\xBB\xBF"
                "c: 2\n") == "3:1: " + elsewhere);
  CHECK(Refusal("a: 1\n\xEF\xBB\xBF---\nb: 2\n") == "2:1: " + elsewhere);
}

TEST_CASE("UTF-16 with a byte order mark becomes UTF-8; UTF-32 is refused") {
  auto utf16 = [](const std::u16string& s, bool big) {
    std::string out = big ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t u : s) {
      const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
      out += big ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
  };
  const std::u16string text = u"a: caf\u00E9\r\nb: \U0001F600\n";
  CHECK(Prepared(utf16(text, false)) == "a: caf\xC3\xA9\r\nb: \xF0\x9F\x98\x80\n");
  CHECK(Prepared(utf16(text, true)) == "a: caf\xC3\xA9\r\nb: \xF0\x9F\x98\x80\n");
  CHECK(Prepared(utf16(u"a: 1\n---\n\uFEFFb: 2\n", false)) == "a: 1\n---\nb: 2\n");
  CHECK(Refusal(utf16(u"\uFEFFa: 1\n", false)).find("1:1: a second byte order mark") == 0);
  CHECK(Refusal(utf16(u"a: x\u0001\n", false)).find("1:5: control character U+0001") == 0);
  CHECK(Refusal(utf16(u"a: 1\nb: x", false) + std::string("\x00\xDC", 2)) ==
        "2:5: invalid UTF-16: low surrogate 0xDC00 without a high surrogate before it");
  CHECK(Refusal(utf16(u"a: x", true) + std::string("\xD8\x3D\x00\x41", 4)) ==
        "1:5: invalid UTF-16: high surrogate 0xD83D is followed by 0x0041, not by a low "
        "surrogate");
  CHECK(Refusal(utf16(u"a: x", false) + "\x3D\xD8") ==
        "1:5: invalid UTF-16: the input ends after high surrogate 0xD83D");
  CHECK(Refusal(utf16(u"a: x", false) + "y") ==
        "1:5: invalid UTF-16: the input ends in the middle of a character");
  // A bad character before the bad code unit is what go-yaml reports first.
  CHECK(Refusal(utf16(u"a: \u0002", false) + std::string("\x00\xDC", 2))
            .find("1:4: control character") == 0);
  const std::string utf32 =
      "1:1: UTF-32 input is not supported: Kubernetes reads YAML as UTF-8 or UTF-16";
  CHECK(Refusal(std::string("\xFF\xFE\0\0a\0\0\0", 8)) == utf32);
  CHECK(Refusal(std::string("\0\0\xFE\xFF\0\0\0a", 8)) == utf32);
}

TEST_CASE("the ASCII scan finds a bad byte at any offset") {
  const std::string line = "key: value\twith\ttabs and spaces, all printable ASCII ~!@#$%^&*()\n";
  const std::string text = line + line + line;
  CHECK(Prepared(text) == text);
  for (size_t at = 0; at < 80; ++at) {
    for (char bad : {'\0', '\x01', '\x1F', '\x7F', '\x80', '\xFF', '\r'}) {
      std::string t = text;
      t[at] = bad;
      std::string prepared;
      bool changed = false;
      YamlInputProblem problem;
      const bool ok = PrepareYamlInput(t, &prepared, &changed, &problem);
      INFO("offset " << at << ", byte " << static_cast<int>(static_cast<unsigned char>(bad)));
      if (bad == '\r') {
        CHECK(ok);
        CHECK(changed == (t[at + 1] != '\n'));  // CRLF stays
      } else {
        CHECK_FALSE(ok);
        CHECK((StartsWith(problem.message, "control character") ||
               StartsWith(problem.message, "invalid UTF-8")));
        CHECK(problem.mark.line == static_cast<int>(at / line.size()) + 1);
        CHECK(problem.mark.column == static_cast<int>(at % line.size()) + 1);
      }
    }
  }
}

}  // namespace thv
