// The thv-render command line: parses flags and wires the stages together.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "cli/load.h"
#include "core/disk_interface.h"

namespace thv {

enum ExitCode {
  kExitOk = 0,
  kExitInvalidInput = 1,
  kExitUsage = 2,
  kExitFetch = 3,
  kExitOutput = 4,  // the output could not be written (a full disk, a closed stdout, permissions)
};

struct CliIo {
  DiskInterface* disk;
  ReadStdin read_stdin;  // bounded: render - and krm read standard input through it
  std::ostream* out;
  std::ostream* err;
  bool tty = false;  // stderr is a terminal: colored diagnostics and progress lines
};

int RunCli(int argc, const char* const* argv, const CliIo& io);

}  // namespace thv
