#include "core/fd_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace thv {

bool FdOutput::WriteAll(const char* data, size_t size) {
  while (size > 0 && error_ == 0) {
    const ssize_t n = write(fd_, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      break;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return error_ == 0;
}

bool FdOutput::Flush() {
  const bool ok = WriteAll(pbase(), static_cast<size_t>(pptr() - pbase()));
  setp(buffer_, buffer_ + sizeof buffer_);
  return ok;
}

FdOutput::int_type FdOutput::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (c != traits_type::eof()) *pptr() = static_cast<char>(c), pbump(1);
  return traits_type::not_eof(c);
}

std::streamsize FdOutput::xsputn(const char* data, std::streamsize size) {
  // Large pieces (the render's 1 MiB chunks) go straight to the descriptor, uncopied.
  const auto n = static_cast<size_t>(size);
  if (n <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
  }
  if (!Flush() || !WriteAll(data, n)) return 0;
  return size;
}

bool FdOutput::Finish(std::string* err) {
  Flush();
  if (error_ != 0) *err = std::strerror(error_);
  return error_ == 0;
}

}  // namespace thv
