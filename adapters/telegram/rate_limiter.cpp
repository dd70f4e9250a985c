#include "adapters/telegram/rate_limiter.h"

#include <algorithm>

namespace noodbel::telegram {
namespace {

RateLimiter::Duration interval(int per_second) {
  return std::chrono::duration_cast<RateLimiter::Duration>(std::chrono::seconds(1)) /
         std::max(per_second, 1);
}

}  // namespace

RateLimiter::RateLimiter(int overall_per_second, int per_chat_per_second)
    : overall_interval_(interval(overall_per_second)), chat_interval_(interval(per_chat_per_second)) {}

RateLimiter::Duration RateLimiter::reserve(const std::string& chat, TimePoint now) {
  if (chat_next_.size() > kPruneAbove) {
    std::erase_if(chat_next_, [now](const auto& entry) { return entry.second <= now; });
  }
  TimePoint& chat_next = chat_next_[chat];
  const TimePoint slot = std::max({now, overall_next_, chat_next});
  overall_next_ = slot + overall_interval_;
  chat_next = slot + chat_interval_;
  return slot - now;
}

}  // namespace noodbel::telegram
