// The pieces every migration step produces: edits of the input text at the positions the reader
// recorded, and new documents to insert after the one they came from.
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "core/yaml_spans.h"

namespace thv {

struct TextEdit {
  size_t begin = 0;
  size_t end = 0;  // the bytes [begin, end) become text
  std::string text;
};

// One input document being migrated: its text, where its nodes are, and what the steps produce.
struct DocumentEdit {
  std::string file;
  std::string_view text;  // the whole file
  const YamlTextPositions* positions = nullptr;
  const Value* doc = nullptr;  // as read, with marks
  std::vector<TextEdit> edits;
  std::vector<std::string> new_doc_texts;     // inserted after this document, as written
  std::vector<Value> new_docs;                // inserted after those, in order
  std::string default_namespace = "default";  // for documents without metadata.namespace

  // Offset of a mark in the file.
  size_t Offset(Mark mark) const { return positions->Offset(mark); }
  // Renames the key of member (plain or quoted), keeping its quotes.
  void RenameKey(const Member& member, const std::string& new_key);
  // Replaces a block mapping member (its key line and everything under it) by lines written at
  // the key's indentation; a line's leading pairs of spaces are nesting levels, written with the
  // member's own indentation step. Comments are kept byte for byte: the key line's after the
  // first new line, the others as lines before them. false when the member is not in block
  // style on a line of its own.
  // keep_comments false: the caller moved them elsewhere.
  bool ReplaceMember(const Member& member, const std::vector<std::string>& lines,
                     bool keep_comments = true);
  // Inserts a line after a block member, at its indentation; false as for ReplaceMember.
  bool InsertAfterMember(const Member& member, const std::string& line);
  // Replaces old_part inside the scalar token at value's mark.
  bool ReplaceInScalar(const Value& value, std::string_view old_part, const std::string& new_part);
};

// Config documents split out of servers: one per distinct content per kind and namespace, so
// servers that had identical inline settings share one object.
class ConfigPool {
 public:
  // Registers an object the inputs already hold (kind, namespace, name and its spec).
  void AddExisting(const std::string& kind, const std::string& ns, const std::string& name,
                   const Value& spec);
  // The name of the object of kind in ns holding spec: an existing or earlier one with the same
  // content, else wanted (then *is_new). Returns false, with *err, when wanted is taken by an
  // object with other content.
  bool Place(const std::string& kind, const std::string& ns, const std::string& wanted,
             const Value& spec, std::string* name, bool* is_new, std::string* err);

 private:
  std::map<std::string, std::string> by_content_;  // kind, ns, spec YAML -> name
  std::map<std::string, std::string> by_name_;     // kind, ns, name -> spec YAML
};

// The inputs' ConfigMaps (v1) by "<namespace>/<name>" (the default namespace for those without).
struct InputConfigMap {
  std::string file;
  const Value* doc = nullptr;
};
using InputConfigMaps = std::map<std::string, InputConfigMap>;

// A string value's text; empty for anything else or nothing.
inline std::string StringAt(const Value* v) { return v && v->IsString() ? v->text : ""; }
// A copy of the members of from named in keys, in from's order.
inline Value Pick(const Value& from, std::initializer_list<const char*> keys) {
  Value out = Value::Mapping();
  for (const Member& m : from.members)
    for (const char* k : keys)
      if (m.key == k) out.members.push_back({m.key, Mark{}, m.value});
  return out;
}

// s as a YAML scalar for a line migrate writes: plain when that reads back as the same string,
// else double-quoted.
std::string YamlScalar(const std::string& s);

// Applies non-overlapping edits (any order) to text.
std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits);

// The trailing comment of a line (from the '#' that starts it, without the line end), or empty;
// quoted strings are skipped.
std::string_view TrailingComment(std::string_view line);

// A new toolhive.stacklok.dev document: apiVersion, kind, metadata (name, namespace when given)
// and spec.
Value NewToolhiveDocument(const std::string& api_version, const std::string& kind,
                          const std::string& name, const std::string& ns, Value spec);

}  // namespace thv
