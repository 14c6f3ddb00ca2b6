#include "registry/net_libs.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("net libs: libcurl and libgit2 load, with every function resolved") {
  std::string error, missing;
  const CurlApi* curl = LoadCurl(&error);
  REQUIRE_MESSAGE(curl, error);
  const Git2Api* git = LoadGit2(&error);
  REQUIRE_MESSAGE(git, error);
#define THV_CHECK(api, name) \
  if (!api->name) missing += " " #name;
#define THV_CHECK_CURL(name) THV_CHECK(curl, name)
#define THV_CHECK_GIT2(name) THV_CHECK(git, name)
  THV_CURL_FUNCTIONS(THV_CHECK_CURL)
  THV_GIT2_FUNCTIONS(THV_CHECK_GIT2)
#undef THV_CHECK_GIT2
#undef THV_CHECK_CURL
#undef THV_CHECK
  CHECK(missing == "");
  CHECK(LoadCurl(&error) == curl);  // loaded once
  CHECK(LoadGit2(&error) == git);

  // The table works: a call through it reaches the real library.
  char* escaped = curl->easy_escape(nullptr, "a b", 3);
  CHECK(std::string(escaped) == "a%20b");
  curl->free(escaped);
}

TEST_CASE("net libs: a missing library names itself and its Debian package") {
  std::string error;
  CHECK(OpenLibrary("libthv-missing.so.7", "HTTP registry sources", &error) == nullptr);
  CHECK(error.find("HTTP registry sources need libthv-missing.so.7") == 0);
  CHECK(error.find("(Debian package libthv-missing7)") != std::string::npos);
  CHECK(error.find("cannot open shared object file") != std::string::npos);

  error.clear();
  OpenLibrary("libthv-missing2.so.1.5", "git registry sources", &error);
  CHECK(error.find("(Debian package libthv-missing2-1.5)") != std::string::npos);
}

}  // namespace thv
