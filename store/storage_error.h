// storage_error(): what a failed SQLite call becomes for the Store's callers. For
// store/store.cpp and store/group_commit.cpp only.
#pragma once

#include "bot/result.h"
#include "store/sqlite.h"

namespace noodbel::store {

// Busy, locked, disk full and I/O errors may pass: kUnavailable (webhooks answer 503 and
// the provider retries). Anything else is kInternal.
Error storage_error(const StoreError& e);

}  // namespace noodbel::store
