#include "core/diagnostics.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("TerminalSafe shows control characters instead of sending them") {
  CHECK(TerminalSafe("plain text, tabs\tand UTF-8: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") ==
        "plain text, tabs\tand UTF-8: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  CHECK(TerminalSafe("\x1b]0;title\x07\x1b[2J") == "^[]0;title\\x07^[[2J");
  CHECK(TerminalSafe("line\nforged\r") == "line\\nforged\\r");
  CHECK(TerminalSafe(std::string("nul\0del\x7f", 8)) == "nul\\x00del\\x7f");
  CHECK(TerminalSafe("csi \xc2\x9b"
                     "31m") == "csi \\u009b31m");  // C1 control
  CHECK(TerminalSafe("raw \x9b and \xff") == "raw \\x9b and \\xff");
  CHECK(TerminalSafe("cut \xe2\x82") == "cut \\xe2\\x82");
  CHECK(TerminalSafe("overlong \xc0\xaf surrogate \xed\xa0\x80") ==
        "overlong \\xc0\\xaf surrogate \\xed\\xa0\\x80");
}

TEST_CASE("FormatDiagnostic is terminal-safe") {
  Diagnostic d{Severity::kError, "a\x1b.yaml", Mark{3, 5}, "metadata.name", "bad \"x\x1b[2J\""};
  CHECK(FormatDiagnostic(d) == "a^[.yaml:3:5: metadata.name: bad \"x^[[2J\"");
}

}  // namespace thv
