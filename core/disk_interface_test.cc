#include "core/disk_interface.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/testing.h"

namespace thv {

namespace {

void CheckReplaceDir(DiskInterface* disk, const std::string& root) {
  std::string err;
  REQUIRE(disk->MakeDirs(root + "/out", &err));
  REQUIRE(disk->WriteFile(root + "/out/old.yaml", "old", &err));
  REQUIRE(disk->MakeDirs(root + "/tmp", &err));
  REQUIRE(disk->WriteFile(root + "/tmp/new.yaml", "new", &err));
  REQUIRE_MESSAGE(disk->ReplaceDir(root + "/tmp", root + "/out", &err), err);
  std::vector<std::string> names;
  REQUIRE(disk->ListDir(root + "/out", &names, &err));
  CHECK(names == std::vector<std::string>{"new.yaml"});
  CHECK(disk->Stat(root + "/tmp") == DiskInterface::Kind::kMissing);
  std::string contents;
  REQUIRE(disk->ReadFile(root + "/out/new.yaml", &contents, &err));
  CHECK(contents == "new");
  CHECK(!disk->ReadFile(root + "/out/old.yaml", &contents, &err));
}

}  // namespace

TEST_CASE("ReplaceDir swaps a directory for another, on disk and in memory") {
  const std::string tmpl = MakeTempDir();
  RealDiskInterface real;
  CheckReplaceDir(&real, tmpl);
  std::string err;
  CHECK(real.RemoveTree(tmpl, &err));
  CHECK(real.Stat(tmpl) == DiskInterface::Kind::kMissing);
  MemoryDiskInterface memory;
  CheckReplaceDir(&memory, "/m");
}

TEST_CASE("RemoveTree removes nested directories but never follows a symlink out of the tree") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  std::string err;
  REQUIRE(disk.MakeDirs(root + "/outside", &err));
  REQUIRE(disk.WriteFile(root + "/outside/keep.yaml", "keep", &err));
  REQUIRE(disk.MakeDirs(root + "/tree/a/b", &err));
  REQUIRE(disk.WriteFile(root + "/tree/x.yaml", "x", &err));
  REQUIRE(disk.WriteFile(root + "/tree/a/b/y.yaml", "y", &err));
  REQUIRE(symlink((root + "/outside").c_str(), (root + "/tree/a/link").c_str()) == 0);
  REQUIRE_MESSAGE(disk.RemoveTree(root + "/tree", &err), err);
  CHECK(disk.Stat(root + "/tree") == DiskInterface::Kind::kMissing);
  CHECK(disk.Stat(root + "/outside/keep.yaml") == DiskInterface::Kind::kFile);
  CHECK(disk.RemoveTree(root + "/tree", &err));  // already gone: nothing to do
  REQUIRE(disk.WriteFile(root + "/file", "f", &err));
  CHECK(disk.RemoveTree(root + "/file", &err));
  CHECK(disk.Stat(root + "/file") == DiskInterface::Kind::kMissing);
  CHECK(disk.RemoveTree(root, &err));
}

TEST_CASE("Link gives a regular file a second name, and refuses symlinks") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  std::string err, contents;
  REQUIRE(disk.WriteFile(root + "/a", "data", &err));
  REQUIRE_MESSAGE(disk.Link(root + "/a", root + "/b", &err), err);
  REQUIRE(disk.ReadFile(root + "/b", &contents, &err));
  CHECK(contents == "data");
  CHECK(!disk.Link(root + "/a", root + "/b", &err));  // b exists
  REQUIRE(symlink((root + "/a").c_str(), (root + "/s").c_str()) == 0);
  CHECK(!disk.Link(root + "/s", root + "/c", &err));
  CHECK(err.find("not a regular file") != std::string::npos);
  CHECK(disk.Stat(root + "/c") == DiskInterface::Kind::kMissing);
  CHECK(disk.RemoveTree(root, &err));
}

TEST_CASE("ListDir is sorted and ReadFile reports missing files") {
  MemoryDiskInterface disk;
  disk.files["d/b.yaml"] = "";
  disk.files["d/a.yaml"] = "";
  disk.files["d/sub/c.yml"] = "";
  std::vector<std::string> names;
  std::string err;
  REQUIRE(disk.ListDir("d", &names, &err));
  CHECK(names == std::vector<std::string>{"a.yaml", "b.yaml", "sub"});
  std::string contents;
  CHECK(!disk.ReadFile("d/missing.yaml", &contents, &err));
  CHECK(err.find("d/missing.yaml") != std::string::npos);
}

}  // namespace thv

namespace thv {

TEST_CASE("ReadFile refuses FIFOs and devices at once, and stops at the limit") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  std::string contents, err;
  REQUIRE(mkfifo((root + "/fifo").c_str(), 0600) == 0);
  CHECK(!disk.ReadFile(root + "/fifo", &contents, &err));  // no writer: would block forever
  CHECK(err == "cannot read " + root + "/fifo: a FIFO, not a regular file");
  CHECK(!disk.ReadFile("/dev/zero", &contents, &err));
  CHECK(err == "cannot read /dev/zero: a character device, not a regular file");
  CHECK(!disk.ReadFile(root, &contents, &err));
  CHECK(err.find("a directory, not a regular file") != std::string::npos);
  CHECK(!disk.WriteFile(root + "/fifo", "x", &err));  // no reader: would block forever
  CHECK(err == "cannot write " + root + "/fifo: a FIFO, not a regular file");
  REQUIRE(disk.WriteFile(root + "/file", std::string(1000, 'x'), &err));
  CHECK(disk.ReadFile(root + "/file", 1000, &contents, &err));
  CHECK(contents.size() == 1000);
  CHECK(!disk.ReadFile(root + "/file", 999, &contents, &err));
  CHECK(err == "larger than the limit of 999 bytes (--max-input-bytes)");
  CHECK(disk.RemoveTree(root, &err));
}

TEST_CASE("ReadBounded stops reading a stream one byte past the limit") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "0123456789", 10) == 10);  // and the writer stays open: endless
  std::string contents, err;
  CHECK(!ReadBounded(fds[0], "standard input", 5, &contents, &err));
  CHECK(err == "larger than the limit of 5 bytes (--max-input-bytes)");
  close(fds[1]);
  CHECK(ReadBounded(fds[0], "standard input", 5, &contents, &err));  // the rest: 4 bytes
  CHECK(contents == "6789");
  close(fds[0]);
}

TEST_CASE("Lookup says why a path cannot be reached, and identifies directories") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  REQUIRE(symlink("loop", (root + "/loop").c_str()) == 0);
  CHECK(disk.Lookup(root + "/loop").error == "Too many levels of symbolic links");
  CHECK(disk.Lookup(root + "/missing").error == "No such file or directory");
  REQUIRE(symlink(".", (root + "/self").c_str()) == 0);
  const DiskInterface::FileInfo a = disk.Lookup(root), b = disk.Lookup(root + "/self");
  CHECK(b.kind == DiskInterface::Kind::kDirectory);
  CHECK((a.device == b.device && a.inode == b.inode));
  std::string err;
  CHECK(disk.RemoveTree(root, &err));
}

TEST_CASE("RealPath resolves symlinks, also to directories that do not exist yet") {
  const std::string root = MakeTempDir();
  RealDiskInterface disk;
  std::string real_root, resolved, err;
  REQUIRE(disk.RealPath(root, &real_root, &err));
  REQUIRE(disk.MakeDirs(root + "/a", &err));
  REQUIRE(symlink("a", (root + "/link").c_str()) == 0);
  REQUIRE(symlink("later/out", (root + "/dangling").c_str()) == 0);
  CHECK(disk.RealPath(root + "/link/./../link/y", &resolved, &err));
  CHECK(resolved == real_root + "/a/y");
  CHECK(!disk.RealPath(root + "/missing/../y", &resolved, &err));  // ".." of nothing
  CHECK(disk.RealPath(root + "/dangling/z", &resolved, &err));
  CHECK(resolved == real_root + "/later/out/z");
  REQUIRE(symlink("cycle", (root + "/cycle").c_str()) == 0);
  CHECK(!disk.RealPath(root + "/cycle/x", &resolved, &err));
  CHECK(err.find("Too many levels of symbolic links") != std::string::npos);
  CHECK(PathWithin(real_root + "/a/y", real_root + "/a"));
  CHECK(!PathWithin(real_root + "/ab", real_root + "/a"));
  CHECK(PathWithin("/x", "/"));
  MemoryDiskInterface memory;
  CHECK(memory.RealPath("out/./a/../b", &resolved, &err));
  CHECK(resolved == "out/b");
  CHECK(memory.RealPath("/x/../..", &resolved, &err));
  CHECK(resolved == "/");
  CHECK(disk.RemoveTree(root, &err));
}

}  // namespace thv
