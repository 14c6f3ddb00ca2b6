#include "core/replace_files.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>

namespace thv {

namespace {

constexpr char kHeader[] = "thv-render replace-files journal 1";

struct Plan {
  std::string id;
  std::string commit;                 // the commit marker's path
  std::vector<std::string> journals;  // the first directory's last
  std::vector<std::string> files;     // targets; each one's new text is at target + suffix
};

std::string DirOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string Temp(const std::string& target) { return target + kReplaceTempSuffix; }

std::string JournalText(const Plan& p) {
  std::string out = std::string(kHeader) + "\nid " + p.id + "\ncommit " + p.commit + "\n";
  for (const std::string& j : p.journals) out += "journal " + j + "\n";
  for (const std::string& f : p.files) out += "file " + f + "\n";
  return out + "end\n";
}

bool ParseJournal(const std::string& text, Plan* p) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return false;
  while (std::getline(in, line)) {
    if (line == "end") return !p->id.empty() && !p->commit.empty() && !p->journals.empty();
    const size_t space = line.find(' ');
    if (space == std::string::npos) return false;
    const std::string key = line.substr(0, space), value = line.substr(space + 1);
    if (key == "id")
      p->id = value;
    else if (key == "commit")
      p->commit = value;
    else if (key == "journal")
      p->journals.push_back(value);
    else if (key == "file")
      p->files.push_back(value);
    else
      return false;
  }
  return false;  // no "end": not a journal this code wrote whole
}

bool ReadPlan(DiskInterface* disk, const std::string& journal, Plan* p, std::string* err) {
  std::string text;
  if (!disk->ReadFile(journal, &text, err)) return false;
  if (!ParseJournal(text, p)) {
    *err = journal + ": not a journal of thv-render's: check the files it names and remove it";
    return false;
  }
  return true;
}

// Writes path atomically and durably: beside it first, then renamed; its directory synced.
bool WriteDurably(DiskInterface* disk, const std::string& path, const std::string& text,
                  std::string* err) {
  const std::string tmp = path + ".tmp";
  return disk->WriteNewFile(tmp, text, 0644, err) && disk->Rename(tmp, path, err) &&
         disk->SyncDir(DirOf(path), err);
}

std::vector<std::string> DirsOf(const std::vector<std::string>& paths) {
  std::set<std::string> dirs;
  for (const std::string& p : paths) dirs.insert(DirOf(p));
  return {dirs.begin(), dirs.end()};
}

bool SyncAll(DiskInterface* disk, const std::vector<std::string>& dirs, std::string* err) {
  for (const std::string& d : dirs)
    if (!disk->SyncDir(d, err)) return false;
  return true;
}

// Steps 4-5 (committed) or the roll-back (not): idempotent, so a recovery killed half-way is
// simply run again.
bool Finish(DiskInterface* disk, const Plan& p, bool* committed, std::string* err) {
  std::string marker, ignored;
  *committed = disk->Stat(p.commit) == DiskInterface::Kind::kFile &&
               disk->ReadFile(p.commit, &marker, &ignored) && marker == p.id + "\n";
  const std::vector<std::string> dirs = DirsOf(p.files);
  for (const std::string& f : p.files) {
    if (disk->Stat(Temp(f)) != DiskInterface::Kind::kFile) continue;  // renamed already
    if (*committed ? !disk->Rename(Temp(f), f, err) : !disk->RemoveTree(Temp(f), err)) return false;
  }
  if (!SyncAll(disk, dirs, err)) return false;
  for (const std::string& j : p.journals) {
    Plan other;
    if (disk->Stat(j) == DiskInterface::Kind::kFile && ReadPlan(disk, j, &other, &ignored) &&
        other.id == p.id && !disk->RemoveTree(j, err))
      return false;
  }
  if (!SyncAll(disk, DirsOf(p.journals), err)) return false;
  if (*committed && (!disk->RemoveTree(p.commit, err) || !disk->SyncDir(DirOf(p.commit), err)))
    return false;
  return true;
}

std::string NewId() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(getpid()) + "-" +
         std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
}

}  // namespace

bool ReplaceFiles(DiskInterface* disk, const std::vector<FileReplacement>& files, bool* committed,
                  std::string* err) {
  *committed = false;
  // Resolve every target and check it before anything is written.
  std::map<std::string, const std::string*> texts;  // target -> new text, sorted
  std::map<std::string, uint32_t> modes;
  for (const FileReplacement& f : files) {
    std::string target;
    if (!disk->RealPath(f.path, &target, err)) return false;
    const DiskInterface::FileInfo info = disk->Lookup(target);
    if (info.kind != DiskInterface::Kind::kFile) {
      *err = "cannot replace " + f.path + ": not a regular file";
      return false;
    }
    if (target.find('\n') != std::string::npos) {
      *err = "cannot replace " + f.path + ": a newline in its path";
      return false;
    }
    auto [it, added] = texts.emplace(target, &f.contents);
    if (!added && *it->second != f.contents) {
      *err = f.path + " names the file " + target + " another input names: list it once";
      return false;
    }
    modes[target] = info.mode;
  }
  if (texts.empty()) return true;
  Plan plan;
  plan.id = NewId();
  for (const auto& [target, text] : texts) plan.files.push_back(target);
  const std::vector<std::string> dirs = DirsOf(plan.files);
  plan.commit = dirs.front() + "/" + kReplaceCommitName;
  for (size_t i = 1; i <= dirs.size(); ++i)
    plan.journals.push_back(dirs[i % dirs.size()] + "/" + kReplaceJournalName);
  for (const std::string& target : plan.files) {
    if (disk->Stat(Temp(target)) != DiskInterface::Kind::kMissing) {
      *err = Temp(target) + " exists (not written by this run): move it away, then run again";
      return false;
    }
  }
  for (const std::string& j : plan.journals) {
    if (disk->Stat(j) != DiskInterface::Kind::kMissing) {
      *err = j + ": an interrupted replacement is pending; recover it first";
      return false;
    }
  }
  // Steps 1-3; on failure everything written so far is removed, in reverse.
  std::vector<std::string> written;
  const std::string journal = JournalText(plan);
  bool ok = true;
  for (size_t i = 0; ok && i < plan.journals.size(); ++i) {
    ok = WriteDurably(disk, plan.journals[i], journal, err);
    if (ok) written.push_back(plan.journals[i]);
  }
  for (size_t i = 0; ok && i < plan.files.size(); ++i) {
    const std::string& target = plan.files[i];
    ok = disk->WriteNewFile(Temp(target), *texts[target], modes[target], err);
    if (ok) written.push_back(Temp(target));
  }
  ok = ok && SyncAll(disk, dirs, err) && WriteDurably(disk, plan.commit, plan.id + "\n", err);
  if (!ok) {
    std::string ignored;
    for (auto it = written.rbegin(); it != written.rend(); ++it) disk->RemoveTree(*it, &ignored);
    disk->RemoveTree(plan.commit + ".tmp", &ignored);
    SyncAll(disk, dirs, &ignored);
    return false;
  }
  if (!Finish(disk, plan, committed, err)) {
    *err += " (the replacement is committed: running again completes it)";
    return false;
  }
  return true;
}

bool RecoverReplacements(DiskInterface* disk, const std::vector<std::string>& dirs,
                         std::vector<std::string>* report, std::string* err) {
  for (const std::string& dir : dirs) {
    std::string ignored;
    // Half-written journals and markers (never renamed into place) were not committed.
    for (const char* name : {kReplaceJournalName, kReplaceCommitName}) {
      const std::string tmp = dir + "/" + name + ".tmp";
      if (disk->Stat(tmp) == DiskInterface::Kind::kFile) disk->RemoveTree(tmp, &ignored);
    }
    const std::string journal = dir + "/" + kReplaceJournalName;
    if (disk->Stat(journal) == DiskInterface::Kind::kMissing) {
      const std::string marker = dir + "/" + kReplaceCommitName;
      if (disk->Stat(marker) == DiskInterface::Kind::kFile &&
          (!disk->RemoveTree(marker, err) || !disk->SyncDir(dir, err)))
        return false;
      continue;
    }
    Plan plan;
    bool committed = false;
    if (!ReadPlan(disk, journal, &plan, err) || !Finish(disk, plan, &committed, err)) return false;
    report->push_back((committed ? "completed an interrupted replacement of "
                                 : "rolled back an interrupted, "
                                   "uncommitted replacement of ") +
                      std::to_string(plan.files.size()) + " file(s) (" + journal + ")");
  }
  return true;
}

std::vector<std::string> PendingReplacements(DiskInterface* disk,
                                             const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const std::string& dir : dirs) {
    const std::string journal = dir + "/" + kReplaceJournalName;
    if (disk->Stat(journal) != DiskInterface::Kind::kMissing) out.push_back(journal);
  }
  return out;
}

}  // namespace thv
