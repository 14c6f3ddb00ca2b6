#include "registry/resolve.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "core/testing.h"

namespace thv {

namespace {

ResolveResult OneFetched(const std::string& content) {
  ResolveResult result;
  result.lock.entries["ns/r"] = {"url", "url https://example.com/r.json",
                                 "https://example.com/r.json", std::string(64, 'a'),
                                 "2026-01-02T03:04:05Z"};
  result.raw_content["ns/r"] = content;
  result.lock_changed = true;
  return result;
}

std::vector<std::string> List(RealDiskInterface* disk, const std::string& dir) {
  std::vector<std::string> names;
  std::string err;
  disk->ListDir(dir, &names, &err);
  return names;
}

}  // namespace

TEST_CASE("WriteLock writes the lock and its content atomically, and leaves no temporary file") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  std::string err;
  const std::string lock = root + "/thv-render.lock";
  REQUIRE_MESSAGE(WriteLock(&disk, lock, OneFetched("{}"), &err), err);
  CHECK(List(&disk, root) == std::vector<std::string>{"thv-render.lock", "thv-render.lock.d"});
  CHECK(List(&disk, root + "/thv-render.lock.d") ==
        std::vector<std::string>{std::string(64, 'a') + ".json"});
  std::string text;
  REQUIRE(disk.ReadFile(lock, &text, &err));
  CHECK(text.find("\"resolved\": \"https://example.com/r.json\"") != std::string::npos);

  // A symlink planted at the temporary file's name is removed, not written through.
  REQUIRE(disk.WriteFile(root + "/target", "keep", &err));
  const std::string tmp = lock + ".tmp-" + std::to_string(getpid());
  REQUIRE(symlink((root + "/target").c_str(), tmp.c_str()) == 0);
  REQUIRE(WriteLock(&disk, lock, OneFetched("{}"), &err));
  REQUIRE(disk.ReadFile(root + "/target", &text, &err));
  CHECK(text == "keep");
  CHECK(disk.Stat(tmp) == DiskInterface::Kind::kMissing);

  // The content directory's name taken by a file: an error, the lock untouched, nothing left over.
  const std::string other = root + "/other.lock";
  REQUIRE(disk.WriteFile(other + ".d", "not a directory", &err));
  CHECK_FALSE(WriteLock(&disk, other, OneFetched("{}"), &err));
  CHECK(disk.Stat(other) == DiskInterface::Kind::kMissing);

  // A lock path that is a directory or a FIFO is refused before anything is written.
  REQUIRE(disk.MakeDirs(root + "/dir.lock", &err));
  CHECK_FALSE(WriteLock(&disk, root + "/dir.lock", OneFetched("{}"), &err));
  CHECK(err.find("not a regular file") != std::string::npos);
  REQUIRE(mkfifo((root + "/fifo.lock").c_str(), 0644) == 0);
  CHECK_FALSE(WriteLock(&disk, root + "/fifo.lock", OneFetched("{}"), &err));
  CHECK(disk.Stat(root + "/fifo.lock") == DiskInterface::Kind::kOther);
  CHECK(disk.Stat(root + "/dir.lock.d") == DiskInterface::Kind::kMissing);
  CHECK(disk.Stat(root + "/fifo.lock.d") == DiskInterface::Kind::kMissing);

  for (const std::string& name : List(&disk, root))
    CHECK_MESSAGE(name.find(".tmp-") == std::string::npos, name);
  CHECK(disk.RemoveTree(root, &err));
}

}  // namespace thv
