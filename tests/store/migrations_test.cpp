#include "store/migrations.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::TempDbPath;

constexpr const char* kTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
constexpr const char* kIndexes =
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'";

std::set<std::string> names(Database& db, const char* sql) {
  std::set<std::string> out;
  Query q = db.query(sql);
  while (q->step()) out.insert(q->text(0));
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& m : migrations()) EXPECT_EQ(m.version, expected++) << m.name;
  EXPECT_EQ(latest_schema_version(), expected - 1);
  EXPECT_EQ(Store::latest_schema_version(), latest_schema_version());
}

TEST(Migrations, CreateTheSchemaAndSetUserVersion) {
  Database db(":memory:");
  EXPECT_EQ(apply_migrations(db), latest_schema_version());
  EXPECT_EQ(db.user_version(), latest_schema_version());
  const std::set<std::string> expected_tables{
      "services",     "caseworkers",     "caseworker_contacts",
      "families",     "family_contacts", "family_availability",
      "calls",        "call_events",     "call_recipients",
      "responses",    "inbox",           "outbox",
      "audit_log",    "unknown_senders", "message_counts",
      "digest_runs",  "link_codes",      "call_questions",
      "call_choices", "call_notices",    "slash_response_urls",
      "health_probe"};
  EXPECT_EQ(names(db, kTables), expected_tables);
  const auto indexes = names(db, kIndexes);
  EXPECT_TRUE(indexes.count("family_contacts_by_address"));
  EXPECT_TRUE(indexes.count("calls_by_code"));
  EXPECT_TRUE(indexes.count("outbox_due"));
  EXPECT_TRUE(indexes.count("slash_response_urls_by_expiry"));
  EXPECT_TRUE(indexes.count("outbox_claimed"));
}

TEST(Migrations, SecondRunAppliesNothing) {
  Database db(":memory:");
  EXPECT_EQ(apply_migrations(db), latest_schema_version());
  EXPECT_EQ(apply_migrations(db), 0);
  EXPECT_EQ(db.user_version(), latest_schema_version());
}

TEST(Migrations, InboxHasNoColumnForTheMessageBody) {
  Database db(":memory:");
  apply_migrations(db);
  std::set<std::string> columns;
  Query q = db.query("SELECT name FROM pragma_table_info('inbox')");
  while (q->step()) columns.insert(q->text(0));
  EXPECT_EQ(columns, (std::set<std::string>{"channel", "provider_id", "received_at"}));
}

TEST(Migrations, CheckConstraintsRefuseUnknownEnumValues) {
  Database db(":memory:");
  apply_migrations(db);
  EXPECT_THROW(db.query("INSERT INTO outbox (recipient_id, channel, address, text, priority,"
                        " state, next_attempt_at, created_at)"
                        " VALUES ('F1', 'sms', '+32470000000', 'hi', 0, 'lost', 0, 0)")
                   ->run(),
               StoreError);
  EXPECT_THROW(
      db.query("INSERT INTO caseworkers (id, service, name, role, language)"
               " VALUES ('C1', 'limburg', 'An', 'boss', 'nl')")
          ->run(),
      StoreError);
}

TEST(Migrations, DeletingAFamilyCascadesToItsContactsAndAvailability) {
  Database db(":memory:");
  apply_migrations(db);
  db.exec(
      "INSERT INTO families VALUES ('F1', 'limburg', 'X', '3500', 50.9, 5.3, 30, 0, 216, 1,"
      " 'nl', NULL, 1, 'nl', 0, 0);"
      "INSERT INTO family_contacts VALUES ('F1', 0, 'sms', '+32470000001');"
      "INSERT INTO family_availability VALUES ('F1', 0, 0, 1440);"
      "DELETE FROM families WHERE id = 'F1';");
  Query q = db.query(
      "SELECT (SELECT COUNT(*) FROM family_contacts) + (SELECT COUNT(*) FROM family_availability)");
  q->step();
  EXPECT_EQ(q->int64(0), 0);
}

TEST(Migrations, TwoAddsWaveSizeAndClosedByToCallsAndTheBoardIndexes) {
  Database db(":memory:");
  apply_migrations(db);
  std::set<std::string> columns;
  Query q = db.query("SELECT name FROM pragma_table_info('calls')");
  while (q->step()) columns.insert(q->text(0));
  EXPECT_TRUE(columns.count("wave_size"));
  EXPECT_TRUE(columns.count("closed_by"));
  const auto indexes = names(db, kIndexes);
  EXPECT_TRUE(indexes.count("calls_by_matched_family"));
  EXPECT_TRUE(indexes.count("outbox_delivered_by_call"));
}

TEST(StoreOpen, CreatesTheFolderAndTheMigratedDatabase) {
  TempDbPath tmp;
  const std::string path = (tmp.folder() / "var" / "deeper" / "noodbel.db").string();
  auto store = Store::open(path, ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(must((*store)->schema_version()), Store::latest_schema_version());
  EXPECT_TRUE((*store)->check().ok());
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(StoreOpen, ReopeningIsIdempotentAndKeepsData) {
  TempDbPath tmp;
  {
    auto store = Store::open(tmp.db(), ::noodbel::testing_support::wall_clock());
    ASSERT_TRUE(store.ok()) << store.error().message;
    const Status s = (*store)->transaction([](Repository& repo) -> Status {
      repo.audit({100, "admin", "family.import", "3 families"});
      return Ok();
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  auto again = Store::open(tmp.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(must((*again)->schema_version()), Store::latest_schema_version());
  EXPECT_TRUE((*again)->migrate().ok());
  ASSERT_EQ(must((*again)->audit_log(10)).size(), 1u);
}

TEST(StoreOpen, UnmigratedOpenLeavesVersionZeroUntilMigrate) {
  TempDbPath tmp;
  auto store = Store::open_unmigrated(tmp.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(must((*store)->schema_version()), 0);
  const Status migrated = (*store)->migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  EXPECT_EQ(must((*store)->schema_version()), Store::latest_schema_version());
}

TEST(StoreOpen, RefusesADatabaseNewerThanThisBinaryNamingBothVersions) {
  TempDbPath tmp;
  const std::string newer = std::to_string(Store::latest_schema_version() + 1);
  {
    Database db(tmp.db());
    db.exec(("PRAGMA user_version = " + newer).c_str());
  }
  for (auto open : {&Store::open, &Store::open_unmigrated}) {
    auto store = open(tmp.db(), ::noodbel::testing_support::wall_clock());
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().kind, ErrorKind::kConflict);
    const std::string& msg = store.error().message;
    EXPECT_NE(msg.find(tmp.db()), std::string::npos) << msg;
    EXPECT_NE(msg.find("schema version " + newer), std::string::npos) << msg;
    EXPECT_NE(msg.find("only up to " + std::to_string(Store::latest_schema_version())),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find("use a newer noodbel or restore a backup"), std::string::npos) << msg;
  }
  Database db(tmp.db());
  EXPECT_EQ(std::to_string(db.user_version()), newer);
  Query q = db.query(kTables);
  EXPECT_FALSE(q->step()) << "no table may be created in a refused database";
}

TEST(StoreOpen, RefusesAFileThatIsNotSqliteAndLeavesItUntouched) {
  TempDbPath tmp;
  const std::string content = "id,name\nF1,not a database at all, just a CSV file\n";
  {
    std::ofstream out(tmp.db(), std::ios::binary);
    out << content;
  }
  auto store = Store::open(tmp.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(store.error().message.find("file " + tmp.db() + " is not a Noodbel database"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(read_file(tmp.db()), content);
}

TEST(StoreOpen, RefusesASqliteFileHoldingOtherTables) {
  TempDbPath tmp;
  {
    Database db(tmp.db());
    db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
  }
  auto store = Store::open(tmp.db(), ::noodbel::testing_support::wall_clock());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(store.error().message.find("is not a Noodbel database"), std::string::npos);
  EXPECT_NE(store.error().message.find("recipes"), std::string::npos) << store.error().message;
  Database db(tmp.db());
  EXPECT_EQ(names(db, kTables), std::set<std::string>{"recipes"});
}

TEST(StoreOpen, ReportsAPathThatCannotBeOpened) {
  TempDbPath tmp;
  const std::string folder = tmp.folder().string();  // a folder, not a file
  auto store = Store::open(folder, ::noodbel::testing_support::wall_clock());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find(folder), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("cannot open database"), std::string::npos)
      << store.error().message;
}

TEST(StoreOpen, ReportsAFolderThatCannotBeCreated) {
  TempDbPath tmp;
  const std::string blocker = (tmp.folder() / "plain-file").string();
  std::ofstream(blocker) << "x";
  auto store = Store::open(blocker + "/sub/noodbel.db", ::noodbel::testing_support::wall_clock());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("cannot create folder"), std::string::npos)
      << store.error().message;
}

}  // namespace
}  // namespace noodbel::store
