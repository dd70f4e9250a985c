// The Repository methods of Telegram linking (link codes), run against both the SQLite
// store and the in-memory fake so the two stay faithful to each other.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kT0 = 1'763'974'800;
constexpr UnixTime kWeek = 7 * 24 * 3600;

// A repository plus a count of stored link codes, which the port does not offer.
class Fixture {
 public:
  virtual ~Fixture() = default;
  virtual Repository& repo() = 0;
  virtual int stored_codes() = 0;
};

class SqliteFixture final : public Fixture {
 public:
  SqliteFixture() : db_(":memory:") {
    store::apply_migrations(db_);
    tx_ = std::make_unique<store::Transaction>(db_);
    repo_ = std::make_unique<store::SqliteRepository>(db_);
  }
  Repository& repo() override { return *repo_; }
  int stored_codes() override {
    store::Query q = db_.query("SELECT count(*) FROM link_codes");
    q->step();
    return q->integer(0);
  }

 private:
  store::Database db_;
  std::unique_ptr<store::Transaction> tx_;
  std::unique_ptr<store::SqliteRepository> repo_;
};

class MemoryFixture final : public Fixture {
 public:
  Repository& repo() override { return repo_; }
  int stored_codes() override { return static_cast<int>(repo_.link_code_rows.size()); }

 private:
  MemoryRepository repo_;
};

Family family(const std::string& id) {
  Family f;
  f.id = id;
  f.service = "limburg";
  f.display_name = "Gezin " + id;
  f.contacts = {{Channel::kSms, "+32470000001"}};
  f.postcode = "3500";
  f.languages = {Language::kNl};
  return f;
}

// Hashes are 64 hex digits; these stand in for SHA-256 values.
std::string hash(char c) { return std::string(64, c); }

LinkCode code_for(const std::string& family_id, char c, UnixTime at = kT0) {
  return {hash(c), family_id, at, at + kWeek, std::nullopt};
}

using Make = std::unique_ptr<Fixture> (*)();

class RepositoryLinking : public ::testing::TestWithParam<Make> {
 protected:
  RepositoryLinking() : fixture_(GetParam()()), repo_(fixture_->repo()) {
    repo_.upsert_family(family("F1"));
    repo_.upsert_family(family("F2"));
  }
  std::unique_ptr<Fixture> fixture_;
  Repository& repo_;
};

TEST_P(RepositoryLinking, CreatedCodeIsFoundByItsHashWithEveryField) {
  repo_.create_link_code(code_for("F1", 'a'));
  const std::optional<LinkCode> found = repo_.link_code(hash('a'));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_hash, hash('a'));
  EXPECT_EQ(found->family_id, "F1");
  EXPECT_EQ(found->created_at, kT0);
  EXPECT_EQ(found->expires_at, kT0 + kWeek);
  EXPECT_FALSE(found->used_at.has_value());
  EXPECT_FALSE(repo_.link_code(hash('b')).has_value());
}

TEST_P(RepositoryLinking, ConsumingMarksTheCodeUsedExactlyOnce) {
  repo_.create_link_code(code_for("F1", 'a'));
  EXPECT_TRUE(repo_.consume_link_code(hash('a'), kT0 + 60));
  EXPECT_EQ(repo_.link_code(hash('a'))->used_at, kT0 + 60);
  EXPECT_FALSE(repo_.consume_link_code(hash('a'), kT0 + 120));
  EXPECT_EQ(repo_.link_code(hash('a'))->used_at, kT0 + 60);
}

TEST_P(RepositoryLinking, ConsumingAnUnknownCodeChangesNothing) {
  repo_.create_link_code(code_for("F1", 'a'));
  EXPECT_FALSE(repo_.consume_link_code(hash('b'), kT0));
  EXPECT_FALSE(repo_.link_code(hash('a'))->used_at.has_value());
  EXPECT_EQ(fixture_->stored_codes(), 1);
}

TEST_P(RepositoryLinking, NewCodeVoidsTheFamilysOlderUnusedCodesOnly) {
  repo_.create_link_code(code_for("F1", 'a'));
  ASSERT_TRUE(repo_.consume_link_code(hash('a'), kT0));
  repo_.create_link_code(code_for("F1", 'b'));
  repo_.create_link_code(code_for("F2", 'c'));
  repo_.create_link_code(code_for("F1", 'd', kT0 + 60));
  EXPECT_TRUE(repo_.link_code(hash('a')).has_value());   // used: kept as history
  EXPECT_FALSE(repo_.link_code(hash('b')).has_value());  // unused: voided by 'd'
  EXPECT_TRUE(repo_.link_code(hash('c')).has_value());   // another family's
  EXPECT_TRUE(repo_.link_code(hash('d')).has_value());
  EXPECT_EQ(fixture_->stored_codes(), 3);
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, RepositoryLinking,
    ::testing::Values<Make>([]() -> std::unique_ptr<Fixture> {
      return std::make_unique<SqliteFixture>();
    }));
INSTANTIATE_TEST_SUITE_P(
    Memory, RepositoryLinking,
    ::testing::Values<Make>([]() -> std::unique_ptr<Fixture> {
      return std::make_unique<MemoryFixture>();
    }));

TEST(SqliteLinkCodes, AreDeletedWithTheirFamilyAndNeedAFullHash) {
  store::Database db(":memory:");
  store::apply_migrations(db);
  store::Transaction tx(db);
  store::SqliteRepository repo(db);
  repo.upsert_family(family("F1"));
  repo.create_link_code(code_for("F1", 'a'));
  EXPECT_THROW(repo.create_link_code({"short", "F1", kT0, kT0 + kWeek, std::nullopt}),
               store::StoreError);
  EXPECT_THROW(repo.create_link_code(code_for("F9", 'e')), store::StoreError);  // no family F9
  db.exec("DELETE FROM families WHERE id = 'F1'");
  EXPECT_FALSE(repo.link_code(hash('a')).has_value());
}

}  // namespace
}  // namespace noodbel
