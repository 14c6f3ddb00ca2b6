#include "core/json_parse.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <iterator>
#include <vector>

#include "core/json_text.h"
#include "core/utf8.h"

namespace thv {

namespace {

// Go allows 10000 (encoding/json maxNestingDepth); thv-render stops at 1000 because decoded
// values are freed and written recursively, and 10000 levels overflow a sanitizer build.
constexpr int kMaxDepth = 1000;

constexpr char kReplacement[] = "\xEF\xBF\xBD";

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Go's quoteChar: the byte as a rune (so 0xEF prints as 'ï'), single-quoted.
std::string QuoteChar(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string s;
  EncodeUtf8(c, &s);
  return GoQuoteSingle(s);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Parser {
  // An open container: its elements collect in the scratch vector of its depth. Elements of
  // deeper containers live in deeper scratch vectors, so pointers into this one stay valid.
  struct Open {
    Value* value;
    std::vector<Member>* members;  // objects
    std::vector<Value>* items;     // arrays
  };

 public:
  explicit Parser(std::string_view text) : t_(text) {}

  bool Parse(Value* out, JsonSyntaxError* err) {
    SkipWs();
    bool ok = ParseValue(out);
    if (ok) {
      SkipWs();
      if (p_ < t_.size()) ok = FailChar("after top-level value");
    }
    if (!ok && err) {
      err->offset = error_offset_;
      err->mark = MarkAt(t_, error_pos_);
      err->message = error_;
    }
    return ok;
  }

 private:
  // Go's offset counts the offending byte; the mark points at it.
  bool Fail(size_t pos, size_t go_offset, std::string msg) {
    error_pos_ = pos;
    error_offset_ = go_offset;
    error_ = std::move(msg);
    return false;
  }
  // Go reports the offending byte with the scanner state's context, or EOF.
  bool FailChar(const char* context) {
    if (p_ >= t_.size()) return Fail(t_.size(), t_.size(), "unexpected end of JSON input");
    return Fail(p_, p_ + 1, "invalid character " + QuoteChar(t_[p_]) + " " + context);
  }

  Mark Here() {
    // Columns are counted incrementally: positions are requested in increasing order.
    if (col_pos_ < line_start_) {
      col_pos_ = line_start_;
      col_ = 1;
    }
    for (; col_pos_ < p_; ++col_pos_) {
      if ((static_cast<unsigned char>(t_[col_pos_]) & 0xC0) != 0x80) ++col_;
    }
    return Mark{line_, col_};
  }

  void SkipWs() {
    while (p_ < t_.size()) {
      char c = t_[p_];
      if (c == '\n') {
        ++line_;
        line_start_ = p_ + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++p_;
    }
  }

  // One value: scalars directly, containers through an explicit stack of open containers, so
  // 10000 levels (Go's limit) cost no native stack even in sanitizer builds.
  bool ParseValue(Value* root) {
    Value* target = root;
    while (true) {
      if (!StartValue(target)) return false;
      if (target->IsMapping() || target->IsSequence()) {
        if (!OpenContainer(target, &target)) return false;
        if (target) continue;  // the first member or item goes there
      }
      // A value is complete: close containers or move to the next element.
      while (true) {
        if (open_.empty()) return true;
        Open& o = open_.back();
        SkipWs();
        if (p_ < t_.size() && t_[p_] == ',') {
          ++p_;
          SkipWs();
          if (!NextElement(&o, &target)) return false;
          break;
        }
        if (p_ < t_.size() && t_[p_] == (o.members ? '}' : ']')) {
          ++p_;
          if (o.members) {
            Commit(o.members, &o.value->members);
          } else {
            Commit(o.items, &o.value->items);
          }
          open_.pop_back();
          continue;
        }
        return FailChar(o.members ? "after object key:value pair" : "after array element");
      }
    }
  }

  // Scalars are read whole; for '{' and '[' only the type is set and the bracket consumed.
  bool StartValue(Value* v) {
    if (p_ >= t_.size()) return FailChar("looking for beginning of value");
    v->mark = Here();
    char c = t_[p_];
    if (c == '{' || c == '[') {
      if (open_.size() + 1 > kMaxDepth) return FailChar("exceeded max depth");
      ++p_;
      v->type = c == '{' ? Value::Type::kMapping : Value::Type::kSequence;
      return true;
    }
    if (c == '"') {
      v->type = Value::Type::kString;
      return ParseString(&v->text);
    }
    if (c == '-' || IsDigit(c)) return ParseNumber(v);
    if (c == 't') return ParseLiteral("true", Value::Type::kBool, v);
    if (c == 'f') return ParseLiteral("false", Value::Type::kBool, v);
    if (c == 'n') return ParseLiteral("null", Value::Type::kNull, v);
    return FailChar("looking for beginning of value");
  }

  // Pushes container v; *next is where its first element goes, or null when it is empty.
  bool OpenContainer(Value* v, Value** next) {
    int depth = static_cast<int>(open_.size()) + 1;
    bool object = v->IsMapping();
    open_.push_back(Open{v, object ? &Scratch(&member_scratch_, depth) : nullptr,
                         object ? nullptr : &Scratch(&item_scratch_, depth)});
    SkipWs();
    if (p_ < t_.size() && t_[p_] == (object ? '}' : ']')) {
      ++p_;
      open_.pop_back();
      *next = nullptr;
      return true;
    }
    return NextElement(&open_.back(), next);
  }

  // Starts the next member (reading its key and ':') or item of an open container.
  bool NextElement(Open* o, Value** next) {
    if (!o->members) {
      o->items->emplace_back();
      *next = &o->items->back();
      return true;
    }
    if (p_ >= t_.size() || t_[p_] != '"') {
      return FailChar("looking for beginning of object key string");
    }
    o->members->emplace_back();
    Member& m = o->members->back();
    m.key_mark = Here();
    if (!ParseString(&m.key)) return false;
    SkipWs();
    if (p_ >= t_.size() || t_[p_] != ':') return FailChar("after object key");
    ++p_;
    SkipWs();
    *next = &m.value;
    return true;
  }

  bool ParseLiteral(const char* word, Value::Type type, Value* v) {
    size_t start = p_++;
    for (const char* w = word + 1; *w; ++w, ++p_) {
      if (p_ >= t_.size() || t_[p_] != *w) {
        std::string ctx = std::string("in literal ") + word + " (expecting '" + *w + "')";
        return FailChar(ctx.c_str());
      }
    }
    v->type = type;
    if (type == Value::Type::kBool) v->text.assign(t_.substr(start, p_ - start));
    return true;
  }

  bool ParseNumber(Value* v) {
    size_t start = p_;
    bool is_float = false;
    if (t_[p_] == '-') {
      ++p_;
      if (p_ >= t_.size() || !IsDigit(t_[p_])) return FailChar("in numeric literal");
    }
    if (t_[p_] == '0') {
      ++p_;
    } else {
      while (p_ < t_.size() && IsDigit(t_[p_])) ++p_;
    }
    if (p_ < t_.size() && t_[p_] == '.') {
      is_float = true;
      ++p_;
      if (p_ >= t_.size() || !IsDigit(t_[p_])) {
        return FailChar("after decimal point in numeric literal");
      }
      while (p_ < t_.size() && IsDigit(t_[p_])) ++p_;
    }
    if (p_ < t_.size() && (t_[p_] == 'e' || t_[p_] == 'E')) {
      is_float = true;
      ++p_;
      if (p_ < t_.size() && (t_[p_] == '+' || t_[p_] == '-')) ++p_;
      if (p_ >= t_.size() || !IsDigit(t_[p_])) return FailChar("in exponent of numeric literal");
      while (p_ < t_.size() && IsDigit(t_[p_])) ++p_;
    }
    v->type = is_float ? Value::Type::kFloat : Value::Type::kInt;
    v->text.assign(t_.substr(start, p_ - start));
    return true;
  }

  // Reads 4 hex digits at p_ (after "\u"); -1 and an error when malformed.
  int32_t ReadHex4() {
    int32_t r = 0;
    for (int i = 0; i < 4; ++i, ++p_) {
      int h = p_ < t_.size() ? HexVal(t_[p_]) : -1;
      if (h < 0) {
        FailChar("in \\u hexadecimal character escape");
        return -1;
      }
      r = r * 16 + h;
    }
    return r;
  }

  bool ParseString(std::string* out) {
    ++p_;  // opening quote
    while (true) {
      size_t run = p_;
      while (p_ < t_.size()) {
        unsigned char c = static_cast<unsigned char>(t_[p_]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      out->append(t_.data() + run, p_ - run);
      if (p_ >= t_.size()) return FailChar("in string literal");
      unsigned char c = static_cast<unsigned char>(t_[p_]);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return FailChar("in string literal");
      if (c >= 0x80) {
        int n = Utf8SequenceLength(t_, p_);
        if (n == 0) {
          out->append(kReplacement);
          ++p_;
        } else {
          out->append(t_.data() + p_, n);
          p_ += n;
        }
        continue;
      }
      if (!ParseEscape(out)) return false;
    }
  }

  bool ParseEscape(std::string* out) {
    ++p_;  // backslash
    if (p_ >= t_.size()) return FailChar("in string escape code");
    char e = t_[p_++];
    if (e != 'u') {
      // Simple escapes: each character of kEscaped stands for the one at the same index.
      static const char kEscaped[] = "\"\\/bfnrt", kMeaning[] = "\"\\/\b\f\n\r\t";
      const char* hit = e ? std::strchr(kEscaped, e) : nullptr;
      if (!hit) {
        --p_;
        return FailChar("in string escape code");
      }
      out->push_back(kMeaning[hit - kEscaped]);
      return true;
    }
    int32_t r = ReadHex4();
    if (r < 0) return false;
    if (r >= 0xD800 && r < 0xE000) {
      // A high surrogate followed by "\u" + low surrogate forms a pair; anything else is
      // U+FFFD and the following escape is read on its own (Go's unquote).
      if (r < 0xDC00 && p_ + 6 <= t_.size() && t_[p_] == '\\' && t_[p_ + 1] == 'u') {
        int32_t lo = 0;
        bool hex = true;
        for (int i = 0; i < 4; ++i) {
          int h = HexVal(t_[p_ + 2 + i]);
          if (h < 0) hex = false;
          lo = lo * 16 + h;
        }
        if (hex && lo >= 0xDC00 && lo < 0xE000) {
          p_ += 6;
          EncodeUtf8(0x10000 + ((r - 0xD800) << 10) + (lo - 0xDC00), out);
          return true;
        }
      }
      out->append(kReplacement);
      return true;
    }
    EncodeUtf8(static_cast<uint32_t>(r), out);
    return true;
  }

  // Members and items collect in per-depth scratch vectors that keep their capacity, then move
  // into an exactly sized vector: large documents then allocate once per container.
  template <typename T>
  static std::vector<T>& Scratch(std::deque<std::vector<T>>* stacks, int depth) {
    if (stacks->size() <= static_cast<size_t>(depth)) stacks->resize(depth + 1);
    std::vector<T>& s = (*stacks)[depth];
    s.clear();
    return s;
  }

  template <typename T>
  static void Commit(std::vector<T>* scratch, std::vector<T>* out) {
    out->reserve(scratch->size());
    std::move(scratch->begin(), scratch->end(), std::back_inserter(*out));
    scratch->clear();
  }

  std::string_view t_;
  size_t p_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  size_t col_pos_ = 0;
  int col_ = 1;
  // deques: growing them keeps references to shallower levels' scratch valid
  std::deque<std::vector<Member>> member_scratch_;
  std::deque<std::vector<Value>> item_scratch_;
  std::vector<Open> open_;
  std::string error_;
  size_t error_pos_ = 0;
  size_t error_offset_ = 0;
};

bool PlainKey(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' ||
              c == '-' || c == '$';
    if (!ok) return false;
  }
  return true;
}

void AppendPath(const JsonPath& p, bool pointer, std::string* out) {
  if (p.parent) AppendPath(*p.parent, pointer, out);
  if (p.kind == JsonPath::Kind::kRoot) return;
  if (pointer) {
    out->push_back('/');
    if (p.kind == JsonPath::Kind::kIndex) {
      out->append(std::to_string(p.index));
      return;
    }
    for (char c : p.key) {
      if (c == '~') {
        out->append("~0");
      } else if (c == '/') {
        out->append("~1");
      } else {
        out->push_back(c);
      }
    }
    return;
  }
  if (p.kind == JsonPath::Kind::kIndex) {
    out->append("[" + std::to_string(p.index) + "]");
  } else if (PlainKey(p.key)) {
    if (!out->empty()) out->push_back('.');
    out->append(p.key);
  } else {
    out->push_back('[');
    AppendGoString(p.key, out);
    out->push_back(']');
  }
}

}  // namespace

bool ParseJson(std::string_view text, Value* out, JsonSyntaxError* err) {
  *out = Value();
  return Parser(text).Parse(out, err);
}

bool ParseJsonDocument(std::string_view text, const std::string& file, const std::string& prefix,
                       Value* out, Diagnostics* diags) {
  JsonSyntaxError err;
  if (ParseJson(text, out, &err)) return true;
  if (diags) diags->Error(file, err.mark, "", prefix + err.message);
  return false;
}

Mark MarkAt(std::string_view text, size_t offset) {
  Mark m{1, 1};
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++m.line;
      m.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++m.column;
    }
  }
  return m;
}

std::string FormatJsonPath(const JsonPath& path) {
  std::string out;
  AppendPath(path, false, &out);
  return out;
}

std::string FormatJsonPointer(const JsonPath& path) {
  std::string out;
  AppendPath(path, true, &out);
  return out;
}

}  // namespace thv
