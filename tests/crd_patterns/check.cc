// cases.json ({"patterns": [...], "strings": [...]}) -> one line per pattern: a 0/1 per string,
// whether the pattern matches it as the schema validator matches CRD patterns (model/cel_regex.h).
// match.go prints the same with Go's regexp; tests/crd_patterns_test.sh compares them.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "model/cel_regex.h"

int main(int argc, char** argv) {
  std::ifstream in(argc > 1 ? argv[1] : "cases.json");
  nlohmann::json cases;
  in >> cases;
  for (const auto& p : cases["patterns"]) {
    std::string err;
    std::unique_ptr<thv::cel::Regex> re = thv::cel::Regex::Compile(p.get<std::string>(), &err);
    if (!re) {
      std::cout << "uncompilable: " << err << "\n";
      continue;
    }
    std::string line;
    for (const auto& s : cases["strings"]) line += re->Search(s.get<std::string>()) ? '1' : '0';
    std::cout << line << "\n";
  }
  return 0;
}
