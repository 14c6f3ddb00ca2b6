// cases.json ({"patterns": [...], "strings": [...]}) -> one line per pattern: a 0/1 per string,
// whether the pattern's POSIX translation (model/re2_posix.h) matches it, as the schema validator
// matches. match.go prints the same with Go's regexp; tests/re2_posix_test.sh compares them.
#include <regex.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "model/re2_posix.h"

int main(int argc, char** argv) {
  std::ifstream in(argc > 1 ? argv[1] : "cases.json");
  nlohmann::json cases;
  in >> cases;
  for (const auto& p : cases["patterns"]) {
    std::string ere, err;
    if (!thv::Re2ToPosixEre(p.get<std::string>(), &ere, &err)) {
      std::cout << "untranslatable: " << err << "\n";
      continue;
    }
    regex_t re;
    if (regcomp(&re, ere.c_str(), REG_EXTENDED | REG_NOSUB) != 0) {
      std::cout << "uncompilable: " << ere << "\n";
      continue;
    }
    std::string line;
    for (const auto& s : cases["strings"]) {
      const std::string text = s.get<std::string>();
      regmatch_t range[1];
      range[0].rm_so = 0;
      range[0].rm_eo = static_cast<regoff_t>(text.size());
      line += regexec(&re, text.c_str(), 1, range, REG_STARTEND) == 0 ? '1' : '0';
    }
    regfree(&re);
    std::cout << line << "\n";
  }
  return 0;
}
