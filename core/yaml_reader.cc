#include "core/yaml_reader.h"

#include "core/yaml_input.h"
#include "core/yaml_scalars.h"
#include "core/yaml_subset_parser.h"
#include "core/yaml_tags.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace thv {
namespace {

constexpr const char kTagPrefix[] = "tag:yaml.org,2002:";

}  // namespace

namespace {

struct ReadAbort {};

// Reads from the caller's buffer without copying it into an istringstream.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(const std::string& s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

struct TabLine {
  int tab_col;    // 0-based column of the first tab
  int token_col;  // 0-based column of the first non-blank character
};

struct Anchored {
  bool set = false;
  Value value;
  size_t nodes = 0;
  size_t depth = 0;
};

void Measure(const Value& v, size_t depth, size_t* nodes, size_t* max_depth) {
  ++*nodes;
  if (depth > *max_depth) *max_depth = depth;
  for (const Value& i : v.items) Measure(i, depth + 1, nodes, max_depth);
  for (const Member& m : v.members) Measure(m.value, depth + 1, nodes, max_depth);
}

class Builder : public YAML::EventHandler {
 public:
  Builder(const std::string& file, const std::string& text, const ReadLimits& limits,
          std::vector<Value>* docs, Diagnostics* diags)
      : file_(file), text_(text), limits_(limits), docs_(docs), diags_(diags) {
    if (text_.find('\t') != std::string::npos) ScanTabs();  // most inputs have none
  }

  bool failed() const { return failed_; }

  void OnDocumentStart(const YAML::Mark&) override {
    root_ = Value();
    stack_.clear();
    anchors_.clear();
    expanded_ = 0;
    flow_depth_ = 0;
  }

  void OnDocumentEnd() override {
    if (!failed_ && !root_.IsNull()) docs_->push_back(std::move(root_));
    root_ = Value();
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckTab(mark);
    Value v;
    v.mark = ToMark(mark);
    // An empty node's mark points at whatever follows it; pin it to its key instead.
    size_t pos = static_cast<size_t>(mark.pos);
    bool written = pos < text_.size() && std::string("~nN&!").find(text_[pos]) != std::string::npos;
    if (!written && !stack_.empty() && stack_.back().has_key) v.mark = stack_.back().key_mark;
    Emit(std::move(v), anchor, false);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckTab(mark);
    if (anchor >= anchors_.size() || !anchors_[anchor].set) {
      Fatal(ToMark(mark), "alias refers to an anchor that is not complete");
    }
    const Anchored& a = anchors_[anchor];
    expanded_ += a.nodes;
    if (expanded_ > limits_.max_alias_expansion) {
      Fatal(ToMark(mark),
            "alias expansion exceeds " + std::to_string(limits_.max_alias_expansion) + " nodes");
    }
    if (stack_.size() + a.depth > limits_.max_depth) DepthError(mark);
    Value v = a.value;
    v.mark = ToMark(mark);
    Emit(std::move(v), 0, false);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckTab(mark);
    const Mark m = ToMark(mark);
    bool merge = false;
    Value v = ScalarValue(tag, value, m, static_cast<size_t>(mark.pos), &merge);
    v.mark = m;
    Emit(std::move(v), anchor, merge);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    CheckTagHandle(tag, ToMark(mark));  // go-yaml v2 ignores other tags on collections
    Push(mark, anchor, style, Value::Sequence());
  }
  void OnSequenceEnd() override { Pop(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    CheckTagHandle(tag, ToMark(mark));
    Push(mark, anchor, style, Value::Mapping());
  }
  void OnMapEnd() override { Pop(); }

  void ReportParserError(const YAML::ParserException& e) {
    Mark m;
    if (!e.mark.is_null()) m = ToMark(e.mark);
    auto tab = tabs_.find(e.mark.line);
    if (!e.mark.is_null() && tab != tabs_.end()) {
      Error(Mark{e.mark.line + 1, tab->second.tab_col + 1}, "tab character used for indentation");
      return;
    }
    if (e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
      Error(m, "unknown alias \"" + AliasNameAt(static_cast<size_t>(e.mark.pos)) + "\"");
      return;
    }
    Error(m, "YAML syntax error: " + e.msg);
  }

 private:
  struct Frame {
    Value node;
    YAML::anchor_t anchor = 0;
    bool flow = false;
    bool has_key = false;
    bool key_is_merge = false;
    bool indexed = false;
    std::string key;
    Mark key_mark;
    std::vector<std::pair<size_t, Value>> merges;  // member index where "<<" stood, its value
    std::unordered_map<std::string, int> index;    // key -> line, once the mapping is large
  };

  static Mark ToMark(const YAML::Mark& m) { return Mark{m.line + 1, m.column + 1}; }

  void Error(Mark m, std::string msg) {
    failed_ = true;
    diags_->Error(file_, m, "", std::move(msg));
  }
  [[noreturn]] void Fatal(Mark m, std::string msg) {
    Error(m, std::move(msg));
    throw ReadAbort();
  }
  [[noreturn]] void DepthError(const YAML::Mark& mark) {
    Fatal(ToMark(mark), "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
  }

  std::string AliasNameAt(size_t pos) const {
    if (pos < text_.size() && text_[pos] == '*') ++pos;
    size_t end = pos;
    while (end < text_.size() && std::string(" \t\r\n,[]{}").find(text_[end]) == std::string::npos)
      ++end;
    return text_.substr(pos, end - pos);
  }

  // Records lines whose indentation holds a tab; a token starting such a line is an error.
  void ScanTabs() {
    int line = 0;
    size_t i = 0, n = text_.size();
    while (i < n) {
      size_t j = i;
      int tab_col = -1;
      while (j < n && (text_[j] == ' ' || text_[j] == '\t')) {
        if (text_[j] == '\t' && tab_col < 0) tab_col = static_cast<int>(j - i);
        ++j;
      }
      bool blank = j >= n || text_[j] == '\n' || text_[j] == '\r';
      if (tab_col >= 0 && (blank || text_[j] != '#')) {
        // Blank lines only matter when yaml-cpp rejects them; they start no token.
        tabs_[line] = TabLine{tab_col, blank ? -1 : static_cast<int>(j - i)};
      }
      while (j < n && text_[j] != '\n') ++j;
      i = j + 1;
      ++line;
    }
  }

  void CheckTab(const YAML::Mark& mark) {
    if (tabs_.empty() || flow_depth_ > 0) return;
    auto it = tabs_.find(mark.line);
    if (it != tabs_.end() && it->second.token_col == mark.column) {
      Fatal(Mark{mark.line + 1, it->second.tab_col + 1}, "tab character used for indentation");
    }
  }

  // A scalar's value (returned, not assigned: this runs for every scalar).
  Value ScalarValue(const std::string& tag, const std::string& value, Mark m, size_t pos,
                    bool* merge) {
    if (const char* key = SpecialFloatKey(value);
        key && (tag == "?" || tag == std::string(kTagPrefix) + "float")) {
      if (!AtKey()) {
        Error(m, "\"" + value + "\" is " + (key[1] == 'n' ? "NaN" : "an infinite float") +
                     ", which JSON cannot hold: kubectl refuses it; quote it to mean the string");
      }
      return Value::String(key);
    }
    if (tag == "?") {
      *merge = value == "<<";
      return ResolvePlainScalar(value);
    }
    if (tag.compare(0, sizeof(kTagPrefix) - 1, kTagPrefix) == 0) {
      return ResolveTagged(tag.substr(sizeof(kTagPrefix) - 1), value, m, merge);
    }
    // Quoted and block scalars, and local tags, which go-yaml does not resolve. A "!" written
    // out makes even a quoted "<<" a merge key to go-yaml (it counts as untagged plain).
    CheckTagHandle(tag, m);
    *merge = tag == "!" && value == "<<" && HasNonSpecificTag(pos);
    return Value::String(value);
  }

  // A scalar with a tag:yaml.org,2002: tag, decoded as go-yaml v2 decodes it into interface{}
  // (resolve.go, decode.go): the tags it resolves must fit the value, !!binary is base64, and the
  // rest (!!str, !!map on a scalar, ...) keep the text.
  Value ResolveTagged(const std::string& tag, const std::string& value, Mark m, bool* merge) {
    if (tag == "merge" && value == "<<") *merge = true;
    if (tag == "binary") {
      std::string bytes, why;
      if (!DecodeGoBase64(value, &bytes, &why)) {
        Error(m, "!!binary value is not valid base64: " + why);
        return Value::String(value);
      }
      return Value::String(GoJsonString(bytes));  // what json.Marshal makes of the bytes
    }
    if (tag == "timestamp") {
      if (!IsGoYamlTimestamp(value)) TagMismatch(m, value, tag, ResolvePlainScalar(value));
      return Value::String(value);  // go-yaml hands timestamps to interface{} as their text
    }
    if (tag != "null" && tag != "bool" && tag != "int" && tag != "float") {
      return Value::String(value);
    }
    Value r = ResolvePlainScalar(value);
    // go-yaml turns an int into a float for !!float, but not one only uint64 holds.
    if (tag == "float" && r.IsInt() && !IsAboveInt64(r.text)) {
      std::string f;
      if (YamlFloatText(r.text, &f)) return Value::Number(std::move(f), true);
    }
    bool ok = (tag == "null" && r.IsNull()) || (tag == "bool" && r.IsBool()) ||
              (tag == "int" && r.IsInt()) || (tag == "float" && r.type == Value::Type::kFloat);
    if (ok) return r;
    TagMismatch(m, value, tag, r);
    return Value::String(value);
  }

  // go-yaml's spellings of infinity and NaN, and the key sigs.k8s.io/yaml makes of each (as a
  // value they stop kubectl: "json: unsupported value: +Inf"); null for anything else.
  static const char* SpecialFloatKey(const std::string& s) {
    if (s.size() < 4 || s.size() > 5 || (s[0] != '.' && s[1] != '.')) return nullptr;
    static const std::unordered_map<std::string, const char*> kKeys = {
        {".inf", ".inf"},   {".Inf", ".inf"},  {".INF", ".inf"},   {"+.inf", ".inf"},
        {"+.Inf", ".inf"},  {"+.INF", ".inf"}, {"-.inf", "-.inf"}, {"-.Inf", "-.inf"},
        {"-.INF", "-.inf"}, {".nan", ".nan"},  {".NaN", ".nan"},   {".NAN", ".nan"}};
    auto it = kKeys.find(s);
    return it == kKeys.end() ? nullptr : it->second;
  }

  bool AtKey() const {
    return !stack_.empty() && stack_.back().node.IsMapping() && !stack_.back().has_key;
  }

  void TagMismatch(Mark m, const std::string& value, const std::string& tag, const Value& r) {
    std::string what = r.IsNull()                      ? "null"
                       : r.IsBool()                    ? "a bool"
                       : r.IsInt()                     ? "an int"
                       : r.type == Value::Type::kFloat ? "a float"
                                                       : "a string";
    if (r.IsInt() && tag == "float") what = "an int too large for int64";
    Error(m, "cannot decode \"" + value + "\" as !!" + tag + ": it reads as " + what);
  }

  static bool IsAboveInt64(const std::string& decimal) {
    static const std::string kMax = "9223372036854775807";
    return decimal[0] != '-' &&
           (decimal.size() > kMax.size() || (decimal.size() == kMax.size() && decimal > kMax));
  }

  // yaml-cpp passes a named handle it has no %TAG for through as written ("!e!foo"); go-yaml
  // refuses it.
  void CheckTagHandle(const std::string& tag, Mark m) {
    if (tag.size() > 2 && tag[0] == '!') CheckNamedHandle(tag, m);
  }
  void CheckNamedHandle(const std::string& tag, Mark m) {
    size_t k = 1;
    while (k < tag.size() && (isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '-')) ++k;
    if (k > 1 && k < tag.size() && tag[k] == '!') {
      Fatal(m, "undefined tag handle \"" + tag.substr(0, k + 1) +
                   "\" (declare it with a %TAG directive, or use !name or !!name)");
    }
  }

  // Whether the node properties at pos (anchor and tag, in either order) hold a bare "!".
  bool HasNonSpecificTag(size_t pos) const {
    for (int property = 0; property < 2 && pos < text_.size(); ++property) {
      size_t end = pos;
      while (end < text_.size() && !isspace(static_cast<unsigned char>(text_[end]))) ++end;
      if (text_[pos] == '!' && end == pos + 1) return true;
      if (text_[pos] != '&' && text_[pos] != '!') return false;
      pos = end;
      while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
    }
    return false;
  }

  void Push(const YAML::Mark& mark, YAML::anchor_t anchor, YAML::EmitterStyle::value style,
            Value node) {
    CheckTab(mark);
    if (stack_.size() + 1 > limits_.max_depth) DepthError(mark);
    node.mark = ToMark(mark);
    stack_.emplace_back();
    Frame& f = stack_.back();
    f.node = std::move(node);
    f.anchor = anchor;
    f.flow = style == YAML::EmitterStyle::Flow;
    if (f.flow) ++flow_depth_;
  }

  void Pop() {
    Frame& f = stack_.back();
    if (f.flow) --flow_depth_;
    if (!f.merges.empty()) ApplyMerges(&f);
    Value node = std::move(f.node);
    YAML::anchor_t anchor = f.anchor;
    stack_.pop_back();
    Emit(std::move(node), anchor, false);
  }

  void Emit(Value v, YAML::anchor_t anchor, bool merge_key) {
    if (anchor != 0) Remember(anchor, v);
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    Frame& f = stack_.back();
    if (f.node.IsSequence()) {
      f.node.items.push_back(std::move(v));
    } else if (!f.has_key) {
      SetKey(&f, std::move(v), merge_key);
    } else {
      f.has_key = false;
      if (f.key_is_merge) {
        f.merges.emplace_back(f.node.members.size(), std::move(v));
      } else {
        f.node.members.push_back(Member{std::move(f.key), f.key_mark, std::move(v)});
      }
    }
  }

  void Remember(YAML::anchor_t anchor, const Value& v) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    Anchored& a = anchors_[anchor];
    a.set = true;
    a.value = v;
    a.nodes = 0;
    a.depth = 0;
    Measure(v, 0, &a.nodes, &a.depth);
  }

  void SetKey(Frame* f, Value k, bool merge_key) {
    if (!k.IsScalar()) Fatal(k.mark, "mapping key must be a scalar");
    f->has_key = true;
    f->key_is_merge = merge_key;
    f->key_mark = k.mark;
    f->key = k.IsNull() ? "null" : std::move(k.text);
    if (merge_key) return;
    int first_line = -1;
    auto& members = f->node.members;
    if (!f->indexed && members.size() < 16) {
      for (const Member& m : members) {
        if (m.key == f->key) {
          first_line = m.key_mark.line;
          break;
        }
      }
    } else {
      if (!f->indexed) {
        for (const Member& m : members) f->index.emplace(m.key, m.key_mark.line);
        f->indexed = true;
      }
      auto [it, inserted] = f->index.emplace(f->key, f->key_mark.line);
      if (!inserted) first_line = it->second;
    }
    if (first_line >= 0) {
      Error(f->key_mark, "duplicate key \"" + f->key + "\" (first defined on line " +
                             std::to_string(first_line) + ")");
    }
  }

  // "<<" merges like go-yaml: keys written in the mapping win, then earlier merged maps.
  void ApplyMerges(Frame* f) {
    std::unordered_set<std::string> seen;
    for (const Member& m : f->node.members) seen.insert(m.key);
    std::vector<Member> out;
    size_t next = 0;
    auto add_from = [&](const Value& src) {
      for (const Member& m : src.members)
        if (seen.insert(m.key).second) out.push_back(m);
    };
    for (auto& [pos, value] : f->merges) {
      while (next < pos) out.push_back(std::move(f->node.members[next++]));
      bool ok = value.IsMapping();
      if (value.IsSequence()) {
        ok = true;
        for (const Value& item : value.items) ok = ok && item.IsMapping();
      }
      if (!ok) Fatal(value.mark, "map merge requires map or sequence of maps as the value");
      if (value.IsMapping()) add_from(value);
      for (const Value& item : value.items) add_from(item);
    }
    while (next < f->node.members.size()) out.push_back(std::move(f->node.members[next++]));
    f->node.members = std::move(out);
  }

  const std::string& file_;
  const std::string& text_;
  const ReadLimits& limits_;
  std::vector<Value>* docs_;
  Diagnostics* diags_;
  std::unordered_map<int, TabLine> tabs_;  // by 0-based line
  std::vector<Frame> stack_;
  std::vector<Anchored> anchors_;
  Value root_;
  size_t expanded_ = 0;
  int flow_depth_ = 0;
  bool failed_ = false;
};

}  // namespace

namespace {

// One parse on its own thread, owning everything it touches, so the caller can give up on it.
struct ParseJob {
  std::string file, text;
  ReadLimits limits;
  std::vector<Value> docs;
  Diagnostics diags;
  bool ok = false;
  bool done = false;
  std::mutex mutex;
  std::condition_variable finished;
};

// yaml-cpp 0.7 loops forever when a ',' starts a token outside any flow collection: at the
// start of a line, or right after a quoted scalar or a closed [...] / {...} (fuzzing found `,`,
// `"",` and `- a\n,`). That is invalid YAML, so it is rejected here, with its position, before
// yaml-cpp sees it. Plain scalars may contain commas, quotes and brackets; block scalar bodies
// are skipped.
Mark StrayComma(const std::string& text) {
  int depth = 0, line = 1, col = 0, indent = 0;
  int block_indent = -1;  // lines indented more than this are a block scalar's body
  char quote = 0;
  char last = '\n';         // last non-blank character outside quotes ('\n' at a line start)
  bool after_token = true;  // nothing since the line start, a closing quote or a closed flow
  size_t line_start = 0;
  bool in_indent = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      // A line ending in | or > (with chomping or indentation indicators) opens a block scalar.
      std::string content = text.substr(line_start, i - line_start);
      size_t comment = content.find(" #");
      if (comment != std::string::npos) content.resize(comment);
      while (!content.empty() && (content.back() == ' ' || content.back() == '\r'))
        content.pop_back();
      size_t k = content.size();
      while (k > 0 && (content[k - 1] == '-' || content[k - 1] == '+' || isdigit(content[k - 1])))
        --k;
      if (quote == 0 && depth == 0 && k > 0 && (content[k - 1] == '|' || content[k - 1] == '>') &&
          (k == 1 || content[k - 2] == ' '))
        block_indent = indent;
      ++line, col = 0, indent = 0, line_start = i + 1, in_indent = true;
      if (quote == 0) last = '\n', after_token = true;
      continue;
    }
    ++col;
    if (in_indent) {
      if (c == ' ') {
        indent = col;
        continue;
      }
      in_indent = false;
      if (block_indent >= 0 && indent > block_indent) {  // skip a block scalar body line
        size_t eol = text.find('\n', i);
        if (eol == std::string::npos) break;
        col += static_cast<int>(eol - i) - 1;
        i = eol - 1;
        continue;
      }
      block_indent = -1;
    }
    if (quote) {
      if (c == '\\' && quote == '"') {
        ++i, ++col;
      } else if (c == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i, ++col;
      } else if (c == quote) {
        quote = 0;
        last = c;
        after_token = depth == 0;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      size_t eol = text.find('\n', i);
      if (eol == std::string::npos) break;
      col += static_cast<int>(eol - i) - 1;
      i = eol - 1;
      continue;
    }
    if (c == ',' && depth == 0 && after_token) return Mark{line, col};
    after_token = false;
    // Quotes and brackets open a node only where one starts: in block context at a line start or
    // after "- ", "? ", ": "; inside a plain scalar (`a::"b", c`, `x {y}, z`) they are text.
    const bool blank_before = i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t');
    const bool node_start = depth > 0 ? std::strchr("\n:-?[{,", last) != nullptr
                                      : last == '\n' || (blank_before && std::strchr(":-?", last));
    if ((c == '"' || c == '\'') && node_start) {
      quote = c;
    } else if ((c == '[' || c == '{') && node_start) {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      after_token = --depth == 0;
    }
    last = c;
  }
  return Mark{};
}

}  // namespace

// yaml-cpp 0.7 loops forever on some malformed input (fuzzing found a stray ',' outside any flow
// collection, as in `"",`). The parse runs on a worker thread with a deadline far above any
// honest parse; past it the input is rejected, and the stuck thread dies with the process.
bool ReadYamlDocuments(const std::string& file, const std::string& original,
                       std::vector<Value>* docs, Diagnostics* diags, const ReadLimits& limits) {
  // The subset parser takes printable ASCII only, which needs no preparing.
  if (ReadYamlSubsetDocuments(file, original, docs, limits)) return true;
  std::string prepared;
  bool changed = false;
  YamlInputProblem problem;
  if (!PrepareYamlInput(original, &prepared, &changed, &problem)) {
    diags->Error(file, problem.mark, "", problem.message);
    return false;
  }
  const std::string& text = changed ? prepared : original;
  if (changed && ReadYamlSubsetDocuments(file, text, docs, limits)) return true;
  if (Mark comma = StrayComma(text); comma.line > 0) {
    diags->Error(file, comma, "",
                 "YAML syntax error: ',' outside [...] or {...} cannot start a node");
    return false;
  }
  auto job = std::make_shared<ParseJob>();
  job->file = file;
  job->text = text;
  job->limits = limits;
  std::thread([job] {
    bool ok =
        ReadYamlDocumentsUnguarded(job->file, job->text, &job->docs, &job->diags, job->limits);
    std::lock_guard<std::mutex> lock(job->mutex);
    job->ok = ok;
    job->done = true;
    job->finished.notify_all();
  }).detach();
  const auto deadline = std::chrono::seconds(limits.parse_deadline_seconds) +
                        std::chrono::seconds(text.size() >> 20) * 20;
  std::unique_lock<std::mutex> lock(job->mutex);
  if (!job->finished.wait_for(lock, deadline, [&] { return job->done; })) {
    diags->Error(
        file, Mark{}, "",
        "YAML syntax error: the parser did not finish (yaml-cpp 0.7 loops on some malformed "
        "input, e.g. a ',' outside [...] or {...}); input rejected");
    return false;
  }
  for (Value& doc : job->docs) docs->push_back(std::move(doc));
  for (const Diagnostic& d : job->diags.items()) diags->Add(d);
  return job->ok;
}

bool ReadYamlSubsetDocuments(const std::string& file, const std::string& text,
                             std::vector<Value>* docs, const ReadLimits& limits) {
  std::vector<Value> read;
  Diagnostics errors;
  Builder builder(file, text, limits, &read, &errors);
  try {
    if (!ParseYamlSubset(text, &builder)) return false;
  } catch (const ReadAbort&) {
    return false;
  }
  if (builder.failed() || !errors.items().empty()) return false;
  for (Value& doc : read) docs->push_back(std::move(doc));
  return true;
}

bool ReadYamlDocumentsUnguarded(const std::string& file, const std::string& text,
                                std::vector<Value>* docs, Diagnostics* diags,
                                const ReadLimits& limits) {
  ViewBuf buf(text);
  std::istream in(&buf);
  Builder builder(file, text, limits, docs, diags);
  try {
    YAML::Parser parser(in);
    // Every document takes at least one byte of input; yaml-cpp 0.7 can report documents
    // forever on some malformed input (found by fuzzing), which this bound turns into an error.
    size_t documents = 0;
    while (parser.HandleNextDocument(builder)) {
      if (++documents > text.size() + 1) {
        diags->Error(file, Mark{}, "", "YAML syntax error: the parser stopped making progress");
        return false;
      }
    }
  } catch (const ReadAbort&) {
  } catch (const YAML::ParserException& e) {
    builder.ReportParserError(e);
  } catch (const YAML::Exception& e) {
    diags->Error(file, Mark{}, "", std::string("YAML error: ") + e.what());
    return false;
  }
  return !builder.failed();
}

}  // namespace thv
