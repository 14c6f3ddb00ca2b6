#include "core/disk_interface.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

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
  char tmpl[] = "/tmp/thv-disk-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  RealDiskInterface real;
  CheckReplaceDir(&real, tmpl);
  std::string err;
  CHECK(real.RemoveTree(tmpl, &err));
  CHECK(real.Stat(tmpl) == DiskInterface::Kind::kMissing);
  MemoryDiskInterface memory;
  CheckReplaceDir(&memory, "/m");
}

TEST_CASE("RemoveTree removes nested directories but never follows a symlink out of the tree") {
  char tmpl[] = "/tmp/thv-disk-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const std::string root = tmpl;
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
  char tmpl[] = "/tmp/thv-disk-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  const std::string root = tmpl;
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
