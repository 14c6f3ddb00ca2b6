// Stand-alone parts of render/validate_object.cc's checks: a cache of strings a rule accepted,
// field paths printed only on error, duplicate detection for short lists, and Value accessors
// that read absent or mistyped fields as Go's zero values. Internal to the validator.
#pragma once

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_text.h"
#include "core/value.h"
#include "model/names.h"

namespace thv::validate_parts {

// Strings a rule already accepted, with what it made of them. Rendered objects repeat the same
// label keys and values, images and quantities (every MCPServer's objects carry the same label
// keys and its name), and a lookup (a hash of a few bytes, two comparisons) costs a fraction of
// a check. Two-way set-associative: a new entry replaces the older of two.
template <typename T>
class RecentlyValid {
 public:
  const T* Find(const std::string& s) const {
    const size_t i = Index(s);
    if (slots_[i].used && slots_[i].text == s) return &slots_[i].value;
    if (slots_[i + 1].used && slots_[i + 1].text == s) return &slots_[i + 1].value;
    return nullptr;
  }
  bool Contains(const std::string& s) const { return Find(s) != nullptr; }
  void Add(const std::string& s, T value = T()) {
    const size_t i = Index(s);
    const size_t j = newer_[i / 2] ? i : i + 1;  // the older slot of the set
    newer_[i / 2] = j == i + 1;
    Slot& slot = slots_[j];
    slot.used = true;
    slot.text.assign(s);  // reuses the slot's buffer
    slot.value = std::move(value);
  }

 private:
  struct Slot {
    bool used = false;
    std::string text;
    T value;
  };
  static constexpr size_t kSets = 64;
  static size_t Index(const std::string& s) {
    size_t h = s.size();
    if (!s.empty()) {
      const auto byte = [&s](size_t i) {
        return static_cast<size_t>(static_cast<unsigned char>(s[i]));
      };
      h = h * 131 + byte(0) * 31 + byte(s.size() / 2) * 17 + byte(s.size() - 1) * 7 +
          byte(s.size() * 3 / 4) * 3 + byte(s.size() / 4);
    }
    return (h % kSets) * 2;
  }
  Slot slots_[2 * kSets];
  bool newer_[kSets] = {};  // per set: whether its second slot holds the newer entry
};

// A field path on the stack, printed only for an error: metadata.labels, data[key], ports[0].
// A Path points at its parent: keep every level in a named variable, never a temporary.
struct Path {
  const Path* parent = nullptr;
  const char* name = nullptr;
  const std::string* key = nullptr;
  int index = -1;

  Path Child(const char* n) const { return Path{this, n, nullptr, -1}; }
  Path Key(const std::string& k) const { return Path{this, nullptr, &k, -1}; }
  Path Index(int i) const { return Path{this, nullptr, nullptr, i}; }
  std::string String() const {
    std::string out = parent ? parent->String() : std::string();
    if (name) {
      if (!out.empty()) out += '.';
      out += name;
    } else if (key) {
      out += '[' + *key + ']';
    } else if (index >= 0) {
      out += '[' + std::to_string(index) + ']';
    }
    return out;
  }
};

inline const std::string kNone;

// Member keys against literals: the size first, then the bytes (no strlen, no compare()).
inline bool KeyIs(const std::string& key, std::string_view literal) {
  return key.size() == literal.size() && std::memcmp(key.data(), literal.data(), key.size()) == 0;
}

inline const Value* Get(const Value* map, std::string_view key) {
  return map && map->IsMapping() ? map->Find(key) : nullptr;
}
// The members of map named keys[0], keys[1], ... (nullptr where absent; the last of repeated
// keys), found in one pass.
template <size_t N>
std::array<const Value*, N> GetAll(const Value* map, const std::string_view (&keys)[N]) {
  std::array<const Value*, N> found{};
  if (!map || !map->IsMapping()) return found;
  for (const Member& m : map->members) {
    for (size_t i = 0; i < N; ++i) {
      if (KeyIs(m.key, keys[i])) {
        found[i] = &m.value;
        break;
      }
    }
  }
  return found;
}
inline const std::string& Text(const Value* v) { return v && v->IsString() ? v->text : kNone; }
inline bool IsEmpty(const Value* v) { return !v || v->IsNull() || v->IsEmpty(); }
inline const std::vector<Value>& Items(const Value* v) {
  static const std::vector<Value> kNoItems;
  return v && v->IsSequence() ? v->items : kNoItems;
}
inline const std::vector<Member>& Members(const Value* v) {
  static const std::vector<Member> kNoMembers;
  return v && v->IsMapping() ? v->members : kNoMembers;
}
// An integer field, 0 when absent (as Go decodes it) or not an integer.
inline int64_t IntOf(const Value* v) {
  if (!v || !v->IsInt()) return 0;
  int64_t n = 0;
  for (char c : v->text) {
    if (c >= '0' && c <= '9') n = std::min<int64_t>(n * 10 + (c - '0'), int64_t{1} << 40);
  }
  return !v->text.empty() && v->text[0] == '-' ? -n : n;
}
// Names met so far in one list (containers, ports, volumes, mount paths), to find duplicates.
// Lists are short: the first few names need no heap.
class SeenNames {
 public:
  bool Contains(const std::string& name) const {
    for (size_t i = 0; i < std::min(size_, kInline); ++i)
      if (*inline_[i] == name) return true;
    return std::any_of(more_.begin(), more_.end(),
                       [&](const std::string* n) { return *n == name; });
  }
  void Add(const std::string* name) {
    if (size_ < kInline)
      inline_[size_] = name;
    else
      more_.push_back(name);
    ++size_;
  }

 private:
  static constexpr size_t kInline = 8;
  const std::string* inline_[kInline] = {};
  size_t size_ = 0;
  std::vector<const std::string*> more_;
};

// A bad value as field.Error prints it: strings quoted, numbers and booleans bare.
inline std::string Shown(const Value& v) { return v.IsString() ? GoQuote(v.text) : v.text; }

// Go's json.Marshal of a map[string]string (keys sorted), as a bad value.
inline std::string MapJson(const Value* map) {
  std::vector<std::pair<const std::string*, const std::string*>> pairs;
  if (map && map->IsMapping())
    for (const Member& m : map->members) pairs.emplace_back(&m.key, &m.value.text);
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::string out = "{";
  for (const auto& [k, v] : pairs) {
    if (out.size() > 1) out += ',';
    AppendGoString(*k, &out);
    out += ':';
    AppendGoString(*v, &out);
  }
  return out + "}";
}

// The decoded length of base64 text (Go's decoder skips newlines).
inline size_t Base64DecodedSize(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c != '=' && c != '\n' && c != '\r';
  return n * 3 / 4;
}

}  // namespace thv::validate_parts
