#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <iterator>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  thv::RealDiskInterface disk;
  thv::CliIo io{&disk,
                [] {
                  return std::string(std::istreambuf_iterator<char>(std::cin),
                                     std::istreambuf_iterator<char>());
                },
                &std::cout, &std::cerr, isatty(STDERR_FILENO) == 1 && !std::getenv("NO_COLOR")};
  return thv::RunCli(argc, argv, io);
}
