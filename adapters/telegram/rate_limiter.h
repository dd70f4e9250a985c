// RateLimiter: Telegram's send limits as token buckets holding one token each: one for
// the bot overall (25/s by default) and one per chat (1/s). reserve() books the next
// free slot and says how long to wait for it. Time is passed in, so tests need no clock.
// Not thread-safe: used by the one Telegram sender thread.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>

namespace noodbel::telegram {

class RateLimiter {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = std::chrono::steady_clock::duration;

  // Rates in messages per second; values below 1 count as 1.
  RateLimiter(int overall_per_second, int per_chat_per_second);

  // Books a send to `chat` at the earliest moment both buckets allow, at or after `now`;
  // returns how long the caller must wait before sending (zero when it may send now).
  Duration reserve(const std::string& chat, TimePoint now);

  // Chats whose slot is already free are forgotten beyond this many remembered chats.
  static constexpr std::size_t kPruneAbove = 4096;

 private:
  const Duration overall_interval_;
  const Duration chat_interval_;
  TimePoint overall_next_{};
  std::unordered_map<std::string, TimePoint> chat_next_;
};

}  // namespace noodbel::telegram
