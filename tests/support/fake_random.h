// FakeRandom: the Random port (bot/random.h) for tests: the same seed gives the same
// bytes, and fail_from_now_on() makes it report Unavailable like a broken generator.
// Thread-safe (atomics).
#pragma once

#include <atomic>
#include <cstdint>

#include "bot/random.h"

namespace noodbel {

class FakeRandom final : public Random {
 public:
  explicit FakeRandom(std::uint64_t seed) : state_(seed) {}
  [[nodiscard]] Status fill(std::span<unsigned char> out) const override;
  void fail_from_now_on() { failing_ = true; }

 private:
  mutable std::atomic<std::uint64_t> state_;
  std::atomic<bool> failing_{false};
};

}  // namespace noodbel
