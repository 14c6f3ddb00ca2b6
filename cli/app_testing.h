// Helpers for the end-to-end tests through RunCli (app_test.cc, app_golden_test.cc).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"

namespace thv {

struct Result {
  int code;
  std::string out;
  std::string err;
};

// Commands that read inputs run pinned to --operator-version 7002a239b unless a test names a
// release: what these tests assert does not move when the default release does.
inline Result Run(DiskInterface* disk, std::vector<std::string> args,
                  const std::string& stdin_text = "", bool tty = false) {
  const bool takes_version =
      !args.empty() && (args[0] == "render" || args[0] == "validate" || args[0] == "list" ||
                        args[0] == "sync" || args[0] == "krm");
  if (takes_version && std::find(args.begin(), args.end(), "--operator-version") == args.end())
    args.insert(args.begin() + 1, {"--operator-version", "7002a239b"});
  args.insert(args.begin(), "thv-render");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  auto read_stdin = [&](size_t max_bytes, std::string* text, std::string* why) {
    if (stdin_text.size() > max_bytes) {
      *why = "standard input is larger than the limit";
      return false;
    }
    *text = stdin_text;
    return true;
  };
  CliIo io{disk, read_stdin, &out, &err, tty};
  int code = RunCli(static_cast<int>(argv.size()), argv.data(), io);
  return {code, out.str(), err.str()};
}

inline const std::string kSource = THV_SOURCE_DIR;

inline void CheckGolden(const std::vector<std::string>& inputs, const std::string& golden,
                        std::vector<std::string> args = {"render"}) {
  RealDiskInterface disk;
  for (const std::string& in : inputs) args.push_back(kSource + "/" + in);
  Result r = Run(&disk, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const std::string path = kSource + "/testdata/golden/" + golden;
  std::string expected, err;
  if (std::getenv("THV_UPDATE_GOLDEN")) {
    disk.WriteFile(path, r.out, &err);
    return;
  }
  REQUIRE_MESSAGE(disk.ReadFile(path, &expected, &err), err);
  CHECK(r.out == expected);
}

// A render the operator would refuse: exit 1, nothing on stdout, and stderr (input paths relative
// to the source tree) as reviewed in testdata/golden/<golden>.
inline void CheckErrorGolden(const std::vector<std::string>& inputs, const std::string& golden,
                             std::vector<std::string> args) {
  RealDiskInterface disk;
  for (const std::string& in : inputs) args.push_back(kSource + "/" + in);
  Result r = Run(&disk, args);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  std::string err = r.err;
  for (size_t at = err.find(kSource + "/"); at != std::string::npos;
       at = err.find(kSource + "/", at))
    err.erase(at, kSource.size() + 1);
  const std::string path = kSource + "/testdata/golden/" + golden;
  std::string expected, read_err;
  if (std::getenv("THV_UPDATE_GOLDEN")) {
    disk.WriteFile(path, err, &read_err);
    return;
  }
  REQUIRE_MESSAGE(disk.ReadFile(path, &expected, &read_err), read_err);
  CHECK(err == expected);
}

inline const std::vector<std::string> kRenderV044 = {"render", "--operator-version", "v0.44.0"};

inline constexpr char kServer[] = R"(apiVersion: toolhive.stacklok.dev/v1alpha1
kind: MCPServer
metadata:
  name: fetch
spec:
  image: docker.io/mcp/fetch
)";

}  // namespace thv
