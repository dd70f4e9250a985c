// The rules of OutboxQueue (store/ports/outbox_queue.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/contracts/store_implementations.h"
#include "store/ports/outbox_queue.h"
#include "support/store/wall_clock.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
class OutboxQueueContract : public StorePortContract<store::OutboxQueue, Impl> {
 protected:
  std::vector<OutboxItem> claim(UnixTime now, int limit = 10, Channel c = Channel::kSms) {
    return must(this->port().claim_outbox(c, now, limit));
  }
};
TYPED_TEST_SUITE(OutboxQueueContract, StoreImplementations, ImplementationNames);

constexpr UnixTime kT0 = 1'760'000'000;

std::vector<std::int64_t> ids(const std::vector<OutboxItem>& items) {
  std::vector<std::int64_t> out;
  for (const OutboxItem& i : items) out.push_back(i.id);
  return out;
}

TYPED_TEST(OutboxQueueContract, ClaimTakesDueRowsOfTheChannelByPriorityThenAgeMarkedSending) {
  const std::int64_t late = this->enqueue("F1", Channel::kSms, kT0 + 1, 5);
  const std::int64_t urgent = this->enqueue("F2", Channel::kSms, kT0 + 2, 0);
  const std::int64_t early = this->enqueue("F3", Channel::kSms, kT0, 5);
  this->enqueue("F4", Channel::kTelegram, kT0, 5);
  this->enqueue("F5", Channel::kSms, kT0 + 100, 5);  // not due
  const std::vector<OutboxItem> claimed = this->claim(kT0 + 10);
  EXPECT_EQ(ids(claimed), (std::vector<std::int64_t>{urgent, early, late}));
  for (const OutboxItem& item : claimed) {
    EXPECT_EQ(item.state, OutboxState::kSending);
    EXPECT_EQ(item.attempts, 1);
  }
  EXPECT_EQ(this->state_of(late, "F1"), OutboxState::kSending);
  EXPECT_TRUE(this->claim(kT0 + 10).empty()) << "claimed rows are not claimed again";
}

TYPED_TEST(OutboxQueueContract, ClaimTakesNoMoreThanTheLimitAndNothingWhenNothingIsDue) {
  EXPECT_TRUE(this->claim(kT0).empty());
  for (const char* r : {"F1", "F2", "F3"}) this->enqueue(r);
  EXPECT_EQ(this->claim(kT0, 2).size(), 2u);
  EXPECT_EQ(this->claim(kT0, 2).size(), 1u);
}

TYPED_TEST(OutboxQueueContract, MarkSentRecordsTheProviderIdAndTime) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  EXPECT_TRUE(this->port().mark_sent(id, "tw:SM1", kT0 + 1).ok());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSent);
}

TYPED_TEST(OutboxQueueContract, MarkRetryMakesTheRowPendingAndDueLaterWithItsError) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  EXPECT_TRUE(this->port().mark_retry(id, kT0 + 60, "HTTP 503").ok());
  const OutboxItem r = *this->row(id, "F1");
  EXPECT_EQ(r.state, OutboxState::kPending);
  EXPECT_EQ(r.next_attempt_at, kT0 + 60);
  EXPECT_EQ(r.last_error, "HTTP 503");
  EXPECT_TRUE(this->claim(kT0 + 59).empty());
  EXPECT_EQ(this->claim(kT0 + 60)[0].attempts, 2);
}

TYPED_TEST(OutboxQueueContract, MarkFailedGivesTheRowUpWithItsError) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  EXPECT_TRUE(this->port().mark_failed(id, "number does not exist", kT0 + 1).ok());
  const OutboxItem r = *this->row(id, "F1");
  EXPECT_EQ(r.state, OutboxState::kFailed);
  EXPECT_EQ(r.last_error, "number does not exist");
  EXPECT_TRUE(this->claim(kT0 + 999).empty());
}

TYPED_TEST(OutboxQueueContract, ReleasePutsAClaimedRowBackWithoutCountingTheAttempt) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  EXPECT_TRUE(this->port().release(id, kT0 + 5).ok());
  const OutboxItem r = *this->row(id, "F1");
  EXPECT_EQ(r.state, OutboxState::kPending);
  EXPECT_EQ(r.attempts, 0);
  EXPECT_EQ(r.next_attempt_at, kT0 + 5);
}

TYPED_TEST(OutboxQueueContract, ReleaseLeavesARowThatIsNotBeingSentAlone) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  ASSERT_TRUE(this->port().mark_sent(id, "tw:SM1", kT0).ok());
  EXPECT_TRUE(this->port().release(id, kT0 + 5).ok());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSent);
}

using Outcome = store::OutboxQueue::Outcome;

TYPED_TEST(OutboxQueueContract, RecordAndClaimRecordsEachOutcomeThenClaimsWhatIsDue) {
  const std::int64_t sent = this->enqueue("F1");
  const std::int64_t retry = this->enqueue("F2");
  const std::int64_t failed = this->enqueue("F3");
  const std::int64_t released = this->enqueue("F4");
  ASSERT_EQ(this->claim(kT0).size(), 4u);
  const std::int64_t next = this->enqueue("F5");
  const std::vector<Outcome> outcomes = {
      {Outcome::Kind::kSent, sent, kT0 + 1, "tw:SM1", {}},
      {Outcome::Kind::kRetry, retry, kT0 + 60, {}, "HTTP 503"},
      {Outcome::Kind::kFailed, failed, kT0 + 1, {}, "number does not exist"},
      {Outcome::Kind::kRelease, released, kT0 + 30, {}, {}}};
  const std::vector<OutboxItem> claimed =
      must(this->port().record_and_claim(outcomes, Channel::kSms, kT0 + 1, 10));
  EXPECT_EQ(ids(claimed), (std::vector<std::int64_t>{next})) << "only the due row";
  EXPECT_EQ(this->state_of(sent, "F1"), OutboxState::kSent);
  const OutboxItem r = *this->row(retry, "F2");
  EXPECT_EQ(r.state, OutboxState::kPending);
  EXPECT_EQ(r.next_attempt_at, kT0 + 60);
  EXPECT_EQ(r.last_error, "HTTP 503");
  const OutboxItem f = *this->row(failed, "F3");
  EXPECT_EQ(f.state, OutboxState::kFailed);
  EXPECT_EQ(f.last_error, "number does not exist");
  const OutboxItem back = *this->row(released, "F4");
  EXPECT_EQ(back.state, OutboxState::kPending);
  EXPECT_EQ(back.attempts, 0) << "a release does not count the claim";
  EXPECT_EQ(back.next_attempt_at, kT0 + 30);
  EXPECT_EQ(ids(this->claim(kT0 + 60)), (std::vector<std::int64_t>{retry, released}));
}

TYPED_TEST(OutboxQueueContract, RecordAndClaimWithoutALimitOnlyRecords) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  const std::int64_t waiting = this->enqueue("F2");
  const std::vector<Outcome> sent = {{Outcome::Kind::kSent, id, kT0, "tw:SM1", {}}};
  EXPECT_TRUE(must(this->port().record_and_claim(sent, Channel::kSms, kT0, 0)).empty());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSent);
  EXPECT_EQ(this->state_of(waiting, "F2"), OutboxState::kPending);
}

TYPED_TEST(OutboxQueueContract, RecordAndClaimWithNoOutcomesClaimsLikeClaimOutbox) {
  const std::int64_t a = this->enqueue("F1");
  this->enqueue("F2", Channel::kTelegram);
  const std::vector<OutboxItem> claimed =
      must(this->port().record_and_claim({}, Channel::kSms, kT0, 10));
  EXPECT_EQ(ids(claimed), (std::vector<std::int64_t>{a}));
  EXPECT_EQ(claimed[0].state, OutboxState::kSending);
  EXPECT_EQ(claimed[0].attempts, 1);
}

TYPED_TEST(OutboxQueueContract, FailOverFailsTheRowAndQueuesTheDecidedMessageInOneStep) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  const Result<std::int64_t> next = this->port().fail_over(
      id, kT0 + 1, [](Repository&) -> std::optional<store::OutboxQueue::Failover> {
        return store::OutboxQueue::Failover{
            {"F1", Channel::kSignal, "+32470000001", "text for F1", 5, {}, {}},
            "failover: sent to signal"};
      });
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_GT(*next, id);
  const OutboxItem old = *this->row(id, "F1");
  EXPECT_EQ(old.state, OutboxState::kFailed);
  EXPECT_EQ(old.last_error, "failover: sent to signal");
  const OutboxItem fresh = *this->row(*next, "F1");
  EXPECT_EQ(fresh.state, OutboxState::kPending);
  EXPECT_EQ(fresh.message.channel, Channel::kSignal);
}

TYPED_TEST(OutboxQueueContract, FailOverWithoutADecisionChangesNothingAndReturnsZero) {
  const std::int64_t id = this->enqueue("F1");
  this->claim(kT0);
  const Result<std::int64_t> next = this->port().fail_over(
      id, kT0 + 1,
      [](Repository&) -> std::optional<store::OutboxQueue::Failover> { return std::nullopt; });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, 0);
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSending);
}

TYPED_TEST(OutboxQueueContract, RequeueInFlightReturnsRowsLeftSendingToPendingAndCountsThem) {
  this->enqueue("F1");
  this->enqueue("F2");
  this->claim(kT0);
  EXPECT_EQ(must(this->port().requeue_in_flight()), 2);
  EXPECT_EQ(must(this->port().requeue_in_flight()), 0);
  EXPECT_EQ(this->claim(kT0).size(), 2u);
}

// claim_outbox stamps its claims with the Store's clock: the wall clock here.
UnixTime claim_time() { return testing_support::wall_clock().now(); }

TYPED_TEST(OutboxQueueContract, ReleaseExpiredLeasesReturnsOnlyClaimsOlderThanTheLeaseToPending) {
  const std::int64_t id = this->enqueue("F1");
  const UnixTime claimed_at = claim_time();
  this->claim(kT0);
  EXPECT_EQ(must(this->port().release_expired_leases(Channel::kSms, claimed_at + 299, 300)), 0);
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSending) << "the lease still runs";
  const UnixTime expired = claim_time() + 300;
  EXPECT_EQ(must(this->port().release_expired_leases(Channel::kSms, expired, 300)), 1);
  const OutboxItem r = *this->row(id, "F1");
  EXPECT_EQ(r.state, OutboxState::kPending);
  EXPECT_EQ(r.attempts, 1) << "the lost claim may have reached the provider: it counts";
  EXPECT_EQ(r.last_error, "claim lease expired");
  EXPECT_EQ(must(this->port().release_expired_leases(Channel::kSms, expired, 300)), 0);
  const std::vector<OutboxItem> again = this->claim(kT0);
  ASSERT_EQ(again.size(), 1u) << "due at once";
  EXPECT_EQ(again[0].attempts, 2);
}

TYPED_TEST(OutboxQueueContract, ReleaseExpiredLeasesLeavesOtherChannelsAndFinishedRowsAlone) {
  const std::int64_t lost = this->enqueue("F1", Channel::kSms);
  const std::int64_t other = this->enqueue("F2", Channel::kTelegram);
  const std::int64_t sent = this->enqueue("F3", Channel::kSms);
  this->claim(kT0, 10, Channel::kSms);
  this->claim(kT0, 10, Channel::kTelegram);
  ASSERT_TRUE(this->port().mark_sent(sent, "tw:SM3", kT0).ok());
  const UnixTime expired = claim_time() + 600;
  EXPECT_EQ(must(this->port().release_expired_leases(Channel::kSms, expired, 300)), 1);
  EXPECT_EQ(this->state_of(lost, "F1"), OutboxState::kPending);
  EXPECT_EQ(this->state_of(other, "F2"), OutboxState::kSending) << "another channel's lease";
  EXPECT_EQ(this->state_of(sent, "F3"), OutboxState::kSent);
}

TYPED_TEST(OutboxQueueContract, ReleasedLeasesAreCountedInTheMetricsSnapshot) {
  this->enqueue("F1");
  this->enqueue("F2");
  this->claim(kT0);
  EXPECT_EQ(must(this->store().metrics_snapshot()).outbox_leases_expired, 0);
  ASSERT_EQ(must(this->port().release_expired_leases(Channel::kSms, claim_time() + 600, 300)), 2);
  EXPECT_EQ(must(this->store().metrics_snapshot()).outbox_leases_expired, 2);
}

}  // namespace
}  // namespace noodbel::contracts
