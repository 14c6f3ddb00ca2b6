// Differential checking of the YAML subset parser against yaml-cpp, for tests and fuzzing.
#pragma once

#include <string>

namespace thv {

enum class SubsetComparison { kSame, kLeftToYamlCpp, kDiffers };

// Reads text with the subset parser and, when that takes it, with yaml-cpp alone; kDiffers (with
// *why) when yaml-cpp fails or reads other documents, values or marks. Text that
// PrepareYamlInput rewrites is compared as rewritten too, as ReadYamlDocuments reads it so.
SubsetComparison CompareSubsetWithYamlCpp(const std::string& text, std::string* why);

}  // namespace thv
