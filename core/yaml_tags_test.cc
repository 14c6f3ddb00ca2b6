#include "core/yaml_tags.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("Go's base64.StdEncoding, as !!binary decodes") {
  std::string bytes, why;
  CHECK(DecodeGoBase64("aGVsbG8=", &bytes, &why));
  CHECK(bytes == "hello");
  CHECK(DecodeGoBase64("aGVs\r\nbG8\n=", &bytes, &why));  // line breaks anywhere
  CHECK(bytes == "hello");
  CHECK(DecodeGoBase64("aGVsbA==", &bytes, &why));
  CHECK(bytes == "hell");
  CHECK(DecodeGoBase64("", &bytes, &why));
  CHECK(bytes.empty());
  CHECK(DecodeGoBase64("+/+/", &bytes, &why));
  CHECK(bytes == "\xFB\xFF\xBF");
  CHECK(DecodeGoBase64("aGVsbG9=", &bytes, &why));  // leftover bits dropped, as Go does
  CHECK(bytes == "hello");
  for (const char* bad : {"aGVsbG8", "aGVsbG8==", "a===", "====", "ab=c",
                          "aGVs bG8=", "aGVs\tbG8=", "aGVsbG8=aGVs", "-_-_", "aGVsbA=\n"}) {
    INFO(std::string(bad));
    CHECK_FALSE(DecodeGoBase64(bad, &bytes, &why));
    CHECK(!why.empty());
  }
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, one per byte, as in Go's json.Marshal") {
  CHECK(GoJsonString("plain \xC3\xA9 \xF0\x9F\x98\x80") == "plain \xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(GoJsonString(std::string("\0\x01", 2)) == std::string("\0\x01", 2));
  CHECK(GoJsonString("\xFF") == "\xEF\xBF\xBD");
  CHECK(GoJsonString("\xE2\x82(") == "\xEF\xBF\xBD\xEF\xBF\xBD(");
  CHECK(GoJsonString("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");    // a surrogate
  CHECK(GoJsonString("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                    // overlong
  CHECK(GoJsonString("a\xF0\x9F\x98") == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // cut short
  CHECK(GoJsonString("\xEF\xBF\xBE") == "\xEF\xBF\xBE");  // U+FFFE is UTF-8 to Go
}

TEST_CASE("go-yaml v2's timestamps") {
  for (const char* ok :
       {"2001-12-14", "2001-1-2", "0000-02-29", "2000-02-29", "2001-12-14T21:59:43Z",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43,5+01:30", "2001-12-14T1:2:3Z",
        "2001-12-14T23:59:59+24:00", "2001-12-14T23:59:59-00:60", "2001-12-14 21:59:43",
        "2001-12-14   21:59:43.10",
        "2001-12-14T21:59:43.1234567890123Z"}) {  // current Go takes any number of digits (1.19
                                                  // took 9)
    INFO(std::string(ok));
    CHECK(IsGoYamlTimestamp(ok));
  }
  for (const char* bad : {"",
                          "2001",
                          "2001-",
                          "201-12-14",
                          "20011-12-14",
                          "2001-12-14 ",
                          "2001-12-14T",
                          "2001-00-01",
                          "2001-13-01",
                          "2001-02-29",
                          "1900-02-29",
                          "2001-04-31",
                          "2001-12-00",
                          "2001-012-14",
                          "2001-12-145",
                          "2001-12-14T21:59:43",
                          "2001-12-14T24:00:00Z",
                          "2001-12-14T23:60:00Z",
                          "2001-12-14T23:59:60Z",
                          "2001-12-14T23:59:59+25:00",
                          "2001-12-14T23:59:59+05:61",
                          "2001-12-14T23:59:59+5:30",
                          "2001-12-14T23:59:59 +05:00",
                          "2001-12-14T23:59:59z",
                          "2001-12-14 21:59:43.10 -5",
                          "2001-12-14 21:59:43Z",
                          "2001-12-14\t21:59:43",
                          "2001-12-14T21:59:43.Z",
                          "2001-12-14T21:59:43.Z0"}) {
    INFO(std::string(bad));
    CHECK_FALSE(IsGoYamlTimestamp(bad));
  }
}

}  // namespace thv
