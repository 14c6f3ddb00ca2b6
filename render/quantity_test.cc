// Cases from k8s.io/apimachinery pkg/api/resource quantity_test.go (TestQuantityParse,
// TestQuantityString and friends), as the operator's resource.MustParse(x).String() gives them.
#include "render/quantity.h"

#include <doctest/doctest.h>

namespace thv {

namespace {

std::string Canon(const std::string& in) {
  std::string out, err;
  REQUIRE_MESSAGE(CanonicalQuantity(in, &out, &err), in << ": " << err);
  return out;
}

}  // namespace

TEST_CASE("canonical quantities") {
  const std::pair<const char*, const char*> cases[] = {
      {"0", "0"},        {"0m", "0"},        {"0Mi", "0"},           {"100m", "100m"},
      {"0.5", "500m"},   {"0.1", "100m"},    {"1000m", "1"},         {"1", "1"},
      {"1Gi", "1Gi"},    {"1024Mi", "1Gi"},  {"1.5Gi", "1536Mi"},    {"0.5Gi", "512Mi"},
      {"1.5Ki", "1536"}, {"1.0Gi", "1Gi"},   {"128Mi", "128Mi"},     {"64Mi", "64Mi"},
      {"1e3", "1e3"},    {"12e2", "1200"},   {"1k", "1k"},           {"1000", "1k"},
      {"1500", "1500"},  {"1.5k", "1500"},   {"0.0000000001", "1n"}, {"1.1n", "2n"},
      {"-1", "-1"},      {"-0.5", "-500m"},  {"500Ki", "500Ki"},     {"8Gi", "8Gi"},
      {"1023", "1023"},  {"100Mi", "100Mi"}, {"2000Mi", "2000Mi"},   {"0.25", "250m"},
      {"1E", "1E"},      {"1Ti", "1Ti"},     {"5e-3", "5e-3"},       {".5", "500m"},
  };
  for (const auto& [in, want] : cases) {
    CAPTURE(in);
    CHECK(Canon(in) == want);
  }
}

TEST_CASE("invalid quantities") {
  for (const char* bad : {"", "x", "1x", "1.2.3", "Mi", ".", "1 Gi", "1Gii", "1e", "--1", "1KiB"}) {
    std::string out, err;
    CAPTURE(bad);
    CHECK(!CanonicalQuantity(bad, &out, &err));
    CHECK(!err.empty());
  }
}

TEST_CASE("quantities compare by value, as Quantity.Cmp") {
  auto cmp = [](const char* a, const char* b) {
    Quantity qa, qb;
    std::string err;
    REQUIRE(ParseQuantity(a, &qa, &err));
    REQUIRE(ParseQuantity(b, &qb, &err));
    return CompareQuantities(qa, qb);
  };
  CHECK(cmp("1", "1000m") == 0);
  CHECK(cmp("1Gi", "1024Mi") == 0);
  CHECK(cmp("0.5", "500m") == 0);
  CHECK(cmp("2", "1") == 1);
  CHECK(cmp("100m", "500m") == -1);
  CHECK(cmp("1Gi", "1G") == 1);
  CHECK(cmp("1.5", "1.51") == -1);
  CHECK(cmp("-1", "0") == -1);
  CHECK(cmp("-2", "-1") == -1);
  CHECK(cmp("0", "-0") == 0);
  CHECK(cmp("1e3", "1k") == 0);
  CHECK(cmp("1e33", "1E") == 1);   // kept as written by the canonical fast path
  CHECK(cmp("1e-50", "1n") == 0);  // rounded up to nano precision
  CHECK(cmp("0.0000000001", "1n") == 0);
  // Integers take a shortcut; the same values written with a fraction take the general parser.
  for (const char* integer : {"0", "7", "500m", "100", "1000", "128Mi", "512Mi", "1Gi", "7Ei",
                              "8Ei", "-3k", "+12M", "1000000000000000000", "999999999999999999n"}) {
    std::string text = integer;
    const size_t suffix = text.find_first_not_of("+-0123456789");
    std::string fraction = text;
    fraction.insert(suffix == std::string::npos ? text.size() : suffix, ".0");
    CAPTURE(text);
    CHECK(cmp(text.c_str(), fraction.c_str()) == 0);
    Quantity a, b;
    std::string err;
    REQUIRE(ParseQuantity(text, &a, &err));
    REQUIRE(ParseQuantity(fraction, &b, &err));
    CHECK(a.digits == b.digits);
    CHECK(a.exponent == b.exponent);
    CHECK(a.negative == b.negative);
  }
  Quantity q;
  std::string err;
  REQUIRE(ParseQuantity("-1.5Gi", &q, &err));
  CHECK(q.negative);
  CHECK(!ParseQuantity("lots", &q, &err));
}

}  // namespace thv
