// RAII wrappers over the SQLite C API for store/ only: Database, Statement, Query (a lease
// on a cached statement) and Transaction. Errors throw StoreError; Store turns them into
// Error values. Not thread-safe: one thread at a time per Database (Store's mutex).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/store_options.h"

struct sqlite3;
struct sqlite3_stmt;

namespace noodbel::store {

// A failed SQLite call. what(): "<SQLite message> (SQLite code N) in: <statement>".
// Statements hold only placeholders, so the text never carries stored values.
class StoreError : public std::runtime_error {
 public:
  StoreError(std::string sqlite_message, int code, std::string_view statement);
  int code() const { return code_; }  // extended result code, e.g. SQLITE_BUSY
  const std::string& sqlite_message() const { return sqlite_message_; }
  bool busy() const;            // SQLITE_BUSY or SQLITE_LOCKED: retry later
  bool not_a_database() const;  // SQLITE_NOTADB
  // Busy, SQLITE_FULL ("database or disk is full"), SQLITE_IOERR, SQLITE_CANTOPEN or
  // SQLITE_PROTOCOL: the same statement may succeed later.
  bool transient() const;

 private:
  int code_;
  std::string sqlite_message_;
};

// One prepared statement, finalized in the destructor. Move-only. Bind indexes start at 1,
// column indexes at 0.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);  // throws StoreError
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, std::int64_t value);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, double value);
  void bind(int index, std::string_view value);
  void bind(int index, const char* value) { bind(index, std::string_view(value)); }
  void bind(int index, std::nullptr_t);
  template <typename T>
  void bind(int index, const std::optional<T>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind(index, nullptr);
    }
  }
  // Binds the arguments to parameters 1..N.
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  bool step();  // true: a row is ready; false: done. Throws StoreError on failure.
  void run();   // steps until done
  void reset();  // ready to run again, bindings cleared

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;

  const std::string& sql() const { return sql_; }

 private:
  [[noreturn]] void fail(int code) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class Database;

// A cached statement leased for one use; reset (bindings cleared) when the lease ends.
class Query {
 public:
  Query(Query&& other) noexcept;
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query();

  Statement& operator*() { return *stmt_; }
  Statement* operator->() { return stmt_; }

 private:
  friend class Database;
  Query(Statement* stmt, bool* in_use, std::unique_ptr<Statement> owned);
  Statement* stmt_;
  bool* in_use_;                      // the cache slot's flag; nullptr for owned
  std::unique_ptr<Statement> owned_;  // when the cached one was already leased
};

// One SQLite connection: WAL journal, busy_timeout 5000 ms, foreign keys on, synchronous
// FULL unless told otherwise. ":memory:" gives a private in-memory database (for tests).
class Database {
 public:
  explicit Database(const std::string& path,
                    Synchronous synchronous = Synchronous::kFull);  // throws StoreError
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The statement for this SQL text, prepared on first use and cached afterwards.
  Query query(const char* sql);
  // Runs one or more statements without parameters (DDL, pragmas).
  void exec(const char* sql);

  int user_version();
  std::int64_t last_insert_rowid() const;
  int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  bool in_transaction() const;
  const std::string& path() const { return path_; }

 private:
  struct Slot {
    Statement statement;
    bool in_use = false;
  };
  const std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Slot>> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);  // throws StoreError (SQLITE_BUSY after the timeout)
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();  // throws StoreError; the destructor then rolls back

 private:
  Database& db_;
  bool done_ = false;
};

// SAVEPOINT on construction, inside the open transaction: release() keeps its changes in
// that transaction, rollback() undoes them and leaves the rest of the transaction as it
// was. The destructor rolls back when neither ran (best effort: a failure there is seen
// by the transaction's COMMIT or ROLLBACK).
class Savepoint {
 public:
  explicit Savepoint(Database& db);  // throws StoreError
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  void release();   // throws StoreError
  void rollback();  // throws StoreError

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace noodbel::store
