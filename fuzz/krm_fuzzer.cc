// A KRM ResourceList on stdin, as kustomize or kpt would send it. The first byte picks the
// operator release (fuzz/run.sh prefixes each seed once per release), so that both the
// 7002a239b and the v0.44.0 CRDs, CEL rules included, see every input shape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/krm.h"
#include "targets/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& targets = thv::AllTargets();
  thv::KrmOptions options;
  options.target = targets[data[0] % targets.size()];
  std::string out;
  thv::RunKrmFunction(std::string(reinterpret_cast<const char*>(data + 1), size - 1), options,
                      &out);
  return 0;
}
