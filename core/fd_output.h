// An output stream buffer over a file descriptor that remembers why a write failed: std::cout
// only sets a flag, so "> /dev/full" or a closed stdout would pass for success.
#pragma once

#include <streambuf>
#include <string>

namespace thv {

class FdOutput : public std::streambuf {
 public:
  explicit FdOutput(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  FdOutput(const FdOutput&) = delete;
  FdOutput& operator=(const FdOutput&) = delete;

  // Flushes what is buffered; false and the reason (strerror text) when any write failed.
  bool Finish(std::string* err);

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override { return Flush() ? 0 : -1; }

 private:
  bool Flush();
  bool WriteAll(const char* data, size_t size);

  int fd_;
  int error_ = 0;  // errno of the first failed write
  char buffer_[64 << 10];
};

}  // namespace thv
