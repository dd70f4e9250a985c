// OutboundMessage::reply_to in the outbox (migration 7): stored on enqueue and handed to
// the dispatcher on claim, in the SQLite store and the in-memory fake alike.
#include "store/store.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "support/memory_repository.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::TempDbPath;

constexpr UnixTime kNow = 1'760'000'000;

OutboundMessage ack(std::optional<std::string> reply_to) {
  OutboundMessage m;
  m.recipient_id = "F1";
  m.channel = Channel::kSignal;
  m.address = "+32470000001";
  m.text = "Bedankt";
  m.reply_to = std::move(reply_to);
  return m;
}

class StoreReplyTo : public ::testing::Test {
 protected:
  StoreReplyTo() {
    auto opened = Store::open(path_.db(), ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
  }
  TempDbPath path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreReplyTo, ClaimReturnsTheQuotedProviderIdOrNothing) {
  const Status s = store_->transaction([](Repository& repo) -> Status {
    repo.enqueue(ack("sig:+32470000001:1631458508784"), kNow);
    repo.enqueue(ack(std::nullopt), kNow);
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto claimed = must(store_->claim_outbox(Channel::kSignal, kNow, 10));
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].message.reply_to, "sig:+32470000001:1631458508784");
  EXPECT_FALSE(claimed[1].message.reply_to);
  const auto listed = must(store_->outbox_for("F1", 10));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].message.reply_to, "sig:+32470000001:1631458508784");
}

TEST(MemoryRepositoryReplyTo, KeepsTheQuotedProviderIdLikeTheStore) {
  MemoryRepository repo;
  repo.enqueue(ack("sig:+32470000001:1631458508784"), kNow);
  ASSERT_EQ(repo.outbox.size(), 1u);
  EXPECT_EQ(repo.outbox[0].message.reply_to, "sig:+32470000001:1631458508784");
}

}  // namespace
}  // namespace noodbel::store
