#include "registry/net_libs.h"

#include <dlfcn.h>

#include <cctype>

namespace thv {

namespace {

// The outcome of the one load attempt per library; the library is never closed.
template <typename Api>
struct Loaded {
  Api api{};
  std::string error;  // empty when api is usable
};

// Debian names a library's package after its SONAME: libcurl.so.4 -> libcurl4,
// libgit2.so.1.5 -> libgit2-1.5 (a hyphen when the name ends in a digit).
std::string DebianPackage(const std::string& soname) {
  size_t so = soname.find(".so.");
  if (so == std::string::npos) return soname;
  std::string name = soname.substr(0, so);
  std::string version = soname.substr(so + 4);
  return name + (isdigit(static_cast<unsigned char>(name.back())) ? "-" : "") + version;
}

template <typename Api>
const Api* Usable(const Loaded<Api>& loaded, std::string* error) {
  if (loaded.error.empty()) return &loaded.api;
  *error = loaded.error;
  return nullptr;
}

void* Symbol(void* library, const std::string& name, const char* soname, std::string* error) {
  void* symbol = dlsym(library, name.c_str());
  if (!symbol && error->empty())
    *error = std::string(soname) + " has no " + name + " (too old?): " + dlerror();
  return symbol;
}

}  // namespace

void* OpenLibrary(const char* soname, const char* purpose, std::string* error) {
  // RTLD_NOW: a missing symbol fails here, not in the middle of a fetch. RTLD_LOCAL: nothing
  // else in the process should bind to these libraries' symbols.
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library)
    *error = std::string(purpose) + " need " + soname + " (Debian package " +
             DebianPackage(soname) + "): " + dlerror();
  return library;
}

const CurlApi* LoadCurl(std::string* error) {
  static const Loaded<CurlApi> curl = [] {
    Loaded<CurlApi> l;
    void* library = OpenLibrary(THV_LIBCURL_SONAME, "HTTP registry sources", &l.error);
    if (!library) return l;
#define THV_RESOLVE(name)                              \
  l.api.name = reinterpret_cast<decltype(l.api.name)>( \
      Symbol(library, "curl_" #name, THV_LIBCURL_SONAME, &l.error));
    THV_CURL_FUNCTIONS(THV_RESOLVE)
#undef THV_RESOLVE
    if (l.error.empty() && l.api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      l.error = "cannot initialise libcurl";
    return l;
  }();
  return Usable(curl, error);
}

const Git2Api* LoadGit2(std::string* error) {
  static const Loaded<Git2Api> git = [] {
    Loaded<Git2Api> l;
    void* library = OpenLibrary(THV_LIBGIT2_SONAME, "git registry sources", &l.error);
    if (!library) return l;
#define THV_RESOLVE(name)                              \
  l.api.name = reinterpret_cast<decltype(l.api.name)>( \
      Symbol(library, "git_" #name, THV_LIBGIT2_SONAME, &l.error));
    THV_GIT2_FUNCTIONS(THV_RESOLVE)
#undef THV_RESOLVE
    if (l.error.empty() && l.api.libgit2_init() < 0) l.error = "cannot initialise libgit2";
    // Objects come from thv-render's own cache and are zlib streams, whose checksum already
    // catches corruption; re-hashing every blob read (SHA-1 of the whole registry) doubled the
    // cost of a warm git source.
    if (l.error.empty()) l.api.libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    return l;
  }();
  return Usable(git, error);
}

}  // namespace thv
