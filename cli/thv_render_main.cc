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
                &std::cout, &std::cerr};
  return thv::RunCli(argc, argv, io);
}
