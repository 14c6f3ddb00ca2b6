// SHA-256 (FIPS 180-4), for the operator's content checksums and the lock file.
#pragma once

#include <string>

namespace thv {

// Lowercase hex digest of data.
std::string Sha256Hex(const std::string& data);

}  // namespace thv
