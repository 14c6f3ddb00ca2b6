#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/app.h"
#include "core/fd_output.h"

namespace {

// A render fills its heap once and exits; on virtual machines a page fault costs ~10 us, and
// faults, not instructions, took most of a render's time. So the heap grows in one step that is
// never trimmed, every allocation comes from it (no mmap per large block), and it is backed by
// transparent huge pages: one fault per 2 MiB instead of one per 4 KiB. This runs from
// .preinit_array, before any constructor allocates, so that the heap can start at a 2 MiB
// boundary: a single 4 KiB fault inside a 2 MiB range makes the kernel map all of it in 4 KiB
// pages, which is why malloc's first bookkeeping goes in the page just below the boundary.
// Untouched reserve costs nothing.
void ReserveHugePageHeap(int, char**, char**) {
  constexpr size_t kReserve = size_t{1} << 30;
  constexpr int kDefaultPad = 128 << 10;  // glibc's
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t boundary = (start + page + kHugePage - 1) & ~(kHugePage - 1);
  if (sbrk(static_cast<intptr_t>(boundary - page - start)) == reinterpret_cast<void*>(-1)) return;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  mallopt(M_TRIM_THRESHOLD, -1);
  mallopt(M_TOP_PAD, static_cast<int>(kReserve));
  void* volatile first = malloc(1);  // grows the heap by the pad, writing only below the boundary
  // Growth past the reserve, or instead of it where a memory limit (ulimit -v or -d) refused it
  // and this malloc failed, goes in glibc's usual steps: a 1 GiB pad on every growth would make
  // every allocation fail under such a limit.
  mallopt(M_TOP_PAD, kDefaultPad);
  const auto end = reinterpret_cast<uintptr_t>(sbrk(0));
  if (end > boundary + kHugePage)
    madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE);
  free(first);
}

[[gnu::section(".preinit_array"),
  gnu::used]] constexpr void (*kReserveHeapFirst)(int, char**, char**) = &ReserveHugePageHeap;

// A closed standard descriptor would be taken by the next file opened, and output meant for
// stdout would land in it: hold each one with /dev/null, read-only, so that writes to a closed
// stdout fail (and are reported) instead.
void HoldStandardDescriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int held = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (held >= 0 && held != fd) {
      dup2(held, fd);
      close(held);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  HoldStandardDescriptors();
  std::ios::sync_with_stdio(false);
  thv::RealDiskInterface disk;
  thv::FdOutput stdout_buffer(STDOUT_FILENO);
  std::ostream out(&stdout_buffer);
  thv::CliIo io{&disk,
                [](size_t max_bytes, std::string* text, std::string* err) {
                  return thv::ReadBounded(STDIN_FILENO, "standard input", max_bytes, text, err);
                },
                &out, &std::cerr, isatty(STDERR_FILENO) == 1 && !std::getenv("NO_COLOR")};
  int code = thv::RunCli(argc, argv, io);
  // Output that did not reach its destination is a failure, whatever the command decided.
  std::string err;
  bool written = stdout_buffer.Finish(&err);
  if (written && close(STDOUT_FILENO) != 0) {  // e.g. a network file system's delayed error
    written = false;
    err = std::strerror(errno);
  }
  if (!written) {
    std::cerr << "error: cannot write standard output: " << err << "\n";
    if (code == thv::kExitOk) code = thv::kExitOutput;
  }
  return code;
}
