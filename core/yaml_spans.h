// Byte ranges in a YAML text for the positions the reader recorded (yaml_reader.h), so that a
// tool can edit the text in place (thv-render migrate) rather than re-emit documents, keeping
// comments, order, quoting and indentation of everything it does not touch.
//
// The reader records where each node and key starts; where a block node ends follows from YAML's
// indentation rules: a block mapping member runs until the next line indented no deeper than its
// key that is not blank or a comment.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace thv {

struct TextRange {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
};

class YamlTextPositions {
 public:
  // text must be what the reader read unchanged (PrepareYamlInput found nothing to rewrite), so
  // that marks and bytes agree.
  explicit YamlTextPositions(std::string_view text);

  // The byte offset of a mark (1-based line and byte column); npos when outside the text.
  size_t Offset(Mark mark) const;
  // The byte offset where a line starts (1-based), or the text size past the last line.
  size_t LineStart(int line) const;
  // The column (0-based, in bytes) of offset within its line.
  size_t ColumnOf(size_t offset) const;

  // The whole lines of a block mapping member whose key starts at key_offset: the key's line and
  // every following line that is blank, a comment or indented deeper than the key, up to the
  // next line that is not; trailing blank and comment lines are left outside (they belong to
  // what follows).
  TextRange MemberLines(size_t key_offset) const;

  // The documents of the stream: the text between "---" lines (a document's range starts after
  // its "---" line). A parsed document belongs to the range holding its root's mark.
  std::vector<TextRange> Documents() const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// The lines of text without their line feeds (a final line feed ends the last line, it does not
// start an empty one).
std::vector<std::string_view> SplitLines(std::string_view text);

// A scalar token's bytes at offset: a plain scalar up to ": ", " #", ",", "]", "}" or the line
// end; a quoted scalar including its quotes. Used to replace keys and short values in place.
TextRange ScalarToken(std::string_view text, size_t offset);

}  // namespace thv
