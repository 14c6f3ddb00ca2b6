#include "registry/url_credentials.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("url credentials: http(s) userinfo is refused whole, others only with a password") {
  CHECK(UrlHasCredentials("https://user:secret@example.com/r.json"));
  CHECK(UrlHasCredentials("https://ghp_token@example.com/r.json"));
  CHECK(UrlHasCredentials("HTTP://u@example.com"));
  CHECK(UrlHasCredentials("https://u:p@example.com?x=1"));
  CHECK(UrlHasCredentials("ssh://git:secret@example.com/r.git"));
  CHECK(UrlHasCredentials("git:secret@example.com:org/r.git"));
  CHECK_FALSE(UrlHasCredentials("https://example.com/r.json"));
  CHECK_FALSE(UrlHasCredentials("https://example.com/a@b/r.json"));  // '@' in the path
  CHECK_FALSE(UrlHasCredentials("https://example.com/r.json?user=a@b"));
  CHECK_FALSE(UrlHasCredentials("ssh://git@example.com/r.git"));
  CHECK_FALSE(UrlHasCredentials("git@github.com:org/r.git"));
  CHECK_FALSE(UrlHasCredentials("git@github.com:org/a@b.git"));
  CHECK_FALSE(UrlHasCredentials("file:///srv/r.git"));
}

TEST_CASE("url credentials: RedactUrl hides them in URLs and in running text") {
  CHECK(RedactUrl("https://user:secret@example.com/r.json") == "https://***@example.com/r.json");
  CHECK(RedactUrl("https://token@example.com") == "https://***@example.com");
  // The last '@' of the authority ends the userinfo, as curl parses it.
  CHECK(RedactUrl("https://a@b:c@example.com/x") == "https://***@example.com/x");
  CHECK(RedactUrl("ssh://git:secret@example.com/r.git") == "ssh://git:***@example.com/r.git");
  CHECK(RedactUrl("git:secret@example.com:org/r.git") == "git:***@example.com:org/r.git");
  CHECK(RedactUrl("ssh://git@example.com/r.git") == "ssh://git@example.com/r.git");
  CHECK(RedactUrl("git@github.com:org/r.git") == "git@github.com:org/r.git");
  CHECK(RedactUrl("https://example.com/a@b") == "https://example.com/a@b");
  CHECK(RedactUrl("cannot fetch https://u:p@h/x: redirected to \"http://v:q@i/y\" twice") ==
        "cannot fetch https://***@h/x: redirected to \"http://***@i/y\" twice");
  CHECK(RedactUrl("no urls here: a@b") == "no urls here: a@b");
  CHECK(RedactUrl("") == "");
}

TEST_CASE("url credentials: UrlHost") {
  CHECK(UrlHost("https://user:pw@Example.COM:8443/x") == "example.com");
  CHECK(UrlHost("http://127.0.0.1:80") == "127.0.0.1");
  CHECK(UrlHost("https://[::1]:8443/x") == "::1");
  CHECK(UrlHost("git@github.com:org/r.git") == "github.com");
  CHECK(UrlHost("file:///srv/r.git") == "");
}

}  // namespace thv
