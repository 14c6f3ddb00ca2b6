// Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation).
#pragma once

#include <string>

namespace thv {

// Empty when valid, else the API server's message.
std::string CheckDns1123Subdomain(const std::string& name);
std::string CheckDns1123Label(const std::string& name);

}  // namespace thv
