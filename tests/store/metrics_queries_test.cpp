#include <gtest/gtest.h>

#include <string>

#include "ops_data.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {
namespace {

using testing_support::kOpsDay;
using testing_support::kOpsNow;
using testing_support::TempDbPath;

TEST(MetricsSnapshot, CountsCallsAnswersAndOutboxRowsInOneRead) {
  TempDbPath path;
  auto opened = Store::open(path.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Store& store = **opened;
  testing_support::seed_ops_data(store);

  const auto s = store.metrics_snapshot();
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->calls_by_state.at("open"), 1);
  EXPECT_EQ(s->calls_by_state.at("matched"), 1);
  EXPECT_EQ(s->calls_by_state.at("closed"), 1);
  EXPECT_EQ(s->calls_by_state.at("expired"), 0);
  EXPECT_EQ(s->answers_by_intent.at("yes"), 3);
  EXPECT_EQ(s->answers_by_intent.at("maybe"), 3);
  EXPECT_EQ(s->answers_by_intent.at("no"), 0);
  EXPECT_EQ(s->outbox_by_channel_state.at({"sms", "sent"}), 7);
  EXPECT_EQ(s->outbox_by_channel_state.at({"sms", "pending"}), 1);
  EXPECT_EQ(s->outbox_by_channel_state.at({"telegram", "failed"}), 0);
  EXPECT_EQ(s->queue_depth, 1);
  EXPECT_EQ(s->oldest_pending_at, kOpsNow - 35 * kOpsDay);
}

TEST(MetricsSnapshot, AnEmptyDatabaseReportsZeroForEverySeries) {
  TempDbPath path;
  auto opened = Store::open(path.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok());
  const auto s = (*opened)->metrics_snapshot();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->calls_by_state.size(), 5u);
  EXPECT_EQ(s->answers_by_intent.size(), 3u);
  EXPECT_EQ(s->outbox_by_channel_state.size(), 25u);
  EXPECT_EQ(s->queue_depth, 0);
  EXPECT_EQ(s->oldest_pending_at, 0);
}

// Every query of a scrape and of the retention run reads an index, never a whole table.
TEST(MetricsSnapshot, ScrapeAndRetentionQueriesUseIndexes) {
  TempDbPath path;
  auto opened = Store::open(path.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok());
  const char* queries[] = {
      "SELECT state, COUNT(*) FROM calls GROUP BY state",
      "SELECT answer, COUNT(*) FROM responses GROUP BY answer",
      "SELECT channel, state, COUNT(*) FROM outbox GROUP BY channel, state",
      "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'",
      "SELECT COUNT(*) FROM inbox WHERE received_at < 5",
  };
  for (const char* sql : queries) {
    std::string plan;
    ASSERT_TRUE((*opened)->with_database([&](Database& db) -> Status {
                           Query q = db.query((std::string("EXPLAIN QUERY PLAN ") + sql).c_str());
                           while (q->step()) plan += q->text(3) + "; ";
                           return Ok();
                         }).ok());
    EXPECT_NE(plan.find("INDEX"), std::string::npos) << sql << ": " << plan;
  }
}

}  // namespace
}  // namespace noodbel::store
