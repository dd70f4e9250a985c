// Store's group commit (store/group_commit.cpp): concurrent writes share one transaction and
// one COMMIT, each in its own savepoint; each caller gets its own outcome after that COMMIT.
// To put writes in one group for sure, a first write holds the writer (its unit of work
// waits) until the others have queued behind it; they then commit together.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {
namespace {

using ::noodbel::testing_support::must;
using ::noodbel::testing_support::wall_clock;
using testing_support::TempDbPath;

constexpr UnixTime kT0 = 1'796'604'000;

Status audit(Store& store, const std::string& action, const std::string& detail) {
  return store.transaction([&](Repository& repo) -> Status {
    repo.audit({kT0, "system", action, detail});
    return Ok();
  });
}

class GroupCommit : public ::testing::Test {
 protected:
  GroupCommit() : store_(must(Store::open(path_.db(), wall_clock()))) {}

  std::int64_t commits() { return must(store_->metrics_snapshot()).store_commits; }
  std::int64_t writes() { return must(store_->metrics_snapshot()).store_writes; }

  // The details of the audit rows committed, whatever their action.
  std::set<std::string> audited() {
    std::set<std::string> details;
    for (const AuditEntry& e : must(store_->audit_log(1000))) details.insert(e.detail);
    return details;
  }

  // Waits until `n` writes are in the writer queue (so the next one queues behind them).
  void wait_until_queued(int n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (store_->queued_writes() < n && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_GE(store_->queued_writes(), n) << "a write never queued";
  }

  // Runs each of `writes` on its own thread while a first write ("holder") holds the
  // writer, releases the holder once all of them queued behind it, and returns their
  // outcomes in order. Each write queues before the next starts, so the group runs them in
  // the order given. They then form one group (there are fewer than Store::kMaxGroup).
  std::vector<Status> in_one_group(const std::vector<std::function<Status()>>& writes) {
    std::atomic<bool> holding{false};
    const int queued = static_cast<int>(writes.size()) + 1;
    std::thread holder([&] {
      EXPECT_TRUE(store_
                      ->transaction([&](Repository& repo) -> Status {
                        repo.audit({kT0, "system", "test.hold", "holder"});
                        holding = true;
                        const auto deadline =
                            std::chrono::steady_clock::now() + std::chrono::seconds(20);
                        while (store_->queued_writes() < queued) {
                          if (std::chrono::steady_clock::now() > deadline) {
                            return Error::Internal("the writes never queued");
                          }
                          std::this_thread::sleep_for(std::chrono::milliseconds(1));
                        }
                        return Ok();
                      })
                      .ok());
    });
    while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::vector<Status> outcomes(writes.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < writes.size(); ++i) {
      threads.emplace_back([&, i] { outcomes[i] = writes[i](); });
      // The holder and writes 0..i are queued, in this order. (After the last one, the
      // holder lets the group run, so the queue may already be empty again.)
      if (i + 1 < writes.size()) wait_until_queued(static_cast<int>(i) + 2);
    }
    holder.join();
    for (std::thread& t : threads) t.join();
    return outcomes;
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
};

TEST_F(GroupCommit, ConcurrentWritesAreAllCommittedWithFewerCommitsThanWrites) {
  const std::int64_t commits_before = commits();
  const std::int64_t writes_before = writes();
  std::vector<std::function<Status()>> writes16;
  for (int i = 0; i < 16; ++i) {
    writes16.emplace_back([this, i] { return audit(*store_, "test.write", std::to_string(i)); });
  }
  for (const Status& s : in_one_group(writes16)) EXPECT_TRUE(s.ok()) << s.error().message;
  const std::set<std::string> details = audited();
  for (int i = 0; i < 16; ++i) EXPECT_TRUE(details.count(std::to_string(i))) << i;
  EXPECT_EQ(writes() - writes_before, 17);
  EXPECT_EQ(commits() - commits_before, 2) << "the holder's commit, then one for the 16";
}

TEST_F(GroupCommit, ManyThreadsWritingAtOnceAreAllCommittedAndCounted) {
  const std::int64_t writes_before = writes();
  const std::int64_t commits_before = commits();
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (!audit(*store_, "test.write", std::to_string(t * 100 + i)).ok()) ++failed;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(audited().size(), 200u);
  EXPECT_EQ(writes() - writes_before, 200);
  EXPECT_GE(commits() - commits_before, 1);
  EXPECT_LE(commits() - commits_before, 200);
}

TEST_F(GroupCommit, AFailingWriteUndoesOnlyItsOwnChangesAndGetsItsOwnError) {
  const std::int64_t writes_before = writes();
  const auto error_after_writing = [this] {
    return store_->transaction([](Repository& repo) -> Status {
      repo.audit({kT0, "system", "test.write", "refused"});
      return Error::Invalid("the core refused");
    });
  };
  const auto throw_after_writing = [this] {
    return store_->transaction([](Repository& repo) -> Status {
      repo.audit({kT0, "system", "test.write", "threw"});
      throw std::runtime_error("boom");
    });
  };
  const auto sqlite_error_after_writing = [this] {  // a response to a call that is not there
    return store_->transaction([](Repository& repo) -> Status {
      repo.audit({kT0, "system", "test.write", "constraint"});
      repo.upsert_response({.call_id = 999, .family_id = "F1", .answered_at = kT0});
      return Ok();
    });
  };
  const std::vector<Status> outcomes = in_one_group({
      [this] { return audit(*store_, "test.write", "first"); },
      error_after_writing,
      [this] { return audit(*store_, "test.write", "middle"); },
      throw_after_writing,
      sqlite_error_after_writing,
      [this] { return audit(*store_, "test.write", "last"); },
  });
  EXPECT_TRUE(outcomes[0].ok());
  ASSERT_FALSE(outcomes[1].ok());
  EXPECT_EQ(outcomes[1].error().message, "the core refused");
  EXPECT_TRUE(outcomes[2].ok());
  ASSERT_FALSE(outcomes[3].ok());
  EXPECT_NE(outcomes[3].error().message.find("boom"), std::string::npos);
  ASSERT_FALSE(outcomes[4].ok());
  EXPECT_NE(outcomes[4].error().message.find("FOREIGN KEY"), std::string::npos)
      << outcomes[4].error().message;
  EXPECT_TRUE(outcomes[5].ok());
  EXPECT_EQ(audited(), (std::set<std::string>{"holder", "first", "middle", "last"}));
  EXPECT_EQ(writes() - writes_before, 4);
  EXPECT_EQ(store_->failed_writes_in_a_row(), 0) << "the last write succeeded";
}

TEST_F(GroupCommit, AFailedCommitFailsEveryWriteOfTheGroupAndChangesNothing) {
  // A real COMMIT failure: an audit row with action "poison" adds a row that breaks a
  // deferred foreign key, which SQLite checks only at COMMIT.
  ASSERT_TRUE(store_
                  ->with_database([](Database& db) -> Status {
                    db.exec(
                        "CREATE TABLE gate (id INTEGER PRIMARY KEY);"
                        "CREATE TABLE gated (gate_id INTEGER REFERENCES gate (id)"
                        " DEFERRABLE INITIALLY DEFERRED);"
                        "CREATE TRIGGER poison AFTER INSERT ON audit_log"
                        " WHEN NEW.action = 'poison' BEGIN INSERT INTO gated VALUES (1); END;");
                    return Ok();
                  })
                  .ok());
  const std::int64_t commits_before = commits();
  const std::int64_t writes_before = writes();
  const std::vector<Status> outcomes = in_one_group({
      [this] { return audit(*store_, "test.write", "a"); },
      [this] { return store_->mark_retry(1, kT0, "retry"); },
      [this] { return audit(*store_, "poison", "p"); },
      [this] { return audit(*store_, "test.write", "b"); },
  });
  for (const Status& s : outcomes) {
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("FOREIGN KEY constraint failed"), std::string::npos)
        << s.error().message;
  }
  EXPECT_EQ(audited(), std::set<std::string>{"holder"}) << "nothing of the group was kept";
  EXPECT_EQ(commits() - commits_before, 1) << "the holder's";
  EXPECT_EQ(writes() - writes_before, 1);
  EXPECT_EQ(store_->failed_writes_in_a_row(), 4) << "each write of the group failed";
  EXPECT_TRUE(audit(*store_, "test.write", "after").ok()) << "the store takes writes again";
  EXPECT_EQ(store_->failed_writes_in_a_row(), 0);
}

TEST_F(GroupCommit, AWriteFromInsideATransactionIsRefusedInsteadOfDeadlocking) {
  Status inner = Ok();
  const Status outer = store_->transaction([&](Repository& repo) -> Status {
    repo.audit({kT0, "system", "test.write", "outer"});
    inner = store_->mark_retry(1, kT0, "retry");
    return Ok();
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_NE(inner.error().message.find("called from inside a transaction"), std::string::npos)
      << inner.error().message;
  EXPECT_EQ(audited(), std::set<std::string>{"outer"});
}

TEST(StoreOptions, SynchronousIsFullByDefaultAndNormalOnlyWhenAsked) {
  TempDbPath path;
  const auto synchronous = [](Store& store) {
    int value = -1;
    EXPECT_TRUE(store
                    .with_database([&](Database& db) -> Status {
                      Query q = db.query("PRAGMA synchronous");
                      if (q->step()) value = q->integer(0);
                      return Ok();
                    })
                    .ok());
    return value;
  };
  constexpr int kNormal = 1;
  constexpr int kFull = 2;
  EXPECT_EQ(synchronous(*must(Store::open(path.db(), wall_clock()))), kFull);
  EXPECT_EQ(synchronous(*must(
                Store::open_with(path.db(), wall_clock(), {.synchronous = Synchronous::kNormal}))),
            kNormal);
  EXPECT_EQ(synchronous(*must(
                Store::open_with(path.db(), wall_clock(), {.synchronous = Synchronous::kFull}))),
            kFull);
}

}  // namespace
}  // namespace noodbel::store
