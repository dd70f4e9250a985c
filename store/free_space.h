// database_free_space(): the FreeSpaceProbe (store/ports/free_space.h) of a database file's
// filesystem, read with statvfs on its folder. For the composition root; thread-safe.
#pragma once

#include <memory>
#include <string>

#include "store/ports/free_space.h"

namespace noodbel::store {

// The probe for the database at `db_path`; nullptr for a database without a file
// (":memory:", "file:..." URIs), which has no filesystem to watch.
std::unique_ptr<FreeSpaceProbe> database_free_space(const std::string& db_path);

}  // namespace noodbel::store
