#include "core/diagnostics.h"

namespace thv {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.mark.line > 0) {
      out += ":" + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.column);
    }
    out += ": ";
  }
  if (d.severity == Severity::kWarning) out += "warning: ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  return out;
}

void Diagnostics::Error(const std::string& file, Mark mark, std::string path, std::string message) {
  Add({Severity::kError, file, mark, std::move(path), std::move(message)});
}

void Diagnostics::Warning(const std::string& file, Mark mark, std::string path,
                          std::string message) {
  Add({Severity::kWarning, file, mark, std::move(path), std::move(message)});
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  items_.push_back(std::move(d));
}

}  // namespace thv
