// Store::mark_delivery: delivery reports of SMS providers (Twilio status callbacks, Kannel
// delivery reports) moving sent outbox rows to delivered or failed.
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

class StoreDeliveryTest : public ::testing::Test {
 protected:
  StoreDeliveryTest() {
    auto opened = Store::open(path_.db(), ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
  }

  // Enqueues one SMS and claims it, as the dispatcher does before sending.
  std::int64_t claimed_sms() {
    std::int64_t id = 0;
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      id = repo.enqueue({"F1", Channel::kSms, "+32470000001", "Noodoproep", 0, std::nullopt}, kNow);
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
    const auto claimed = must(store_->claim_outbox(Channel::kSms, kNow, 10));
    if (claimed.size() != 1 || claimed[0].id != id) throw std::runtime_error("claim failed");
    return id;
  }

  OutboxState state_of(std::int64_t id) {
    for (const OutboxItem& item : must(store_->outbox_for("F1", 100))) {
      if (item.id == id) return item.state;
    }
    throw std::runtime_error("row not found");
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreDeliveryTest, MarksASentRowDelivered) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(id, "tw:SM123", kNow).ok());
  EXPECT_TRUE(store_->mark_delivery("tw:SM123", OutboxState::kDelivered, kNow + 5).ok());
  EXPECT_EQ(state_of(id), OutboxState::kDelivered);
  EXPECT_EQ(must(store_->outbox_counts()).delivered, 1);
  EXPECT_EQ(must(store_->outbox_counts()).sent, 0);
}

TEST_F(StoreDeliveryTest, MarksASentRowFailedWithAReason) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(id, "kn:7", kNow).ok());
  EXPECT_TRUE(store_->mark_delivery("kn:7", OutboxState::kFailed, kNow + 5).ok());
  EXPECT_EQ(state_of(id), OutboxState::kFailed);
  const auto items = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].last_error, "delivery failed");
}

TEST_F(StoreDeliveryTest, ALaterFailureReportDoesNotUndoADelivery) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(id, "tw:SM1", kNow).ok());
  EXPECT_TRUE(store_->mark_delivery("tw:SM1", OutboxState::kDelivered, kNow + 1).ok());
  EXPECT_TRUE(store_->mark_delivery("tw:SM1", OutboxState::kFailed, kNow + 2).ok());
  EXPECT_TRUE(store_->mark_delivery("tw:SM1", OutboxState::kDelivered, kNow + 3).ok());  // a replay
  EXPECT_EQ(state_of(id), OutboxState::kDelivered);
  EXPECT_EQ(must(store_->outbox_counts()).delivered, 1);
  EXPECT_EQ(must(store_->outbox_counts()).failed, 0);
}

TEST_F(StoreDeliveryTest, UnknownIdsAndRowsNotYetSentAreLeftAlone) {
  const std::int64_t id = claimed_sms();  // still `sending`, no provider id yet
  EXPECT_TRUE(store_->mark_delivery("tw:SM-unknown", OutboxState::kDelivered, kNow).ok());
  EXPECT_TRUE(store_->mark_delivery("", OutboxState::kFailed, kNow).ok());
  EXPECT_EQ(state_of(id), OutboxState::kSending);
  EXPECT_TRUE(store_->mark_sent(id, "tw:SM2", kNow).ok());
  EXPECT_TRUE(store_->mark_delivery("tw:SM-unknown", OutboxState::kDelivered, kNow).ok());
  EXPECT_EQ(state_of(id), OutboxState::kSent);
}

TEST_F(StoreDeliveryTest, AReportBeforeTheSendIsRecordedIsAppliedByMarkSent) {
  // fakesmsc reports delivery within a millisecond, before the dispatcher's mark_sent.
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_delivery("kn:1", OutboxState::kDelivered, kNow).ok());
  EXPECT_EQ(state_of(id), OutboxState::kSending);
  EXPECT_TRUE(store_->mark_sent(id, "kn:1", kNow).ok());
  EXPECT_EQ(state_of(id), OutboxState::kDelivered);
}

TEST_F(StoreDeliveryTest, AnEarlyFailureReportIsAppliedToItsOwnMessageOnly) {
  const std::int64_t first = claimed_sms();
  EXPECT_TRUE(store_->mark_delivery("kn:5", OutboxState::kFailed, kNow).ok());
  EXPECT_TRUE(store_->mark_sent(first, "kn:5", kNow).ok());
  EXPECT_EQ(state_of(first), OutboxState::kFailed);
  const std::int64_t second = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(second, "kn:6", kNow).ok());
  EXPECT_EQ(state_of(second), OutboxState::kSent);
}

TEST_F(StoreDeliveryTest, RefusesTargetStatesOtherThanDeliveredOrFailed) {
  const std::int64_t id = claimed_sms();
  EXPECT_TRUE(store_->mark_sent(id, "tw:SM3", kNow).ok());
  EXPECT_FALSE(store_->mark_delivery("tw:SM3", OutboxState::kPending, kNow).ok());
  EXPECT_FALSE(store_->mark_delivery("tw:SM3", OutboxState::kSending, kNow).ok());
  EXPECT_EQ(state_of(id), OutboxState::kSent);
}

}  // namespace
}  // namespace noodbel::store
