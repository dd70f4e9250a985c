#include "store/retention.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ops_data.h"
#include "store/sqlite.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::kOpsDay;
using testing_support::kOpsNow;
using testing_support::TempDbPath;

std::unique_ptr<Store> open_or_die(const std::string& path) {
  auto store = Store::open(path, ::noodbel::testing_support::wall_clock());
  if (!store.ok()) throw std::runtime_error(store.error().message);
  return std::move(store).value();
}

class RetentionTest : public ::testing::Test {
 protected:
  RetentionTest() : store_(open_or_die(path_.db())), ids_(testing_support::seed_ops_data(*store_)) {}

  std::vector<std::string> rows(const char* sql) {
    std::vector<std::string> out;
    const Status s = store_->with_database([&](Database& db) -> Status {
      Query q = db.query(sql);
      while (q->step()) out.push_back(q->is_null(0) ? "" : q->text(0));
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
    return out;
  }
  std::string one(const char* sql) {
    const auto all = rows(sql);
    return all.empty() ? "(none)" : all.front();
  }
  // Every figure the digest reads, flattened, for before/after comparisons.
  std::vector<std::string> digest_figures(bool with_families) {
    const auto data = store_->digest_data(kOpsNow - 60 * kOpsDay, kOpsNow);
    if (!data.ok()) throw std::runtime_error(data.error().message);
    std::vector<std::string> out;
    for (const auto& c : data->calls) {
      out.push_back(fmt::format("call {} {} {} {} {} {} {} {} {}", c.id, c.service,
                                to_string(c.state), c.created_at, c.closed_at.value_or(-1),
                                c.first_yes_at.value_or(-1), c.recipients, c.yes,
                                c.maybe * 100 + c.no));
    }
    for (const auto& m : data->messages) {
      out.push_back(fmt::format("msg {} {} {} {} {}", m.minute, to_string(m.channel), m.service,
                                static_cast<int>(m.outcome), m.count));
    }
    if (with_families) {
      for (const auto& f : data->families) out.push_back("family " + f.family.id);
    }
    for (const auto& d : data->departures) out.push_back("departure " + d.family_id);
    return out;
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
  testing_support::OpsIds ids_;
};

// ---- purge ----

TEST_F(RetentionTest, PurgeErasesNotesAndTextsOfCallsClosedLongerAgoThanTheRetention) {
  const auto counts = purge_expired(*store_, kOpsNow, 30, false, "admin");
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->call_notes, 1);
  EXPECT_EQ(counts->response_notes, 2);  // the old call's two answers: words, conditions
  EXPECT_EQ(counts->question_texts, 1);
  // Older than 30 days: the old call's two messages, the open call's two, the old reply;
  // not the old message still pending.
  EXPECT_EQ(counts->outbox_texts, 5);
  EXPECT_EQ(one("SELECT note FROM calls WHERE code = 'K1'"), "");
  EXPECT_EQ(one("SELECT note FROM calls WHERE code = 'K2'"), "peuter, weekend");
  EXPECT_EQ(one("SELECT note FROM calls WHERE code = 'K3'"), "nog open");
  EXPECT_EQ(one("SELECT COUNT(*) FROM responses WHERE text <> '' OR conditions <> '[]'"), "4");
  EXPECT_EQ(one("SELECT COUNT(*) FROM responses r JOIN calls c ON c.id = r.call_id"
                " WHERE c.code = 'K1' AND (r.text <> '' OR r.conditions <> '[]')"),
            "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM call_questions WHERE text <> ''"), "2");
  EXPECT_EQ(one("SELECT text FROM outbox WHERE state = 'pending'"), "Wacht nog");
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE text = ''"), "5");
  EXPECT_EQ(counts->inbox_ids, 1);
  EXPECT_EQ(rows("SELECT provider_id FROM inbox"), std::vector<std::string>{"sig:+32470000001:2"});
}

TEST_F(RetentionTest, PurgeKeepsEveryDigestFigure) {
  const auto before = digest_figures(true);
  ASSERT_FALSE(before.empty());
  ASSERT_TRUE(purge_expired(*store_, kOpsNow, 30, false, "admin").ok());
  EXPECT_EQ(digest_figures(true), before);
}

TEST_F(RetentionTest, PurgeDryRunCountsAndChangesNothing) {
  const auto texts = rows("SELECT text FROM outbox ORDER BY id");
  const auto dry = purge_expired(*store_, kOpsNow, 30, true, "admin");
  ASSERT_TRUE(dry.ok()) << dry.error().message;
  EXPECT_EQ(dry->total(), 10);  // 1 call note, 2 answers, 1 question, 5 texts, 1 inbound id
  EXPECT_EQ(rows("SELECT text FROM outbox ORDER BY id"), texts);
  EXPECT_EQ(one("SELECT note FROM calls WHERE code = 'K1'"), "baby, kort verblijf");
  EXPECT_EQ(one("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.purge'"), "0");
}

TEST_F(RetentionTest, PurgeIsAuditedWithCountsOnlyAndASecondRunErasesNothing) {
  ASSERT_TRUE(purge_expired(*store_, kOpsNow, 30, false, "system").ok());
  const auto again = purge_expired(*store_, kOpsNow, 30, false, "system");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total(), 0);
  const auto audit = must(store_->audit_log(10));
  ASSERT_EQ(audit.size(), 1u);  // the empty second run is not audited
  EXPECT_EQ(audit[0].action, "retention.purge");
  EXPECT_EQ(audit[0].actor, "system");
  EXPECT_EQ(audit[0].detail,
            "erased after 30 days: 1 call notes, 2 answer texts, 1 questions, 5 message texts, 1 "
            "inbound ids");
}

TEST_F(RetentionTest, PurgeWithALongerRetentionKeepsMore) {
  const auto counts = purge_expired(*store_, kOpsNow, 42, false, "admin");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->call_notes, 0);
  EXPECT_EQ(counts->outbox_texts, 3);  // the open call's messages and the old reply
  EXPECT_EQ(counts->inbox_ids, 0);
}

TEST_F(RetentionTest, PurgeRefusesLessThanOneDayAndChangesNothing) {
  const auto counts = purge_expired(*store_, kOpsNow, 0, false, "admin");
  ASSERT_FALSE(counts.ok());
  EXPECT_EQ(counts.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(counts.error().message.find("[retention] days"), std::string::npos);
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE text = ''"), "0");
}

// ---- forget ----

TEST_F(RetentionTest, ForgetErasesThePersonalDataOfTheFamily) {
  ASSERT_TRUE(store_->with_database([](Database& db) -> Status {
                      db.exec("INSERT INTO link_codes (code_hash, family_id, created_at, expires_at)"
                              " VALUES (printf('%064d', 1), 'F1', 1, 2)");
                      return Ok();
                    }).ok());
  const auto r = forget_family(*store_, "F1", kOpsNow);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->opaque_id.rfind("forgotten-", 0), 0u);
  EXPECT_EQ(r->messages, 4);
  EXPECT_EQ(r->answers, 3);
  EXPECT_EQ(r->calls_received, 3);
  EXPECT_EQ(one("SELECT COUNT(*) FROM families WHERE id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM family_contacts WHERE family_id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM family_availability WHERE family_id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE address = '+32470000001'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE recipient_id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM responses WHERE family_id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM call_recipients WHERE family_id = 'F1'"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM responses r WHERE r.family_id <> 'F2'"
                " AND (r.text <> '' OR r.conditions <> '[]')"),
            "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM call_questions WHERE family_id = 'F1' OR text <> ''"), "0");
  EXPECT_EQ(one("SELECT COUNT(*) FROM inbox"), "0");  // Signal ids held its number
  EXPECT_EQ(one("SELECT COUNT(*) FROM link_codes"), "0");
  // F2 is untouched.
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE recipient_id = 'F2'"), "4");
}

TEST_F(RetentionTest, ForgetKeepsTheCallFiguresOfTheDigest) {
  auto without_families = [this] {
    std::vector<std::string> out;
    for (auto& line : digest_figures(false)) {
      if (line.rfind("call ", 0) == 0) out.push_back(line);
    }
    return out;
  };
  const auto before = without_families();
  ASSERT_EQ(before.size(), 3u);
  ASSERT_TRUE(forget_family(*store_, "F1", kOpsNow).ok());
  EXPECT_EQ(without_families(), before);
}

TEST_F(RetentionTest, ForgetCancelsPendingMessagesOfTheFamily) {
  ASSERT_TRUE(forget_family(*store_, "F2", kOpsNow).ok());
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), "0");
  EXPECT_EQ(one("SELECT last_error FROM outbox WHERE last_error <> ''"),
            "cancelled: family forgotten");
}

TEST_F(RetentionTest, ForgetIsAuditedWithoutPersonalData) {
  const auto r = forget_family(*store_, "F1", kOpsNow);
  ASSERT_TRUE(r.ok());
  const auto audit = must(store_->audit_log(1));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "family.forget");
  for (const char* personal : {"F1", "Familie", "+3247", "3500"}) {
    EXPECT_EQ(audit[0].detail.find(personal), std::string::npos) << audit[0].detail;
  }
  EXPECT_NE(audit[0].detail.find(r->opaque_id), std::string::npos);
}

TEST_F(RetentionTest, ForgetOfAnUnknownFamilyIsRefusedAndChangesNothing) {
  const auto r = forget_family(*store_, "F9", kOpsNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(r.error().message.find("no family with id 'F9'"), std::string::npos);
  EXPECT_TRUE(must(store_->audit_log(5)).empty());
}

TEST_F(RetentionTest, ForgetTwiceChangesNothingTheSecondTime) {
  ASSERT_TRUE(forget_family(*store_, "F1", kOpsNow).ok());
  const auto outbox = rows("SELECT recipient_id || text || address FROM outbox ORDER BY id");
  const auto again = forget_family(*store_, "F1", kOpsNow);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(rows("SELECT recipient_id || text || address FROM outbox ORDER BY id"), outbox);
  EXPECT_EQ(must(store_->audit_log(5)).size(), 1u);
}

TEST_F(RetentionTest, ForgetOfTheFamilyPickedForARecentlyMatchedCallIsRefused) {
  // F2 was picked for K1, matched 40 days ago: a day after the match, it is refused.
  const auto r = forget_family(*store_, "F2", kOpsNow - 40 * kOpsDay + 3600);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_NE(r.error().message.find("picked family of call K1"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(one("SELECT COUNT(*) FROM families WHERE id = 'F2'"), "1");
  EXPECT_EQ(one("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), "1");
}

// ---- the scheduler's gate ----

TEST(PurgeGate, OpensAtTheFirstTickThenAtMostOncePerInterval) {
  PurgeGate gate(3600);
  EXPECT_TRUE(gate.due(10'000));
  EXPECT_FALSE(gate.due(10'030));
  EXPECT_FALSE(gate.due(13'599));
  EXPECT_TRUE(gate.due(13'600));
  EXPECT_FALSE(gate.due(13'630));
}

TEST(PurgeGate, OpensAgainWhenTheClockWentBackwards) {
  PurgeGate gate(3600);
  EXPECT_TRUE(gate.due(10'000));
  EXPECT_TRUE(gate.due(5'000));  // a clock set back must not stop retention for hours
  EXPECT_FALSE(gate.due(5'001));
}

}  // namespace
}  // namespace noodbel::store
