// Kubernetes validation rules as the API server of Kubernetes 1.34 applies them
// (k8s.io/apimachinery v0.34 pkg/util/validation, pkg/api/validation/path), plus the image
// reference grammar container runtimes parse (github.com/distribution/reference).
//
// Each Check returns "" when the value is valid, else the API server's message (several are
// joined with "; "). Hand-written character checks: these run on every rendered object.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace thv {

std::string CheckDns1123Subdomain(const std::string& value);  // most object names
std::string CheckDns1123Label(const std::string& value);      // namespaces, container names
std::string CheckDns1035Label(const std::string& value);      // Service names
// Label keys (and annotation keys, which the API server lowercases first): [prefix/]name.
std::string CheckQualifiedName(const std::string& value);
std::string CheckLabelValue(const std::string& value);
// Kubernetes 1.34 (RelaxedEnvironmentVariableValidation is GA): non-empty, printable ASCII
// other than '='.
std::string CheckEnvVarName(const std::string& value);
std::string CheckConfigMapKey(const std::string& value);  // ConfigMap and Secret keys
// Names of Roles, RoleBindings, ClusterRoles and ClusterRoleBindings.
std::string CheckPathSegmentName(const std::string& value);
std::string CheckPortName(const std::string& value);  // container and probe port names
std::string CheckPortNumber(int64_t port);            // 1..65535
// An image as containerd and CRI-O parse it (reference.ParseNormalizedNamed, digest included).
std::string CheckImageReference(const std::string& value);

// Go's %q of a string, as field errors print bad values: "Invalid value: \"a\\nb\"".
std::string GoQuote(const std::string& s);
// Go's %v of a []string: [a b c].
std::string GoList(const std::vector<std::string>& items);

}  // namespace thv
