// A deadline for blocking calls that have no timeout of their own (libgit2 1.5 has none for
// network I/O, and flock waits forever): once it passes, the calling thread's blocking system
// calls are interrupted (EINTR), at once and every 100 ms after, so they fail instead of hanging.
#pragma once

#include <ctime>

namespace thv {

class ThreadDeadline {
 public:
  // Arms the deadline for the calling thread; ms <= 0: no deadline.
  explicit ThreadDeadline(long ms);
  ~ThreadDeadline();
  ThreadDeadline(const ThreadDeadline&) = delete;
  ThreadDeadline& operator=(const ThreadDeadline&) = delete;

  bool Expired() const;
  long ms() const { return ms_; }

 private:
  long ms_;
  timespec end_{};
  bool armed_ = false;
  timer_t timer_{};
};

}  // namespace thv
