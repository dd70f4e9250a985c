// The rules of InboxPort (bot/ports/inbox_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include "bot/ports/inbox_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using InboxPortContract = PortContract<InboxPort, Impl>;
TYPED_TEST_SUITE(InboxPortContract, Implementations, ImplementationNames);

InboundMessage inbound(Channel channel, const std::string& provider_id, UnixTime at = kT0) {
  return {channel, "+32470000001", provider_id, "ja", at, std::nullopt};
}

TYPED_TEST(InboxPortContract, AMessageIsNewTheFirstTimeOnly) {
  EXPECT_TRUE(this->port().remember_inbound(inbound(Channel::kSms, "SM1")));
  EXPECT_FALSE(this->port().remember_inbound(inbound(Channel::kSms, "SM1")));
  EXPECT_FALSE(this->port().remember_inbound(inbound(Channel::kSms, "SM1", kT0 + 60)));
  EXPECT_TRUE(this->port().remember_inbound(inbound(Channel::kSms, "SM2")));
}

TYPED_TEST(InboxPortContract, TheSameProviderIdOnAnotherChannelIsAnotherMessage) {
  EXPECT_TRUE(this->port().remember_inbound(inbound(Channel::kSms, "42")));
  EXPECT_TRUE(this->port().remember_inbound(inbound(Channel::kTelegram, "42")));
  EXPECT_TRUE(this->port().remember_inbound(inbound(Channel::kSignal, "42")));
  EXPECT_FALSE(this->port().remember_inbound(inbound(Channel::kTelegram, "42")));
}

}  // namespace
}  // namespace noodbel::contracts
