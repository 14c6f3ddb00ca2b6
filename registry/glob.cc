// A line-by-line port of path/filepath/match.go (Match, scanChunk, matchChunk, getEsc).
#include "registry/glob.h"

#include <cstdint>

#include "core/json_text.h"

namespace thv {

namespace {

constexpr int32_t kRuneError = 0xFFFD;

// utf8.DecodeRuneInString: the rune and its width; invalid input is (RuneError, 1).
int32_t DecodeRune(std::string_view s, size_t* width) {
  int n = Utf8SequenceLength(s, 0);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  if (n == 0) {
    *width = 1;
    return kRuneError;
  }
  *width = static_cast<size_t>(n);
  switch (n) {
    case 1:
      return p[0];
    case 2:
      return (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    case 3:
      return (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    default:
      return (p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
  }
}

struct Chunk {
  bool star = false;
  std::string_view chunk;
  std::string_view rest;
};

// The next segment of pattern: a non-star string possibly preceded by stars.
Chunk ScanChunk(std::string_view pattern) {
  Chunk c;
  while (!pattern.empty() && pattern[0] == '*') {
    pattern.remove_prefix(1);
    c.star = true;
  }
  bool inrange = false;
  size_t i = 0;
  for (; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (ch == '\\') {
      if (i + 1 < pattern.size()) ++i;  // a trailing '\' is reported by MatchChunk
    } else if (ch == '[') {
      inrange = true;
    } else if (ch == ']') {
      inrange = false;
    } else if (ch == '*' && !inrange) {
      break;
    }
  }
  c.chunk = pattern.substr(0, i);
  c.rest = pattern.substr(i);
  return c;
}

// A possibly escaped character of a class; false on malformed input.
bool GetEsc(std::string_view* chunk, int32_t* r) {
  std::string_view c = *chunk;
  if (c.empty() || c[0] == '-' || c[0] == ']') return false;
  if (c[0] == '\\') {
    c.remove_prefix(1);
    if (c.empty()) return false;
  }
  size_t n;
  *r = DecodeRune(c, &n);
  bool ok = !(*r == kRuneError && n == 1);
  c.remove_prefix(n);
  if (c.empty()) ok = false;
  *chunk = c;
  return ok;
}

enum class ChunkResult { kNoMatch, kMatch, kBad };

// Whether chunk matches the start of s (*rest gets the remainder). After a mismatch the chunk
// is still parsed to the end, so malformed patterns are always detected.
ChunkResult MatchChunk(std::string_view chunk, std::string_view s, std::string_view* rest) {
  bool failed = false;
  while (!chunk.empty()) {
    if (!failed && s.empty()) failed = true;
    switch (chunk[0]) {
      case '[': {
        int32_t r = 0;
        if (!failed) {
          size_t n;
          r = DecodeRune(s, &n);
          s.remove_prefix(n);
        }
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
          int32_t lo, hi;
          if (!GetEsc(&chunk, &lo)) return ChunkResult::kBad;
          hi = lo;
          if (chunk[0] == '-') {
            chunk.remove_prefix(1);
            if (!GetEsc(&chunk, &hi)) return ChunkResult::kBad;
          }
          if (lo <= r && r <= hi) match = true;
          ++nrange;
        }
        if (match == negated) failed = true;
        break;
      }
      case '?':
        if (!failed) {
          if (s[0] == '/') failed = true;
          size_t n;
          DecodeRune(s, &n);
          s.remove_prefix(n);
        }
        chunk.remove_prefix(1);
        break;
      case '\\':
        chunk.remove_prefix(1);
        if (chunk.empty()) return ChunkResult::kBad;
        [[fallthrough]];
      default:
        if (!failed) {
          if (chunk[0] != s[0]) failed = true;
          s.remove_prefix(1);
        }
        chunk.remove_prefix(1);
    }
  }
  if (failed) return ChunkResult::kNoMatch;
  *rest = s;
  return ChunkResult::kMatch;
}

bool Match(std::string_view pattern, std::string_view name, bool* bad) {
  *bad = false;
  auto bad_pattern = [&] {
    *bad = true;
    return false;
  };
  while (!pattern.empty()) {
    Chunk c = ScanChunk(pattern);
    pattern = c.rest;
    if (c.star && c.chunk.empty()) {
      return name.find('/') == std::string_view::npos;  // trailing * matches the rest
    }
    std::string_view t;
    ChunkResult res = MatchChunk(c.chunk, name, &t);
    // The last chunk must consume the whole name; otherwise a later star may still match.
    if (res == ChunkResult::kMatch && (t.empty() || !pattern.empty())) {
      name = t;
      continue;
    }
    if (res == ChunkResult::kBad) return bad_pattern();
    bool advanced = false;
    if (c.star) {
      // Let the star eat i+1 bytes (never a '/').
      for (size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
        res = MatchChunk(c.chunk, name.substr(i + 1), &t);
        if (res == ChunkResult::kMatch) {
          if (pattern.empty() && !t.empty()) continue;
          name = t;
          advanced = true;
          break;
        }
        if (res == ChunkResult::kBad) return bad_pattern();
      }
    }
    if (advanced) continue;
    // Before failing, make sure the rest of the pattern is well-formed.
    while (!pattern.empty()) {
      Chunk rest = ScanChunk(pattern);
      pattern = rest.rest;
      if (MatchChunk(rest.chunk, "", &t) == ChunkResult::kBad) return bad_pattern();
    }
    return false;
  }
  return name.empty();
}

}  // namespace

bool GoFilepathMatch(const std::string& pattern, const std::string& name, bool* bad_pattern) {
  bool bad = false;
  bool matched = Match(pattern, name, &bad);
  if (bad_pattern) *bad_pattern = bad;
  return matched && !bad;
}

bool GlobValid(std::string_view pattern) {
  bool bad = false;
  Match(pattern, "", &bad);
  return !bad;
}

}  // namespace thv
