// Replaces a set of files all or nothing, as far as POSIX allows: no call renames several files
// at once, so a journal beside the files records the set and whether it was committed, and the
// next run (RecoverReplacements) completes a committed set or rolls back an uncommitted one.
//
// Order of one ReplaceFiles, each step flushed to the device before the next:
//   1. a journal <dir>/.thv-migrate.journal in every directory holding a target (the whole set);
//   2. every new text in <target>.thv-migrate.tmp, with the target's permission bits;
//   3. the commit marker <first dir>/.thv-migrate.commit holding the journal's id;
//   4. every temporary file renamed over its target;
//   5. the journals removed, the first directory's last, then the commit marker.
// A failure before 3 removes what 1-2 wrote: no target was touched. After 3 the set is committed:
// whatever stops the process, the next recovery renames the remaining temporary files.
// Journal without commit marker: not committed (or already finished: temporary files all renamed),
// so recovery removing the temporary files is right either way; a commit marker without the first
// directory's journal is left from step 5 and removed.
#pragma once

#include <string>
#include <vector>

#include "core/disk_interface.h"

namespace thv {

struct FileReplacement {
  std::string path;  // a symlink is written through: the file it names is replaced, the link kept
  std::string contents;
};

constexpr char kReplaceJournalName[] = ".thv-migrate.journal";
constexpr char kReplaceCommitName[] = ".thv-migrate.commit";
constexpr char kReplaceTempSuffix[] = ".thv-migrate.tmp";

// Replaces every file or none (see above). Each target must be an existing regular file (after
// symlinks) whose temporary name is free; its permission bits are kept. Two paths naming one file
// must get the same text. False with *err: *committed says whether the set was committed anyway
// (then recovery completes it) or every file is untouched.
bool ReplaceFiles(DiskInterface* disk, const std::vector<FileReplacement>& files, bool* committed,
                  std::string* err);

// Completes or rolls back what an interrupted ReplaceFiles left in any of dirs (it may reach into
// other directories of the same set). *report gets one line per set handled. False with *err
// when a journal cannot be read or a step fails.
bool RecoverReplacements(DiskInterface* disk, const std::vector<std::string>& dirs,
                         std::vector<std::string>* report, std::string* err);

// The journals of interrupted replacements in dirs (read-only commands refuse to work on them).
std::vector<std::string> PendingReplacements(DiskInterface* disk,
                                             const std::vector<std::string>& dirs);

}  // namespace thv
