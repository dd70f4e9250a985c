// The rules of StoreHealth (store/ports/store_health.h), checked on every implementation.
#include <gtest/gtest.h>

#include "store/contracts/store_implementations.h"
#include "store/ports/store_health.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
using StoreHealthContract = StorePortContract<store::StoreHealth, Impl>;
TYPED_TEST_SUITE(StoreHealthContract, StoreImplementations, ImplementationNames);

TYPED_TEST(StoreHealthContract, AWorkingDatabaseIsHealthy) {
  EXPECT_TRUE(this->port().check().ok());
}

TYPED_TEST(StoreHealthContract, AnEmptyDatabaseReportsEveryKnownSeriesAsZero) {
  const store::MetricsSnapshot s = must(this->port().metrics_snapshot());
  EXPECT_EQ(s.calls_by_state.at("open"), 0);
  EXPECT_EQ(s.answers_by_intent.at("yes"), 0);
  EXPECT_EQ(s.outbox_by_channel_state.at({"sms", "pending"}), 0);
  EXPECT_EQ(s.queue_depth, 0);
  EXPECT_EQ(s.oldest_pending_at, 0);
}

TYPED_TEST(StoreHealthContract, TheSnapshotCountsOutboxRowsByChannelAndState) {
  this->enqueue("F1", Channel::kSms, this->kT0);
  this->enqueue("F2", Channel::kSms, this->kT0 + 5);
  this->enqueue("F3", Channel::kTelegram, this->kT0 + 9);
  ASSERT_EQ(must(this->store().claim_outbox(Channel::kTelegram, this->kT0 + 9, 10)).size(), 1u);
  const store::MetricsSnapshot s = must(this->port().metrics_snapshot());
  EXPECT_EQ(s.outbox_by_channel_state.at({"sms", "pending"}), 2);
  EXPECT_EQ(s.outbox_by_channel_state.at({"telegram", "sending"}), 1);
  EXPECT_EQ(s.queue_depth, 3);
  EXPECT_EQ(s.oldest_pending_at, this->kT0);
}

}  // namespace
}  // namespace noodbel::contracts
