// A crash never loses a queued message: rows claimed by a dispatcher whose process died
// are sent again by the next one (at-least-once), on the same database file.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/dispatch/dispatcher.h"
#include "fake_sender.h"
#include "store/store.h"
#include "store/temp_db.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

using store::testing_support::TempDbPath;
using testing_support::FakeSender;
using testing_support::FakeSenderState;

constexpr UnixTime kStart = 1'760'000'000;

std::unique_ptr<store::Store> open_store(const std::string& path) {
  auto opened = store::Store::open(path, ::noodbel::testing_support::wall_clock());
  EXPECT_TRUE(opened.ok()) << opened.error().message;
  return opened.ok() ? std::move(opened).value() : nullptr;
}

TEST(DispatchCrashRecovery, RowsInFlightWhenTheProcessDiedAreSentAgainAfterRestart) {
  TempDbPath path;
  ManualClock clock(kStart);
  {
    auto store = open_store(path.db());
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->transaction([&](Repository& repo) -> Status {
      for (const char* family : {"F0001", "F0002", "F0003"}) {
        repo.enqueue({family, Channel::kSandbox, family, "Crisisoproep K42", 0, 42}, clock.now());
      }
      return Ok();
    }).ok());
    // The old process claimed two rows and handed them to the provider, then died before
    // recording the outcome: they stay `sending`; the third was still pending.
    ASSERT_EQ(must(store->claim_outbox(Channel::kSandbox, clock.now(), 2)).size(), 2u);
    EXPECT_EQ(must(store->outbox_counts()).sending, 2);
  }  // the process "dies": no mark_sent, no stop()

  clock.advance(60);
  auto store = open_store(path.db());
  ASSERT_TRUE(store);
  EXPECT_EQ(must(store->requeue_in_flight()), 2);  // at start-up, before the dispatcher starts
  auto sender = std::make_shared<FakeSenderState>();
  Dispatcher dispatcher(*store, clock);
  dispatcher.add_channel(std::make_unique<FakeSender>(Channel::kSandbox, sender));
  EXPECT_EQ(dispatcher.run_once(Channel::kSandbox), 3);
  EXPECT_EQ(sender->recipients(), (std::vector<std::string>{"F0001", "F0002", "F0003"}));
  const store::OutboxCounts counts = must(store->outbox_counts());
  EXPECT_EQ(counts.sent, 3);
  EXPECT_EQ(counts.pending + counts.sending + counts.failed, 0);
  // The rows sent twice show it: their first attempt died with the process.
  EXPECT_EQ(must(store->outbox_for("F0001", 1))[0].attempts, 2);
  EXPECT_EQ(must(store->outbox_for("F0003", 1))[0].attempts, 1);
}

TEST(DispatchCrashRecovery, StoppingPutsClaimedButUnsentRowsBackWithoutCountingAnAttempt) {
  TempDbPath path;
  ManualClock clock(kStart);
  auto store = open_store(path.db());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->transaction([&](Repository& repo) -> Status {
    repo.enqueue({"F0001", Channel::kSandbox, "F0001", "a", 0, 42}, clock.now());
    repo.enqueue({"F0002", Channel::kSandbox, "F0002", "b", 0, 42}, clock.now());
    return Ok();
  }).ok());
  auto sender = std::make_shared<FakeSenderState>();
  Dispatcher dispatcher(*store, clock);
  sender->on_send = [&dispatcher] { dispatcher.stop(); };
  dispatcher.add_channel(std::make_unique<FakeSender>(Channel::kSandbox, sender));
  EXPECT_EQ(dispatcher.run_once(Channel::kSandbox), 1);
  store.reset();
  auto reopened = open_store(path.db());
  ASSERT_TRUE(reopened);
  EXPECT_EQ(must(reopened->requeue_in_flight()), 0);  // nothing was left `sending`
  const OutboxItem left = must(reopened->outbox_for("F0002", 1))[0];
  EXPECT_EQ(left.state, OutboxState::kPending);
  EXPECT_EQ(left.attempts, 0);
}

}  // namespace
}  // namespace noodbel
