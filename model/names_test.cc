// Test vectors from k8s.io/apimachinery v0.34 pkg/util/validation/validation_test.go and
// github.com/distribution/reference (normalize_test.go, reference_test.go).
#include "model/names.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/testing.h"

namespace thv {

namespace {

using Check = std::function<std::string(const std::string&)>;

void ExpectValid(const Check& check, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    CAPTURE(v);
    CHECK(check(v) == "");
  }
}

void ExpectInvalid(const Check& check, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    CAPTURE(v);
    CHECK(check(v) != "");
  }
}

std::string Repeat(char c, size_t n) { return std::string(n, c); }

}  // namespace

TEST_CASE("DNS-1123 labels") {
  ExpectValid(CheckDns1123Label, {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012",
                                  "1a", "1-a", "1--a--b--2", Repeat('a', 63)});
  ExpectInvalid(
      CheckDns1123Label,
      {"",   "A",   "ABC", "aBc", "A1", "A-1", "1-A", "-",  "a-",  "-a",           "1-",  "-1",
       "_",  "a_",  "_a",  "a_b", "1_", "_1",  "1_2", ".",  "a.",  ".a",           "a.b", "1.",
       ".1", "1.2", " ",   "a ",  " a", "a b", "1 ",  " 1", "1 2", Repeat('a', 64)});
  CHECK(CheckDns1123Label("a.b") == "must not contain dots");
  CHECK(CheckDns1123Label("A") ==
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', "
        "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  CHECK(CheckDns1123Label(Repeat('a', 64)) == "must be no more than 63 characters");
}

TEST_CASE("DNS-1123 subdomains") {
  ExpectValid(CheckDns1123Subdomain, {"a",
                                      "ab",
                                      "abc",
                                      "a1",
                                      "a-1",
                                      "a--1--2--b",
                                      "0",
                                      "01",
                                      "012",
                                      "1a",
                                      "1-a",
                                      "1--a--b--2",
                                      "a.a",
                                      "ab.a",
                                      "abc.a",
                                      "a1.a",
                                      "a-1.a",
                                      "a--1--2--b.a",
                                      "a.1",
                                      "ab.1",
                                      "abc.1",
                                      "a1.1",
                                      "a-1.1",
                                      "a--1--2--b.1",
                                      "0.a",
                                      "01.a",
                                      "012.a",
                                      "1a.a",
                                      "1-a.a",
                                      "0.1",
                                      "01.1",
                                      "012.1",
                                      "1a.1",
                                      "1-a.1",
                                      "1--a--b--2.1",
                                      "a.b.c.d.e",
                                      "aa.bb.cc.dd.ee",
                                      "1.2.3.4.5",
                                      "11.22.33.44.55",
                                      Repeat('a', 253)});
  ExpectInvalid(CheckDns1123Subdomain, {"",
                                        "A",
                                        "ABC",
                                        "aBc",
                                        "A1",
                                        "A-1",
                                        "1-A",
                                        "-",
                                        "a-",
                                        "-a",
                                        "1-",
                                        "-1",
                                        "_",
                                        "a_",
                                        "_a",
                                        "a_b",
                                        "1_",
                                        "_1",
                                        "1_2",
                                        ".",
                                        "a.",
                                        ".a",
                                        "a..b",
                                        "1.",
                                        ".1",
                                        "1..2",
                                        " ",
                                        "a ",
                                        " a",
                                        "a b",
                                        "1 ",
                                        " 1",
                                        "1 2",
                                        "A.a",
                                        "aB.a",
                                        "ab.A",
                                        "A1.a",
                                        "a1.A",
                                        "A.1",
                                        "aB.1",
                                        "A1.1",
                                        "1A.1",
                                        "0.A",
                                        "01.A",
                                        "012.A",
                                        "1A.a",
                                        "1a.A",
                                        "A.B.C.D.E",
                                        "AA.BB.CC.DD.EE",
                                        "a.B.c.d.e",
                                        "aa.bB.cc.dd.ee",
                                        "a@b",
                                        "a,b",
                                        "a;b",
                                        "a:b",
                                        "a%b",
                                        "a?b",
                                        "a$b",
                                        Repeat('a', 254)});
}

TEST_CASE("DNS-1035 labels") {
  ExpectValid(CheckDns1035Label, {"a", "ab", "abc", "a1", "a-1", "a--1--2--b", Repeat('a', 63)});
  ExpectInvalid(
      CheckDns1035Label,
      {"0",  "01",  "012", "1a", "1-a", "1--a--b--2", "",   "A",  "ABC", "aBc",
       "A1", "A-1", "1-A", "-",  "a-",  "-a",         "1-", "-1", "_",   "a_",
       "_a", "a_b", "1_",  "_1", "1_2", ".",          "a.", ".a", "a.b", "1.",
       ".1", "1.2", " ",   "a ", " a",  "a b",        "1 ", " 1", "1 2", Repeat('a', 64)});
  CHECK(CheckDns1035Label("1reg-api") ==
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
        "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or "
        "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  CHECK(CheckDns1035Label("mcp-" + Repeat('a', 60) + "-proxy") ==
        "must be no more than 63 characters");
}

TEST_CASE("qualified names (label keys)") {
  ExpectValid(CheckQualifiedName,
              {"simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
               "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
               "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678",
               "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
               Repeat('a', 63), Repeat('a', 253) + "/" + Repeat('b', 63)});
  ExpectInvalid(CheckQualifiedName,
                {"nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-",
                 "only/one/slash", "Example.com/abc", "example_com/abc", "example.com/", "/simple",
                 Repeat('a', 64), Repeat('a', 254) + "/abc"});
  CHECK(CheckQualifiedName("/simple") == "prefix part must be non-empty");
  CHECK(CheckQualifiedName("Example.com/abc").rfind("prefix part a lowercase RFC 1123", 0) == 0);
  CHECK(CheckQualifiedName("example.com/").rfind("name part must be non-empty; name part ", 0) ==
        0);
}

TEST_CASE("label values") {
  ExpectValid(CheckLabelValue, {"simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1",
                                "1234", Repeat('a', 63), ""});
  ExpectInvalid(CheckLabelValue, {"nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun",
                                  "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-",
                                  ".starts.with.dot", "ends.with.dot.", Repeat('a', 64)});
}

TEST_CASE("environment variable names (relaxed, GA in 1.34)") {
  ExpectValid(CheckEnvVarName,
              {"-",   ":",  "_",  "+a",  ">a", "<a", "a.", "a..", "*a", "%a",  "?a", "a:a", "a_a",
               "aAz", "~a", "|a", "a0a", "a9", "/a", "a ", "#a",  "0a", "0 a", "'a", "(a",  "@a"});
  ExpectInvalid(CheckEnvVarName, {"", "=", "a=", "1=a", "a=b", "#%=&&",
                                  "\x01"
                                  "abc",
                                  "\xc2\x82"
                                  "abc",
                                  "Ç ç", "Ä ä", "Ñ ñ", "Ø ø", "a\nb", "a\x7f"});
  CHECK(CheckEnvVarName("") == "environment variable name must be non-empty");
  CHECK(CheckEnvVarName("A=B") ==
        "a valid environment variable name must consist only of printable ASCII characters "
        "other than '='");
}

TEST_CASE("ConfigMap keys") {
  ExpectValid(CheckConfigMapKey, {"a", "good", "good-good", "still.good", "this.is.also.good",
                                  ".so.is.this", "THIS_IS_GOOD", "so_is_this_17"});
  ExpectInvalid(CheckConfigMapKey, {".", "..", "..bad", "b*d", "bad!&bad", "", Repeat('a', 254)});
  CHECK(CheckConfigMapKey("..") == "must not be '..'");
}

TEST_CASE("port names and numbers") {
  ExpectValid(CheckPortName,
              {"telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"});
  ExpectInvalid(CheckPortName, {"longerthan15characters", "", Repeat('a', 16), "12345", "1-2-3-4",
                                "-begin", "end-", "two--hyphens", "whois++"});
  for (int64_t port : {1, 2, 1000, 16384, 32768, 65535}) CHECK(CheckPortNumber(port) == "");
  for (int64_t port : {0, -1, 65536, 100000})
    CHECK(CheckPortNumber(port) == "must be between 1 and 65535, inclusive");
}

TEST_CASE("RBAC names are path segments") {
  ExpectValid(CheckPathSegmentName, {"a", "Upper_Case:ok", "system:auth-delegator", "..a"});
  CHECK(CheckPathSegmentName(".") == "may not be '.'");
  CHECK(CheckPathSegmentName("..") == "may not be '..'");
  CHECK(CheckPathSegmentName("a/b%c") == "may not contain '/'; may not contain '%'");
}

TEST_CASE("image references as container runtimes parse them") {
  const std::string sha = "sha256:" + Repeat('a', 64);
  ExpectValid(CheckImageReference,
              {"docker/docker",
               "library/debian",
               "debian",
               "localhost/library/debian",
               "localhost/debian",
               "LOCALDOMAIN/library/debian",
               "LOCALDOMAIN/debian",
               "docker.io/docker/docker",
               "docker.io/library/debian",
               "docker.io/debian",
               "index.docker.io/docker/docker",
               "index.docker.io/library/debian",
               "index.docker.io/debian",
               "127.0.0.1:5000/docker/docker",
               "127.0.0.1:5000/library/debian",
               "127.0.0.1:5000/debian",
               "192.168.0.1",
               "192.168.0.1:80",
               "192.168.0.1:8/debian",
               "192.168.0.2:25000/debian",
               "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
               "[fc00::1]:5000/docker",
               "[fc00::1]:5000/docker/docker",
               "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
               "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
               "Docker/docker",
               "DOCKER/docker",
               "docker-rules/docker",
               "docker---rules/docker",
               "doc/docker",
               "d/docker",
               "jess/t",
               "dock__er/docker",
               "test_com",
               "test.com:tag",
               "test.com:5000",
               "test.com/repo:tag",
               "test:5000/repo",
               "test:5000/repo:tag",
               "ghcr.io/stacklok/toolhive/proxyrunner:v0.3.5",
               "img",
               "a_b.c/foo",
               "nginx@" + sha,
               "nginx:1.25@" + sha,
               "localhost:5000",
               "UPPER.example/x:TAG_1"});
  ExpectInvalid(CheckImageReference,
                {"https://github.com/docker/docker",
                 "docker/Docker",
                 "-docker",
                 "-docker/docker",
                 "-docker.io/docker/docker",
                 "docker///docker",
                 "docker.io/docker/Docker",
                 "docker.io/docker///docker",
                 "[fc00::1]",
                 "[fc00::1]:5000",
                 "fc00::1:5000/debian",
                 "[fe80::1%eth0]:5000/debian",
                 "[2001:db8:3:4::192.0.2.33]:5000/debian",
                 "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
                 "docker-/docker",
                 "-docker-/docker",
                 "____/____",
                 "_docker/_docker",
                 "dock..er/docker",
                 "dock_.er/docker",
                 "dock-.er/docker",
                 "docker/",
                 Repeat('a', 256) + "/docker",
                 "",
                 "--help",
                 " img",
                 "img\n",
                 "my image",
                 "img:",
                 "img@",
                 "img:" + Repeat('t', 129),
                 "img@sha256:abc",
                 "img@sha256:" + Repeat('a', 63),
                 "img@md5:" + Repeat('a', 32),
                 "img@sha256:" + Repeat('A', 64),
                 "a:b:c",
                 "a@b@c"});
  CHECK(CheckImageReference("img:" + Repeat('t', 128)) == "");
  CHECK(CheckImageReference(Repeat('a', 255)) ==
        "repository name must not be more than 255 characters");  // library/ counts
  CHECK(CheckImageReference("docker/Docker") ==
        "invalid reference format: repository name (docker/Docker) must be lowercase");
  CHECK(CheckImageReference("Img") ==
        "invalid reference format: repository name (library/Img) must be lowercase");
  CHECK(CheckImageReference("--help").rfind("invalid reference format (", 0) == 0);
  CHECK(CheckImageReference("img@sha256:" + Repeat('a', 63)) == "invalid checksum digest length");
  CHECK(CheckImageReference("img@md5:" + Repeat('a', 32)) == "unsupported digest algorithm");
  CHECK(CheckImageReference("img ") == "must not have leading or trailing whitespace");
}

TEST_CASE("GoQuote escapes as %q does") {
  const Case kCases[] = {
      {"a", "\"a\""},
      {"a\"b\\c\nd\te\x01", "\"a\\\"b\\\\c\\nd\\te\\x01\""},
      {"rā", "\"rā\""},
      {"\xff", "\"\\xff\""},
  };
  CheckCases(GoQuote, kCases);
}

}  // namespace thv
