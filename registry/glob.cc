#include "registry/glob.h"

#include <string_view>

namespace thv {

namespace {

// A port of Go's path/filepath match.go (Unix separator '/'); '?' and '[...]' consume one
// UTF-8 rune, as Go does.

// Decodes one rune from the front of s (invalid bytes count as one rune each).
char32_t NextRune(std::string_view* s) {
  unsigned char c = static_cast<unsigned char>((*s)[0]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (len > s->size()) len = 1;
  char32_t r = len == 1 ? c : c & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) r = (r << 6) | (static_cast<unsigned char>((*s)[i]) & 0x3F);
  s->remove_prefix(len);
  return r;
}
bool ScanChunk(std::string_view* pattern, bool* star, std::string_view* chunk) {
  *star = false;
  while (!pattern->empty() && (*pattern)[0] == '*') {
    pattern->remove_prefix(1);
    *star = true;
  }
  bool in_range = false;
  size_t i = 0;
  for (; i < pattern->size(); ++i) {
    char c = (*pattern)[i];
    if (c == '\\') {
      if (i + 1 < pattern->size()) ++i;
    } else if (c == '[') {
      in_range = true;
    } else if (c == ']') {
      in_range = false;
    } else if (c == '*' && !in_range) {
      break;
    }
  }
  *chunk = pattern->substr(0, i);
  pattern->remove_prefix(i);
  return true;
}

bool GetEsc(std::string_view* chunk, char32_t* out) {
  if (chunk->empty() || (*chunk)[0] == '-' || (*chunk)[0] == ']') return false;
  if ((*chunk)[0] == '\\') {
    chunk->remove_prefix(1);
    if (chunk->empty()) return false;
  }
  *out = NextRune(chunk);
  return !chunk->empty();
}

// Returns false on a bad pattern; *rest is empty-optional via *ok.
bool MatchChunk(std::string_view chunk, std::string_view s, std::string_view* rest, bool* ok) {
  bool failed = false;
  while (!chunk.empty()) {
    if (!failed && s.empty()) failed = true;
    switch (chunk[0]) {
      case '[': {
        char32_t r = 0;
        if (!failed) r = NextRune(&s);
        chunk.remove_prefix(1);
        bool negated = false;
        if (!chunk.empty() && chunk[0] == '^') {
          negated = true;
          chunk.remove_prefix(1);
        }
        bool match = false;
        int nrange = 0;
        while (true) {
          if (!chunk.empty() && chunk[0] == ']' && nrange > 0) {
            chunk.remove_prefix(1);
            break;
          }
          char32_t lo, hi;
          if (!GetEsc(&chunk, &lo)) return false;
          hi = lo;
          if (chunk[0] == '-') {
            chunk.remove_prefix(1);
            if (!GetEsc(&chunk, &hi)) return false;
          }
          if (lo <= r && r <= hi) match = true;
          ++nrange;
        }
        if (match == negated) failed = true;
        break;
      }
      case '?':
        if (!failed) failed = NextRune(&s) == '/';
        chunk.remove_prefix(1);
        break;
      case '\\':
        chunk.remove_prefix(1);
        if (chunk.empty()) return false;
        [[fallthrough]];
      default:
        if (!failed) {
          if (chunk[0] != s[0]) failed = true;
          s.remove_prefix(1);
        }
        chunk.remove_prefix(1);
    }
  }
  *ok = !failed;
  *rest = s;
  return true;
}

}  // namespace

bool GoFilepathMatch(const std::string& pattern_text, const std::string& name_text,
                     bool* bad_pattern) {
  *bad_pattern = false;
  std::string_view pattern = pattern_text, name = name_text;
  while (!pattern.empty()) {
    bool star;
    std::string_view chunk;
    ScanChunk(&pattern, &star, &chunk);
    if (star && chunk.empty()) return name.find('/') == std::string_view::npos;
    std::string_view rest;
    bool ok = false;
    if (!MatchChunk(chunk, name, &rest, &ok)) {
      *bad_pattern = true;
      return false;
    }
    if (ok && (rest.empty() || !pattern.empty())) {
      name = rest;
      continue;
    }
    if (star) {
      bool found = false;
      for (size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
        if (!MatchChunk(chunk, name.substr(i + 1), &rest, &ok)) {
          *bad_pattern = true;
          return false;
        }
        if (ok) {
          if (pattern.empty() && !rest.empty()) continue;
          name = rest;
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    // Go checks the remaining pattern for syntax errors before failing.
    while (!pattern.empty()) {
      ScanChunk(&pattern, &star, &chunk);
      if (!MatchChunk(chunk, "", &rest, &ok)) {
        *bad_pattern = true;
        return false;
      }
    }
    return false;
  }
  return name.empty();
}

}  // namespace thv
