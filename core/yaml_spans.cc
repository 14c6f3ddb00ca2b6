#include "core/yaml_spans.h"

namespace thv {

namespace {

bool IsBlankOrComment(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '#';
  }
  return true;
}

size_t Indent(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool IsDocumentMarker(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' ||
         line[3] == '\n';
}

}  // namespace

YamlTextPositions::YamlTextPositions(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

size_t YamlTextPositions::LineStart(int line) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

size_t YamlTextPositions::Offset(Mark mark) const {
  if (mark.line < 1 || static_cast<size_t>(mark.line) > line_starts_.size() || mark.column < 1)
    return std::string_view::npos;
  size_t offset = line_starts_[mark.line - 1] + mark.column - 1;
  return offset <= text_.size() ? offset : std::string_view::npos;
}

size_t YamlTextPositions::ColumnOf(size_t offset) const {
  size_t start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string_view::npos || offset == 0) ? 0 : start + 1;
  return offset - start;
}

TextRange YamlTextPositions::MemberLines(size_t key_offset) const {
  const size_t key_column = ColumnOf(key_offset);
  size_t begin = key_offset - key_column;
  size_t pos = text_.find('\n', key_offset);
  pos = pos == std::string_view::npos ? text_.size() : pos + 1;
  size_t end = pos;  // past the last line that belongs to the member
  while (pos < text_.size()) {
    size_t next = text_.find('\n', pos);
    next = next == std::string_view::npos ? text_.size() : next + 1;
    std::string_view line = text_.substr(pos, next - pos);
    if (!IsBlankOrComment(line)) {
      if (Indent(line) <= key_column || IsDocumentMarker(line)) break;
      end = next;  // comment lines before it are inside the member too
    }
    pos = next;
  }
  return {begin, end};
}

std::vector<TextRange> YamlTextPositions::Documents() const {
  std::vector<TextRange> docs;
  size_t begin = 0;
  for (size_t i = 0; i < line_starts_.size(); ++i) {
    size_t start = line_starts_[i];
    if (start >= text_.size()) break;
    size_t next = i + 1 < line_starts_.size() ? line_starts_[i + 1] : text_.size();
    if (IsDocumentMarker(text_.substr(start, next - start))) {
      docs.push_back({begin, start});
      begin = next;
    }
  }
  docs.push_back({begin, text_.size()});
  return docs;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TextRange ScalarToken(std::string_view text, size_t offset) {
  if (offset >= text.size()) return {offset, offset};
  char quote = text[offset];
  if (quote == '"' || quote == '\'') {
    size_t i = offset + 1;
    while (i < text.size()) {
      if (quote == '"' && text[i] == '\\') {
        i += 2;
        continue;
      }
      if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          i += 2;
          continue;
        }
        return {offset, i + 1};
      }
      if (text[i] == '\n') break;
      ++i;
    }
    return {offset, i};
  }
  size_t i = offset;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
    char c = text[i];
    if (c == ',' || c == ']' || c == '}') break;
    if (c == ':' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' ||
                     text[i + 1] == '\r' || text[i + 1] == ','))
      break;
    if (c == '#' && i > offset && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    ++i;
  }
  while (i > offset && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return {offset, i};
}

}  // namespace thv
