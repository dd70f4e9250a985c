// Store::release and Store::fail_over: the dispatcher's rate-limit deferral and failover
// of a claimed outbox row.
#include "store/store.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::TempDbPath;

constexpr UnixTime kNow = 1'760'000'000;

class StoreFailoverTest : public ::testing::Test {
 protected:
  StoreFailoverTest() {
    auto opened = Store::open(path_.db(), ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
  }

  std::int64_t claimed_sms() {
    std::int64_t id = 0;
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      id = repo.enqueue({"F1", Channel::kSms, "+32470000001", "Noodoproep", 0, 42}, kNow);
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
    if (must(store_->claim_outbox(Channel::kSms, kNow, 10)).size() != 1) {
      throw std::runtime_error("claim failed");
    }
    return id;
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreFailoverTest, ReleaseReturnsAClaimedRowWithoutCountingTheAttempt) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->release(id, kNow + 1).ok());
  const OutboxItem row = must(store_->outbox_for("F1", 1))[0];
  EXPECT_EQ(row.state, OutboxState::kPending);
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(row.next_attempt_at, kNow + 1);
  EXPECT_TRUE(must(store_->claim_outbox(Channel::kSms, kNow, 10)).empty());
  EXPECT_EQ(must(store_->claim_outbox(Channel::kSms, kNow + 1, 10)).size(), 1u);
}

TEST_F(StoreFailoverTest, ReleaseLeavesARowThatIsNoLongerSendingAlone) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(id, "tw:SM1", kNow).ok());
  EXPECT_TRUE(store_->release(id, kNow + 1).ok());
  EXPECT_EQ(must(store_->outbox_for("F1", 1))[0].state, OutboxState::kSent);
}

TEST_F(StoreFailoverTest, FailOverFailsTheRowAndQueuesTheNextInOneTransaction) {
  const std::int64_t id = claimed_sms();
  const Result<std::int64_t> next = store_->fail_over(id, kNow + 3, [](Repository& repo) {
    repo.audit({kNow + 3, "system", "outbound.failover", "outbox=1 to=F1"});
    return std::optional<Store::Failover>(
        Store::Failover{{"F1", Channel::kTelegram, "7001", "Noodoproep", 0, 42},
                        "failover to telegram: 21610"});
  });
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_GT(*next, id);
  const auto rows = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, OutboxState::kFailed);
  EXPECT_EQ(rows[0].last_error, "failover to telegram: 21610");
  EXPECT_EQ(rows[1].id, *next);
  EXPECT_EQ(rows[1].state, OutboxState::kPending);
  EXPECT_EQ(rows[1].message.channel, Channel::kTelegram);
  EXPECT_EQ(rows[1].next_attempt_at, kNow + 3);
  EXPECT_EQ(must(store_->audit_log(1))[0].action, "outbound.failover");
}

TEST_F(StoreFailoverTest, FailOverWithoutANextMessageChangesNothing) {
  const std::int64_t id = claimed_sms();
  const Result<std::int64_t> next =
      store_->fail_over(id, kNow, [](Repository&) { return std::optional<Store::Failover>(); });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, 0);
  const auto rows = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::kSending);
}

TEST_F(StoreFailoverTest, AFailingDecisionRollsEverythingBack) {
  const std::int64_t id = claimed_sms();
  const Result<std::int64_t> next =
      store_->fail_over(id, kNow, [](Repository& repo) -> std::optional<Store::Failover> {
        repo.audit({kNow, "system", "outbound.failover", "half done"});
        throw std::runtime_error("disk full");
      });
  EXPECT_FALSE(next.ok());
  const auto rows = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].state, OutboxState::kSending);
  EXPECT_TRUE(must(store_->audit_log(5)).empty());
}

}  // namespace
}  // namespace noodbel::store
