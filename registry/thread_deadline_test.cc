#include "registry/thread_deadline.h"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace thv {

TEST_CASE("ThreadDeadline interrupts a read that would block forever") {
  int fds[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);  // nobody ever writes
  const auto start = std::chrono::steady_clock::now();
  char c;
  ssize_t n;
  int error;
  {
    ThreadDeadline deadline(200);
    CHECK(!deadline.Expired());
    n = read(fds[0], &c, 1);
    error = errno;
    CHECK(deadline.Expired());
    n = read(fds[0], &c, 1);  // a call begun after the deadline fails too
    CHECK(n == -1);
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  CHECK(n == -1);
  CHECK(error == EINTR);
  CHECK(ms >= 200);
  CHECK(ms < 2000);
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("ThreadDeadline without a duration does nothing") {
  ThreadDeadline none(0);
  CHECK(!none.Expired());
}

}  // namespace thv
