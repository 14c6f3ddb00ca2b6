// TEMPORARY until the validation branch lands (model/names.h provides these).
#include <string>
namespace thv {
std::string CheckQualifiedName(const std::string& s) {
  return s.empty() || s.find(' ') != std::string::npos ? "bad key" : "";
}
std::string CheckLabelValue(const std::string& s) {
  return s.size() > 63 || s.find(' ') != std::string::npos ? "bad value" : "";
}
std::string CheckImageReference(const std::string& s) {
  return s.empty() || s.find(' ') != std::string::npos || s[0] == '-' ? "bad image" : "";
}
}  // namespace thv
