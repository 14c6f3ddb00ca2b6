#include "registry/http_fetcher.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/json_writer.h"
#include "registry/format_json.h"
#include "registry/net_libs.h"

namespace thv {

namespace {

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

// One attempt. Returns true on a 2xx; *retry says whether another attempt may help.
bool Attempt(const CurlApi& curl, const std::string& url, const HttpOptions& o, HttpResult* out,
             std::string* err, bool* retry) {
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
  curl.easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl.easy_setopt(easy, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
  // A server that stalls or drips slower than 1 byte/s for 10 s is given up on early.
  curl.easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl.easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, 10L);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl.easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  std::string ca = o.ca_file;
  if (ca.empty())
    if (const char* env = std::getenv("SSL_CERT_FILE")) ca = env;
  if (!ca.empty()) curl.easy_setopt(easy, CURLOPT_CAINFO, ca.c_str());
  curl.easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
  curl.easy_setopt(easy, CURLOPT_WRITEFUNCTION, Write);
  curl.easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl.easy_setopt(easy, CURLOPT_USERAGENT, "thv-render");
  curl.easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");

  CURLcode rc = curl.easy_perform(easy);
  long status = 0;
  curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  char* effective = nullptr;
  curl.easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  out->final_url = effective ? effective : url;
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
      *err = "timed out after " + Seconds(o.total_timeout_ms) + " (or stalled)";
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
    *retry = status >= 500 || status == 429;
    return false;
  }
  return true;
}

}  // namespace

bool HttpGet(const std::string& url, const HttpOptions& options, HttpResult* out,
             std::string* err) {
  std::string load_error;
  const CurlApi* curl = LoadCurl(&load_error);
  if (!curl) {
    *err = url + ": " + load_error;
    return false;
  }
  const int attempts = options.max_attempts < 1 ? 1 : options.max_attempts;
  for (int attempt = 1;; ++attempt) {
    bool retry = false;
    std::string attempt_err;
    if (Attempt(*curl, url, options, out, &attempt_err, &retry)) return true;
    if (!retry || attempt >= attempts) {
      *err = url + ": " + attempt_err +
             (attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : "");
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(options.backoff_ms * attempt));
  }
}

bool FetchRegistryApi(const std::string& base_url, const HttpOptions& options,
                      std::string* servers_json, std::string* err) {
  constexpr int kMaxPages = 1000;
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  Value all = Value::Sequence();
  std::string cursor;
  for (int page = 0; page < kMaxPages; ++page) {
    std::string url = base + "/v0/servers?limit=100";
    if (!cursor.empty()) {
      // Already loaded by the first page's HttpGet: this only looks the table up.
      const CurlApi* curl = LoadCurl(err);
      if (!curl) return false;
      char* escaped = curl->easy_escape(nullptr, cursor.c_str(), static_cast<int>(cursor.size()));
      url += "&cursor=" + std::string(escaped);
      curl->free(escaped);
    }
    HttpResult result;
    if (!HttpGet(url, options, &result, err)) return false;
    Value doc;
    JsonSyntaxError parse_err;
    if (!ParseJson(result.body, &doc, &parse_err)) {
      *err = url + ": response is not JSON: " + std::to_string(parse_err.mark.line) + ":" +
             std::to_string(parse_err.mark.column) + ": " + parse_err.message;
      return false;
    }
    const Value* servers = doc.Find("servers");
    if (!servers || !servers->IsSequence()) {
      *err = url + ": response has no \"servers\" array";
      return false;
    }
    for (const Value& s : servers->items) all.Append(s);
    const Value* metadata = doc.Find("metadata");
    const Value* next = metadata ? metadata->Find("nextCursor") : nullptr;
    if (!next || !next->IsString() || next->text.empty()) {
      Value wrapped = Value::Mapping();
      wrapped.Set("servers", std::move(all));
      *servers_json = GoJsonCompact(wrapped);
      return true;
    }
    if (next->text == cursor) {
      *err = url + ": the registry returned the same cursor twice";
      return false;
    }
    cursor = next->text;
  }
  *err = base + ": more than " + std::to_string(kMaxPages) + " pages";
  return false;
}

}  // namespace thv
