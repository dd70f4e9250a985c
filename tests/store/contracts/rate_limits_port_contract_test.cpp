// The rules of RateLimitsPort (bot/ports/rate_limits_port.h), checked on every
// implementation.
#include <gtest/gtest.h>

#include "bot/ports/rate_limits_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using RateLimitsPortContract = PortContract<RateLimitsPort, Impl>;
TYPED_TEST_SUITE(RateLimitsPortContract, Implementations, ImplementationNames);

TYPED_TEST(RateLimitsPortContract, CountMessageCountsPerPersonAndStartsOverInANewWindow) {
  EXPECT_EQ(this->port().count_message("F1", kT0), 1);
  EXPECT_EQ(this->port().count_message("F1", kT0), 2);
  EXPECT_EQ(this->port().count_message("F2", kT0), 1);
  EXPECT_EQ(this->port().count_message("F1", kT0 + 60), 1);
  EXPECT_EQ(this->port().count_message("F1", kT0 + 60), 2);
}

TYPED_TEST(RateLimitsPortContract, ANewWindowForgetsEveryonesEarlierWindows) {
  EXPECT_EQ(this->port().count_message("F2", kT0), 1);
  EXPECT_EQ(this->port().count_message("F1", kT0 + 60), 1);  // forgets F2's window
  EXPECT_EQ(this->port().count_message("F2", kT0 + 60), 1);
  EXPECT_EQ(this->port().count_message("F2", kT0 + 60), 2);
}

TYPED_TEST(RateLimitsPortContract, CountUnknownSenderRunsAWindowFromTheFirstMessage) {
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0 + kDay - 1, kDay), 2);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kTelegram, "abc", kT0 + 10, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "def", kT0 + 10, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0 + kDay, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0 + kDay + 5, kDay), 2);
}

TYPED_TEST(RateLimitsPortContract, AnUnknownSendersWindowEndsWhenAnotherSenderIsCounted) {
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "def", kT0 + kDay, kDay), 1);
  EXPECT_EQ(this->port().count_unknown_sender(Channel::kSms, "abc", kT0 + kDay + 1, kDay), 1);
}

}  // namespace
}  // namespace noodbel::contracts
