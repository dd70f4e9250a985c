#include "adapters/dispatch/token_bucket.h"

#include <string>

#include <gtest/gtest.h>

#include "bot/clock.h"

namespace noodbel {
namespace {

constexpr UnixTime kStart = 1'760'000'000;

// The rate clock in milliseconds, driven by a ManualClock as the Dispatcher tests do.
RateMillis ms(const ManualClock& clock) { return clock.now() * 1000; }

TEST(TokenBucket, StartsFullThenRefillsAtItsRate) {
  TokenBucket bucket(25, 25);
  const RateMillis t = 5'000;
  EXPECT_EQ(bucket.available(t), 25);
  for (int i = 0; i < 25; ++i) EXPECT_TRUE(bucket.take(t)) << i;
  EXPECT_FALSE(bucket.take(t));
  EXPECT_EQ(bucket.wait(t), 40);  // one token every 40 ms
  EXPECT_EQ(bucket.available(t + 39), 0);
  EXPECT_TRUE(bucket.take(t + 40));
  EXPECT_EQ(bucket.available(t + 1000), 24);  // refilled, never above the burst
  EXPECT_EQ(bucket.available(t + 60'000), 25);
}

TEST(TokenBucket, ARateOfZeroIsUnlimited) {
  TokenBucket bucket(0, 1);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(bucket.take(0));
  EXPECT_EQ(bucket.wait(0), 0);
}

TEST(TokenBucket, AFractionalRateWaitsWholeSecondsForAToken) {
  TokenBucket bucket(0.5, 1);
  EXPECT_TRUE(bucket.take(0));
  EXPECT_EQ(bucket.wait(0), 2000);
  EXPECT_FALSE(bucket.take(1999));
  EXPECT_TRUE(bucket.take(2000));
}

TEST(ChannelRateLimit, KeepsTwentyFivePerSecondOverallWithAManualClock) {
  ManualClock clock(kStart);
  ChannelRateLimit limit({25, 1});
  int sent = 0;
  for (int chat = 0; chat < 40; ++chat) sent += limit.take("chat" + std::to_string(chat), ms(clock));
  EXPECT_EQ(sent, 25);
  EXPECT_EQ(limit.overall_available(ms(clock)), 0);
  EXPECT_EQ(limit.overall_wait(ms(clock)), 40);
  clock.advance(1);
  EXPECT_EQ(limit.overall_available(ms(clock)), 25);
}

TEST(ChannelRateLimit, OneMessagePerSecondPerChatWithoutHoldingUpOtherChats) {
  ManualClock clock(kStart);
  ChannelRateLimit limit({25, 1});
  EXPECT_TRUE(limit.take("a", ms(clock)));
  EXPECT_FALSE(limit.take("a", ms(clock)));  // this chat had its share
  EXPECT_EQ(limit.address_wait("a", ms(clock)), 1000);
  EXPECT_TRUE(limit.take("b", ms(clock)));   // another chat goes on
  EXPECT_EQ(limit.address_wait("c", ms(clock)), 0);
  EXPECT_EQ(limit.overall_available(ms(clock)), 23);  // the refused take cost nothing
  clock.advance(1);
  EXPECT_TRUE(limit.take("a", ms(clock)));
}

TEST(ChannelRateLimit, WithoutAPerAddressRateOnlyTheOverallRateCounts) {
  ChannelRateLimit limit({5, 0});
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limit.take("+32470000001", 0)) << i;
  EXPECT_FALSE(limit.take("+32470000001", 0));
  EXPECT_EQ(limit.address_wait("+32470000001", 0), 0);
  EXPECT_EQ(limit.overall_wait(0), 200);
}

TEST(ChannelRateLimit, KeepsWorkingBeyondThePruneThreshold) {
  ChannelRateLimit limit({0, 1});
  RateMillis t = 0;
  for (std::size_t i = 0; i < ChannelRateLimit::kPruneAbove + 10; ++i) {
    t += 1;
    ASSERT_TRUE(limit.take("chat" + std::to_string(i), t));
  }
  EXPECT_TRUE(limit.take("chat0", t + 2000));  // forgotten or refilled: free again
  const std::string last = "chat" + std::to_string(ChannelRateLimit::kPruneAbove + 9);
  EXPECT_FALSE(limit.take(last, t));  // the newest chat still waits its second
  EXPECT_GT(limit.address_wait(last, t), 0);
}

}  // namespace
}  // namespace noodbel
