#include "registry/netrc.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("netrc: machine entries, the default, quoting, comments and macros") {
  const std::string text =
      "# a comment line: machine evil.example.com login no password no\n"
      "machine registry.example.com\n  login alice\n  password \"s3cr\\\"et with space\"\n"
      "macdef init\nmachine inside.macro login m password m\n\n"
      "machine REGISTRY.example.com login second password second\n"
      "machine git.example.com login bob password hunter2 account x\n"
      "default login anon password anon\n";
  NetrcEntry e;
  REQUIRE(NetrcLookup(text, "registry.example.com", &e));
  CHECK(e.login == "alice");
  CHECK(e.password == "s3cr\"et with space");
  REQUIRE(NetrcLookup(text, "Git.Example.com", &e));
  CHECK(e.login == "bob");
  CHECK(e.password == "hunter2");
  REQUIRE(NetrcLookup(text, "inside.macro", &e));  // a macro's body is not an entry
  CHECK(e.login == "anon");
  REQUIRE(NetrcLookup(text, "evil.example.com", &e));  // nor is a comment
  CHECK(e.login == "anon");
  CHECK_FALSE(NetrcLookup("machine a login x password y\n", "b", &e));
  CHECK_FALSE(NetrcLookup("", "b", &e));
  CHECK_FALSE(NetrcLookup("machine", "machine", &e));  // truncated: no crash, no entry
  REQUIRE(NetrcLookup("machine a login \"unterminated", "a", &e));
  CHECK(e.login == "unterminated");
}

}  // namespace thv
