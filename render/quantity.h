// Kubernetes resource quantities in the form the operator writes them: resource.MustParse(s)
// serialized again (k8s.io/apimachinery v0.34.1 pkg/api/resource).
#pragma once

#include <string>

namespace thv {

// A quantity's value: digits * 10^exponent (digits without leading or trailing zeros; empty for
// zero), rounded up to nano precision as Go's parser rounds it.
struct Quantity {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};
bool ParseQuantity(const std::string& text, Quantity* out, std::string* err);
// -1, 0 or 1, as resource.Quantity.Cmp.
int CompareQuantities(const Quantity& a, const Quantity& b);

// Canonical string of a quantity, as resource.MustParse(text).String(); false + *err otherwise.
bool CanonicalQuantity(const std::string& text, std::string* canonical, std::string* err);
// The canonical string, or text itself when it does not parse.
std::string CanonicalQuantityOrText(const std::string& text);

}  // namespace thv
