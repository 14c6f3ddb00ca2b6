#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <iterator>

#include "cli/app.h"

namespace {

// A render fills its heap once and exits; on virtual machines its page faults (~10 us each), not
// its instructions, took most of the time of a large render. So the heap grows in one step that
// is never trimmed, every allocation comes from it (no mmap per large block), and it is backed
// by transparent huge pages: one fault per 2 MiB. Untouched reserve costs nothing; where brk
// cannot grow that far, malloc falls back to its usual ways.
void ReserveHugePageHeap() {
  constexpr size_t kReserve = size_t{1} << 30;
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
  mallopt(M_TRIM_THRESHOLD, -1);
  mallopt(M_TOP_PAD, static_cast<int>(kReserve));
  const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile grow = malloc(kHugePage);  // more than the heap holds: it grows by the pad
  free(grow);
  const auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t start = (before + kHugePage - 1) & ~(kHugePage - 1);
  if (after > start && after - start >= kReserve / 2)
    madvise(reinterpret_cast<void*>(start), after - start, MADV_HUGEPAGE);
}

}  // namespace

int main(int argc, char** argv) {
  ReserveHugePageHeap();
  std::ios::sync_with_stdio(false);
  thv::RealDiskInterface disk;
  thv::CliIo io{&disk,
                [] {
                  return std::string(std::istreambuf_iterator<char>(std::cin),
                                     std::istreambuf_iterator<char>());
                },
                &std::cout, &std::cerr, isatty(STDERR_FILENO) == 1 && !std::getenv("NO_COLOR")};
  return thv::RunCli(argc, argv, io);
}
