// The manual page says what --help says: every command and every flag, from the same table.
#include "cli/manpage.h"

#include <doctest/doctest.h>

#include <sstream>

#include "cli/app.h"

namespace thv {

namespace {

std::string RunHelp(std::vector<std::string> args, int expect_code = 0) {
  args.insert(args.begin(), "thv-render");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  MemoryDiskInterface disk;
  CliIo io{&disk, nullptr, &out, &err};
  REQUIRE(RunCli(static_cast<int>(argv.size()), argv.data(), io) == expect_code);
  return out.str() + err.str();
}

// troff's minus signs back to hyphens.
std::string Plain(std::string roff) {
  for (size_t at; (at = roff.find("\\-")) != std::string::npos;) roff.replace(at, 2, "-");
  return roff;
}

}  // namespace

TEST_CASE("help --man: every command with every flag its --help lists") {
  const std::string man = RunHelp({"help", "--man"});
  CHECK(man.find(".TH THV\\-RENDER 1") != std::string::npos);
  const std::string plain = Plain(man);
  std::istringstream commands(RunHelp({"help"}).substr(RunHelp({"help"}).find("Subcommands:")));
  std::string line;
  int seen = 0;
  std::getline(commands, line);
  while (std::getline(commands, line) && !line.empty()) {
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    CAPTURE(name);
    CHECK(plain.find(".SS \"thv-render " + name) != std::string::npos);
    ++seen;
    // Each long flag of the command's own help appears in the page.
    std::istringstream help(RunHelp({"help", name}));
    while (std::getline(help, line)) {
      const size_t flag = line.find("--");
      if (flag == std::string::npos || line.find("--help") != std::string::npos) continue;
      if (line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;  // options, not prose
      const std::string option = line.substr(flag, line.find_first_of(" =", flag) - flag);
      CAPTURE(option);
      CHECK(plain.find("\\fB" + option + "\\fR") != std::string::npos);
    }
  }
  CHECK(seen >= 10);
  // No line may start a troff request by accident.
  std::istringstream lines(man);
  while (std::getline(lines, line))
    if (!line.empty() && line[0] == '\'') FAIL(line);
}

TEST_CASE("help COMMAND prints that command's --help; an unknown one is a usage error") {
  CHECK(RunHelp({"help", "render"}) == RunHelp({"render", "--help"}));
  CHECK(RunHelp({"help"}) == RunHelp({"--help"}));
  CHECK(RunHelp({"help", "nope"}, 2) == "error: no command nope (thv-render help)\n");
}

}  // namespace thv
