// The digest-run Repository methods (record_digest_run, latest_digest_run), run against
// both the SQLite store and the in-memory fake so the two stay faithful to each other.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kT0 = 1'763'974'800;

// Owns whatever the repository under test needs (a database with an open transaction).
class Holder {
 public:
  virtual ~Holder() = default;
  virtual Repository& repo() = 0;
};

class SqliteHolder final : public Holder {
 public:
  SqliteHolder() : db_(":memory:") {
    store::apply_migrations(db_);
    tx_ = std::make_unique<store::Transaction>(db_);
    repo_ = std::make_unique<store::SqliteRepository>(db_);
  }
  Repository& repo() override { return *repo_; }

 private:
  store::Database db_;
  std::unique_ptr<store::Transaction> tx_;
  std::unique_ptr<store::SqliteRepository> repo_;
};

class MemoryHolder final : public Holder {
 public:
  Repository& repo() override { return repo_; }

 private:
  MemoryRepository repo_;
};

using Make = std::unique_ptr<Holder> (*)();

class RepositoryDigestRuns : public ::testing::TestWithParam<Make> {
 protected:
  RepositoryDigestRuns() : holder_(GetParam()()), repo_(holder_->repo()) {}
  std::unique_ptr<Holder> holder_;
  Repository& repo_;
};

TEST_P(RepositoryDigestRuns, AFreshRepositoryHasNoRun) {
  EXPECT_EQ(repo_.latest_digest_run("limburg"), std::nullopt);
}

TEST_P(RepositoryDigestRuns, RecordingARunTwiceIsRefusedTheSecondTime) {
  EXPECT_TRUE(repo_.record_digest_run("2026-11-23", "limburg", kT0));
  EXPECT_FALSE(repo_.record_digest_run("2026-11-23", "limburg", kT0 + 60));
  EXPECT_EQ(repo_.latest_digest_run("limburg"), std::optional<std::string>("2026-11-23"));
}

TEST_P(RepositoryDigestRuns, TheSameDateIsRecordedOncePerService) {
  EXPECT_TRUE(repo_.record_digest_run("2026-11-23", "limburg", kT0));
  EXPECT_TRUE(repo_.record_digest_run("2026-11-23", "antwerpen", kT0));
  EXPECT_EQ(repo_.latest_digest_run("antwerpen"), std::optional<std::string>("2026-11-23"));
  EXPECT_EQ(repo_.latest_digest_run("oost-vlaanderen"), std::nullopt);
}

TEST_P(RepositoryDigestRuns, LatestRunIsTheNewestDateWhateverTheOrderOfRecording) {
  EXPECT_TRUE(repo_.record_digest_run("2026-11-22", "limburg", kT0));
  EXPECT_TRUE(repo_.record_digest_run("2026-12-01", "limburg", kT0 + 10));
  EXPECT_TRUE(repo_.record_digest_run("2026-11-30", "limburg", kT0 + 20));
  EXPECT_TRUE(repo_.record_digest_run("2027-01-01", "antwerpen", kT0 + 30));
  EXPECT_EQ(repo_.latest_digest_run("limburg"), std::optional<std::string>("2026-12-01"));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, RepositoryDigestRuns,
                         ::testing::Values<Make>([]() -> std::unique_ptr<Holder> {
                           return std::make_unique<SqliteHolder>();
                         }));
INSTANTIATE_TEST_SUITE_P(Memory, RepositoryDigestRuns,
                         ::testing::Values<Make>([]() -> std::unique_ptr<Holder> {
                           return std::make_unique<MemoryHolder>();
                         }));

TEST(RepositoryDigestRunsSchema, AMalformedDateIsRefusedByTheTable) {
  store::Database db(":memory:");
  store::apply_migrations(db);
  store::Transaction tx(db);
  store::SqliteRepository repo(db);
  EXPECT_THROW(repo.record_digest_run("2026-1-2", "limburg", kT0), store::StoreError);
}

}  // namespace
}  // namespace noodbel
