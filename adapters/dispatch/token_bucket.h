// TokenBucket and ChannelRateLimit: the send rates of one channel (overall and per
// address), as token buckets refilled from a millisecond time the caller passes in, so
// tests drive them with a ManualClock. Not thread-safe: used by one dispatcher worker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace noodbel {

// Milliseconds on the dispatcher's rate clock (any epoch; must not go backwards).
using RateMillis = std::int64_t;

// A channel's rates in messages per second; 0 means unlimited.
struct ChannelRate {
  double overall_per_second = 0;
  double per_address_per_second = 0;
};

// Holds up to `burst` tokens (at least 1), refilled at `per_second`; starts full.
// per_second <= 0: unlimited (a token is always free).
class TokenBucket {
 public:
  TokenBucket(double per_second, double burst);

  bool unlimited() const { return per_second_ <= 0; }
  // Whole tokens free at `now` (a large number when unlimited).
  int available(RateMillis now);
  // Milliseconds until a token is free (0: one is free now).
  RateMillis wait(RateMillis now);
  // Takes one token; false (and nothing taken) when none is free.
  bool take(RateMillis now);

 private:
  void refill(RateMillis now);

  const double per_second_;
  const double burst_;
  double tokens_;
  RateMillis last_ = 0;
  bool started_ = false;
};

// One channel: an overall bucket (burst of one second's worth) and one bucket per
// address (burst 1). Addresses whose bucket is full again are forgotten beyond
// kPruneAbove remembered addresses.
class ChannelRateLimit {
 public:
  explicit ChannelRateLimit(ChannelRate rate);

  static constexpr std::size_t kPruneAbove = 4096;

  // Rows the channel may send now as far as the overall rate goes.
  int overall_available(RateMillis now) { return overall_.available(now); }
  // Milliseconds until the overall bucket has a token.
  RateMillis overall_wait(RateMillis now) { return overall_.wait(now); }
  // Milliseconds until `address` may get a message (0: now).
  RateMillis address_wait(const std::string& address, RateMillis now);
  // Books one send to `address`: takes a token from both buckets. False (nothing taken)
  // when either is empty.
  bool take(const std::string& address, RateMillis now);

 private:
  TokenBucket& bucket_for(const std::string& address);
  void prune(RateMillis now);

  const ChannelRate rate_;
  TokenBucket overall_;
  std::unordered_map<std::string, TokenBucket> addresses_;
};

}  // namespace noodbel
