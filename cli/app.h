// The thv-render command line: parses flags and wires the stages together.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "core/disk_interface.h"

namespace thv {

enum ExitCode { kExitOk = 0, kExitInvalidInput = 1, kExitUsage = 2, kExitFetch = 3 };

struct CliIo {
  DiskInterface* disk;
  std::function<std::string()> read_stdin;
  std::ostream* out;
  std::ostream* err;
  bool tty = false;  // stderr is a terminal: colored diagnostics and progress lines
};

int RunCli(int argc, const char* const* argv, const CliIo& io);

}  // namespace thv
