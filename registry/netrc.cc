#include "registry/netrc.h"

#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cctype>

namespace thv {

namespace {

class Tokens {
 public:
  explicit Tokens(const std::string& text) : text_(text) {}

  // The next token, unquoted; false at the end.
  bool Next(std::string* token) {
    SkipSpaceAndComments();
    if (pos_ >= text_.size()) return false;
    token->clear();
    if (text_[pos_] == '"') {
      for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
        char c = text_[pos_];
        if (c == '\\' && pos_ + 1 < text_.size()) {
          c = text_[++pos_];
          c = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        }
        token->push_back(c);
      }
      ++pos_;  // the closing quote
      return true;
    }
    while (pos_ < text_.size() && !IsSpace(text_[pos_])) token->push_back(text_[pos_++]);
    return true;
  }

  // A macdef body: everything up to the next empty line.
  void SkipMacro() {
    size_t end = text_.find("\n\n", pos_);
    pos_ = end == std::string::npos ? text_.size() : end + 2;
  }

 private:
  static bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      if (IsSpace(text_[pos_])) {
        ++pos_;
      } else if (text_[pos_] == '#' && (pos_ == 0 || text_[pos_ - 1] == '\n')) {
        size_t eol = text_.find('\n', pos_);
        pos_ = eol == std::string::npos ? text_.size() : eol;
      } else {
        break;
      }
    }
  }

  const std::string& text_;
  size_t pos_ = 0;
};

}  // namespace

bool NetrcLookup(const std::string& text, const std::string& host, NetrcEntry* out) {
  Tokens tokens(text);
  std::string token, value;
  enum class Block { kNone, kOther, kHost, kDefault } block = Block::kNone;
  NetrcEntry host_entry, default_entry;
  bool have_host = false, have_default = false;
  while (tokens.Next(&token)) {
    if (token == "machine") {
      if (!tokens.Next(&value)) break;
      // The first matching machine wins; a later one does not overwrite it.
      const bool match = !have_host && strcasecmp(value.c_str(), host.c_str()) == 0;
      block = match ? Block::kHost : Block::kOther;
      have_host = have_host || match;
    } else if (token == "default") {
      block = have_default ? Block::kOther : Block::kDefault;
      have_default = true;
    } else if (token == "macdef") {
      tokens.Next(&value);
      tokens.SkipMacro();
    } else if (token == "login" || token == "password" || token == "account") {
      if (!tokens.Next(&value)) break;
      NetrcEntry* entry = block == Block::kHost      ? &host_entry
                          : block == Block::kDefault ? &default_entry
                                                     : nullptr;
      if (entry && token == "login") entry->login = value;
      if (entry && token == "password") entry->password = value;
    }
  }
  if (!have_host && !have_default) return false;
  *out = have_host ? host_entry : default_entry;
  return true;
}

std::string NetrcFileProblem(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return path + ": no such file";
  if (!S_ISREG(st.st_mode)) return path + ": not a regular file (a pipe is read once; use a file)";
  if (access(path.c_str(), R_OK) != 0) return path + ": not readable";
  return "";
}

}  // namespace thv
