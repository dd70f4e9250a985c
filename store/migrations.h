// Numbered schema migrations of the Noodbel database; the version lives in
// PRAGMA user_version. For store/ only (Store::open and Store::migrate call these).
// Not thread-safe: callers serialise on the Database.
#pragma once

#include <vector>

#include "store/sqlite.h"

namespace noodbel::store {

struct Migration {
  int version;       // 1, 2, ... without gaps; user_version after it is applied
  const char* name;  // short, for logs and `noodbel migrate`
  const char* sql;   // one or more statements, no parameters
};

const std::vector<Migration>& migrations();  // ordered by version
int latest_schema_version();

// Applies every migration newer than the database's user_version, each in its own
// IMMEDIATE transaction. Returns how many were applied. Throws StoreError; the caller
// must already have refused a database newer than latest_schema_version().
int apply_migrations(Database& db);

}  // namespace noodbel::store
