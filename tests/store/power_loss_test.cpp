// Power loss, not kill -9 (issue 12, section 2): a real Store on the power-cut VFS
// (support/store/power_loss_vfs.h) keeps every reply it answered 200 for, wherever the power
// goes; and the VFS does see a loss when the store does not sync each commit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "store/sqlite.h"
#include "store/store.h"
#include "support/store/power_loss_vfs.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {
namespace {

using ::noodbel::testing_support::PowerLossVfs;
using testing_support::TempDbPath;

constexpr UnixTime kNow = 1'796'604'000;
constexpr int kNormal = 1;  // PRAGMA synchronous: sync at checkpoints only
constexpr int kFull = 2;    // PRAGMA synchronous: sync the WAL at every commit

std::unique_ptr<Store> open_store(const std::string& path) {
  auto opened = Store::open(path, ::noodbel::testing_support::wall_clock());
  if (!opened.ok()) throw std::runtime_error(opened.error().message);
  return std::move(opened).value();
}

int synchronous(Store& store) {
  int level = -1;
  const Status read = store.with_database([&](Database& db) -> Status {
    Query q = db.query("PRAGMA synchronous");
    if (q->step()) level = q->integer(0);
    return Ok();
  });
  EXPECT_TRUE(read.ok());
  return level;
}

void set_synchronous(Store& store, int level) {
  const Status set = store.with_database([level](Database& db) -> Status {
    db.exec(level == kFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    return Ok();
  });
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(synchronous(store), level);
}

std::string family_of(int i) { return fmt::format("F{:04}", i); }

InboundMessage reply(int i) {
  InboundMessage m;
  m.channel = Channel::kSms;
  m.address = fmt::format("+3247{:07}", i);
  m.provider_id = fmt::format("SM{:06}", i);
  m.text = "ja";
  m.received_at = kNow + i;
  return m;
}

// Family i's "ja" to `call`, recorded as the inbound path records a reply: its id in the
// inbox, the answer, and the acknowledgement in the outbox, in one transaction. True is the
// moment the webhook answers 200.
bool answered(Store& store, std::int64_t call, int i) {
  return store
      .transaction([&](Repository& repo) -> Status {
        const InboundMessage m = reply(i);
        if (!repo.remember_inbound(m)) return Ok();
        Response r;
        r.call_id = call;
        r.family_id = family_of(i);
        r.answered_at = m.received_at;
        r.text = m.text;
        repo.upsert_response(r);
        OutboundMessage ack;
        ack.recipient_id = family_of(i);
        ack.channel = Channel::kSms;
        ack.address = m.address;
        ack.text = "Bedankt";
        ack.call_id = call;
        repo.enqueue(ack, m.received_at);
        return Ok();
      })
      .ok();
}

// How many of reply i's three rows (inbox id, answer, acknowledgement) are stored.
int rows_of_reply(Store& store, std::int64_t call, int i) {
  int rows = -1;
  const Status read = store.with_database([&](Database& db) -> Status {
    Query q = db.query(
        "SELECT (SELECT count(*) FROM inbox WHERE channel = 'sms' AND provider_id = ?1)"
        " + (SELECT count(*) FROM responses WHERE call_id = ?2 AND family_id = ?3)"
        " + (SELECT count(*) FROM outbox WHERE recipient_id = ?3)");
    q->bind_all(reply(i).provider_id, call, family_of(i));
    if (q->step()) rows = q->integer(0);
    return Ok();
  });
  EXPECT_TRUE(read.ok());
  return rows;
}

std::string integrity(Store& store) {
  std::string verdict;
  const Status read = store.with_database([&](Database& db) -> Status {
    Query q = db.query("PRAGMA integrity_check");
    while (q->step()) verdict += q->text(0);
    return Ok();
  });
  EXPECT_TRUE(read.ok());
  return verdict;
}

// What a Store opening `path` after a cut finds of replies 0..n-1.
struct Found {
  std::string integrity;
  std::vector<int> rows;  // per reply: 3 whole, 0 absent, anything else torn
};

Found found_after_the_cut(const std::string& path, std::int64_t call, int n) {
  const auto store = open_store(path);
  Found found{integrity(*store), {}};
  for (int i = 0; i < n; ++i) found.rows.push_back(rows_of_reply(*store, call, i));
  return found;
}

// Every reply answered 200 is whole; every other one is whole or absent, never torn.
void expect_every_answered_reply_kept(const Found& found, const std::vector<bool>& ok) {
  EXPECT_EQ(found.integrity, "ok");
  for (std::size_t i = 0; i < ok.size(); ++i) {
    if (ok[i]) {
      EXPECT_EQ(found.rows[i], 3) << "reply " << i << " was answered 200";
    } else {
      EXPECT_TRUE(found.rows[i] == 0 || found.rows[i] == 3) << "reply " << i << " is torn";
    }
  }
}

struct Seed {
  std::int64_t call = 0;
  int synchronous = -1;  // what the store opens with
};

// An open call in a new database, written through the default VFS before the power-cut VFS
// is installed: the file counts as synced.
Seed seed(const std::string& path) {
  const auto store = open_store(path);
  Seed seeded;
  const Status s = store->transaction([&](Repository& repo) -> Status {
    Call c;
    c.code = "K42";
    c.service = "limburg";
    c.caseworker_id = "C001";
    c.created_at = kNow;
    seeded.call = repo.insert_call(c);
    return Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.error().message);
  seeded.synchronous = synchronous(*store);
  return seeded;
}

class PowerCut : public ::testing::Test {
 protected:
  // A copy of the seeded database (no -wal: the seeding store closed cleanly), for one run.
  std::string fresh_copy(int run) const {
    const std::string copy = (path_.folder() / fmt::format("run-{}.db", run)).string();
    std::filesystem::copy_file(path_.db(), copy);
    return copy;
  }

  // For sync = 1, 2, ...: runs `burst` (which arms vfs_.cut_power_at_sync(sync) where it
  // means to and returns which of replies 0..replies-1 were answered 200) on a fresh copy,
  // cuts the power after it if it did not go at that sync, and checks what a reopened store
  // finds; until a burst ends with the power still on.
  void cut_at_every_sync(int replies,
                         const std::function<std::vector<bool>(Store&, int sync)>& burst) {
    bool finished = false;
    int cuts_inside = 0;
    for (int sync = 1; !finished; ++sync) {
      ASSERT_LT(sync, 100) << "the burst never finished";
      const std::string db = fresh_copy(sync);
      std::vector<bool> ok;
      {
        const auto store = open_store(db);
        ok = burst(*store, sync);
        finished = vfs_.power_is_on();  // the burst synced fewer times than `sync`
        cuts_inside += finished ? 0 : 1;
        vfs_.cut_power();
      }
      vfs_.restore_power();
      SCOPED_TRACE(fmt::format("cut at sync {}", sync));
      expect_every_answered_reply_kept(found_after_the_cut(db, seed_.call, replies), ok);
    }
    EXPECT_GE(cuts_inside, 2) << "the burst hardly synced: the cuts missed it";
  }

  // Answers replies 0..n-1 (each must be answered 200) on the seeded database with the
  // store's synchronous forced to `level`, then cuts the power; returns the bytes it lost.
  std::int64_t answer_all_then_cut(int level, int n) {
    std::int64_t unsynced = 0;
    {
      const auto store = open_store(path_.db());
      set_synchronous(*store, level);
      for (int i = 0; i < n; ++i) EXPECT_TRUE(answered(*store, seed_.call, i)) << "reply " << i;
      unsynced = vfs_.unsynced_bytes();
      vfs_.cut_power();
    }
    vfs_.restore_power();
    return unsynced;
  }

  TempDbPath path_;
  const Seed seed_ = seed(path_.db());
  PowerLossVfs vfs_;  // from here on, the default VFS
};

// The store as it opens by default: the main tests.
class PowerLoss : public PowerCut {
 protected:
  void SetUp() override {
    ASSERT_EQ(seed_.synchronous, kFull) << "the store must open with synchronous=FULL";
  }
};

// The VFS itself, with the store's durability forced either way.
using PowerLossVfsSees = PowerCut;

TEST_F(PowerLoss, EveryAnsweredReplySurvivesCutsAfterItsCommit) {
  std::vector<bool> ok;
  for (const int burst : {1, 4, 16}) {
    {
      const auto store = open_store(path_.db());
      for (int j = 0; j < burst; ++j) {
        ok.push_back(answered(*store, seed_.call, static_cast<int>(ok.size())));
      }
      vfs_.cut_power();
    }
    vfs_.restore_power();
    SCOPED_TRACE(fmt::format("cut after {} replies", ok.size()));
    EXPECT_EQ(std::count(ok.begin(), ok.end(), true), static_cast<std::ptrdiff_t>(ok.size()));
    expect_every_answered_reply_kept(
        found_after_the_cut(path_.db(), seed_.call, static_cast<int>(ok.size())), ok);
  }
}

TEST_F(PowerLoss, EveryAnsweredReplySurvivesACutAtAnySyncOfABurst) {
  constexpr int kReplies = 6;
  cut_at_every_sync(kReplies, [&](Store& store, int sync) {
    vfs_.cut_power_at_sync(sync);
    std::vector<bool> ok;
    for (int i = 0; i < kReplies; ++i) ok.push_back(answered(store, seed_.call, i));
    return ok;
  });
}

TEST_F(PowerLoss, EveryAnsweredReplySurvivesACutInTheMiddleOfACheckpoint) {
  constexpr int kReplies = 5;
  cut_at_every_sync(kReplies, [&](Store& store, int sync) {
    std::vector<bool> ok;
    for (int i = 0; i < kReplies; ++i) ok.push_back(answered(store, seed_.call, i));
    EXPECT_EQ(std::count(ok.begin(), ok.end(), true), kReplies);
    vfs_.cut_power_at_sync(sync);
    const Status checkpoint = store.with_database([](Database& db) -> Status {
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      return Ok();
    });
    if (vfs_.power_is_on()) {  // the whole checkpoint ran
      EXPECT_TRUE(checkpoint.ok());
      EXPECT_GT(vfs_.syncs(fmt::format("run-{}.db", sync)), 0)
          << "the checkpoint never synced the database file";
    }
    return ok;
  });
}

TEST_F(PowerLossVfsSees, AnsweredRepliesLostWhenTheStoreSyncsOnlyAtCheckpoints) {
  constexpr int kReplies = 10;
  EXPECT_GT(answer_all_then_cut(kNormal, kReplies), 0);
  const Found found = found_after_the_cut(path_.db(), seed_.call, kReplies);
  EXPECT_EQ(found.integrity, "ok");
  EXPECT_LT(std::count(found.rows.begin(), found.rows.end(), 3), kReplies)
      << "synchronous=NORMAL lost nothing: the VFS would not see a loss";
}

TEST_F(PowerLossVfsSees, NothingLostWhenTheStoreSyncsEveryCommit) {
  constexpr int kReplies = 10;
  answer_all_then_cut(kFull, kReplies);
  expect_every_answered_reply_kept(found_after_the_cut(path_.db(), seed_.call, kReplies),
                                   std::vector<bool>(kReplies, true));
}

}  // namespace
}  // namespace noodbel::store
