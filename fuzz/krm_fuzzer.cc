// A KRM ResourceList on stdin, as kustomize or kpt would send it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/krm.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string out;
  thv::RunKrmFunction(std::string(reinterpret_cast<const char*>(data), size), {}, &out);
  return 0;
}
