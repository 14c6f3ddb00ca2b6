// Go's path/filepath.Match (Go 1.24, Unix), which the operator's name filters use: '*' matches
// any run of non-'/' bytes, '?' one non-'/' character, '[...]' a class with ranges and '^'
// negation ('!' is an ordinary character, as in Go), '\' escapes. A malformed pattern is
// ErrBadPattern ("syntax error in pattern") whatever the name: Go parses the rest of the
// pattern before it reports a mismatch.
#pragma once

#include <string>
#include <string_view>

namespace thv {

// Whether name matches pattern; false with *bad_pattern set when the pattern is malformed
// (Go's ErrBadPattern). bad_pattern may be null.
bool GoFilepathMatch(const std::string& pattern, const std::string& name, bool* bad_pattern);

// Whether pattern is well-formed, i.e. Match never returns ErrBadPattern for it.
bool GlobValid(std::string_view pattern);

}  // namespace thv
