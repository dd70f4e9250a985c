// The test double tests/support/store/fault_injecting_store.h: it fails exactly as planned,
// a failed call changes nothing, and it passes everything through when no fault is planned.
#include "support/store/fault_injecting_store.h"

#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "support/store/memory_store.h"
#include "support/store/must.h"

namespace noodbel::testing_support {
namespace {

constexpr UnixTime kNow = 1'760'000'000;

class FaultInjectingStoreTest : public ::testing::Test {
 protected:
  Status enqueue_through_faults() {
    return faults_->transaction([](Repository& repo) -> Status {
      repo.enqueue({"F1", Channel::kSms, "+32470000001", "hallo", 5, {}, {}}, kNow);
      return Ok();
    });
  }
  std::int64_t pending() { return must(store_->outbox_counts()).pending; }

  std::unique_ptr<store::Store> store_ = open_memory_store();
  std::unique_ptr<FaultInjectingStore> faults_ = std::make_unique<FaultInjectingStore>(*store_);
};

TEST_F(FaultInjectingStoreTest, WithoutAPlanEveryCallReachesTheStore) {
  EXPECT_TRUE(enqueue_through_faults().ok());
  EXPECT_EQ(pending(), 1);
  EXPECT_TRUE(faults_->check().ok());
  EXPECT_EQ(faults_->calls(), 2);
  EXPECT_EQ(faults_->failures(), 0);
}

TEST_F(FaultInjectingStoreTest, FailsTheNextNCallsThenPassesAgain) {
  faults_->set_plan({.fail_next = 2});
  EXPECT_FALSE(enqueue_through_faults().ok());
  EXPECT_FALSE(faults_->check().ok());
  EXPECT_EQ(pending(), 0) << "a failed call changes nothing";
  EXPECT_TRUE(enqueue_through_faults().ok());
  EXPECT_EQ(pending(), 1);
  EXPECT_EQ(faults_->failures(), 2);
}

TEST_F(FaultInjectingStoreTest, AFailureIsUnavailableWithAnIoErrorOrTheDiskFullText) {
  faults_->set_plan({.fail_next = 1});
  const Status io = faults_->check();
  ASSERT_FALSE(io.ok());
  EXPECT_EQ(io.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(io.error().message.find("disk I/O error"), std::string::npos);
  faults_->set_plan({.fail_next = 1, .disk_full = true});
  const Result<std::vector<OutboxItem>> full = faults_->claim_outbox(Channel::kSms, kNow, 10);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(full.error().message.find("database or disk is full"), std::string::npos);
}

TEST_F(FaultInjectingStoreTest, WritesOnlyLetsReadsThroughAndDoesNotCountThem) {
  faults_->set_plan({.fail_next = 1, .writes_only = true});
  EXPECT_TRUE(faults_->check().ok());
  EXPECT_TRUE(faults_->metrics_snapshot().ok());
  EXPECT_TRUE(faults_->digest_data(kNow - 3600, kNow).ok());
  EXPECT_FALSE(faults_->requeue_in_flight().ok()) << "the first write still fails";
  EXPECT_TRUE(faults_->requeue_in_flight().ok());
}

TEST_F(FaultInjectingStoreTest, OnlyCallFailsThatOutboxMethodAndLetsTheOthersThrough) {
  faults_->set_plan({.fail_always = true, .only_call = "mark_sent"});
  EXPECT_TRUE(faults_->requeue_in_flight().ok());
  EXPECT_TRUE(faults_->release_expired_leases(Channel::kSms, kNow, 300).ok());
  EXPECT_FALSE(faults_->mark_sent(1, "tw:SM1", kNow).ok());
  EXPECT_EQ(faults_->failures(), 1);
}

TEST_F(FaultInjectingStoreTest, FailAlwaysLastsUntilThePlanIsCleared) {
  faults_->set_plan({.fail_always = true});
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(enqueue_through_faults().ok());
  faults_->clear();
  EXPECT_TRUE(enqueue_through_faults().ok());
  EXPECT_EQ(faults_->failures(), 3);
}

TEST_F(FaultInjectingStoreTest, DelaysEachCallByThePlannedTime) {
  faults_->set_plan({.delay = std::chrono::milliseconds(25)});
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(faults_->check().ok());
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(25));
}

}  // namespace
}  // namespace noodbel::testing_support
