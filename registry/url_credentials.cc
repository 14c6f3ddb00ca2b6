#include "registry/url_credentials.h"

#include <cctype>

namespace thv {

namespace {

bool IsSchemeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// Where a URL's authority ends, also inside running text (messages quote URLs).
bool EndsAuthority(char c) {
  return c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' ||
         std::isspace(static_cast<unsigned char>(c));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsHttpScheme(const std::string& scheme) {
  const std::string lower = Lower(scheme);
  return lower == "http" || lower == "https";
}

// The userinfo of one URL: [begin, end) in the text, and whether the scheme is http(s).
struct Userinfo {
  size_t begin = std::string::npos, end = std::string::npos;
  bool http = false;
  bool found() const { return begin != std::string::npos; }
};

// The authority of the URL whose "://" is at sep: [*begin, *end).
void Authority(const std::string& text, size_t sep, size_t* begin, size_t* end) {
  *begin = sep + 3;
  *end = *begin;
  while (*end < text.size() && !EndsAuthority(text[*end])) ++*end;
}

Userinfo FindUserinfo(const std::string& text, size_t sep) {
  Userinfo u;
  size_t begin, end;
  Authority(text, sep, &begin, &end);
  // The last '@' ends the userinfo, as curl and libgit2 parse it.
  size_t at = end;
  while (at > begin && text[at - 1] != '@') --at;
  if (at == begin) return u;
  size_t scheme = sep;
  while (scheme > 0 && IsSchemeChar(text[scheme - 1])) --scheme;
  u.begin = begin;
  u.end = at - 1;
  u.http = IsHttpScheme(text.substr(scheme, sep - scheme));
  return u;
}

// scp-like git syntax, user@host:path: no "://", the userinfo before the first '@'.
Userinfo FindScpUserinfo(const std::string& text) {
  Userinfo u;
  const size_t at = text.find('@');
  if (at == std::string::npos || text.find("://") != std::string::npos) return u;
  for (size_t i = 0; i < at; ++i)
    if (text[i] == '/' || std::isspace(static_cast<unsigned char>(text[i]))) return u;
  u.begin = 0;
  u.end = at;
  return u;
}

bool Forbidden(const std::string& text, const Userinfo& u) {
  if (!u.found()) return false;
  if (u.http) return true;
  return text.find(':', u.begin) < u.end;
}

}  // namespace

std::string RedactUrl(const std::string& text) {
  std::string out;
  size_t done = 0;
  auto redact = [&](const Userinfo& u) {
    if (!Forbidden(text, u)) return;
    const size_t colon = text.find(':', u.begin);
    const size_t keep_until = u.http ? u.begin : colon + 1;
    out.append(text, done, keep_until - done);
    out += "***";
    done = u.end;
  };
  for (size_t sep = text.find("://"); sep != std::string::npos; sep = text.find("://", sep + 3)) {
    if (sep < done) continue;  // inside userinfo already redacted
    redact(FindUserinfo(text, sep));
  }
  if (done == 0) redact(FindScpUserinfo(text));
  if (done == 0) return text;
  out.append(text, done, std::string::npos);
  return out;
}

bool IsHttpUrl(const std::string& url) {
  const size_t sep = url.find("://");
  return sep != std::string::npos && IsHttpScheme(url.substr(0, sep));
}

bool UrlHasCredentials(const std::string& url) {
  const size_t sep = url.find("://");
  return Forbidden(url, sep == std::string::npos ? FindScpUserinfo(url) : FindUserinfo(url, sep));
}

std::string UrlHost(const std::string& url) {
  size_t begin, end;
  const size_t sep = url.find("://");
  if (sep != std::string::npos) {
    Authority(url, sep, &begin, &end);
    Userinfo u = FindUserinfo(url, sep);
    if (u.found()) begin = u.end + 1;
  } else {
    Userinfo u = FindScpUserinfo(url);
    begin = u.found() ? u.end + 1 : 0;
    end = url.find(':', begin);
    if (end == std::string::npos) return "";
  }
  std::string host = url.substr(begin, end - begin);
  if (!host.empty() && host[0] == '[') {
    const size_t close = host.find(']');
    return close == std::string::npos ? "" : Lower(host.substr(1, close - 1));
  }
  return Lower(host.substr(0, host.find(':')));
}

}  // namespace thv
