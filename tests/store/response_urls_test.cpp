// Slash response_urls (migration 11): stored with the inbound message's unit of work, one
// use taken per push, forgotten when refused, deleted by retention once spent.
#include "store/response_urls.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/retention.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

constexpr UnixTime kNow = 1'760'000'000;
constexpr const char* kUrl = "https://hooks.slack.com/commands/T0001/1/abc";
constexpr const char* kNewerUrl = "https://hooks.slack.com/commands/T0001/2/def";

class ResponseUrls : public ::testing::Test {
 protected:
  ResponseUrls() {
    auto opened = Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
  }

  // A unit of work that enqueues one message and keeps `url` as the channel state.
  Status remember(const ResponseUrl& url, bool fail_the_core = false) {
    return store_->transaction(
        [&](Repository& repo) -> Status {
          repo.enqueue({"C001", Channel::kSlash, "U012ABC", "Antwoord", 2, std::nullopt}, kNow);
          if (fail_the_core) return Error::Invalid("the core refused");
          return Ok();
        },
        ChannelState{url});
  }

  std::optional<ResponseUrl> take(UnixTime now, const std::string& user = "U012ABC") {
    auto taken = take_response_url(*store_, user, now);
    EXPECT_TRUE(taken.ok()) << taken.error().message;
    return taken.ok() ? *taken : std::nullopt;
  }

  std::int64_t stored_rows() {
    std::int64_t n = -1;
    EXPECT_TRUE(store_->with_database([&](Database& db) -> Status {
                        Query q = db.query("SELECT COUNT(*) FROM slash_response_urls");
                        q->step();
                        n = q->int64(0);
                        return Ok();
                      }).ok());
    return n;
  }

  std::unique_ptr<Store> store_;
};

TEST_F(ResponseUrls, ARememberedUrlHasFiveUsesForThirtyMinutes) {
  const ResponseUrl fresh = fresh_response_url("U012ABC", "slack", kUrl, kNow);
  EXPECT_EQ(fresh.expires_at, kNow + 30 * 60);
  EXPECT_EQ(fresh.uses_left, 5);
  ASSERT_TRUE(remember(fresh).ok());
  const auto taken = take(kNow + 60);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->url, kUrl);
  EXPECT_EQ(taken->provider, "slack");
  EXPECT_EQ(taken->user_id, "U012ABC");
  EXPECT_EQ(taken->uses_left, 4) << "the uses left after this one";
}

TEST_F(ResponseUrls, EachTakeCountsDownAndTheSixthGetsNothing) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  for (int left = 4; left >= 0; --left) {
    const auto taken = take(kNow + 1);
    ASSERT_TRUE(taken.has_value()) << left;
    EXPECT_EQ(taken->uses_left, left);
  }
  EXPECT_FALSE(take(kNow + 1).has_value());
}

TEST_F(ResponseUrls, AnExpiredUrlIsNotTaken) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "mattermost", kUrl, kNow)).ok());
  EXPECT_TRUE(take(kNow + 30 * 60 - 1).has_value()) << "valid until the last second";
  EXPECT_FALSE(take(kNow + 30 * 60).has_value());
  EXPECT_FALSE(take(kNow, "U0OTHER").has_value()) << "another user has none";
}

TEST_F(ResponseUrls, TheSameUrlAgainKeepsTheUsesTakenAndTheExpiry) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  ASSERT_TRUE(take(kNow).has_value());
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow + 30)).ok());
  const auto taken = take(kNow + 30);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->uses_left, 3) << "a replay does not hand out fresh uses";
  EXPECT_EQ(taken->expires_at, kNow + 30 * 60);
}

TEST_F(ResponseUrls, ANewerUrlReplacesTheOldOneAndAnOlderOneDoesNot) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  ASSERT_TRUE(take(kNow).has_value());
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kNewerUrl, kNow + 60)).ok());
  auto taken = take(kNow + 60);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->url, kNewerUrl);
  EXPECT_EQ(taken->uses_left, 4);
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  taken = take(kNow + 60);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->url, kNewerUrl) << "a late, older request does not win";
  EXPECT_EQ(stored_rows(), 1);
}

TEST_F(ResponseUrls, TheUrlIsStoredWithTheUnitOfWorkOrNotAtAll) {
  ASSERT_FALSE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow), true).ok());
  EXPECT_EQ(stored_rows(), 0) << "the core's failure rolls the URL back too";
  ResponseUrl bad = fresh_response_url("U012ABC", "irc", kUrl, kNow);  // breaks the CHECK
  const Status s = remember(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(must(store_->outbox_counts()).pending, 0) << "the URL's failure rolls the message back";
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  EXPECT_EQ(must(store_->outbox_counts()).pending, 1);
  EXPECT_EQ(stored_rows(), 1);
}

TEST_F(ResponseUrls, ForgetDropsOnlyTheRefusedUrl) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kNewerUrl, kNow)).ok());
  ASSERT_TRUE(forget_response_url(*store_, "U012ABC", kUrl).ok());
  EXPECT_TRUE(take(kNow).has_value()) << "a newer URL stored meanwhile stays";
  ASSERT_TRUE(forget_response_url(*store_, "U012ABC", kNewerUrl).ok());
  EXPECT_FALSE(take(kNow).has_value());
}

TEST_F(ResponseUrls, RetentionDeletesExpiredAndUsedUpUrlsOnly) {
  ASSERT_TRUE(remember(fresh_response_url("U0OLD", "slack", kUrl, kNow - 30 * 60)).ok());
  ASSERT_TRUE(remember(fresh_response_url("U0USED", "slack", kUrl, kNow)).ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(take(kNow, "U0USED").has_value());
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  const auto dry = purge_expired(*store_, kNow, 30, true, "admin");
  ASSERT_TRUE(dry.ok()) << dry.error().message;
  EXPECT_EQ(dry->response_urls, 2);
  EXPECT_EQ(stored_rows(), 3) << "a dry run deletes nothing";
  const auto counts = purge_expired(*store_, kNow, 30, false, "system");
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->response_urls, 2);
  EXPECT_EQ(counts->total(), 0) << "secrets, not records: not in the erased-texts total";
  EXPECT_EQ(stored_rows(), 1);
  EXPECT_TRUE(take(kNow, "U012ABC").has_value());
  EXPECT_TRUE(must(store_->audit_log(10)).empty()) << "nothing about response_urls is audited";
}

TEST_F(ResponseUrls, AStorageFailureIsAnErrorAndTakesNothing) {
  ASSERT_TRUE(remember(fresh_response_url("U012ABC", "slack", kUrl, kNow)).ok());
  ASSERT_TRUE(store_->with_database([](Database& db) -> Status {
                      db.exec("ALTER TABLE slash_response_urls RENAME TO gone");
                      return Ok();
                    }).ok());
  const auto taken = take_response_url(*store_, "U012ABC", kNow);
  ASSERT_FALSE(taken.ok());
  EXPECT_FALSE(forget_response_url(*store_, "U012ABC", kUrl).ok());
}

}  // namespace
}  // namespace noodbel::store
