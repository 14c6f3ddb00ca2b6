// --check: compare a fresh render with what is committed, for CI gates. Nothing is written.
#pragma once

#include <string>
#include <vector>

#include "cli/output.h"
#include "core/disk_interface.h"

namespace thv {

// A unified diff of two texts (one hunk spanning the changed region, 3 lines of context);
// empty when they are equal.
std::string UnifiedDiff(const std::string& old_name, const std::string& old_text,
                        const std::string& new_name, const std::string& new_text);

// A unified diff with one hunk per group of changed lines (Myers' shortest edit script, 3 lines of
// context), as diff -u prints it; for edits a person reviews line by line (migrate --check).
std::string UnifiedLineDiff(const std::string& old_name, const std::string& old_text,
                            const std::string& new_name, const std::string& new_text);

// Diffs of DIR against the files a render would write there: changed, missing and stale files.
std::string DiffOutputDir(DiskInterface* disk, const std::string& dir,
                          const std::vector<RenderedFile>& files);

}  // namespace thv
