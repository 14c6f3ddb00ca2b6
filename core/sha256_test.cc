#include "core/sha256.h"

#include <doctest/doctest.h>

#include <cstdint>

namespace thv {

TEST_CASE("sha256 matches FIPS 180-4 vectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55 and 56 bytes straddle the one-block/two-block padding boundary.
  CHECK(Sha256Hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(Sha256Hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("sha256 with CPU extensions equals the portable code at every length") {
  INFO("CPU SHA extensions in use: " << Sha256UsesCpuExtensions());
  std::string data;
  uint32_t x = 12345;
  for (size_t n = 0; n < 1100; ++n) {
    CHECK(Sha256Hex(data) == Sha256HexPortable(data));
    x = x * 1103515245 + 12345;
    data.push_back(static_cast<char>(x >> 16));
  }
  CHECK(Sha256HexPortable("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace thv
