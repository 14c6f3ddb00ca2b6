#include "model/cel_regex.h"

#include <algorithm>

#include "core/utf8.h"

namespace thv::cel {

namespace {

constexpr int64_t kMaxInsts = 5000;
constexpr int kMaxRepeat = 1000;   // RE2's and Go's limit
constexpr int kMaxNesting = 1000;  // Go's maxHeight
constexpr uint32_t kMaxRune = 0x10FFFF;

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

struct RNode {
  enum Kind : uint8_t { kClass, kEmpty, kConcat, kAlt, kRepeat, kAssert };
  Kind kind = kEmpty;
  uint8_t assertion = 0;
  int min = 0;
  int max = 0;  // kRepeat; -1: unbounded
  Ranges ranges;
  std::vector<int> kids;
};

struct Flags {
  bool fold = false;       // i
  bool multiline = false;  // m
  bool dot_nl = false;     // s
};

void Normalize(Ranges* r) {
  std::sort(r->begin(), r->end());
  Ranges out;
  for (const auto& x : *r) {
    if (!out.empty() && x.first <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, x.second);
    } else {
      out.push_back(x);
    }
  }
  *r = std::move(out);
}

Ranges Negate(Ranges r) {
  Normalize(&r);
  Ranges out;
  uint32_t next = 0;
  for (const auto& x : r) {
    if (x.first > next) out.push_back({next, x.first - 1});
    next = x.second + 1;
  }
  if (next <= kMaxRune) out.push_back({next, kMaxRune});
  return out;
}

bool IsWordChar(int32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Perl classes (\d \s \w) and POSIX ones ([:alpha:]), ASCII as in RE2.
bool NamedClass(std::string_view name, Ranges* out) {
  static const struct {
    const char* name;
    const char* pairs;  // lo, hi, lo, hi, ...
  } kClasses[] = {
      {"d", "09"},           {"s", "\t\n\f\r  "},
      {"w", "09AZ__az"},     {"alnum", "09AZaz"},
      {"alpha", "AZaz"},     {"ascii", "\x01\x7f"},
      {"blank", "\t\t  "},   {"cntrl", "\x01\x1f\x7f\x7f"},
      {"digit", "09"},       {"graph", "!~"},
      {"lower", "az"},       {"print", " ~"},
      {"punct", "!/:@[`{~"}, {"space", "\t\r  "},
      {"upper", "AZ"},       {"word", "09AZ__az"},
      {"xdigit", "09AFaf"},
  };
  for (const auto& c : kClasses) {
    if (name != c.name) continue;
    std::string_view p = c.pairs;
    // "ascii" and "cntrl" start at NUL, which a C string cannot hold.
    bool from_nul = name == "ascii" || name == "cntrl";
    for (size_t k = 0; k + 1 < p.size(); k += 2) {
      uint32_t lo = static_cast<unsigned char>(p[k]);
      if (k == 0 && from_nul) lo = 0;
      out->push_back({lo, static_cast<unsigned char>(p[k + 1])});
    }
    return true;
  }
  return false;
}

}  // namespace

class RegexCompiler {
 public:
  explicit RegexCompiler(std::string_view pattern) : p_(pattern) {}

  std::unique_ptr<Regex> Run(std::string* error) {
    int root = -1;
    Flags flags;
    if (!ParseAlternation(&flags, 0, &root)) return Fail(error);
    if (pos_ < p_.size()) {  // a ')' without its '('
      err_ = "unexpected ): `" + std::string(p_) + "`";
      return Fail(error);
    }
    if (Size(root) > kMaxInsts) {
      err_ = "expression too large";
      return Fail(error);
    }
    re_ = std::make_unique<Regex>();
    Emit(root);
    re_->insts_.push_back(Regex::Inst{});  // kMatch
    return std::move(re_);
  }

 private:
  std::unique_ptr<Regex> Fail(std::string* error) {
    *error = "error parsing regexp: " + err_;
    return nullptr;
  }

  bool Error(std::string message) {
    if (err_.empty()) err_ = std::move(message);
    return false;
  }

  int Add(RNode n) {
    nodes_.push_back(std::move(n));
    return static_cast<int>(nodes_.size() - 1);
  }

  int AddClass(Ranges r) {
    Normalize(&r);
    RNode n;
    n.kind = RNode::kClass;
    n.ranges = std::move(r);
    return Add(std::move(n));
  }

  // Decodes one code point of the pattern at pos_; false for invalid UTF-8.
  bool NextRune(uint32_t* r) {
    auto* s = reinterpret_cast<const unsigned char*>(p_.data()) + pos_;
    Utf8Char c = DecodeUtf8(s, p_.size() - pos_);
    if (c.status != Utf8Status::kOk) return Error("invalid UTF-8");
    pos_ += c.width;
    *r = c.code_point;
    return true;
  }

  // A class item under the flags: case folding (ASCII only, with the two non-ASCII characters
  // whose simple folds reach ASCII: K KELVIN SIGN for k, LONG S for s).
  bool AddItem(const Flags& flags, uint32_t lo, uint32_t hi, Ranges* out) {
    out->push_back({lo, hi});
    if (!flags.fold) return true;
    if (hi > 0x7F) return Error("case-insensitive matching of non-ASCII characters is unsupported");
    auto fold = [&](uint32_t a, uint32_t b, int32_t delta) {
      uint32_t l = std::max(lo, a), h = std::min(hi, b);
      if (l <= h) out->push_back({l + delta, h + delta});
    };
    fold('a', 'z', 'A' - 'a');
    fold('A', 'Z', 'a' - 'A');
    if ((lo <= 'k' && 'k' <= hi) || (lo <= 'K' && 'K' <= hi)) out->push_back({0x212A, 0x212A});
    if ((lo <= 's' && 's' <= hi) || (lo <= 'S' && 'S' <= hi)) out->push_back({0x17F, 0x17F});
    return true;
  }

  bool AddRanges(const Flags& flags, const Ranges& items, bool negate, Ranges* out) {
    Ranges folded;
    for (const auto& r : items)
      if (!AddItem(flags, r.first, r.second, &folded)) return false;
    if (negate) folded = Negate(std::move(folded));
    out->insert(out->end(), folded.begin(), folded.end());
    return true;
  }

  // After a backslash: a character (*rune), or a class (*cls non-empty) for \d \s \w and their
  // negations. Assertions are handled by the caller.
  bool ParseEscape(const Flags& flags, uint32_t* rune, Ranges* cls) {
    if (pos_ >= p_.size()) return Error("trailing backslash at end of expression");
    char c = p_[pos_];
    if (static_cast<unsigned char>(c) >= 0x80) return Error("invalid escape sequence");
    ++pos_;
    switch (c) {
      case 'a':
        *rune = 7;
        return true;
      case 'f':
        *rune = '\f';
        return true;
      case 'n':
        *rune = '\n';
        return true;
      case 'r':
        *rune = '\r';
        return true;
      case 't':
        *rune = '\t';
        return true;
      case 'v':
        *rune = '\v';
        return true;
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W': {
        Ranges base;
        NamedClass(std::string(1, static_cast<char>(c | 0x20)), &base);
        return AddRanges(flags, base, c >= 'A' && c <= 'Z', cls);
      }
      case 'x': {
        if (pos_ < p_.size() && p_[pos_] == '{') {
          uint32_t v = 0;
          size_t digits = 0;
          for (++pos_; pos_ < p_.size() && HexValue(p_[pos_]) >= 0; ++pos_, ++digits) {
            v = v * 16 + HexValue(p_[pos_]);
            if (v > kMaxRune) return Error("invalid escape sequence");
          }
          if (digits == 0 || pos_ >= p_.size() || p_[pos_] != '}')
            return Error("invalid escape sequence");
          ++pos_;
          *rune = v;
          return true;
        }
        if (pos_ + 2 > p_.size() || HexValue(p_[pos_]) < 0 || HexValue(p_[pos_ + 1]) < 0)
          return Error("invalid escape sequence");
        *rune = HexValue(p_[pos_]) * 16 + HexValue(p_[pos_ + 1]);
        pos_ += 2;
        return true;
      }
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        // A single non-zero digit would be a backreference, which RE2 lacks.
        if (pos_ >= p_.size() || p_[pos_] < '0' || p_[pos_] > '7')
          return Error("invalid escape sequence");
        [[fallthrough]];
      case '0': {
        uint32_t v = c - '0';
        for (int k = 1; k < 3 && pos_ < p_.size() && p_[pos_] >= '0' && p_[pos_] <= '7'; ++k)
          v = v * 8 + (p_[pos_++] - '0');
        *rune = v;
        return true;
      }
      default:
        if (!IsAlnum(c)) {  // escaped punctuation (and space, controls) is itself
          *rune = static_cast<unsigned char>(c);
          return true;
        }
        if (c == 'p' || c == 'P') return Error("Unicode classes (\\p) are unsupported");
        return Error(std::string("invalid escape sequence: `\\") + c + "`");
    }
  }

  bool ParseClass(const Flags& flags, int* out) {
    ++pos_;  // '['
    bool negate = false;
    if (pos_ < p_.size() && p_[pos_] == '^') negate = true, ++pos_;
    Ranges items;  // folded, not yet negated
    bool first = true;
    while (true) {
      if (pos_ >= p_.size()) return Error("missing closing ]");
      if (p_[pos_] == ']' && !first) break;
      first = false;
      if (p_.compare(pos_, 2, "[:") == 0) {
        size_t end = p_.find(":]", pos_ + 2);
        if (end != std::string_view::npos) {
          std::string_view name = p_.substr(pos_ + 2, end - pos_ - 2);
          bool neg = !name.empty() && name[0] == '^';
          if (neg) name.remove_prefix(1);
          Ranges base;
          if (!NamedClass(name, &base) || name.size() == 1)
            return Error("invalid character class range");
          if (!AddRanges(flags, base, neg, &items)) return false;
          pos_ = end + 2;
          continue;
        }
      }
      uint32_t lo = 0;
      if (!ParseClassChar(flags, &lo, &items)) return false;
      if (lo == UINT32_MAX) continue;  // a class escape, already added
      uint32_t hi = lo;
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (!ParseClassChar(flags, &hi, nullptr)) return false;
        if (hi < lo) return Error("invalid character class range");
      }
      if (!AddItem(flags, lo, hi, &items)) return false;
    }
    ++pos_;  // ']'
    *out = AddClass(negate ? Negate(std::move(items)) : std::move(items));
    return true;
  }

  // One class character into *rune, or (cls given) a \d-style class added to *cls with *rune
  // set to UINT32_MAX.
  bool ParseClassChar(const Flags& flags, uint32_t* rune, Ranges* cls) {
    if (p_[pos_] != '\\') return NextRune(rune);
    ++pos_;
    Ranges escaped;
    if (!ParseEscape(flags, rune, &escaped)) return false;
    if (escaped.empty()) return true;
    if (!cls) return Error("invalid character class range");
    cls->insert(cls->end(), escaped.begin(), escaped.end());
    *rune = UINT32_MAX;
    return true;
  }

  // {n}, {n,}, {n,m} at pos_; false (pos_ unchanged) when it is not one (then '{' is literal).
  bool ParseRepeatSpec(int* min, int* max) {
    size_t k = pos_ + 1;
    auto number = [&](int* v) {
      size_t start = k;
      int64_t n = 0;
      for (; k < p_.size() && p_[k] >= '0' && p_[k] <= '9'; ++k)
        n = std::min<int64_t>(n * 10 + (p_[k] - '0'), 100000);
      *v = static_cast<int>(n);
      return k > start;
    };
    if (!number(min)) return false;
    *max = *min;
    if (k < p_.size() && p_[k] == ',') {
      ++k;
      *max = -1;
      if (k < p_.size() && p_[k] != '}' && !number(max)) return false;
    }
    if (k >= p_.size() || p_[k] != '}') return false;
    pos_ = k + 1;
    return true;
  }

  bool AtRepeat() {
    if (pos_ >= p_.size()) return false;
    char c = p_[pos_];
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    size_t save = pos_;
    int a, b;
    bool is = ParseRepeatSpec(&a, &b);
    pos_ = save;
    return is;
  }

  // Repetition operators after the atom *node.
  bool ParseRepeat(int* node) {
    if (!AtRepeat()) return true;
    size_t start = pos_;
    int min = 0, max = -1;
    char c = p_[pos_];
    if (c == '*') {
      ++pos_;
    } else if (c == '+') {
      min = 1, ++pos_;
    } else if (c == '?') {
      max = 1, ++pos_;
    } else {
      ParseRepeatSpec(&min, &max);
      if (min > kMaxRepeat || max > kMaxRepeat || (max >= 0 && max < min))
        return Error("invalid repeat count: `" + std::string(p_.substr(start, pos_ - start)) + "`");
    }
    if (pos_ < p_.size() && p_[pos_] == '?') ++pos_;  // lazy: the same set of matches
    if (AtRepeat())
      return Error("invalid nested repetition operator: `" +
                   std::string(p_.substr(start, pos_ + 1 - start)) + "`");
    RNode n;
    n.kind = RNode::kRepeat;
    n.min = min;
    n.max = max;
    n.kids = {*node};
    *node = Add(std::move(n));
    return true;
  }

  bool ParseFlagsGroup(Flags* flags, int depth, int* out, bool* flags_only) {
    // At "(?": flags "(?i)", "(?i-s:...)", or a named group "(?P<n>...)" "(?<n>...)".
    pos_ += 2;
    if (p_.compare(pos_, 2, "P<") == 0 || (pos_ < p_.size() && p_[pos_] == '<')) {
      size_t end = p_.find('>', pos_);
      if (end == std::string_view::npos) return Error("invalid named capture");
      size_t begin = p_[pos_] == 'P' ? pos_ + 2 : pos_ + 1;
      std::string_view name = p_.substr(begin, end - begin);
      if (name.empty()) return Error("invalid named capture");
      for (char ch : name)
        if (!IsWordChar(static_cast<unsigned char>(ch))) return Error("invalid named capture");
      pos_ = end + 1;
      Flags inner = *flags;
      return ParseGroupBody(&inner, depth, out);
    }
    Flags f = *flags;
    bool negated = false, any = false;
    while (pos_ < p_.size()) {
      char c = p_[pos_++];
      switch (c) {
        case 'i':
          f.fold = !negated, any = true;
          break;
        case 'm':
          f.multiline = !negated, any = true;
          break;
        case 's':
          f.dot_nl = !negated, any = true;
          break;
        case 'U':
          any = true;
          break;  // ungreedy: the same set of matches
        case '-':
          if (negated) return Error("invalid or unsupported Perl syntax");
          negated = true, any = false;
          break;
        case ')':
          if (!any && negated) return Error("invalid or unsupported Perl syntax");
          *flags = f;
          *flags_only = true;
          return true;
        case ':':
          if (!any && negated) return Error("invalid or unsupported Perl syntax");
          return ParseGroupBody(&f, depth, out);
        default:
          return Error("invalid or unsupported Perl syntax");
      }
    }
    return Error("missing closing )");
  }

  bool ParseGroupBody(Flags* flags, int depth, int* out) {
    if (!ParseAlternation(flags, depth + 1, out)) return false;
    if (pos_ >= p_.size()) return Error("missing closing ): `" + std::string(p_) + "`");
    ++pos_;  // ')'
    return true;
  }

  // Alternatives up to an unmatched ')' or the end. Flags set inside last to the group's end.
  bool ParseAlternation(Flags* flags, int depth, int* out) {
    if (depth > kMaxNesting) return Error("expression nests too deeply");
    RNode alt;
    alt.kind = RNode::kAlt;
    RNode concat;
    concat.kind = RNode::kConcat;
    auto finish_concat = [&]() {
      alt.kids.push_back(Add(std::move(concat)));
      concat = RNode();
      concat.kind = RNode::kConcat;
    };
    while (pos_ < p_.size() && p_[pos_] != ')') {
      char c = p_[pos_];
      int atom = -1;
      if (c == '|') {
        ++pos_;
        finish_concat();
        continue;
      }
      if (c == '*' || c == '+' || c == '?' || (c == '{' && AtRepeat()))
        return Error(std::string("missing argument to repetition operator: `") + c + "`");
      if (c == '(') {
        if (p_.compare(pos_, 2, "(?") == 0) {
          bool flags_only = false;
          if (!ParseFlagsGroup(flags, depth, &atom, &flags_only)) return false;
          if (flags_only) continue;
        } else {
          ++pos_;
          Flags inner = *flags;
          if (!ParseGroupBody(&inner, depth, &atom)) return false;
        }
      } else if (c == '[') {
        if (!ParseClass(*flags, &atom)) return false;
      } else if (c == '.') {
        ++pos_;
        atom = AddClass(flags->dot_nl ? Ranges{{0, kMaxRune}} : Ranges{{0, 9}, {11, kMaxRune}});
      } else if (c == '^' || c == '$') {
        ++pos_;
        RNode n;
        n.kind = RNode::kAssert;
        n.assertion = c == '^' ? (flags->multiline ? Regex::kBeginLine : Regex::kBeginText)
                               : (flags->multiline ? Regex::kEndLine : Regex::kEndText);
        atom = Add(std::move(n));
      } else if (c == '\\') {
        if (!ParseBackslashAtom(*flags, &concat, &atom)) return false;
        if (atom < 0) continue;  // \Q...\E appended its literals
      } else {
        uint32_t r;
        if (!NextRune(&r)) return false;
        Ranges cls;
        if (!AddItem(*flags, r, r, &cls)) return false;
        atom = AddClass(std::move(cls));
      }
      if (!ParseRepeat(&atom)) return false;
      concat.kids.push_back(atom);
    }
    finish_concat();
    *out = alt.kids.size() == 1 ? alt.kids[0] : Add(std::move(alt));
    return true;
  }

  bool ParseBackslashAtom(const Flags& flags, RNode* concat, int* atom) {
    if (pos_ + 1 < p_.size()) {
      char e = p_[pos_ + 1];
      static const std::string_view kAssertions = "AzbB";
      if (kAssertions.find(e) != std::string_view::npos) {
        pos_ += 2;
        RNode n;
        n.kind = RNode::kAssert;
        n.assertion = e == 'A'   ? Regex::kBeginText
                      : e == 'z' ? Regex::kEndText
                      : e == 'b' ? Regex::kWordBoundary
                                 : Regex::kNotWordBoundary;
        *atom = Add(std::move(n));
        return true;
      }
      if (e == 'Q') {  // literal text up to \E
        pos_ += 2;
        size_t end = p_.find("\\E", pos_);
        std::string_view lit = p_.substr(pos_, end == std::string_view::npos ? end : end - pos_);
        size_t stop = pos_ + lit.size();
        while (pos_ < stop) {
          uint32_t r;
          if (!NextRune(&r)) return false;
          Ranges cls;
          if (!AddItem(flags, r, r, &cls)) return false;
          int a = AddClass(std::move(cls));
          // A repetition after \Q...\E applies to its last character.
          if (pos_ == stop && end != std::string_view::npos) {
            pos_ += 2;
            if (!ParseRepeat(&a)) return false;
          }
          concat->kids.push_back(a);
        }
        if (lit.empty() && end != std::string_view::npos) pos_ += 2;
        *atom = -1;
        return true;
      }
      if (e == 'C') return Error("\\C is unsupported");
    }
    ++pos_;
    uint32_t r = 0;
    Ranges cls;
    if (!ParseEscape(flags, &r, &cls)) return false;
    if (cls.empty() && !AddItem(flags, r, r, &cls)) return false;
    *atom = AddClass(std::move(cls));
    return true;
  }

  // The work of compiling node n: the instructions it compiles to, plus one per node (so that
  // repeated empty groups count too), saturating above the limit.
  int64_t Size(int n) const {
    const RNode& node = nodes_[n];
    auto cap = [](int64_t v) { return std::min(v, kMaxInsts + 1); };
    switch (node.kind) {
      case RNode::kClass:
      case RNode::kAssert:
      case RNode::kEmpty:
        return 1;
      case RNode::kConcat:
      case RNode::kAlt: {
        int64_t total = 1 + 2 * static_cast<int64_t>(node.kids.size());
        for (int k : node.kids) total = cap(total + Size(k));
        return total;
      }
      case RNode::kRepeat: {
        int64_t s = Size(node.kids[0]);
        if (node.max < 0) return cap(1 + node.min * s + s + 2);
        return cap(1 + node.min * s + (node.max - node.min) * (s + 1));
      }
    }
    return 0;
  }

  int32_t Here() const { return static_cast<int32_t>(re_->insts_.size()); }

  int32_t Push(Regex::Inst::Kind kind) {
    Regex::Inst inst;
    inst.kind = kind;
    re_->insts_.push_back(inst);
    return Here() - 1;
  }

  void Emit(int n) {
    const RNode& node = nodes_[n];
    switch (node.kind) {
      case RNode::kEmpty:
        return;
      case RNode::kClass: {
        int32_t pc = Push(Regex::Inst::kClass);
        re_->insts_[pc].x = static_cast<int32_t>(re_->ranges_.size());
        re_->ranges_.insert(re_->ranges_.end(), node.ranges.begin(), node.ranges.end());
        re_->insts_[pc].y = static_cast<int32_t>(re_->ranges_.size());
        return;
      }
      case RNode::kAssert:
        re_->insts_[Push(Regex::Inst::kAssert)].assertion = node.assertion;
        return;
      case RNode::kConcat:
        for (int k : node.kids) Emit(k);
        return;
      case RNode::kAlt: {
        std::vector<int32_t> jumps;
        for (size_t k = 0; k < node.kids.size(); ++k) {
          if (k + 1 == node.kids.size()) {
            Emit(node.kids[k]);
            break;
          }
          int32_t split = Push(Regex::Inst::kSplit);
          re_->insts_[split].x = Here();
          Emit(node.kids[k]);
          jumps.push_back(Push(Regex::Inst::kJmp));
          re_->insts_[split].y = Here();
        }
        for (int32_t j : jumps) re_->insts_[j].x = Here();
        return;
      }
      case RNode::kRepeat: {
        for (int k = 0; k < node.min; ++k) Emit(node.kids[0]);
        if (node.max < 0) {  // L: split(body, out); body; jmp L
          int32_t split = Push(Regex::Inst::kSplit);
          re_->insts_[split].x = Here();
          Emit(node.kids[0]);
          re_->insts_[Push(Regex::Inst::kJmp)].x = split;
          re_->insts_[split].y = Here();
          return;
        }
        std::vector<int32_t> splits;  // each optional copy may be skipped to the end
        for (int k = node.min; k < node.max; ++k) {
          int32_t split = Push(Regex::Inst::kSplit);
          re_->insts_[split].x = Here();
          splits.push_back(split);
          Emit(node.kids[0]);
        }
        for (int32_t s : splits) re_->insts_[s].y = Here();
        return;
      }
    }
  }

  std::string_view p_;
  size_t pos_ = 0;
  std::string err_;
  std::vector<RNode> nodes_;
  std::unique_ptr<Regex> re_;
};

std::unique_ptr<Regex> Regex::Compile(std::string_view pattern, std::string* error) {
  return RegexCompiler(pattern).Run(error);
}

namespace {

// The NFA's current states, with O(1) clear and membership.
struct ThreadList {
  std::vector<int32_t> pcs;
  std::vector<uint32_t> mark;
  uint32_t gen = 1;
  explicit ThreadList(size_t n) : mark(n, 0) { pcs.reserve(n); }
  void Clear() {
    pcs.clear();
    ++gen;
  }
  bool Insert(int32_t pc) {
    if (mark[pc] == gen) return false;
    mark[pc] = gen;
    pcs.push_back(pc);
    return true;
  }
};

// The code point at text[pos] (U+FFFD for a bad byte, as Go decodes), or -1 at the end.
int32_t RuneAt(std::string_view text, size_t pos, size_t* width) {
  if (pos >= text.size()) {
    *width = 0;
    return -1;
  }
  auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  Utf8Char c = DecodeUtf8(s, text.size() - pos);
  if (c.status != Utf8Status::kOk) {
    *width = 1;
    return 0xFFFD;
  }
  *width = c.width;
  return static_cast<int32_t>(c.code_point);
}

}  // namespace

bool Regex::Search(std::string_view text) const {
  const size_t n = insts_.size();
  ThreadList current(n), next(n);
  std::vector<int32_t> stack;
  stack.reserve(n);
  // Adds pc and the states reachable from it without reading, at a position between the code
  // points prev and cur; true when one is the match.
  auto add = [&](ThreadList* list, int32_t pc, int32_t prev, int32_t cur) {
    stack.push_back(pc);
    while (!stack.empty()) {
      int32_t p = stack.back();
      stack.pop_back();
      if (!list->Insert(p)) continue;
      const Inst& inst = insts_[p];
      switch (inst.kind) {
        case Inst::kMatch:
          stack.clear();
          return true;
        case Inst::kJmp:
          stack.push_back(inst.x);
          break;
        case Inst::kSplit:
          stack.push_back(inst.y);
          stack.push_back(inst.x);
          break;
        case Inst::kAssert: {
          bool holds = false;
          switch (inst.assertion) {
            case kBeginText:
              holds = prev < 0;
              break;
            case kEndText:
              holds = cur < 0;
              break;
            case kBeginLine:
              holds = prev < 0 || prev == '\n';
              break;
            case kEndLine:
              holds = cur < 0 || cur == '\n';
              break;
            case kWordBoundary:
              holds = IsWordChar(prev) != IsWordChar(cur);
              break;
            case kNotWordBoundary:
              holds = IsWordChar(prev) == IsWordChar(cur);
              break;
          }
          if (holds) stack.push_back(p + 1);
          break;
        }
        case Inst::kClass:
          break;
      }
    }
    return false;
  };
  size_t pos = 0, width = 0;
  int32_t prev = -1;
  int32_t cur = RuneAt(text, 0, &width);
  while (true) {
    if (add(&current, 0, prev, cur)) return true;  // a match may start here
    if (cur < 0) return false;
    size_t next_width = 0;
    int32_t after = RuneAt(text, pos + width, &next_width);
    next.Clear();
    for (int32_t pc : current.pcs) {
      const Inst& inst = insts_[pc];
      if (inst.kind != Inst::kClass) continue;
      auto first = ranges_.begin() + inst.x, last = ranges_.begin() + inst.y;
      auto it = std::upper_bound(first, last, std::make_pair(static_cast<uint32_t>(cur), kMaxRune));
      if (it != first && (it - 1)->second >= static_cast<uint32_t>(cur) &&
          add(&next, pc + 1, cur, after))
        return true;
    }
    std::swap(current, next);
    pos += width;
    width = next_width;
    prev = cur;
    cur = after;
  }
}

}  // namespace thv::cel
