#include "store/sqlite.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "temp_db.h"

namespace noodbel::store {
namespace {

constexpr const char* kCreate = "CREATE TABLE t (i INTEGER, r REAL, s TEXT, n INTEGER)";
constexpr const char* kInsert = "INSERT INTO t (i, r, s, n) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kSelect = "SELECT i, r, s, n FROM t ORDER BY rowid";
constexpr const char* kCount = "SELECT COUNT(*) FROM t";

std::int64_t count_rows(Database& db) {
  Query q = db.query(kCount);
  q->step();
  return q->int64(0);
}

TEST(Statement, BindsAndReadsEveryColumnType) {
  Database db(":memory:");
  db.exec(kCreate);
  db.query(kInsert)->bind_all(std::int64_t{1} << 40, 2.5, "hé 🚨", nullptr).run();
  db.query(kInsert)
      ->bind_all(7, std::optional<double>{}, std::optional<std::string>("x"),
                 std::optional<std::int64_t>(9))
      .run();

  Query q = db.query(kSelect);
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->int64(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(q->real(1), 2.5);
  EXPECT_EQ(q->text(2), "hé 🚨");
  EXPECT_TRUE(q->is_null(3));
  EXPECT_EQ(q->optional_int64(3), std::nullopt);
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->integer(0), 7);
  EXPECT_TRUE(q->is_null(1));
  EXPECT_EQ(q->optional_text(2), "x");
  EXPECT_EQ(q->optional_int64(3), 9);
  EXPECT_FALSE(q->step());
}

TEST(Statement, TextWithEmbeddedQuotesIsStoredVerbatim) {
  Database db(":memory:");
  db.exec(kCreate);
  const std::string hostile = "x'); DROP TABLE t; --";
  db.query(kInsert)->bind_all(1, 0.0, hostile, nullptr).run();
  Query q = db.query(kSelect);
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->text(2), hostile);
}

TEST(Database, CachesAStatementPerSqlText) {
  Database db(":memory:");
  db.exec(kCreate);
  const Statement* first = nullptr;
  {
    Query q = db.query(kCount);
    first = &*q;
  }
  Query again = db.query(kCount);
  EXPECT_EQ(&*again, first);
}

TEST(Database, NestedUseOfTheSameSqlGetsItsOwnStatement) {
  Database db(":memory:");
  db.exec(kCreate);
  for (int i = 1; i <= 2; ++i) db.query(kInsert)->bind_all(i, 0.0, "a", nullptr).run();
  int pairs = 0;
  Query outer = db.query(kSelect);
  while (outer->step()) {
    Query inner = db.query(kSelect);
    EXPECT_NE(&*inner, &*outer);
    while (inner->step()) ++pairs;
  }
  EXPECT_EQ(pairs, 4);
}

TEST(Database, LeaseEndResetsBindings) {
  Database db(":memory:");
  db.exec(kCreate);
  db.query(kInsert)->bind_all(1, 1.0, "a", 5).run();
  db.query(kInsert)->bind(1, 2);  // the rest stay unbound: NULL after the reset
  db.query(kInsert)->run();
  Query q = db.query("SELECT COUNT(*) FROM t WHERE i IS NULL AND n IS NULL");
  q->step();
  EXPECT_EQ(q->int64(0), 1);
}

TEST(StoreError, NamesTheSqliteMessageAndTheStatement) {
  Database db(":memory:");
  try {
    db.query("SELECT nope FROM missing_table");
    FAIL() << "expected a StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("no such table: missing_table"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("SELECT nope FROM missing_table"), std::string::npos);
    EXPECT_FALSE(e.busy());
  }
}

TEST(StoreError, IsThrownByAFailingStepWithTheConstraintName) {
  Database db(":memory:");
  db.exec("CREATE TABLE u (k TEXT PRIMARY KEY)");
  db.query("INSERT INTO u (k) VALUES (?1)")->bind_all("a").run();
  try {
    db.query("INSERT INTO u (k) VALUES (?1)")->bind_all("a").run();
    FAIL() << "expected a StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(e.sqlite_message().find("UNIQUE constraint failed: u.k"), std::string::npos);
  }
  // The statement is usable again after the failure.
  db.query("INSERT INTO u (k) VALUES (?1)")->bind_all("b").run();
}

TEST(Transaction, RollsBackWhenNotCommitted) {
  Database db(":memory:");
  db.exec(kCreate);
  {
    Transaction tx(db);
    db.query(kInsert)->bind_all(1, 0.0, "a", nullptr).run();
    EXPECT_TRUE(db.in_transaction());
  }
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(count_rows(db), 0);
}

TEST(Transaction, KeepsRowsWhenCommitted) {
  Database db(":memory:");
  db.exec(kCreate);
  {
    Transaction tx(db);
    db.query(kInsert)->bind_all(1, 0.0, "a", nullptr).run();
    tx.commit();
  }
  EXPECT_EQ(count_rows(db), 1);
}

TEST(Transaction, RollsBackWhenAnExceptionLeavesTheScope) {
  Database db(":memory:");
  db.exec(kCreate);
  try {
    Transaction tx(db);
    db.query(kInsert)->bind_all(1, 0.0, "a", nullptr).run();
    db.query("INSERT INTO nowhere VALUES (1)");
  } catch (const StoreError&) {
  }
  EXPECT_EQ(count_rows(db), 0);
}

TEST(Database, OpensFilesWithWalForeignKeysBusyTimeoutAndSynchronousFull) {
  testing_support::TempDbPath path;
  Database db(path.db());
  const auto pragma = [&](const char* sql) {
    Query q = db.query(sql);
    q->step();
    return q->text(0);
  };
  EXPECT_EQ(pragma("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma("PRAGMA foreign_keys"), "1");
  EXPECT_EQ(pragma("PRAGMA busy_timeout"), "5000");
  EXPECT_EQ(pragma("PRAGMA synchronous"), "2");  // FULL, the default (issue 12)
}

TEST(Database, BusyWriterGetsABusyStoreErrorAfterTheTimeout) {
  testing_support::TempDbPath path;
  Database first(path.db());
  Database second(path.db());
  second.exec("PRAGMA busy_timeout = 0");  // fail at once instead of waiting 5 s
  Transaction holding(first);
  try {
    Transaction blocked(second);
    FAIL() << "expected SQLITE_BUSY";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.busy()) << e.what();
  }
}

}  // namespace
}  // namespace noodbel::store
