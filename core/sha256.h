// SHA-256 (FIPS 180-4), for the operator's content checksums and the lock file.
#pragma once

#include <string>

namespace thv {

// Lowercase hex digest of data.
std::string Sha256Hex(const std::string& data);

// Whether Sha256Hex uses the CPU's SHA instructions; Sha256HexPortable never does (tests
// compare the two).
bool Sha256UsesCpuExtensions();
std::string Sha256HexPortable(const std::string& data);

}  // namespace thv
