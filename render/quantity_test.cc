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

}  // namespace thv
