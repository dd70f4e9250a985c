#include "adapters/app/dispatcher_config.h"

#include <gtest/gtest.h>

#include "adapters/slash/slash_sender.h"

namespace noodbel {
namespace {

TEST(DispatcherConfig, SlashPushesAreHeldAndKeptToTheSlashRate) {
  Config config;
  config.slash.messages_per_second = 2;
  const DispatcherOptions o = dispatcher_options(config);
  EXPECT_EQ(o.claim_delay_seconds.at(Channel::kSlash), kSlashHoldSeconds);
  EXPECT_DOUBLE_EQ(o.rates.at(Channel::kSlash).overall_per_second, 2);
  EXPECT_EQ(o.claim_delay_seconds.count(Channel::kTelegram), 0u) << "other channels at once";
}

TEST(DispatcherConfig, TheClaimLeaseComesFromTheDispatchSection) {
  Config config;
  config.dispatch.lease_seconds = 120;
  EXPECT_EQ(dispatcher_options(config).lease_seconds, 120);
}

}  // namespace
}  // namespace noodbel
