#include "core/fd_output.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <ostream>
#include <string>

namespace thv {

TEST_CASE("FdOutput writes small and large pieces in order") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(fcntl(fds[1], F_SETPIPE_SZ, 1 << 20) > 0);  // holds it all: read after writing
  std::string expected;
  {
    FdOutput buffer(fds[1]);
    std::ostream out(&buffer);
    const std::string large(100 << 10, 'x');
    out << "a" << large << "b";
    expected = "a" + large + "b";
    std::string err;
    CHECK(buffer.Finish(&err));
  }
  close(fds[1]);
  std::string got;
  char chunk[4096];
  for (ssize_t n; (n = read(fds[0], chunk, sizeof chunk)) > 0;) got.append(chunk, n);
  close(fds[0]);
  CHECK(got == expected);
}

TEST_CASE("FdOutput reports why a write failed") {
  SUBCASE("a full disk") {
    int fd = open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    FdOutput buffer(fd);
    std::ostream out(&buffer);
    out << "text";
    std::string err;
    CHECK(!buffer.Finish(&err));
    CHECK(err == "No space left on device");
    close(fd);
  }
  SUBCASE("a descriptor open only for reading") {
    int fd = open("/dev/null", O_RDONLY);
    REQUIRE(fd >= 0);
    FdOutput buffer(fd);
    std::ostream out(&buffer);
    out << std::string(200 << 10, 'y');  // straight to the descriptor
    std::string err;
    CHECK(!buffer.Finish(&err));
    CHECK(err == "Bad file descriptor");
    close(fd);
  }
}

}  // namespace thv
