#include "registry/url_credentials.h"

#include <doctest/doctest.h>

#include "core/testing.h"

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
  const Case kCases[] = {
      {"https://user:secret@example.com/r.json", "https://***@example.com/r.json"},
      {"https://token@example.com", "https://***@example.com"},
      // The last '@' of the authority ends the userinfo, as curl parses it.
      {"https://a@b:c@example.com/x", "https://***@example.com/x"},
      {"ssh://git:secret@example.com/r.git", "ssh://git:***@example.com/r.git"},
      {"git:secret@example.com:org/r.git", "git:***@example.com:org/r.git"},
      {"ssh://git@example.com/r.git", "ssh://git@example.com/r.git"},
      {"git@github.com:org/r.git", "git@github.com:org/r.git"},
      {"https://example.com/a@b", "https://example.com/a@b"},
      {"cannot fetch https://u:p@h/x: redirected to \"http://v:q@i/y\" twice",
       "cannot fetch https://***@h/x: redirected to \"http://***@i/y\" twice"},
      {"no urls here: a@b", "no urls here: a@b"},
      {"", ""},
  };
  CheckCases(RedactUrl, kCases);
}

TEST_CASE("url credentials: UrlHost") {
  const Case kCases[] = {
      {"https://user:pw@Example.COM:8443/x", "example.com"},
      {"http://127.0.0.1:80", "127.0.0.1"},
      {"https://[::1]:8443/x", "::1"},
      {"git@github.com:org/r.git", "github.com"},
      {"file:///srv/r.git", ""},
  };
  CheckCases(UrlHost, kCases);
}

}  // namespace thv
