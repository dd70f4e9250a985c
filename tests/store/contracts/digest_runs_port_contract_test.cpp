// The rules of DigestRunsPort (bot/ports/digest_runs_port.h), checked on every
// implementation.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "bot/ports/digest_runs_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using DigestRunsPortContract = PortContract<DigestRunsPort, Impl>;
TYPED_TEST_SUITE(DigestRunsPortContract, Implementations, ImplementationNames);

TYPED_TEST(DigestRunsPortContract, AFreshRepositoryHasNoRun) {
  EXPECT_EQ(this->port().latest_digest_run("limburg"), std::nullopt);
}

TYPED_TEST(DigestRunsPortContract, RecordingARunTwiceIsRefusedTheSecondTime) {
  EXPECT_TRUE(this->port().record_digest_run("2026-11-23", "limburg", kT0));
  EXPECT_FALSE(this->port().record_digest_run("2026-11-23", "limburg", kT0 + 60));
  EXPECT_EQ(this->port().latest_digest_run("limburg"), std::optional<std::string>("2026-11-23"));
}

TYPED_TEST(DigestRunsPortContract, TheSameDateIsRecordedOncePerService) {
  EXPECT_TRUE(this->port().record_digest_run("2026-11-23", "limburg", kT0));
  EXPECT_TRUE(this->port().record_digest_run("2026-11-23", "antwerpen", kT0));
  EXPECT_EQ(this->port().latest_digest_run("antwerpen"),
            std::optional<std::string>("2026-11-23"));
  EXPECT_EQ(this->port().latest_digest_run("oost-vlaanderen"), std::nullopt);
}

TYPED_TEST(DigestRunsPortContract, LatestRunIsTheNewestDateWhateverTheOrderOfRecording) {
  EXPECT_TRUE(this->port().record_digest_run("2026-11-22", "limburg", kT0));
  EXPECT_TRUE(this->port().record_digest_run("2026-12-01", "limburg", kT0 + 10));
  EXPECT_TRUE(this->port().record_digest_run("2026-11-30", "limburg", kT0 + 20));
  EXPECT_TRUE(this->port().record_digest_run("2027-01-01", "antwerpen", kT0 + 30));
  EXPECT_EQ(this->port().latest_digest_run("limburg"), std::optional<std::string>("2026-12-01"));
}

}  // namespace
}  // namespace noodbel::contracts
