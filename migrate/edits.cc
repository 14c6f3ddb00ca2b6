#include "migrate/edits.h"

#include <algorithm>

#include "core/value_builder.h"
#include "core/yaml_writer.h"

namespace thv {

void DocumentEdit::RenameKey(const Member& member, const std::string& new_key) {
  size_t at = Offset(member.key_mark);
  TextRange token = ScalarToken(text, at);
  bool quoted = token.end > token.begin && (text[at] == '"' || text[at] == '\'');
  if (quoted)
    edits.push_back({token.begin + 1, token.end - 1, new_key});
  else
    edits.push_back({token.begin, token.end, new_key});
}

bool DocumentEdit::ReplaceInScalar(const Value& value, std::string_view old_part,
                                   const std::string& new_part) {
  size_t at = Offset(value.mark);
  TextRange token = ScalarToken(text, at);
  std::string_view bytes = text.substr(token.begin, token.end - token.begin);
  size_t found = bytes.find(old_part);
  if (found == std::string_view::npos) return false;
  edits.push_back({token.begin + found, token.begin + found + old_part.size(), new_part});
  return true;
}

namespace {

std::string Spaces(size_t n) { return std::string(n, ' '); }

size_t IndentOf(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool IsBlankOrCommentLine(std::string_view line) {
  size_t i = IndentOf(line);
  return i == line.size() || line[i] == '\n' || line[i] == '\r' || line[i] == '#';
}

// Splits [r.begin, r.end) of text into lines, each with its line end.
std::vector<std::string_view> Lines(std::string_view text, TextRange r) {
  std::vector<std::string_view> lines;
  size_t at = r.begin;
  while (at < r.end) {
    size_t next = text.find('\n', at);
    next = next == std::string_view::npos || next >= r.end ? r.end : next + 1;
    lines.push_back(text.substr(at, next - at));
    at = next;
  }
  return lines;
}

std::string ContentKey(const std::string& kind, const std::string& ns, const Value& spec) {
  std::string yaml;
  AppendYaml(spec, &yaml);
  return kind + "\n" + ns + "\n" + yaml;
}

}  // namespace

// Replaces a block mapping member (its key line and everything under it) by lines written at
// the key's indentation, nested ones by the member's own indentation step. Comments are kept
// byte for byte: the key line's after the first new line, the others as lines before them.
// Returns false when the member is not in block style on a line of its own.
bool DocumentEdit::ReplaceMember(const Member& member, const std::vector<std::string>& lines,
                                 bool keep_comments) {
  size_t key = Offset(member.key_mark);
  TextRange r = positions->MemberLines(key);
  std::string_view prefix = text.substr(r.begin, key - r.begin);
  if (prefix.find_first_not_of(' ') != std::string_view::npos) return false;
  std::vector<std::string_view> old = Lines(text, r);
  size_t key_column = prefix.size();
  size_t step = 2;
  for (size_t i = 1; i < old.size(); ++i) {
    if (IsBlankOrCommentLine(old[i])) continue;
    size_t indent = IndentOf(old[i]);
    if (indent > key_column) step = indent - key_column;
    break;
  }
  std::string out;
  for (size_t i = 1; i < old.size() && keep_comments; ++i) {
    std::string_view line = old[i];
    if (IsBlankOrCommentLine(line)) {
      if (line.find('#') != std::string_view::npos) out.append(line);
      continue;
    }
    std::string_view comment = TrailingComment(line);
    if (!comment.empty()) out += Spaces(IndentOf(line)) + std::string(comment) + "\n";
  }
  std::string_view key_comment = TrailingComment(old[0]);
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t depth = IndentOf(lines[i]) / 2;
    out += Spaces(key_column + depth * step) + lines[i].substr(depth * 2);
    if (i == 0 && !key_comment.empty()) out += "  " + std::string(key_comment);
    out += "\n";
  }
  bool ended = r.end > r.begin && text[r.end - 1] == '\n';
  if (!ended && !out.empty()) out.pop_back();
  edits.push_back({r.begin, r.end, out});
  return true;
}

// Inserts a line after a block member, at its indentation.
bool DocumentEdit::InsertAfterMember(const Member& member, const std::string& line) {
  size_t key = Offset(member.key_mark);
  TextRange r = positions->MemberLines(key);
  std::string_view prefix = text.substr(r.begin, key - r.begin);
  if (prefix.find_first_not_of(' ') != std::string_view::npos) return false;
  bool ended = r.end > r.begin && text[r.end - 1] == '\n';
  edits.push_back({r.end, r.end, (ended ? "" : "\n") + std::string(prefix) + line + "\n"});
  return true;
}

std::string YamlScalar(const std::string& s) {
  // Names and audiences written into new reference lines: quoted unless plainly safe.
  bool plain = !s.empty();
  for (char c : s)
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '/'))
      plain = false;
  if (plain && (s == "true" || s == "false" || s == "null" || s == "yes" || s == "no" ||
                s == "on" || s == "off" || s == "y" || s == "n" || s == "~" ||
                isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '.'))
    plain = false;
  if (plain) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

void ConfigPool::AddExisting(const std::string& kind, const std::string& ns,
                             const std::string& name, const Value& spec) {
  std::string content = ContentKey(kind, ns, spec);
  by_content_.emplace(content, name);
  by_name_.emplace(kind + "\n" + ns + "\n" + name, content);
}

bool ConfigPool::Place(const std::string& kind, const std::string& ns, const std::string& wanted,
                       const Value& spec, std::string* name, bool* is_new, std::string* err) {
  std::string content = ContentKey(kind, ns, spec);
  auto same = by_content_.find(content);
  if (same != by_content_.end()) {
    *name = same->second;
    *is_new = false;
    return true;
  }
  std::string key = kind + "\n" + ns + "\n" + wanted;
  if (by_name_.count(key)) {
    *err = kind + " " + wanted + " already exists with other settings; rename it or the server";
    return false;
  }
  by_content_.emplace(content, wanted);
  by_name_.emplace(key, content);
  *name = wanted;
  *is_new = true;
  return true;
}

std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    // An insertion at an offset goes before a replacement starting there.
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  size_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.begin < at) continue;  // overlapping edits are a bug in a step; the first one wins
    out.append(text.substr(at, e.begin - at));
    out += e.text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

std::string_view TrailingComment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '[' ||
                                    line[i - 1] == '{' || line[i - 1] == ','))
      quote = c;
    else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      std::string_view rest = line.substr(i);
      while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) rest.remove_suffix(1);
      return rest;
    }
  }
  return {};
}

Value NewToolhiveDocument(const std::string& api_version, const std::string& kind,
                          const std::string& name, const std::string& ns, Value spec) {
  Value meta = Value::Mapping();
  meta.Set("name", Str(name));
  if (!ns.empty()) meta.Set("namespace", Str(ns));
  Value doc = Value::Mapping();
  doc.Set("apiVersion", Str(api_version));
  doc.Set("kind", Str(kind));
  doc.Set("metadata", std::move(meta));
  doc.Set("spec", std::move(spec));
  return doc;
}

}  // namespace thv
