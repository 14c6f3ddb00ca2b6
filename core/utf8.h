// Decoding one UTF-8 character with the checks of go-yaml's reader and Go's unicode/utf8 (which
// accept the same sequences): no overlong forms, no surrogates, nothing past U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace thv {

enum class Utf8Status {
  kOk,
  kBadLead,
  kTruncated,
  kBadContinuation,
  kOverlong,
  kSurrogate,
  kTooLarge
};

struct Utf8Char {
  Utf8Status status = Utf8Status::kOk;
  uint32_t code_point = 0;
  size_t width = 1;  // bytes the lead announces (1 for a bad lead)
  size_t bad = 0;    // kBadContinuation: index of the offending byte; kTruncated: bytes present
};

// The character starting at p, of at most avail (> 0) bytes.
inline Utf8Char DecodeUtf8(const unsigned char* p, size_t avail) {
  Utf8Char c;
  const unsigned char lead = p[0];
  if (lead < 0x80) {
    c.code_point = lead;
    return c;
  }
  if ((lead & 0xE0) == 0xC0) {
    c.width = 2, c.code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    c.width = 3, c.code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    c.width = 4, c.code_point = lead & 0x07;
  } else {
    c.status = Utf8Status::kBadLead;
    return c;
  }
  for (size_t k = 1; k < c.width; ++k) {
    if (k >= avail) {
      c.status = Utf8Status::kTruncated;
      c.bad = k;
      return c;
    }
    if ((p[k] & 0xC0) != 0x80) {
      c.status = Utf8Status::kBadContinuation;
      c.bad = k;
      return c;
    }
    c.code_point = (c.code_point << 6) | (p[k] & 0x3F);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c.code_point < kSmallest[c.width]) {
    c.status = Utf8Status::kOverlong;
  } else if (c.code_point >= 0xD800 && c.code_point <= 0xDFFF) {
    c.status = Utf8Status::kSurrogate;
  } else if (c.code_point > 0x10FFFF) {
    c.status = Utf8Status::kTooLarge;
  }
  return c;
}

// Appends code point cp (at most U+10FFFF, not a surrogate) as UTF-8.
inline void EncodeUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace thv
