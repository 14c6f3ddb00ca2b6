// The YAML subset parser against yaml-cpp: whatever the subset parser takes, yaml-cpp must read
// to the same documents, values and marks.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/yaml_subset_testing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (thv::CompareSubsetWithYamlCpp(text, &why) == thv::SubsetComparison::kDiffers) {
    fprintf(stderr, "%s\n", why.c_str());
    abort();
  }
  return 0;
}
