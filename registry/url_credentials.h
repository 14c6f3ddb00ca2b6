// Credentials never belong in a registry source URL: the URL is written to thv-render.lock
// (which users commit) and printed in errors and progress lines (CI logs). Sources are refused
// when they carry any, and every URL that is written or printed goes through RedactUrl as well.
#pragma once

#include <string>

namespace thv {

// Returns text with the credentials of every URL in it replaced by "***": the whole userinfo of
// http(s) URLs (a token alone as user name is common), the password of other URLs (an ssh user
// name such as git@ stays). Text without credentials comes back unchanged.
std::string RedactUrl(const std::string& text);

// True when url carries credentials a source must not have: any userinfo for http(s), a password
// for other schemes and scp-like git URLs (user:password@host:path).
bool UrlHasCredentials(const std::string& url);

// True for http:// and https:// URLs (any case).
bool IsHttpUrl(const std::string& url);

// The host of url (lowercase, without port or userinfo; an IPv6 address without brackets); for
// an scp-like git URL user@host:path, host. Empty when there is none.
std::string UrlHost(const std::string& url);

}  // namespace thv
