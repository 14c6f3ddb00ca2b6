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

const char* LibcurlSoname() { return THV_LIBCURL_SONAME; }
const char* Libgit2Soname() { return THV_LIBGIT2_SONAME; }

namespace {

// The one load of a library: opened, then its functions resolved and set up by init.
template <typename Api, typename Init>
Loaded<Api> Load(const char* soname, const char* purpose, Init&& init) {
  Loaded<Api> l;
  void* library = OpenLibrary(soname, purpose, &l.error);
  if (library) init(library, &l);
  return l;
}

}  // namespace

// Resolves l's function `name` as prefix + name.
#define THV_RESOLVE(prefix, soname, name) \
  l->api.name =                           \
      reinterpret_cast<decltype(l->api.name)>(Symbol(library, prefix #name, soname, &l->error));

#define THV_RESOLVE_CURL(name) THV_RESOLVE("curl_", THV_LIBCURL_SONAME, name)
#define THV_RESOLVE_GIT2(name) THV_RESOLVE("git_", THV_LIBGIT2_SONAME, name)

const CurlApi* LoadCurl(std::string* error) {
  static const Loaded<CurlApi> curl = Load<CurlApi>(
      THV_LIBCURL_SONAME, "HTTP registry sources", [](void* library, Loaded<CurlApi>* l) {
        THV_CURL_FUNCTIONS(THV_RESOLVE_CURL)
        if (l->error.empty() && l->api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
          l->error = "cannot initialise libcurl";
      });
  return Usable(curl, error);
}

const Git2Api* LoadGit2(std::string* error) {
  static const Loaded<Git2Api> git = Load<Git2Api>(
      THV_LIBGIT2_SONAME, "git registry sources", [](void* library, Loaded<Git2Api>* l) {
        THV_GIT2_FUNCTIONS(THV_RESOLVE_GIT2)
        if (l->error.empty() && l->api.libgit2_init() < 0) l->error = "cannot initialise libgit2";
        // Objects come from thv-render's own cache and are zlib streams, whose checksum
        // already catches corruption; re-hashing every blob read (SHA-1 of the whole registry)
        // doubled the cost of a warm git source.
        if (l->error.empty()) l->api.libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
      });
  return Usable(git, error);
}
#undef THV_RESOLVE_GIT2
#undef THV_RESOLVE_CURL
#undef THV_RESOLVE

}  // namespace thv
