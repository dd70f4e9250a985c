// check_readiness() (adapters/http/readiness.h) for each reason, over the fault-injecting
// store (tests/support/store/fault_injecting_store.h) and a fake free-space probe.
#include "adapters/http/readiness.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/memory_store.h"

namespace noodbel {
namespace {

using testing_support::FaultInjectingStore;

constexpr std::uint64_t kMegabyte = 1024 * 1024;

// Free space as the test sets it; nothing: the probe fails.
class FakeFreeSpace final : public store::FreeSpaceProbe {
 public:
  Result<std::uint64_t> free_bytes() override {
    if (!bytes) return Error::Unavailable("cannot read the free space of /var/lib/noodbel: EIO");
    return *bytes;
  }
  std::optional<std::uint64_t> bytes = 10'000 * kMegabyte;
};

class ReadinessTest : public ::testing::Test {
 protected:
  Readiness check() { return check_readiness(*faults_, &space_, config_); }
  Status write_through_faults() {
    return faults_->transaction([](Repository&) -> Status { return Ok(); });
  }

  std::unique_ptr<store::Store> store_ = testing_support::open_memory_store();
  std::unique_ptr<FaultInjectingStore> faults_ = std::make_unique<FaultInjectingStore>(*store_);
  FakeFreeSpace space_;
  ReadinessConfig config_{.min_free_megabytes = 64, .max_failed_writes = 3};
};

TEST_F(ReadinessTest, ReadyWhenWritesCommitAndThereIsRoomAboveTheFloor) {
  const Readiness r = check();
  EXPECT_TRUE(r.ready);
  EXPECT_EQ(r.reason, "ok");
  EXPECT_EQ(r.detail, "");
}

TEST_F(ReadinessTest, NotReadyWhenTheWriteProbeFailsWithTheStoresError) {
  faults_->set_plan({.fail_always = true, .disk_full = true, .only_call = "probe_write"});
  const Readiness r = check();
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.reason, "write_failed");
  EXPECT_NE(r.detail.find("database or disk is full"), std::string::npos) << r.detail;
  faults_->clear();
  EXPECT_TRUE(check().ready);
}

TEST_F(ReadinessTest, NotReadyBelowTheFreeSpaceFloorAndTriesNoWrite) {
  space_.bytes = 10 * kMegabyte;
  const int calls = faults_->calls();
  const Readiness r = check();
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.reason, "low_disk_space");
  EXPECT_EQ(r.detail, "10 MB free under the database, below the floor of 64 MB");
  EXPECT_EQ(faults_->calls(), calls) << "no probe write onto a nearly full disk";
  space_.bytes = 64 * kMegabyte;
  EXPECT_TRUE(check().ready) << "the floor itself is enough";
}

TEST_F(ReadinessTest, NotReadyWhenTheFreeSpaceCannotBeRead) {
  space_.bytes.reset();
  const Readiness r = check();
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.reason, "free_space_unknown");
  EXPECT_NE(r.detail.find("/var/lib/noodbel"), std::string::npos) << r.detail;
}

TEST_F(ReadinessTest, NotReadyOnceTheLastWritesFailedAndReadyAfterOneSucceeds) {
  faults_->set_plan({.fail_next = 2, .disk_full = true});
  EXPECT_FALSE(write_through_faults().ok());
  EXPECT_FALSE(write_through_faults().ok());
  EXPECT_TRUE(check().ready) << "2 failed writes are below max_failed_writes";
  faults_->set_plan({.fail_next = 1, .disk_full = true});
  EXPECT_FALSE(write_through_faults().ok());
  const Readiness r = check();
  EXPECT_FALSE(r.ready);
  EXPECT_EQ(r.reason, "writes_failing");
  EXPECT_EQ(r.detail, "the last 3 database writes failed");
  EXPECT_TRUE(write_through_faults().ok());
  EXPECT_TRUE(check().ready);
}

TEST_F(ReadinessTest, WithoutAFreeSpaceProbeOnlyTheWritesAreChecked) {
  const Readiness r = check_readiness(*faults_, nullptr, config_);
  EXPECT_TRUE(r.ready);
}

TEST(RecordReadiness, SetsReadyAndMarksTheCurrentReasonOnly) {
  MetricsRegistry registry;
  record_readiness(registry, {false, "low_disk_space", "1 MB free"});
  EXPECT_EQ(registry.value("noodbel_ready"), 0);
  EXPECT_EQ(registry.value("noodbel_readiness", {{"reason", "low_disk_space"}}), 1);
  EXPECT_EQ(registry.value("noodbel_readiness", {{"reason", "ok"}}), 0);
  record_readiness(registry, {true, "ok", ""});
  EXPECT_EQ(registry.value("noodbel_ready"), 1);
  EXPECT_EQ(registry.value("noodbel_readiness", {{"reason", "low_disk_space"}}), 0);
  EXPECT_EQ(registry.value("noodbel_readiness", {{"reason", "ok"}}), 1);
}

}  // namespace
}  // namespace noodbel
