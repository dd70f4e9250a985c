#include "e2e/sql_read_support.h"

#include <sqlite3.h>

#include <functional>
#include <memory>

#include <gtest/gtest.h>

namespace noodbel::testing_support {
namespace {

// Runs `sql` on a read-only connection; `row` sees each row's statement.
bool each_row(const std::string& db, const std::string& sql,
              const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3* raw = nullptr;
  const bool opened = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(raw, &sqlite3_close);
  if (!opened) {
    ADD_FAILURE() << "cannot open " << db << ": " << sqlite3_errmsg(conn.get());
    return false;
  }
  sqlite3_busy_timeout(conn.get(), 10'000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(conn.get(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(conn.get()) << ": " << sql;
    return false;
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) row(stmt);
  if (rc != SQLITE_DONE) ADD_FAILURE() << sqlite3_errmsg(conn.get()) << ": " << sql;
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE;
}

}  // namespace

std::int64_t sql_number(const std::string& db, const std::string& sql) {
  std::int64_t n = -1;
  const bool done = each_row(db, sql, [&](sqlite3_stmt* s) {
    if (n == -1) n = sqlite3_column_int64(s, 0);
  });
  return done ? n : -1;
}

std::vector<std::string> sql_texts(const std::string& db, const std::string& sql) {
  std::vector<std::string> out;
  each_row(db, sql, [&](sqlite3_stmt* s) {
    const unsigned char* text = sqlite3_column_text(s, 0);
    out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  });
  return out;
}

}  // namespace noodbel::testing_support
