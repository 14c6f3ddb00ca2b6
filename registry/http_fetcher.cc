#include "registry/http_fetcher.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <thread>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "registry/net_libs.h"
#include "registry/url_credentials.h"

namespace thv {

namespace {

using Clock = std::chrono::steady_clock;

long MillisecondsLeft(Clock::time_point deadline) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
}

struct Body {
  std::string* data;
  size_t limit;
  bool too_large = false;
};

size_t Write(char* ptr, size_t size, size_t count, void* user) {
  Body* body = static_cast<Body*>(user);
  size_t n = size * count;
  if (body->data->size() + n > body->limit) {
    body->too_large = true;
    return 0;  // aborts the transfer
  }
  body->data->append(ptr, n);
  return n;
}

std::string Seconds(long ms) {
  std::string s = std::to_string(ms / 1000);
  if (ms % 1000) s += "." + std::to_string(ms % 1000 / 100);
  return s + "s";
}

// One attempt, ending within timeout_ms. Returns true on a 2xx; *retry says whether another
// attempt may help.
bool Attempt(const CurlApi& curl, const std::string& url, const HttpOptions& o, long timeout_ms,
             HttpResult* out, std::string* err, bool* retry) {
  CURL* easy = curl.easy_init();
  if (!easy) {
    *err = "cannot initialise libcurl";
    *retry = false;
    return false;
  }
  out->body.clear();
  Body body{&out->body, o.max_bytes};
  char error_buffer[CURL_ERROR_SIZE] = "";
  curl.easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl.easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);
  curl.easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl.easy_setopt(easy, CURLOPT_MAXREDIRS, o.max_redirects);
  curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, std::min(o.connect_timeout_ms, timeout_ms));
  curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  // A server that stalls or drips slower than 1 byte/s for 10 s is given up on early.
  curl.easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl.easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, 10L);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  std::string ca = o.ca_file;
  if (ca.empty())
    if (const char* env = std::getenv("SSL_CERT_FILE")) ca = env;
  if (!ca.empty()) curl.easy_setopt(easy, CURLOPT_CAINFO, ca.c_str());
  // Credentials come from the netrc file only (source URLs with userinfo are refused), looked up
  // by curl for each host it talks to; it sends none across hosts on redirects.
  if (!o.netrc_file.empty()) {
    curl.easy_setopt(easy, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
    curl.easy_setopt(easy, CURLOPT_NETRC_FILE, o.netrc_file.c_str());
  }
  curl.easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
  curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, Write);
  curl.easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl.easy_setopt(easy, CURLOPT_USERAGENT, "thv-render");
  curl.easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");

  CURLcode rc = curl.easy_perform(easy);
  long status = 0;
  curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  out->status = status;
  char* effective = nullptr;
  curl.easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  out->final_url = RedactUrl(effective ? effective : url);
  curl.easy_cleanup(easy);

  *retry = false;
  if (body.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
    *err = "response larger than " + std::to_string(o.max_bytes) + " bytes";
    return false;
  }
  switch (rc) {
    case CURLE_OK:
      break;
    case CURLE_OPERATION_TIMEDOUT:
      *err = "timed out (or stalled)";
      *retry = true;
      return false;
    case CURLE_COULDNT_RESOLVE_HOST:
      *err = "could not resolve host (DNS): " + std::string(error_buffer);
      return false;
    case CURLE_COULDNT_CONNECT:
      *err = "connection refused or unreachable: " + std::string(error_buffer);
      *retry = true;
      return false;
    case CURLE_TOO_MANY_REDIRECTS:
      *err = "too many redirects (more than " + std::to_string(o.max_redirects) + ")";
      return false;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
      *err = "TLS verification failed: " + std::string(error_buffer) +
             " (use --ca-file or SSL_CERT_FILE for a private CA)";
      return false;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      *err = "connection closed before the whole body arrived: " + std::string(error_buffer);
      *retry = true;
      return false;
    default:
      *err = curl.easy_strerror(rc) + std::string(": ") + error_buffer;
      *retry = true;
      return false;
  }
  if (status < 200 || status >= 300) {
    *err = "HTTP " + std::to_string(status);
    if (status == 401 || status == 403)
      *err += o.netrc_file.empty() ? " (credentials go in a netrc file: --netrc-file FILE)"
                                   : " (check the entry for this host in " + o.netrc_file + ")";
    *retry = status >= 500 || status == 429;
    return false;
  }
  return true;
}

// Attempts until one succeeds, a failure is final, the attempts are used up or the deadline
// leaves no room for the next attempt after its backoff.
bool HttpGetUntil(const CurlApi& curl, const std::string& url, const HttpOptions& options,
                  Clock::time_point deadline, HttpResult* out, std::string* err) {
  const int attempts = options.max_attempts < 1 ? 1 : options.max_attempts;
  const std::string where = RedactUrl(url) + ": ";
  const std::string budget = " within the " + Seconds(options.total_timeout_ms) + " timeout";
  for (int attempt = 1;; ++attempt) {
    const long left = MillisecondsLeft(deadline);
    if (left <= 0) {
      *err = where + "no time left" + budget + (attempt > 1 ? "" : " (earlier requests used it)");
      return false;
    }
    bool retry = false;
    std::string attempt_err;
    if (Attempt(curl, url, options, left, out, &attempt_err, &retry)) return true;
    const std::string tries =
        attempt > 1 ? " (after " + std::to_string(attempt) + " attempts" + budget + ")" : "";
    if (!retry || attempt >= attempts) {
      *err = where + RedactUrl(attempt_err) + tries;
      return false;
    }
    const long backoff = options.backoff_ms * attempt;
    if (MillisecondsLeft(deadline) <= backoff) {
      *err = where + RedactUrl(attempt_err) + " (after " + std::to_string(attempt) +
             (attempt > 1 ? " attempts" : " attempt") + "; no time left" + budget + ")";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
  }
}

}  // namespace

bool HttpGet(const std::string& url, const HttpOptions& options, HttpResult* out,
             std::string* err) {
  std::string load_error;
  const CurlApi* curl = LoadCurl(&load_error);
  if (!curl) {
    *err = RedactUrl(url) + ": " + load_error;
    return false;
  }
  return HttpGetUntil(*curl, url, options,
                      Clock::now() + std::chrono::milliseconds(options.total_timeout_ms), out, err);
}

bool FetchRegistryApi(const std::string& base_url, const HttpOptions& options,
                      std::string* servers_json, std::string* answered_url, std::string* err) {
  constexpr int kMaxPages = 1000;
  const CurlApi* curl = LoadCurl(err);
  if (!curl) {
    *err = RedactUrl(base_url) + ": " + *err;
    return false;
  }
  // One deadline for every page: a registry that pages slowly is bounded like a stalled one.
  const Clock::time_point deadline =
      Clock::now() + std::chrono::milliseconds(options.total_timeout_ms);
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string where = RedactUrl(base);
  Value all = Value::Sequence();
  std::string cursor;
  // v0.1 first; v0 only when the server has no v0.1.
  const char* const kListPaths[] = {"/v0.1/servers", "/v0/servers"};
  size_t api = 0;
  std::string list_url = base + kListPaths[api];
  for (int page = 0; page < kMaxPages; ++page) {
    std::string url = list_url + "?limit=100";
    if (!cursor.empty()) {
      char* escaped = curl->easy_escape(nullptr, cursor.c_str(), static_cast<int>(cursor.size()));
      url += "&cursor=" + std::string(escaped);
      curl->free(escaped);
    }
    HttpResult result;
    if (!HttpGetUntil(*curl, url, options, deadline, &result, err)) {
      if (page == 0 && result.status == 404 && api + 1 < std::size(kListPaths)) {
        list_url = base + kListPaths[++api];
        --page;
        continue;
      }
      return false;
    }
    Value doc;
    JsonSyntaxError parse_err;
    if (!ParseJson(result.body, &doc, &parse_err)) {
      *err = RedactUrl(url) + ": response is not JSON: " + std::to_string(parse_err.mark.line) +
             ":" + std::to_string(parse_err.mark.column) + ": " + parse_err.message;
      return false;
    }
    const Value* servers = doc.Find("servers");
    if (!servers || !servers->IsSequence()) {
      *err = RedactUrl(url) + ": response has no \"servers\" array";
      return false;
    }
    for (const Value& s : servers->items) all.Append(s);
    const Value* metadata = doc.Find("metadata");
    const Value* next = metadata ? metadata->Find("nextCursor") : nullptr;
    if (!next || !next->IsString() || next->text.empty()) {
      Value wrapped = Value::Mapping();
      wrapped.Set("servers", std::move(all));
      *servers_json = GoJsonCompact(wrapped);
      *answered_url = RedactUrl(list_url);
      return true;
    }
    if (next->text == cursor) {
      *err = RedactUrl(url) + ": the registry returned the same cursor twice";
      return false;
    }
    cursor = next->text;
  }
  *err = where + ": more than " + std::to_string(kMaxPages) + " pages";
  return false;
}

}  // namespace thv
