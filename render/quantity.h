// Kubernetes resource quantities in the form the operator writes them: resource.MustParse(s)
// serialized again (k8s.io/apimachinery v0.34.1 pkg/api/resource).
#pragma once

#include <string>

namespace thv {

// Canonical string of a quantity, as resource.MustParse(text).String(); false + *err otherwise.
bool CanonicalQuantity(const std::string& text, std::string* canonical, std::string* err);

}  // namespace thv
