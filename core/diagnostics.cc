#include "core/diagnostics.h"

namespace thv {

std::string TerminalSafe(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto hex = [&](const char* prefix, unsigned char c) {
    out += prefix;
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += '\t';
    } else if (c == 0x1b) {
      out += "^[";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x80) {
      hex("\\x", c);
    } else {
      // A whole, valid UTF-8 sequence passes, except the C1 controls U+0080..U+009F.
      const size_t len = c >= 0xf5 ? 0 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
      bool valid = len > 0 && i + len <= text.size();
      for (size_t k = 1; valid && k < len; ++k)
        valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
      if (valid && len == 3) {  // no overlong forms or surrogates
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);
      } else if (valid && len == 4) {
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        valid = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
      }
      if (!valid) {
        hex("\\x", c);
      } else if (len == 2 && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) {
        hex("\\u00", static_cast<unsigned char>(text[i + 1]));
        ++i;
      } else {
        out.append(text.substr(i, len));
        i += len - 1;
      }
    }
  }
  return out;
}

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
  return TerminalSafe(out);
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
