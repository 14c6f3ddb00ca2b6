// The string formats the Kubernetes API server checks in custom resources (kube-openapi's strfmt
// registry, as apiextensions-apiserver pkg/apiserver/validation/formats.go enables them), with
// the Go functions' exact acceptance.
#pragma once

#include <cstdint>
#include <string>

#include "core/go_yaml.h"  // ParseGoDuration, FormatGoDuration

namespace thv {

// What Go's net/url keeps of a URL that the checks here look at.
struct GoUrl {
  std::string scheme;  // lowercased; empty when none
  std::string host;    // with port; empty when none
};
// Go net/url.Parse (via_request false) or ParseRequestURI (true): true and *url, or false and
// *err as Go words it (parse "...": missing protocol scheme, ...).
bool ParseGoUrl(const std::string& raw, bool via_request, GoUrl* url, std::string* err);

// format: uri. Go net/url.ParseRequestURI succeeds: an absolute URI or an absolute path.
bool IsRequestUri(const std::string& s);

// format: duration. strfmt.ParseDuration: Go time.ParseDuration ("1h30m", "-1.5s"), else the
// Scala-like form ("22 ns", "3 days": every "<digits> <unit>" run, at least one known unit).
bool IsOpenApiDuration(const std::string& s);
// format: date-time. strfmt.IsDateTime: a full-date, 'T' (either case), then
// HH:MM:SS[.frac](Z|+HH:MM).
bool IsOpenApiDateTime(const std::string& s);
// format: date. time.Parse("2006-01-02", s): a real calendar day.
bool IsOpenApiDate(const std::string& s);

}  // namespace thv
