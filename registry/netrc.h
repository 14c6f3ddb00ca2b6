// The netrc file given with --netrc-file: libcurl reads it itself for HTTP(S) sources; git over
// HTTP(S) (libgit2) gets its entries through a credential callback that looks them up here.
#pragma once

#include <string>

namespace thv {

struct NetrcEntry {
  std::string login, password;
};

// The entry for host in netrc text (machine names compare case-insensitively), else the default
// entry; false when neither exists. The grammar is curl's: whitespace-separated tokens machine,
// default, login, password, account and macdef (whose body runs to the next empty line),
// double-quoted values with backslash escapes, and # comment lines.
bool NetrcLookup(const std::string& text, const std::string& host, NetrcEntry* out);

// "" when path is a readable regular file, else what is wrong with it. libcurl reads the file
// again for every request, so a pipe (<(...)) or a missing file would silently mean no
// credentials.
std::string NetrcFileProblem(const std::string& path);

}  // namespace thv
