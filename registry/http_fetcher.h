// HTTP(S) GETs for registry sources (libcurl): TLS always verified, one deadline for the whole
// fetch (every attempt, backoff and page included), a stall detector, bounded retries with
// backoff, a redirect limit, a body size limit, and credentials from a netrc file only.
#pragma once

#include <cstddef>
#include <string>

namespace thv {

struct HttpOptions {
  long connect_timeout_ms = 10000;
  // The whole HttpGet or FetchRegistryApi call, all attempts and backoff together: a stalled
  // source holds a render for this long at most.
  long total_timeout_ms = 30000;
  int max_attempts = 3;
  long backoff_ms = 1000;
  long max_redirects = 5;
  size_t max_bytes = 64u << 20;
  std::string ca_file;     // extra trust; SSL_CERT_FILE is honoured when empty
  std::string netrc_file;  // credentials by host (--netrc-file); none when empty
};

struct HttpResult {
  std::string body;
  std::string final_url;  // after redirects, credentials redacted
  long status = 0;        // the last response's HTTP status; 0 when none arrived
};

// Retries 5xx, 429, timeouts and connection errors while the deadline allows; other 4xx fail at
// once. Errors name the URL with its credentials redacted.
bool HttpGet(const std::string& url, const HttpOptions& options, HttpResult* out, std::string* err);

// Every page of an MCP registry API, combined as {"servers": [...]}: <base>/v0.1/servers (the
// API the official registry froze on 2025-10-24, and what ToolHive v0.44.0's client calls), or
// <base>/v0/servers when the server answers 404 to v0.1. *answered_url is the list URL used,
// without its query (recorded in the lock file).
bool FetchRegistryApi(const std::string& base_url, const HttpOptions& options,
                      std::string* servers_json, std::string* answered_url, std::string* err);

}  // namespace thv
