// How the Dispatcher reacts when its OutboxQueue fails (tests/support/store/
// fault_injecting_store.h): nothing is sent on a failed claim, an outcome the store could
// not record is kept and recorded before anything else is claimed, and the claim lease
// heals a lost claim without a restart but never wins over a kept outcome; and how many
// writes a steady flow of messages costs (a send's outcome rides with the next claim).
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/dispatch/dispatcher.h"
#include "fake_sender.h"
#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/must.h"

namespace noodbel {
namespace {

using ::noodbel::testing_support::must;
using testing_support::FakeSender;
using testing_support::FakeSenderState;
using testing_support::FaultInjectingStore;
using testing_support::FaultPlan;

constexpr UnixTime kStart = 1'760'000'000;
constexpr std::int64_t kLease = 300;
constexpr std::int64_t kCheck = 30;

class DispatcherStoreFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const DispatcherOptions defaults;
    make_dispatcher(defaults.record_within, defaults.poll_interval);
  }

  // A new dispatcher with the test's options and the given waits.
  void make_dispatcher(std::chrono::milliseconds record_within,
                       std::chrono::milliseconds poll = std::chrono::milliseconds(1000)) {
    DispatcherOptions options;
    options.rate_now = [this] { return clock_.now() * 1000; };
    options.backoff_jitter_percent = 0;
    options.lease_seconds = kLease;
    options.lease_check_seconds = kCheck;
    options.record_within = record_within;
    options.poll_interval = poll;
    dispatcher_ = std::make_unique<Dispatcher>(*faults_, clock_, options);
    dispatcher_->add_channel(std::make_unique<FakeSender>(Channel::kSandbox, sender_));
  }

  // Waits (at most 10 s) until the sender was called n times.
  bool sends_reach(std::size_t n) {
    std::unique_lock lock(sender_->mu);
    return sender_->cv.wait_for(lock, std::chrono::seconds(10),
                                [&] { return sender_->sent.size() >= n; });
  }

  std::int64_t enqueue(const std::string& recipient) {
    OutboundMessage m;
    m.recipient_id = recipient;
    m.channel = Channel::kSandbox;
    m.address = recipient;
    m.text = "hallo";
    std::int64_t id = 0;
    EXPECT_TRUE(store_
                    ->transaction([&](Repository& repo) -> Status {
                      id = repo.enqueue(m, clock_.now());
                      return Ok();
                    })
                    .ok());
    return id;
  }

  OutboxItem row(const std::string& recipient) {
    const auto rows = must(store_->outbox_for(recipient, 10));
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? OutboxItem{} : rows.front();
  }

  // The store starts failing while the provider handles the message: the claim went
  // through, recording the outcome does not.
  void fail_during_send(FaultPlan plan) {
    const std::lock_guard lock(sender_->mu);
    sender_->on_send = [this, plan] { faults_->set_plan(plan); };
  }

  int run() { return dispatcher_->run_once(Channel::kSandbox); }
  std::int64_t leases_expired() { return must(store_->metrics_snapshot()).outbox_leases_expired; }

  ManualClock clock_{kStart};
  // Stamps claims with the clock the dispatcher reads, as in `noodbel serve`.
  std::unique_ptr<store::Store> store_ = must(store::Store::open(":memory:", clock_));
  std::unique_ptr<FaultInjectingStore> faults_ = std::make_unique<FaultInjectingStore>(*store_);
  std::shared_ptr<FakeSenderState> sender_ = std::make_shared<FakeSenderState>();
  std::unique_ptr<Dispatcher> dispatcher_;  // last: destroyed (and stopped) first
};

TEST_F(DispatcherStoreFaultsTest, AFailedClaimSendsNothingAndTheNextRoundSends) {
  enqueue("F0001");
  faults_->set_plan({.fail_next = 1, .disk_full = true});
  EXPECT_EQ(run(), 0);
  EXPECT_EQ(sender_->calls(), 0u);
  EXPECT_EQ(row("F0001").state, OutboxState::kPending);
  EXPECT_EQ(row("F0001").attempts, 0) << "a failed claim is not an attempt";
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
}

TEST_F(DispatcherStoreFaultsTest, ASendTheStoreCouldNotRecordIsRecordedLaterAndNotSentAgain) {
  enqueue("F0001");
  fail_during_send({.fail_always = true, .writes_only = true});
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSending) << "mark_sent failed";
  // While the store still fails nothing new is claimed or sent.
  enqueue("F0002");
  sender_->on_send = nullptr;
  EXPECT_EQ(run(), 0);
  EXPECT_EQ(sender_->calls(), 1u);
  // The store is back: the kept outcome is recorded first, then F0002 goes out.
  faults_->clear();
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(sender_->calls(), 2u) << "F0001 was not sent twice";
  EXPECT_EQ(sender_->recipients(), (std::vector<std::string>{"F0001", "F0002"}));
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(row("F0002").state, OutboxState::kSent);
}

TEST_F(DispatcherStoreFaultsTest, ARetryTheStoreCouldNotRecordIsRecordedWithItsDelay) {
  enqueue("F0001");
  sender_->add({SendResult::temporary("HTTP 503")});
  fail_during_send({.fail_next = 1});
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSending);
  EXPECT_EQ(run(), 0) << "the kept retry is recorded; the row is not due yet";
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kPending);
  EXPECT_EQ(item.last_error, "HTTP 503");
  EXPECT_GT(item.next_attempt_at, kStart);
}

TEST_F(DispatcherStoreFaultsTest, APermanentFailureTheStoreCouldNotRecordIsRecordedLater) {
  enqueue("F0001");
  sender_->add({SendResult::permanent("number does not exist")});
  fail_during_send({.fail_next = 2});  // fail_over's transaction, then recording `failed`
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSending);
  EXPECT_EQ(run(), 0);
  EXPECT_EQ(row("F0001").state, OutboxState::kFailed);
  EXPECT_EQ(row("F0001").last_error, "number does not exist");
}

TEST_F(DispatcherStoreFaultsTest, ASlowStoreDelaysButDoesNotLoseASend) {
  enqueue("F0001");
  faults_->set_plan({.delay = std::chrono::milliseconds(20)});
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(run(), 1);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(40));
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(faults_->failures(), 0);
}

TEST_F(DispatcherStoreFaultsTest, ALostClaimGoesBackToPendingAfterTheLeaseAndIsSentWithoutARestart) {
  enqueue("F0001");
  // A claim nobody records: what a round that threw, or a claim whose answer was lost,
  // leaves behind. Before, only requeue_in_flight at the next start-up cleared it.
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSandbox, clock_.now(), 10)).size(), 1u);
  clock_.advance(kLease - 1);
  EXPECT_EQ(run(), 0) << "the lease still runs";
  EXPECT_EQ(row("F0001").state, OutboxState::kSending);
  clock_.advance(kCheck);
  EXPECT_EQ(run(), 1) << "the lease expired: back to pending and sent in the same round";
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(sender_->calls(), 1u);
  EXPECT_EQ(leases_expired(), 1);
}

TEST_F(DispatcherStoreFaultsTest, AMarkSentFailureHealsWithoutARestartAndTheMessageIsSentOnce) {
  enqueue("F0001");
  {
    const std::lock_guard lock(sender_->mu);
    sender_->on_send = [this] {
      faults_->set_plan({.fail_always = true, .only_call = "record_and_claim"});
    };
  }
  EXPECT_EQ(run(), 1);
  sender_->on_send = nullptr;
  EXPECT_EQ(row("F0001").state, OutboxState::kSending) << "recording failed; the outcome is kept";
  // Long past the lease, with the lease check working: the kept `sent` outcome wins, the
  // row is not released to pending (it would be claimable and sent a second time).
  for (int i = 0; i < 3; ++i) {
    clock_.advance(kLease);
    EXPECT_EQ(run(), 0);
    EXPECT_EQ(row("F0001").state, OutboxState::kSending);
  }
  EXPECT_EQ(leases_expired(), 0);
  // The write works again: recorded `sent`, no restart, no second send.
  faults_->clear();
  clock_.advance(kLease);
  EXPECT_EQ(run(), 0);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(sender_->calls(), 1u);
  EXPECT_EQ(leases_expired(), 0);
}

TEST_F(DispatcherStoreFaultsTest, AFailedLeaseCheckDoesNotStopTheRoundAndIsTriedAgain) {
  enqueue("F0001");
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSandbox, clock_.now(), 10)).size(), 1u);
  enqueue("F0002");
  clock_.advance(kLease + kCheck);
  faults_->set_plan({.fail_next = 1, .only_call = "release_expired_leases"});
  EXPECT_EQ(run(), 1) << "F0002 goes out although the lease check failed";
  EXPECT_EQ(row("F0001").state, OutboxState::kSending);
  EXPECT_EQ(run(), 0) << "the next check waits lease_check_seconds";
  clock_.advance(kCheck);
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(sender_->recipients(), (std::vector<std::string>{"F0002", "F0001"}));
}

TEST_F(DispatcherStoreFaultsTest, ASteadyFlowRecordsEachSendWithTheNextClaimInOneWrite) {
  make_dispatcher(std::chrono::seconds(60), std::chrono::seconds(60));
  dispatcher_->start();
  constexpr int kMessages = 5;
  const int before = faults_->calls();
  for (int i = 0; i < kMessages; ++i) {
    const std::string family = "F000" + std::to_string(i + 1);
    enqueue(family);
    dispatcher_->notify();
    ASSERT_TRUE(sends_reach(static_cast<std::size_t>(i + 1))) << family << " was not sent";
    if (i > 0) {
      const std::string previous = "F000" + std::to_string(i);
      EXPECT_EQ(row(previous).state, OutboxState::kSent)
          << previous << " is recorded before the next message goes out";
    }
  }
  EXPECT_EQ(row("F0005").state, OutboxState::kSending) << "its outcome waits for a claim";
  dispatcher_->stop();
  EXPECT_EQ(row("F0005").state, OutboxState::kSent) << "stop() records what it kept";
  // One record-and-claim per message, one lease check, the last outcome at stop: not two
  // writes per message.
  EXPECT_LE(faults_->calls() - before, kMessages + 2);
  EXPECT_EQ(sender_->calls(), static_cast<std::size_t>(kMessages));
}

TEST_F(DispatcherStoreFaultsTest, AKeptOutcomeIsWrittenAloneWhenNoClaimComesWithinTheWait) {
  make_dispatcher(std::chrono::milliseconds(20), std::chrono::seconds(60));
  dispatcher_->start();
  enqueue("F0001");
  dispatcher_->notify();
  ASSERT_TRUE(sends_reach(1));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (row("F0001").state != OutboxState::kSent && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(row("F0001").state, OutboxState::kSent)
      << "recorded after record_within, long before the 60 s poll";
}

}  // namespace
}  // namespace noodbel
