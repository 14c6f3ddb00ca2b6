// libcurl and libgit2, loaded with dlopen() the first time a network or git registry source is
// used. Linking them costs every run ~10 ms in the dynamic loader (they pull in TLS, ssh, http2
// and more) although most renders never touch the network.
#pragma once

#include <curl/curl.h>
#include <git2.h>

#include <string>

namespace thv {

// The functions the fetchers call, named without their library prefix: curl_easy_setopt and
// friends are also function-like macros in curl.h, so api.curl_easy_setopt(...) would not parse.
#define THV_CURL_FUNCTIONS(X) \
  X(global_init)              \
  X(easy_init)                \
  X(easy_setopt)              \
  X(easy_perform)             \
  X(easy_getinfo)             \
  X(easy_cleanup)             \
  X(easy_strerror)            \
  X(easy_escape)              \
  X(free)

#define THV_GIT2_FUNCTIONS(X)          \
  X(libgit2_init)                      \
  X(libgit2_opts)                      \
  X(error_last)                        \
  X(repository_init)                   \
  X(repository_open_bare)              \
  X(repository_set_head)               \
  X(repository_free)                   \
  X(remote_lookup)                     \
  X(remote_create)                     \
  X(remote_init_callbacks)             \
  X(remote_connect)                    \
  X(remote_default_branch)             \
  X(remote_disconnect)                 \
  X(remote_free)                       \
  X(fetch_options_init)                \
  X(remote_fetch)                      \
  X(credential_userpass_plaintext_new) \
  X(buf_dispose)                       \
  X(revparse_single)                   \
  X(object_id)                         \
  X(object_free)                       \
  X(oid_tostr)                         \
  X(commit_tree)                       \
  X(tree_free)                         \
  X(tree_entry_bypath)                 \
  X(tree_entry_type)                   \
  X(tree_entry_id)                     \
  X(tree_entry_free)                   \
  X(blob_lookup)                       \
  X(blob_rawcontent)                   \
  X(blob_rawsize)                      \
  X(blob_free)

// decltype of the real declaration keeps every call type-checked against the headers.
struct CurlApi {
#define THV_MEMBER(name) decltype(&::curl_##name) name;
  THV_CURL_FUNCTIONS(THV_MEMBER)
#undef THV_MEMBER
};

struct Git2Api {
#define THV_MEMBER(name) decltype(&::git_##name) name;
  THV_GIT2_FUNCTIONS(THV_MEMBER)
#undef THV_MEMBER
};

// Loaded (and initialised: curl_global_init, git_libgit2_init) once per process; later calls
// return the same table. nullptr with *error saying what to install when the library is missing.
const CurlApi* LoadCurl(std::string* error);
const Git2Api* LoadGit2(std::string* error);

// dlopen(soname) for `purpose` ("HTTP registry sources"); on failure nullptr and *error naming the
// library and the Debian package that provides it.
void* OpenLibrary(const char* soname, const char* purpose, std::string* error);

// The SONAMEs loaded (what a package or an image must provide for network sources).
const char* LibcurlSoname();
const char* Libgit2Soname();

}  // namespace thv
