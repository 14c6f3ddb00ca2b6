// Runs a computation that might never finish in a forked child first, so a bug in a library
// (yaml-cpp 0.7 loops forever on some malformed input) costs a bounded wait, not a hang.
#pragma once

#include <functional>

namespace thv {

// True when fn returns within timeout_ms in a child process; false when it had to be killed
// (or crashed). fn must not depend on side effects: the parent sees none of them.
bool FinishesInTime(const std::function<void()>& fn, int timeout_ms);

}  // namespace thv
