#include "cli/check.h"

#include <algorithm>
#include <set>

namespace thv {

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string Range(size_t start, size_t count) {
  // Unified diff ranges are 1-based; an empty range names the line before it.
  return std::to_string(count ? start + 1 : start) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(const std::string& old_name, const std::string& old_text,
                        const std::string& new_name, const std::string& new_text) {
  if (old_text == new_text) return "";
  std::vector<std::string> a = Lines(old_text), b = Lines(new_text);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  const size_t context = 3;
  size_t begin = prefix > context ? prefix - context : 0;
  size_t a_end = std::min(a.size(), a.size() - suffix + context);
  size_t b_end = std::min(b.size(), b.size() - suffix + context);
  std::string out = "--- " + old_name + "\n+++ " + new_name + "\n@@ -" +
                    Range(begin, a_end - begin) + " +" + Range(begin, b_end - begin) + " @@\n";
  for (size_t i = begin; i < prefix; ++i) out += " " + a[i] + "\n";
  for (size_t i = prefix; i < a.size() - suffix; ++i) out += "-" + a[i] + "\n";
  for (size_t i = prefix; i < b.size() - suffix; ++i) out += "+" + b[i] + "\n";
  for (size_t i = a.size() - suffix; i < a_end; ++i) out += " " + a[i] + "\n";
  return out;
}

std::string DiffOutputDir(DiskInterface* disk, const std::string& dir,
                          const std::vector<RenderedFile>& files) {
  std::string out, err;
  std::set<std::string> expected;
  for (const RenderedFile& f : files) {
    expected.insert(f.name);
    std::string current;
    const std::string path = dir + "/" + f.name;
    if (!disk->ReadFile(path, &current, &err)) current.clear();
    out += UnifiedDiff(disk->Stat(path) == DiskInterface::Kind::kFile ? path : "/dev/null", current,
                       path, f.contents);
  }
  std::vector<std::string> names;
  if (disk->ListDir(dir, &names, &err)) {
    for (const std::string& name : names) {
      if (expected.count(name)) continue;
      std::string stale;
      disk->ReadFile(dir + "/" + name, &stale, &err);
      out += UnifiedDiff(dir + "/" + name, stale, "/dev/null", "");
    }
  }
  return out;
}

}  // namespace thv
