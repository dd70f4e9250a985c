// BoardEvents: tells the open live boards (GET /board/{code}/events) that something may
// have changed. notify() bumps a generation counter and wakes one worker thread, which
// runs every subscriber's refresh (coalesced: many notifies, one run). Subscribers re-render
// their board and push it only when it changed. Without subscribers, or while a wake-up is
// already on its way, notify() wakes nobody (no futex call per commit and per sent message).
// Thread-safe; notify() never blocks long.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "bot/sync/mutex.h"

namespace noodbel {

class BoardEvents {
 public:
  // Re-renders and pushes when changed; false when the subscriber is done (stream closed).
  using Refresh = std::function<bool()>;

  BoardEvents() = default;
  ~BoardEvents();  // stop()
  BoardEvents(const BoardEvents&) = delete;
  BoardEvents& operator=(const BoardEvents&) = delete;

  // Starts the worker thread; without it, run_pending() does the work (tests).
  void start();
  // Ends the worker and drops every subscriber. Idempotent.
  void stop();

  // Something changed (an answer, a delivery status, a state change): refresh everyone.
  void notify();
  std::uint64_t generation() const;
  // How often notify() and subscribe() signalled the worker (tests: wake-ups are coalesced).
  std::uint64_t wakeups() const;

  // Adds a subscriber and schedules its first refresh.
  void subscribe(Refresh refresh);
  std::size_t subscribers() const;

  // Runs every subscriber's refresh once if a notify() is pending, on the calling thread;
  // drops those that return false. Returns whether it ran.
  bool run_pending();

 private:
  void loop();

  mutable Mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t generation_ GUARDED_BY(mutex_) = 0;
  std::uint64_t done_ GUARDED_BY(mutex_) = 0;  // generation last refreshed
  bool wake_pending_ GUARDED_BY(mutex_) = false;  // signalled; the next run_pending() clears it
  std::uint64_t wakeups_ GUARDED_BY(mutex_) = 0;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::vector<std::shared_ptr<Refresh>> subscribers_ GUARDED_BY(mutex_);
  Mutex run_mutex_;  // one run_pending() at a time
  std::thread worker_;
};

}  // namespace noodbel
