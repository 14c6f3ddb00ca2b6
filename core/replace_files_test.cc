#include "core/replace_files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/testing.h"

namespace thv {

namespace {

// A disk that dies after `budget` changes: every later change is dropped, as if the process had
// been killed right there (no clean-up runs either).
struct DyingDisk : MemoryDiskInterface {
  int budget = 1 << 30;
  bool Spend() { return budget-- > 0; }
  bool WriteFile(const std::string& p, const std::string& c, std::string* e) override {
    return Spend() && MemoryDiskInterface::WriteFile(p, c, e);
  }
  bool WriteNewFile(const std::string& p, const std::string& c, uint32_t m,
                    std::string* e) override {
    return Spend() && MemoryDiskInterface::WriteNewFile(p, c, m, e);
  }
  bool Rename(const std::string& f, const std::string& t, std::string* e) override {
    return Spend() && MemoryDiskInterface::Rename(f, t, e);
  }
  bool RemoveTree(const std::string& p, std::string* e) override {
    return Spend() && MemoryDiskInterface::RemoveTree(p, e);
  }
  bool SyncDir(const std::string& p, std::string* e) override {
    return Spend() && MemoryDiskInterface::SyncDir(p, e);
  }
};

const std::vector<std::string> kPaths = {"/r/a/1.yaml", "/r/a/2.yaml", "/r/b/3.yaml",
                                         "/r/c/4.yaml"};

void Seed(MemoryDiskInterface* disk) {
  for (const std::string& p : kPaths) disk->files[p] = "old " + p;
  disk->files["/r/a/other.txt"] = "keep";
}

std::vector<FileReplacement> NewTexts() {
  std::vector<FileReplacement> out;
  for (const std::string& p : kPaths) out.push_back({p, "new " + p});
  return out;
}

// "old", "new" or "mixed"; CHECKs nothing else is there but the seeded files.
std::string State(const MemoryDiskInterface& disk) {
  int old_count = 0, new_count = 0;
  for (const std::string& p : kPaths) {
    const std::string& text = disk.files.at(p);
    old_count += text == "old " + p;
    new_count += text == "new " + p;
  }
  CHECK(old_count + new_count == 4);
  return old_count == 4 ? "old" : new_count == 4 ? "new" : "mixed";
}

}  // namespace

TEST_CASE("ReplaceFiles: killed after any step, recovery leaves every file old or every file new") {
  DyingDisk full;
  Seed(&full);
  bool committed = false;
  std::string err;
  REQUIRE_MESSAGE(ReplaceFiles(&full, NewTexts(), &committed, &err), err);
  const int steps = (1 << 30) - full.budget;
  CHECK(steps > 20);
  int olds = 0, news = 0, mixed_before_recovery = 0;
  for (int budget = 0; budget <= steps; ++budget) {
    DyingDisk disk;
    Seed(&disk);
    disk.budget = budget;
    const bool ok = ReplaceFiles(&disk, NewTexts(), &committed, &err);
    CHECK(ok == (budget == steps));
    const std::string before = State(disk);
    mixed_before_recovery += before == "mixed";
    disk.budget = 1 << 30;
    // Recovery from any one directory of the set finds it; a second recovery changes nothing.
    std::vector<std::string> report;
    REQUIRE_MESSAGE(RecoverReplacements(&disk, {"/r/c"}, &report, &err), err);
    REQUIRE_MESSAGE(RecoverReplacements(&disk, {"/r/a", "/r/b", "/r/c"}, &report, &err), err);
    const std::string after = State(disk);
    INFO("killed after ", budget, " of ", steps, " steps: ", before, " -> ", after);
    CHECK(after != "mixed");
    if (before == "mixed") CHECK(after == "new");  // committed: completed, never undone
    olds += after == "old";
    news += after == "new";
    CHECK(disk.files.size() == kPaths.size() + 1);  // no journal, marker or temporary file left
    CHECK(disk.files.at("/r/a/other.txt") == "keep");
    CHECK(PendingReplacements(&disk, {"/r/a", "/r/b", "/r/c"}).empty());
  }
  CHECK(olds > 5);
  CHECK(news > 5);
  CHECK(mixed_before_recovery >= 3);
}

TEST_CASE("ReplaceFiles: a failed write leaves every file untouched and nothing behind") {
  // The last temporary file cannot be written (a full disk), after all the others were.
  struct FullDisk : MemoryDiskInterface {
    bool WriteNewFile(const std::string& p, const std::string& c, uint32_t m,
                      std::string* e) override {
      if (p == "/r/c/4.yaml.thv-migrate.tmp") {
        *e = "cannot write " + p + ": No space left on device";
        return false;
      }
      return MemoryDiskInterface::WriteNewFile(p, c, m, e);
    }
  } disk;
  Seed(&disk);
  bool committed = true;
  std::string err;
  CHECK_FALSE(ReplaceFiles(&disk, NewTexts(), &committed, &err));
  CHECK_FALSE(committed);
  CHECK(err.find("No space left") != std::string::npos);
  CHECK(State(disk) == "old");
  CHECK(disk.files.size() == kPaths.size() + 1);

  // A name in the way (not ours) is refused before anything is written, and kept.
  MemoryDiskInterface taken;
  Seed(&taken);
  taken.files["/r/c/4.yaml.thv-migrate.tmp/mine"] = "user data";
  CHECK_FALSE(ReplaceFiles(&taken, NewTexts(), &committed, &err));
  CHECK(err.find("4.yaml.thv-migrate.tmp exists") != std::string::npos);
  CHECK(State(taken) == "old");
  CHECK(taken.files.size() == kPaths.size() + 2);
}

TEST_CASE("ReplaceFiles: targets must be regular files, named once") {
  MemoryDiskInterface disk;
  Seed(&disk);
  bool committed = false;
  std::string err;
  CHECK_FALSE(ReplaceFiles(&disk, {{"/r/missing.yaml", "x"}}, &committed, &err));
  CHECK(err.find("not a regular file") != std::string::npos);
  CHECK_FALSE(ReplaceFiles(&disk, {{kPaths[0], "x"}, {kPaths[0], "y"}}, &committed, &err));
  CHECK(err.find("list it once") != std::string::npos);
  REQUIRE(ReplaceFiles(&disk, {{kPaths[0], "x"}, {kPaths[0], "x"}}, &committed, &err));
  CHECK(disk.files.at(kPaths[0]) == "x");
}

TEST_CASE("ReplaceFiles on disk keeps permission bits and writes through symlinks") {
  const std::string dir = MakeTempDir();
  RealDiskInterface disk;
  std::string err;
  const std::string a = dir + "/a.yaml", real = dir + "/real.yaml", link = dir + "/link.yaml";
  REQUIRE(disk.WriteFile(a, "old a", &err));
  REQUIRE(disk.WriteFile(real, "old real", &err));
  REQUIRE(chmod(a.c_str(), 0640) == 0);
  REQUIRE(chmod(real.c_str(), 0600) == 0);
  REQUIRE(symlink("real.yaml", link.c_str()) == 0);
  bool committed = false;
  REQUIRE_MESSAGE(ReplaceFiles(&disk, {{a, "new a"}, {link, "new real"}}, &committed, &err), err);
  std::string text;
  REQUIRE(disk.ReadFile(real, &text, &err));
  CHECK(text == "new real");
  struct stat st;
  REQUIRE(lstat(link.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(disk.Lookup(a).mode == 0640);
  CHECK(disk.Lookup(real).mode == 0600);
  std::vector<std::string> names;
  REQUIRE(disk.ListDir(dir, &names, &err));
  CHECK(names == std::vector<std::string>{"a.yaml", "link.yaml", "real.yaml"});
  disk.RemoveTree(dir, &err);
}

}  // namespace thv
