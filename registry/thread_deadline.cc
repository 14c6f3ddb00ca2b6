#include "registry/thread_deadline.h"

#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <ctime>

namespace thv {

namespace {

// A signal no library here uses; its handler does nothing: the point is the interruption.
int DeadlineSignal() { return SIGRTMIN + 3; }

void Interrupted(int) {}

}  // namespace

ThreadDeadline::ThreadDeadline(long ms) : ms_(ms) {
  if (ms <= 0) return;
  clock_gettime(CLOCK_MONOTONIC, &end_);
  end_.tv_sec += ms / 1000;
  end_.tv_nsec += (ms % 1000) * 1000000;
  if (end_.tv_nsec >= 1000000000) {
    end_.tv_sec += 1;
    end_.tv_nsec -= 1000000000;
  }
  struct sigaction action = {};
  action.sa_handler = Interrupted;  // no SA_RESTART: blocking calls return EINTR
  sigemptyset(&action.sa_mask);
  sigaction(DeadlineSignal(), &action, nullptr);
  sigevent event = {};
  event.sigev_notify = SIGEV_THREAD_ID;
  event.sigev_signo = DeadlineSignal();
  event._sigev_un._tid = static_cast<pid_t>(syscall(SYS_gettid));
  if (timer_create(CLOCK_MONOTONIC, &event, &timer_) != 0) return;
  itimerspec when = {};
  when.it_value = end_;
  when.it_interval.tv_nsec = 100 * 1000000;  // calls begun after the first signal fail too
  armed_ = timer_settime(timer_, TIMER_ABSTIME, &when, nullptr) == 0;
  if (!armed_) timer_delete(timer_);
}

ThreadDeadline::~ThreadDeadline() {
  if (armed_) timer_delete(timer_);
}

bool ThreadDeadline::Expired() const {
  if (ms_ <= 0) return false;
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > end_.tv_sec || (now.tv_sec == end_.tv_sec && now.tv_nsec >= end_.tv_nsec);
}

}  // namespace thv
