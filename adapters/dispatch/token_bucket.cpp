#include "adapters/dispatch/token_bucket.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace noodbel {
namespace {

constexpr int kUnlimited = std::numeric_limits<int>::max();

}  // namespace

TokenBucket::TokenBucket(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(burst, 1.0)), tokens_(burst_) {}

void TokenBucket::refill(RateMillis now) {
  if (!started_) {
    started_ = true;
    last_ = now;
    return;
  }
  if (now <= last_) return;
  tokens_ = std::min(burst_, tokens_ + per_second_ * static_cast<double>(now - last_) / 1000.0);
  last_ = now;
}

int TokenBucket::available(RateMillis now) {
  if (unlimited()) return kUnlimited;
  refill(now);
  return static_cast<int>(std::floor(tokens_ + 1e-9));
}

RateMillis TokenBucket::wait(RateMillis now) {
  if (available(now) >= 1) return 0;
  const double missing = 1.0 - tokens_;
  return std::max<RateMillis>(1, static_cast<RateMillis>(std::ceil(missing * 1000.0 / per_second_)));
}

bool TokenBucket::take(RateMillis now) {
  if (available(now) < 1) return false;
  if (!unlimited()) tokens_ -= 1.0;
  return true;
}

ChannelRateLimit::ChannelRateLimit(ChannelRate rate)
    : rate_(rate), overall_(rate.overall_per_second, rate.overall_per_second) {}

TokenBucket& ChannelRateLimit::bucket_for(const std::string& address) {
  return addresses_.try_emplace(address, rate_.per_address_per_second, 1.0).first->second;
}

RateMillis ChannelRateLimit::address_wait(const std::string& address, RateMillis now) {
  if (rate_.per_address_per_second <= 0) return 0;
  const auto it = addresses_.find(address);
  return it == addresses_.end() ? 0 : it->second.wait(now);
}

bool ChannelRateLimit::take(const std::string& address, RateMillis now) {
  if (overall_.available(now) < 1) return false;
  if (rate_.per_address_per_second > 0) {
    prune(now);
    if (!bucket_for(address).take(now)) return false;
  }
  return overall_.take(now);
}

void ChannelRateLimit::prune(RateMillis now) {
  if (addresses_.size() <= kPruneAbove) return;
  for (auto it = addresses_.begin(); it != addresses_.end();) {
    it = it->second.wait(now) == 0 ? addresses_.erase(it) : std::next(it);
  }
}

}  // namespace noodbel
