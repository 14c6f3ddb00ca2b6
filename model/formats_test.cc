// The string formats against Go: each expectation is what Go 1.19's net/url.ParseRequestURI,
// time.ParseDuration + kube-openapi strfmt.ParseDuration, strfmt.IsDateTime and
// time.Parse("2006-01-02") returned for the same string.
#include "model/formats.h"

#include <doctest/doctest.h>

namespace thv {

namespace {

struct Case {
  const char* text;
  bool valid;
};

const Case kUris[] = {
    {"", false},
    {"*", true},
    {"https://example.com/hook", true},
    {"http://10.0.0.1:8080/x", true},
    {"https://h:port/x", false},
    {"https://[::1]:443/", true},
    {"https://[::1", false},
    {"https://[::1]x/", false},
    {"/relative/path", true},
    {"relative", false},
    {"mailto:a@b", true},
    {"https://u:p@host/", true},
    {"https://u p@host/", false},
    {"https://ho st/", false},
    {"https://host/%zz", false},
    {"https://host/%41", true},
    {"https://host/a b", true},
    {"https://host?q=%zz", true},
    {"1http://x", false},
    {":foo", false},
    {"https://h%41/", false},
    {"https://h%C3%A9/", true},
    {"https://[fe80::1%25en0]/", true},
    {"https://[fe80::1%25%0a]/", false},
    {"//host/path", true},
    {"https://host/\177", false},
    {"HTTPS://Example.com", true},
    {"a:b", true},
    {"https://\303\251.com/", true},
    {"https://host/\303\251", true},
    {"https://h:80a/", false},
    {"https://h:/", true},
    {"https://user@/x", true},
    {"https://:80/", true},
    {"https://a@b@c/", true},
    {"https://a%2/", false},
    {"https://h/p#frag", true},
    {"https://h/p#%zz", false},
    {"https://<h>/", true},
    {"https://h\"/", true},
    {"https://h{x}/", false},
};

const Case kDurations[] = {
    {"", false},
    {"0", true},
    {"1h", true},
    {"1h30m", true},
    {"-1.5s", true},
    {"+2ms", true},
    {"1.5", false},
    {".5s", true},
    {"5.s", true},
    {"1d", true},
    {"3 days", true},
    {"22 ns", true},
    {"5 minutes", true},
    {"abc 5s", true},
    {"5 xyz", false},
    {"10\302\265s", true},
    {"10\316\274s", true},
    {"1e3s", true},
    {"99999999999999999999s", false},
    {"9223372036854775807ns", true},
    {"9223372036854775808ns", false},
    {"2562047h", true},
    {"2562048h", true},
    {"-9223372036854775808ns", true},
    {"99999999999999999999 s", false},
    {"1 week 2 days", true},
    {"5 Hours", true},
    {"5hrs", false},
    {"7 wk", true},
    {"1 mo", false},
    {"5  sec", true},
    {"5\011sec", true},
    {"5sec", true},
    {"1h 5x", true},
    {"\302\265s", false},
    {"5\302\265", false},
    {"1.5 h", true},
    {"s5", false},
};

const Case kDateTimes[] = {
    {"2024-01-02T03:04:05Z", true},      {"2024-01-02t03:04:05z", true},
    {"2024-01-02T03:04:05.123Z", true},  {"2024-01-02T03:04:05+01:00", true},
    {"2024-01-02T24:04:05Z", false},     {"2024-01-02T03:60:05Z", false},
    {"2024-02-30T03:04:05Z", false},     {"2024-02-29T03:04:05Z", true},
    {"2023-02-29T03:04:05Z", false},     {"2024-01-02 03:04:05Z", false},
    {"2024-01-02T03:04:05", false},      {"2024-01-02T03:04:05Zt", true},
    {"2024-01-02T03:04:05xZ", false},    {"2024-01-02T03:04:05\303\2511Z", true},
    {"2024-1-02T03:04:05Z", false},      {"abc", false},
    {"2024-01-02T03:04:05.Z", false},    {"2024-01-02T03:04:0512Z", true},
    {"2024-01-02T03:04:05+0100", false}, {"2024-13-02T03:04:05Z", false},
    {"0000-01-01T00:00:00Z", true},
};

const Case kDates[] = {
    {"2024-01-02", true},  {"2024-02-30", false}, {"2000-02-29", true},
    {"1900-02-29", false}, {"2024-1-2", false},   {"2024-01-02x", false},
    {"0000-00-01", false}, {"+024-01-01", false}, {"2024-12-31", true},
};

}  // namespace

TEST_CASE("format uri: what net/url.ParseRequestURI accepts") {
  for (const Case& c : kUris) {
    CAPTURE(c.text);
    CHECK(IsRequestUri(c.text) == c.valid);
  }
}

TEST_CASE("format duration: Go durations, then strfmt's Scala-like form") {
  for (const Case& c : kDurations) {
    CAPTURE(c.text);
    CHECK(IsOpenApiDuration(c.text) == c.valid);
  }
}

TEST_CASE("format date-time and date: strfmt.IsDateTime, time.Parse(2006-01-02)") {
  for (const Case& c : kDateTimes) {
    CAPTURE(c.text);
    CHECK(IsOpenApiDateTime(c.text) == c.valid);
  }
  for (const Case& c : kDates) {
    CAPTURE(c.text);
    CHECK(IsOpenApiDate(c.text) == c.valid);
  }
}

TEST_CASE("Go durations: time.ParseDuration's value and Duration.String") {
  const struct {
    const char* text;
    int64_t nanoseconds;
    const char* formatted;
  } kCases[] = {{"45s", 45000000000, "45s"},
                {"90.5s", 90500000000, "1m30.5s"},
                {"1h", 3600000000000, "1h0m0s"},
                {"1h0m0.000000001s", 3600000000001, "1h0m0.000000001s"},
                {"1.5us", 1500, "1.5\302\265s"},
                {"999ms", 999000000, "999ms"},
                {"1ns", 1, "1ns"},
                {"1h2m3.5s", 3723500000000, "1h2m3.5s"},
                {"-2m3s", -123000000000, "-2m3s"},
                {"1000h", 3600000000000000, "1000h0m0s"}};
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    int64_t ns = 0;
    REQUIRE(ParseGoDuration(c.text, &ns));
    CHECK(ns == c.nanoseconds);
    CHECK(FormatGoDuration(ns) == c.formatted);
  }
  int64_t ns = 0;
  CHECK(ParseGoDuration("1µs1us1μs1ns", &ns));
  CHECK(ns == 3001);
  CHECK(ParseGoDuration("-2562047h47m16.854775808s", &ns));
  CHECK(ns == INT64_MIN);
  CHECK(ParseGoDuration("-0", &ns));
  CHECK(ns == 0);
  for (const char* bad :
       {"5 seconds", "2562047h47m16.854775808s" /* one past int64 */, "", "1", ".s", "1d"})
    CHECK_FALSE(ParseGoDuration(bad, &ns));
}

TEST_CASE("Go URL errors quote the URL as strconv.Quote does") {
  GoUrl url;
  std::string err;
  CHECK_FALSE(ParseGoUrl("http://a\nb\x7f", false, &url, &err));
  CHECK(err == "parse \"http://a\\nb\\x7f\": net/url: invalid control character in URL");
  CHECK_FALSE(ParseGoUrl("http://a/%zz\xff", false, &url, &err));
  CHECK(err == "parse \"http://a/%zz\\xff\": invalid URL escape \"%zz\"");
}

}  // namespace thv
