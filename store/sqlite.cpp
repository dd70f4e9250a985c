#include "store/sqlite.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include <utility>

namespace noodbel::store {
namespace {

constexpr const char* kPragmas =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA temp_store = MEMORY;";
constexpr const char* kSynchronousFull = "PRAGMA synchronous = FULL";
constexpr const char* kSynchronousNormal = "PRAGMA synchronous = NORMAL";
constexpr const char* kUserVersion = "PRAGMA user_version";
constexpr const char* kBegin = "BEGIN IMMEDIATE";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";
constexpr const char* kSavepoint = "SAVEPOINT write";
constexpr const char* kReleaseSavepoint = "RELEASE write";
constexpr const char* kRollbackToSavepoint = "ROLLBACK TO write";
constexpr int kBusyTimeoutMs = 5000;

StoreError error_of(sqlite3* db, int code, std::string_view statement) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return StoreError(message, code, statement);
}

}  // namespace

// ---- StoreError ----

StoreError::StoreError(std::string sqlite_message, int code, std::string_view statement)
    : std::runtime_error(fmt::format("{} (SQLite code {}) in: {}", sqlite_message, code, statement)),
      code_(code),
      sqlite_message_(std::move(sqlite_message)) {}

bool StoreError::busy() const {
  const int primary = code_ & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool StoreError::transient() const {
  const int primary = code_ & 0xff;
  return busy() || primary == SQLITE_FULL || primary == SQLITE_IOERR ||
         primary == SQLITE_CANTOPEN || primary == SQLITE_PROTOCOL;
}

bool StoreError::not_a_database() const { return (code_ & 0xff) == SQLITE_NOTADB; }

// ---- Statement ----

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  const int rc = sqlite3_prepare_v3(db_, sql_.data(), static_cast<int>(sql_.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    fail(rc);
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      sql_(std::move(other.sql_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    sql_ = std::move(other.sql_);
  }
  return *this;
}

void Statement::fail(int code) const {
  const int extended = db_ != nullptr ? sqlite3_extended_errcode(db_) : code;
  throw error_of(db_, extended, sql_);
}

void Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc);
}

void Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc);
}

void Statement::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(rc);
}

void Statement::bind(int index, std::nullptr_t) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(rc);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);  // returns the last step's error, already reported by step()
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

int Statement::integer(int column) const { return sqlite3_column_int(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

// ---- Query ----

Query::Query(Statement* stmt, bool* in_use, std::unique_ptr<Statement> owned)
    : stmt_(stmt), in_use_(in_use), owned_(std::move(owned)) {}

Query::Query(Query&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      owned_(std::move(other.owned_)) {}

Query::~Query() {
  if (stmt_ != nullptr) stmt_->reset();
  if (in_use_ != nullptr) *in_use_ = false;
}

// ---- Database ----

Database::Database(const std::string& path, Synchronous synchronous) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const int code = db_ != nullptr ? sqlite3_extended_errcode(db_) : rc;
    StoreError error = error_of(db_, code, "open");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw error;
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    exec(kPragmas);
    exec(synchronous == Synchronous::kFull ? kSynchronousFull : kSynchronousNormal);
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  cache_.clear();  // finalize every statement before closing
  sqlite3_close_v2(db_);
}

Query Database::query(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto slot = std::make_unique<Slot>(Slot{Statement(db_, sql)});
    it = cache_.emplace(sql, std::move(slot)).first;
  }
  Slot& slot = *it->second;
  if (slot.in_use) {  // nested use of the same SQL: a private, uncached copy
    auto owned = std::make_unique<Statement>(db_, sql);
    Statement* stmt = owned.get();
    return Query(stmt, nullptr, std::move(owned));
  }
  slot.in_use = true;
  return Query(&slot.statement, &slot.in_use, nullptr);
}

void Database::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    const int code = sqlite3_extended_errcode(db_);
    throw StoreError(text, code, sql);
  }
}

int Database::user_version() {
  Query q = query(kUserVersion);
  q->step();
  return q->integer(0);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- Transaction ----

Transaction::Transaction(Database& db) : db_(db) { db_.query(kBegin)->run(); }

Transaction::~Transaction() {
  if (done_ || !db_.in_transaction()) return;  // a failed COMMIT may have rolled back already
  try {
    db_.query(kRollback)->run();
  } catch (const StoreError&) {
    // Nothing more to do: SQLite rolls back itself when the connection closes.
  }
}

void Transaction::commit() {
  db_.query(kCommit)->run();
  done_ = true;
}

// ---- Savepoint ----

Savepoint::Savepoint(Database& db) : db_(db) { db_.query(kSavepoint)->run(); }

Savepoint::~Savepoint() {
  if (done_ || !db_.in_transaction()) return;  // an error may have ended the transaction
  try {
    rollback();
  } catch (const StoreError&) {
    // Nothing more to do here: the transaction's owner rolls it back as a whole.
  }
}

void Savepoint::release() {
  db_.query(kReleaseSavepoint)->run();
  done_ = true;
}

void Savepoint::rollback() {
  done_ = true;
  db_.query(kRollbackToSavepoint)->run();
  db_.query(kReleaseSavepoint)->run();
}

}  // namespace noodbel::store
