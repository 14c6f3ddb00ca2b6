// Errors and warnings about inputs, each pinned to a file, a position and a field path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace thv {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;  // "-" or "<stdin>" for standard input; empty when not from a file
  Mark mark;
  std::string path;  // dotted field path, e.g. "spec.secrets[0].key"; may be empty
  std::string message;
};

// text with every control character made visible, so that names and values from inputs cannot
// move the cursor, retitle the window or forge lines on a terminal: ESC as ^[ (as kubectl
// shows it), C1 controls as \u00XX, bytes that are not UTF-8 and other C0 controls as \xXX,
// CR and LF as \r and \n. Tabs stay.
std::string TerminalSafe(std::string_view text);

// "FILE:LINE:COL: field.path: message", dropping the parts that are unknown; terminal-safe.
std::string FormatDiagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void Error(const std::string& file, Mark mark, std::string path, std::string message);
  void Warning(const std::string& file, Mark mark, std::string path, std::string message);
  void Add(Diagnostic d);

  bool HasErrors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

}  // namespace thv
