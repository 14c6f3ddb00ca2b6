#include "model/names.h"

namespace thv {

namespace {

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// One label: [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool IsLabel(const std::string& s, size_t begin, size_t end) {
  if (begin >= end) return false;
  if (!IsAlnum(s[begin]) || !IsAlnum(s[end - 1])) return false;
  for (size_t i = begin; i < end; ++i)
    if (!IsAlnum(s[i]) && s[i] != '-') return false;
  return true;
}

}  // namespace

std::string CheckDns1123Subdomain(const std::string& name) {
  if (name.size() > 253) return "must be no more than 253 characters";
  size_t begin = 0;
  while (true) {
    size_t dot = name.find('.', begin);
    size_t end = dot == std::string::npos ? name.size() : dot;
    if (!IsLabel(name, begin, end)) {
      return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
             "'-' or '.', and must start and end with an alphanumeric character (e.g. "
             "'example.com', regex used for validation is "
             "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }
    if (dot == std::string::npos) return "";
    begin = dot + 1;
  }
}

std::string CheckDns1123Label(const std::string& name) {
  if (name.size() > 63) return "must be no more than 63 characters";
  if (!IsLabel(name, 0, name.size())) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
           "'-', and must start and end with an alphanumeric character (e.g. 'my-name', or "
           "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  }
  return "";
}

}  // namespace thv
