#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <thread>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::TempDbPath;

std::unique_ptr<Store> open_or_die(const std::string& path) {
  auto store = Store::open(path, ::noodbel::testing_support::wall_clock());
  if (!store.ok()) throw std::runtime_error(store.error().message);
  return std::move(store).value();
}

OutboundMessage message(Channel channel, int priority, const std::string& to = "F1") {
  return {to, channel, "+32470000001", "Noodoproep", priority, std::nullopt};
}

std::int64_t enqueue(Store& store, const OutboundMessage& m, UnixTime now) {
  std::int64_t id = 0;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    id = repo.enqueue(m, now);
    return Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.error().message);
  return id;
}

Family family(const std::string& id) {
  Family f;
  f.id = id;
  f.service = "limburg";
  f.display_name = id;
  f.contacts = {{Channel::kSms, "+32470000001"}};
  f.postcode = "3500";
  f.languages = {Language::kNl};
  return f;
}

std::vector<std::int64_t> ids(const std::vector<OutboxItem>& items) {
  std::vector<std::int64_t> out;
  for (const OutboxItem& item : items) out.push_back(item.id);
  return out;
}

class StoreTest : public ::testing::Test {
 protected:
  StoreTest() : store_(open_or_die(path_.db())) {}

  bool nothing_written() {
    bool empty = false;
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      empty = repo.families().empty() && repo.open_calls().empty();
      return Ok();
    });
    const OutboxCounts counts = must(store_->outbox_counts());
    return s.ok() && empty && counts.pending == 0 && must(store_->audit_log(10)).empty();
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
};

// ---- transaction ----

TEST_F(StoreTest, TransactionCommitsStateAndOutboxTogether) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.upsert_family(family("F1"));
    repo.enqueue(message(Channel::kSms, 0), 1000);
    repo.audit({1000, "admin", "family.import", "1 family"});
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_FALSE(nothing_written());
  EXPECT_EQ(must(store_->outbox_counts()).pending, 1);
}

TEST_F(StoreTest, TransactionReturningAnErrorLeavesNoRows) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.upsert_family(family("F1"));
    repo.enqueue(message(Channel::kSms, 0), 1000);
    repo.audit({1000, "admin", "family.import", "1 family"});
    return Error::Invalid("postcode 99999 is not a Belgian postcode");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(s.error().message, "postcode 99999 is not a Belgian postcode");
  EXPECT_TRUE(nothing_written());
}

TEST_F(StoreTest, TransactionThatThrowsLeavesNoRowsAndBecomesAnInternalError) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.upsert_family(family("F1"));
    repo.enqueue(message(Channel::kSms, 0), 1000);
    throw std::runtime_error("ranking exploded");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInternal);
  EXPECT_NE(s.error().message.find("ranking exploded"), std::string::npos);
  EXPECT_TRUE(nothing_written());
}

TEST_F(StoreTest, StorageFailureInsideTheUnitOfWorkRollsBackEverything) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.enqueue(message(Channel::kSms, 0), 1000);
    Family bad = family("F1");
    bad.contacts = {{Channel::kUnknown, "?"}};  // refused by a CHECK constraint
    repo.upsert_family(bad);
    return Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInternal);
  EXPECT_NE(s.error().message.find("CHECK constraint failed"), std::string::npos)
      << s.error().message;
  EXPECT_TRUE(nothing_written());
}

TEST_F(StoreTest, TransactionCalledFromInsideATransactionIsRefusedNotDeadlocked) {
  Status inner = Ok();
  const Status outer = store_->transaction([&](Repository&) -> Status {
    inner = store_->transaction([](Repository&) -> Status { return Ok(); });
    return Ok();
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().kind, ErrorKind::kInternal);
}

TEST_F(StoreTest, BusyDatabaseBecomesUnavailableSoTheCallerCanRetry) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.enqueue(message(Channel::kSms, 0), 1000);
    throw StoreError("database is locked", SQLITE_BUSY, "INSERT INTO outbox ...");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(s.error().message.find("database is locked"), std::string::npos);
  EXPECT_TRUE(nothing_written());
}

TEST(StoreTwoConnections, SeeEachOthersCommits) {
  TempDbPath path;
  auto first = open_or_die(path.db());
  auto second = open_or_die(path.db());
  ASSERT_TRUE(first->transaction([](Repository& r) -> Status {
                     r.audit({1, "admin", "a", ""});
                     return Ok();
                   }).ok());
  ASSERT_TRUE(second->transaction([](Repository& r) -> Status {
                      r.audit({2, "admin", "b", ""});
                      return Ok();
                    }).ok());
  EXPECT_EQ(must(first->audit_log(10)).size(), 2u);
}

// ---- outbox ----

TEST_F(StoreTest, ClaimTakesDueRowsOfOneChannelByPriorityThenAge) {
  const std::int64_t low = enqueue(*store_, message(Channel::kSms, 5), 1000);
  const std::int64_t urgent_late = enqueue(*store_, message(Channel::kSms, 0), 1002);
  const std::int64_t urgent_early = enqueue(*store_, message(Channel::kSms, 0), 1001);
  enqueue(*store_, message(Channel::kTelegram, 0), 1000);
  const std::int64_t future = enqueue(*store_, message(Channel::kSms, 0), 5000);

  const auto claimed = must(store_->claim_outbox(Channel::kSms, 2000, 10));
  EXPECT_EQ(ids(claimed), (std::vector<std::int64_t>{urgent_early, urgent_late, low}));
  for (const OutboxItem& item : claimed) {
    EXPECT_EQ(item.state, OutboxState::kSending);
    EXPECT_EQ(item.attempts, 1);
    EXPECT_EQ(item.message.channel, Channel::kSms);
  }
  EXPECT_TRUE(must(store_->claim_outbox(Channel::kSms, 2000, 10)).empty()) << "already claimed";
  EXPECT_EQ(ids(must(store_->claim_outbox(Channel::kSms, 5000, 10))),
            std::vector<std::int64_t>{future});
  EXPECT_EQ(must(store_->claim_outbox(Channel::kTelegram, 2000, 10)).size(), 1u);
}

TEST_F(StoreTest, ClaimRespectsTheLimit) {
  for (int i = 0; i < 5; ++i) enqueue(*store_, message(Channel::kSms, 5), 1000 + i);
  EXPECT_EQ(must(store_->claim_outbox(Channel::kSms, 2000, 2)).size(), 2u);
  EXPECT_EQ(must(store_->outbox_counts()).sending, 2);
  EXPECT_EQ(must(store_->outbox_counts()).pending, 3);
}

TEST_F(StoreTest, ClaimedItemCarriesTheWholeMessage) {
  OutboundMessage m{"F7", Channel::kSignal, "+32470000007", "Noodoproep K42: ja/nee?", 0, 42};
  const std::int64_t id = enqueue(*store_, m, 1000);
  const auto claimed = must(store_->claim_outbox(Channel::kSignal, 1000, 1));
  ASSERT_EQ(claimed.size(), 1u);
  const OutboxItem& item = claimed[0];
  EXPECT_EQ(item.id, id);
  EXPECT_EQ(item.message.recipient_id, "F7");
  EXPECT_EQ(item.message.address, "+32470000007");
  EXPECT_EQ(item.message.text, "Noodoproep K42: ja/nee?");
  EXPECT_EQ(item.message.priority, 0);
  EXPECT_EQ(item.message.call_id, 42);
  EXPECT_EQ(item.created_at, 1000);
  EXPECT_EQ(item.next_attempt_at, 1000);
  EXPECT_EQ(item.last_error, "");
}

TEST_F(StoreTest, RetryMakesTheRowDueAgainLaterWithTheError) {
  const std::int64_t id = enqueue(*store_, message(Channel::kSms, 0), 1000);
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSms, 1000, 1)).size(), 1u);
  EXPECT_TRUE(store_->mark_retry(id, 1060, "HTTP 503 from Kannel").ok());
  EXPECT_TRUE(must(store_->claim_outbox(Channel::kSms, 1059, 1)).empty());
  const auto again = must(store_->claim_outbox(Channel::kSms, 1060, 1));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 2);
  EXPECT_EQ(again[0].last_error, "HTTP 503 from Kannel");
}

TEST_F(StoreTest, SentAndFailedRowsAreNotClaimedAgain) {
  const std::int64_t sent = enqueue(*store_, message(Channel::kSms, 0), 1000);
  const std::int64_t failed = enqueue(*store_, message(Channel::kSms, 0), 1000);
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSms, 1000, 10)).size(), 2u);
  EXPECT_TRUE(store_->mark_sent(sent, "kannel-77", 1001).ok());
  EXPECT_TRUE(store_->mark_failed(failed, "number does not exist", 1001).ok());
  EXPECT_EQ(must(store_->requeue_in_flight()), 0);
  EXPECT_TRUE(must(store_->claim_outbox(Channel::kSms, 9999, 10)).empty());
  const OutboxCounts counts = must(store_->outbox_counts());
  EXPECT_EQ(counts.sent, 1);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.pending, 0);
  EXPECT_EQ(counts.sending, 0);
  EXPECT_EQ(counts.oldest_pending_at, 0);
  const auto rows = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, OutboxState::kSent);
  EXPECT_EQ(rows[1].state, OutboxState::kFailed);
  EXPECT_EQ(rows[1].last_error, "number does not exist");
}

TEST(StoreCrash, RowsInFlightAtACrashAreRequeuedOnReopen) {
  TempDbPath path;
  std::int64_t in_flight = 0;
  {
    auto store = open_or_die(path.db());
    in_flight = enqueue(*store, message(Channel::kTelegram, 0), 1000);
    enqueue(*store, message(Channel::kTelegram, 5), 1001);
    ASSERT_EQ(must(store->claim_outbox(Channel::kTelegram, 1000, 1)).size(), 1u);
  }  // the process "dies" here: the claimed row stays `sending`
  auto reopened = open_or_die(path.db());
  EXPECT_EQ(must(reopened->outbox_counts()).sending, 1);
  EXPECT_EQ(must(reopened->requeue_in_flight()), 1);
  EXPECT_EQ(must(reopened->requeue_in_flight()), 0);
  const auto claimed = must(reopened->claim_outbox(Channel::kTelegram, 2000, 10));
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].id, in_flight);
  EXPECT_EQ(claimed[0].attempts, 2);
}

TEST_F(StoreTest, OutboxCountsReportOldestPending) {
  EXPECT_EQ(must(store_->outbox_counts()).oldest_pending_at, 0);
  enqueue(*store_, message(Channel::kSms, 5), 1500);
  enqueue(*store_, message(Channel::kSms, 5), 1200);
  enqueue(*store_, message(Channel::kSms, 0), 1800);
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSms, 9999, 1)).size(), 1u);  // the 1800 row
  const OutboxCounts counts = must(store_->outbox_counts());
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(counts.sending, 1);
  EXPECT_EQ(counts.oldest_pending_at, 1200);
}

TEST_F(StoreTest, OutboxForGivesTheNewestRowsOfOneRecipientOldestFirst) {
  const std::int64_t a = enqueue(*store_, message(Channel::kSandbox, 5, "F1"), 1000);
  enqueue(*store_, message(Channel::kSandbox, 5, "F2"), 1001);
  const std::int64_t b = enqueue(*store_, message(Channel::kSandbox, 5, "F1"), 1002);
  const std::int64_t c = enqueue(*store_, message(Channel::kSandbox, 5, "F1"), 1003);
  EXPECT_EQ(ids(must(store_->outbox_for("F1", 10))), (std::vector<std::int64_t>{a, b, c}));
  EXPECT_EQ(ids(must(store_->outbox_for("F1", 2))), (std::vector<std::int64_t>{b, c}));
  EXPECT_TRUE(must(store_->outbox_for("F9", 10)).empty());
}

TEST_F(StoreTest, TakeOutboxForMarksThePendingRowsOfOneContactSentOldestFirst) {
  auto slash = [](const std::string& user) {
    return OutboundMessage{"C001", Channel::kSlash, user, "Bord K42", 1, std::nullopt};
  };
  const std::int64_t second = enqueue(*store_, slash("U012ABC"), 1001);
  const std::int64_t first = enqueue(*store_, slash("U012ABC"), 1000);
  const std::int64_t other_user = enqueue(*store_, slash("U999"), 1000);
  OutboundMessage same_address_other_channel = slash("U012ABC");
  same_address_other_channel.channel = Channel::kTelegram;
  const std::int64_t telegram = enqueue(*store_, same_address_other_channel, 1000);

  const auto taken = must(store_->take_outbox_for(Channel::kSlash, "U012ABC", 1005));
  EXPECT_EQ(ids(taken), (std::vector<std::int64_t>{first, second}));
  for (const OutboxItem& item : taken) {
    EXPECT_EQ(item.state, OutboxState::kSent);
    EXPECT_EQ(item.attempts, 1);
    EXPECT_EQ(item.message.text, "Bord K42");
  }
  EXPECT_TRUE(must(store_->take_outbox_for(Channel::kSlash, "U012ABC", 1006)).empty())
      << "taken rows are not taken twice";
  const OutboxCounts counts = must(store_->outbox_counts());
  EXPECT_EQ(counts.sent, 2);
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(ids(must(store_->claim_outbox(Channel::kSlash, 9999, 10))),
            std::vector<std::int64_t>{other_user});
  EXPECT_EQ(ids(must(store_->claim_outbox(Channel::kTelegram, 9999, 10))),
            std::vector<std::int64_t>{telegram});
}

TEST_F(StoreTest, TakeOutboxForLeavesRowsTheDispatcherAlreadyClaimed) {
  const OutboundMessage m{"C001", Channel::kSlash, "U012ABC", "Bord K42", 1, std::nullopt};
  const std::int64_t id = enqueue(*store_, m, 1000);
  ASSERT_EQ(must(store_->claim_outbox(Channel::kSlash, 1000, 10)).size(), 1u);
  EXPECT_TRUE(must(store_->take_outbox_for(Channel::kSlash, "U012ABC", 1001)).empty());
  EXPECT_TRUE(store_->mark_retry(id, 1000, "later").ok());
  EXPECT_EQ(ids(must(store_->take_outbox_for(Channel::kSlash, "U012ABC", 1002))),
            std::vector<std::int64_t>{id});
}

TEST(StoreInMemory, OpensMigratedForTests) {
  auto store = Store::open(":memory:", ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(must((*store)->schema_version()), Store::latest_schema_version());
  enqueue(**store, message(Channel::kSms, 0), 1000);
  EXPECT_EQ(must((*store)->outbox_counts()).pending, 1);
}

TEST_F(StoreTest, ConcurrentTransactionsFromTwoThreadsAllCommit) {
  constexpr int kPerThread = 200;
  const auto work = [&](const std::string& who) {
    for (int i = 0; i < kPerThread; ++i) enqueue(*store_, message(Channel::kSms, 5, who), i);
  };
  std::thread a(work, "F1");
  std::thread b(work, "F2");
  a.join();
  b.join();
  EXPECT_EQ(must(store_->outbox_counts()).pending, 2 * kPerThread);
}

// ---- operations ----

TEST_F(StoreTest, AuditLogIsNewestFirstAndLimited) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.audit({1000, "C001", "call.open", "K1"});
    repo.audit({3000, "system", "call.expire", "K1"});
    repo.audit({2000, "F1", "response.record", "K1 yes"});
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto log = must(store_->audit_log(2));
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].at, 3000);
  EXPECT_EQ(log[0].actor, "system");
  EXPECT_EQ(log[0].action, "call.expire");
  EXPECT_EQ(log[1].at, 2000);
  EXPECT_EQ(log[1].detail, "K1 yes");
}

TEST_F(StoreTest, CountCallsPerState) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    Call c;
    c.code = "K1";
    repo.insert_call(c);
    c.code = "K2";
    repo.insert_call(c);
    c.code = "K3";
    c.state = CallState::kMatched;
    c.closed_at = 5;
    repo.insert_call(c);
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), 2);
  EXPECT_EQ(must(store_->count_calls(CallState::kMatched)), 1);
  EXPECT_EQ(must(store_->count_calls(CallState::kExpired)), 0);
  EXPECT_TRUE(store_->check().ok());
}

}  // namespace
}  // namespace noodbel::store
