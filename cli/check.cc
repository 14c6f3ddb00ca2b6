#include "cli/check.h"

#include <algorithm>
#include <set>

#include "core/yaml_spans.h"

namespace thv {

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::string_view line : SplitLines(text)) lines.emplace_back(line);
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

namespace {

// One line of an edit script: ' ' kept, '-' removed (a_index), '+' added (b_index).
struct EditLine {
  char op;
  size_t a_index;
  size_t b_index;
};

// Myers' O((N+M)D) shortest edit script; false when it needs more than max_edits edits (then a
// whole-region diff is as readable).
bool EditScript(const std::vector<std::string>& a, const std::vector<std::string>& b, int max_edits,
                std::vector<EditLine>* script) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int offset = n + m + 1;
  std::vector<int> v(2 * offset + 1, 0);
  // trace[d]: V at the start of round d, only diagonals -d..d (all that backtracking reads), so
  // memory grows with the edits squared, not with edits times file length.
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= std::min(n + m, max_edits) && found < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  std::vector<EditLine> reversed;
  int x = n, y = m;
  for (int d = found; d >= 0; --d) {
    const std::vector<int>& before = trace[d];  // before[d + k] is V[k] at the start of round d
    int k = x - y;
    int prev_k = (k == -d || (k != d && before[d + k - 1] < before[d + k + 1])) ? k + 1 : k - 1;
    int prev_x = d == 0 ? 0 : before[d + prev_k];
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y && x > 0 && y > 0 && a[x - 1] == b[y - 1]) {
      --x, --y;
      reversed.push_back({' ', static_cast<size_t>(x), static_cast<size_t>(y)});
    }
    if (d == 0) break;
    if (x == prev_x)
      reversed.push_back({'+', static_cast<size_t>(x), static_cast<size_t>(prev_y)});
    else
      reversed.push_back({'-', static_cast<size_t>(prev_x), static_cast<size_t>(y)});
    x = prev_x, y = prev_y;
  }
  script->assign(reversed.rbegin(), reversed.rend());
  return true;
}

}  // namespace

std::string UnifiedLineDiff(const std::string& old_name, const std::string& old_text,
                            const std::string& new_name, const std::string& new_text) {
  if (old_text == new_text) return "";
  std::vector<std::string> a = Lines(old_text), b = Lines(new_text);
  std::vector<EditLine> script;
  if (!EditScript(a, b, 2000, &script)) return UnifiedDiff(old_name, old_text, new_name, new_text);
  const size_t context = 3;
  std::string out = "--- " + old_name + "\n+++ " + new_name + "\n";
  size_t i = 0;
  while (i < script.size()) {
    if (script[i].op == ' ') {
      ++i;
      continue;
    }
    // A hunk: from `context` kept lines before this change to `context` after the last change
    // that is no more than 2 * context kept lines from the previous one.
    size_t begin = i >= context ? i - context : 0;
    size_t end = i;
    while (end < script.size()) {
      size_t next = end;
      while (next < script.size() && script[next].op == ' ') ++next;
      if (next == script.size() || next - end > 2 * context) break;
      while (next < script.size() && script[next].op != ' ') ++next;
      end = next;
    }
    size_t stop = std::min(script.size(), end + context);
    size_t a_start = script[begin].a_index, b_start = script[begin].b_index, a_count = 0,
           b_count = 0;
    std::string body;
    for (size_t j = begin; j < stop; ++j) {
      const EditLine& e = script[j];
      if (e.op != '+') ++a_count;
      if (e.op != '-') ++b_count;
      body += e.op;
      body += (e.op == '+' ? b[e.b_index] : a[e.a_index]) + "\n";
    }
    out += "@@ -" + Range(a_start, a_count) + " +" + Range(b_start, b_count) + " @@\n" + body;
    i = stop;
  }
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
