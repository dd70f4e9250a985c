// Clock: the only source of "now" for the core, so tests can drive time.
// SystemClock is thread-safe; ManualClock is for tests (thread-safe too).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace noodbel {

// Seconds since the Unix epoch, UTC. All stored times use this unit.
using UnixTime = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixTime now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixTime now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixTime start) : now_(start) {}
  UnixTime now() const override { return now_.load(); }
  void set(UnixTime t) { now_.store(t); }
  void advance(std::int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<UnixTime> now_;
};

}  // namespace noodbel
