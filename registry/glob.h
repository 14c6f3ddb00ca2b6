// Go's path/filepath.Match, which the operator's name filters use.
#pragma once

#include <string>

namespace thv {

// Whether name matches pattern; false with *bad_pattern set when the pattern is malformed
// (Go's ErrBadPattern).
bool GoFilepathMatch(const std::string& pattern, const std::string& name, bool* bad_pattern);

}  // namespace thv
