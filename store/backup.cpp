#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "store/migrations.h"

namespace noodbel::store {
namespace {

namespace fs = std::filesystem;

// One raw connection, closed in the destructor. The backup API needs sqlite3* on both
// sides, which store/sqlite.h keeps private.
class Connection {
 public:
  Connection(const std::string& path, int flags) {
    rc_ = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc_ == SQLITE_OK) sqlite3_busy_timeout(db_, 5000);
  }
  ~Connection() { sqlite3_close_v2(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3* get() const { return db_; }
  std::string message() const { return db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc_); }
  int exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

  // The first column of the first row as text; nothing on error or no row.
  std::optional<std::string> single(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) return std::nullopt;
    std::optional<std::string> out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      out = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
  int rc_ = SQLITE_OK;
};

// Copies every page of src into dst in one step; SQLITE_DONE is success.
Status copy_pages(Connection& src, Connection& dst, const std::string& what) {
  sqlite3_backup* b = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
  if (b == nullptr) return Error::Unavailable(fmt::format("{}: {}", what, dst.message()));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(b, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    return Error::Unavailable(fmt::format("{}: {}", what, sqlite3_errstr(rc)));
  }
  return Ok();
}

// integrity_check and the schema version of an open connection.
Result<int> check_contents(Connection& db, const std::string& path) {
  const auto integrity = db.single("PRAGMA integrity_check");
  if (!integrity) {
    return Error::Invalid(fmt::format("{} is not a readable SQLite database: {}", path,
                                      db.message()));
  }
  if (*integrity != "ok") {
    return Error::Invalid(fmt::format("{} is damaged: integrity_check says '{}'", path,
                                      integrity->substr(0, 200)));
  }
  const int version = std::stoi(db.single("PRAGMA user_version").value_or("0"));
  if (version < 1) {
    return Error::Invalid(fmt::format("{} holds no Noodbel schema (version 0)", path));
  }
  if (version > latest_schema_version()) {
    return Error::Invalid(fmt::format(
        "{} has schema version {} but this noodbel knows only up to {}; use a newer noodbel",
        path, version, latest_schema_version()));
  }
  return version;
}

std::int64_t size_of(const std::string& path) {
  std::error_code ec;
  const auto n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<std::int64_t>(n);
}

Status sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Error::Unavailable(fmt::format("cannot open {} to sync it", path));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Error::Unavailable(fmt::format("cannot sync {} to disk", path));
  return Ok();
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);  // best effort: the rename is durable on the next sync otherwise
  ::close(fd);
}

// Creates `path` empty with mode 0600 whatever the umask, so the copy of every family's
// name and phone is readable by the service's user only from its first byte on (SQLite
// then opens the empty file, and gives its journal beside it the same mode).
Status create_private(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                        S_IRUSR | S_IWUSR);
  if (fd < 0) {
    return Error::Unavailable(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  }
  const int rc = ::fchmod(fd, S_IRUSR | S_IWUSR);  // an old file of the same name too
  ::close(fd);
  if (rc != 0) return Error::Unavailable(fmt::format("cannot make {} private", path));
  return Ok();
}

// Writes the copy to `temp` and checks it; the caller renames or removes it.
Result<int> write_copy(const std::string& db_path, const std::string& temp) {
  Connection src(db_path, SQLITE_OPEN_READWRITE);
  if (!src.ok()) {
    return Error::NotFound(fmt::format("cannot open database {}: {}; check --db or the config",
                                       db_path, src.message()));
  }
  if (auto ours = check_contents(src, db_path); !ours.ok()) return ours.error();
  if (Status s = create_private(temp); !s.ok()) return s.error();
  {
    Connection dst(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dst.ok()) {
      return Error::Unavailable(fmt::format("cannot create {}: {}", temp, dst.message()));
    }
    if (Status s = copy_pages(src, dst, "backup failed"); !s.ok()) return s.error();
    // A self-contained file: no -wal beside it.
    if (dst.exec("PRAGMA journal_mode = DELETE") != SQLITE_OK) {
      return Error::Unavailable(fmt::format("cannot finish {}: {}", temp, dst.message()));
    }
  }
  auto checked = verify_backup(temp);
  if (!checked.ok()) return checked.error();
  if (Status s = sync_file(temp); !s.ok()) return s.error();
  return checked->schema_version;
}

}  // namespace

Result<BackupInfo> verify_backup(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Error::NotFound(fmt::format("backup {} does not exist or is not a file", path));
  }
  Connection db(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) {
    return Error::Invalid(fmt::format("cannot open backup {}: {}", path, db.message()));
  }
  auto version = check_contents(db, path);
  if (!version.ok()) return version.error();
  return BackupInfo{path, *version, size_of(path)};
}

Result<BackupInfo> backup_database(const std::string& db_path, const std::string& target) {
  std::error_code ec;
  const fs::path out(target);
  if (fs::is_directory(out, ec)) {
    return Error::Invalid(fmt::format("{} is a folder; give a file name for the backup", target));
  }
  if (!out.parent_path().empty() && !fs::is_directory(out.parent_path(), ec)) {
    return Error::NotFound(fmt::format("folder {} does not exist; create it first",
                                       out.parent_path().string()));
  }
  if (fs::equivalent(db_path, target, ec)) {
    return Error::Invalid("the backup path is the database itself; choose another file");
  }
  const std::string temp = fmt::format("{}.tmp-{}", target, ::getpid());
  auto version = write_copy(db_path, temp);
  if (version.ok()) {
    fs::rename(temp, target, ec);
    if (ec) {
      version = Error::Unavailable(fmt::format("cannot rename {} to {}: {}", temp, target,
                                               ec.message()));
    }
  }
  if (!version.ok()) {
    fs::remove(temp, ec);
    fs::remove(temp + "-journal", ec);
    return version.error();
  }
  sync_folder(out.parent_path());
  return BackupInfo{target, *version, size_of(target)};
}

Result<BackupInfo> restore_database(const std::string& backup, const std::string& db_path) {
  auto checked = verify_backup(backup);
  if (!checked.ok()) return checked.error();
  std::error_code ec;
  const fs::path folder = fs::path(db_path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    return Error::NotFound(fmt::format("folder {} of the database does not exist; create it first",
                                       folder.string()));
  }
  Connection src(backup, SQLITE_OPEN_READONLY);
  Connection dst(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!src.ok() || !dst.ok()) {
    return Error::Unavailable(fmt::format("cannot open {}: {}", src.ok() ? db_path : backup,
                                          src.ok() ? dst.message() : src.message()));
  }
  // Exclusive locking mode: the lock fails while any other connection has the file open.
  sqlite3_busy_timeout(dst.get(), 0);
  if (dst.exec("PRAGMA locking_mode = EXCLUSIVE") != SQLITE_OK ||
      dst.exec("BEGIN EXCLUSIVE") != SQLITE_OK || dst.exec("COMMIT") != SQLITE_OK) {
    return Error::Conflict(fmt::format(
        "database {} is in use by another process (is `noodbel serve` running?); stop the "
        "service, then restore again; nothing was changed",
        db_path));
  }
  if (Status s = copy_pages(src, dst, "restore failed, database unchanged"); !s.ok()) {
    return s.error();
  }
  if (auto now = check_contents(dst, db_path); !now.ok()) return now.error();
  dst.exec("PRAGMA journal_mode = WAL");
  return BackupInfo{db_path, checked->schema_version, size_of(db_path)};
}

}  // namespace noodbel::store
