// The rules of StoreHealth (store/ports/store_health.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store/contracts/store_implementations.h"
#include "store/ports/store_health.h"
#include "store/sqlite.h"

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

// SQLite refuses every write (SQLITE_READONLY) while `on`: a database that answers reads
// but takes no writes, as a full or read-only disk does.
void refuse_writes(store::Store& store, bool on) {
  ASSERT_TRUE(store
                  .with_database([on](store::Database& db) -> Status {
                    db.exec(on ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF");
                    return Ok();
                  })
                  .ok());
}

TYPED_TEST(StoreHealthContract, ProbeWriteCommitsWhileTheDatabaseTakesWrites) {
  EXPECT_TRUE(this->port().probe_write().ok());
  EXPECT_TRUE(this->port().probe_write().ok()) << "the probe row is written again, not added";
}

TYPED_TEST(StoreHealthContract, ProbeWriteFailsWithTheStoresOwnErrorWhileWritesFail) {
  refuse_writes(this->store(), true);
  EXPECT_TRUE(this->port().check().ok()) << "reads still work: check() cannot tell";
  const Status probe = this->port().probe_write();
  ASSERT_FALSE(probe.ok());
  EXPECT_NE(probe.error().message.find("readonly"), std::string::npos) << probe.error().message;
  EXPECT_EQ(this->port().failed_writes_in_a_row(), 0) << "the probe is not one of the writes";
  refuse_writes(this->store(), false);
  EXPECT_TRUE(this->port().probe_write().ok());
}

TYPED_TEST(StoreHealthContract, FailedWritesInARowCountUntilAWriteSucceeds) {
  const std::int64_t id = this->enqueue("F1");
  EXPECT_EQ(this->port().failed_writes_in_a_row(), 0);
  refuse_writes(this->store(), true);
  EXPECT_FALSE(this->store().mark_sent(id, "tw:SM1", this->kT0).ok());
  EXPECT_FALSE(this->store().claim_outbox(Channel::kSms, this->kT0, 10).ok());
  const OutboundMessage m{"F2", Channel::kSms, "addr-F2", "text", 5, {}, {}};
  EXPECT_FALSE(this->store()
                   .transaction([&](Repository& repo) -> Status {
                     repo.enqueue(m, this->kT0);
                     return Ok();
                   })
                   .ok());
  EXPECT_EQ(this->port().failed_writes_in_a_row(), 3);
  refuse_writes(this->store(), false);
  EXPECT_TRUE(this->store().mark_retry(id, this->kT0, "x").ok());
  EXPECT_EQ(this->port().failed_writes_in_a_row(), 0);
}

}  // namespace
}  // namespace noodbel::contracts
