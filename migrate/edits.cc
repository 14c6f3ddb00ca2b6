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

std::string ContentKey(const std::string& kind, const std::string& ns, const Value& spec) {
  std::string yaml;
  AppendYaml(spec, &yaml);
  return kind + "\n" + ns + "\n" + yaml;
}

}  // namespace

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
