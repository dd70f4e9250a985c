// Backup and restore of the Noodbel database with SQLite's online backup API. Safe while
// `noodbel serve` runs (WAL: the copy is one consistent read snapshot). Free functions;
// each opens its own connections, so they may run from any thread or process.
#pragma once

#include <cstdint>
#include <string>

#include "bot/result.h"

namespace noodbel::store {

struct BackupInfo {
  std::string path;
  int schema_version = 0;
  std::int64_t bytes = 0;
};

// Copies the database at db_path to `target`: written to a temporary file next to it,
// checked (integrity_check, Noodbel schema version), synced, then renamed over `target`.
// The copy is created with mode 0600 whatever the umask: only the service's user reads it.
// On failure nothing is left behind and `target` is unchanged.
Result<BackupInfo> backup_database(const std::string& db_path, const std::string& target);

// Checks a backup: a readable SQLite file, integrity_check "ok", and a Noodbel schema
// version between 1 and the one this binary knows. Changes nothing.
Result<BackupInfo> verify_backup(const std::string& path);

// Replaces the database at db_path (created when absent) by the backup at `backup`, in one
// SQLite write transaction: all or nothing. Refused, with nothing changed, when the backup
// fails verify_backup or when another process (`noodbel serve`) has the database open.
Result<BackupInfo> restore_database(const std::string& backup, const std::string& db_path);

}  // namespace noodbel::store
