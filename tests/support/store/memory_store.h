// open_memory_store(): a migrated store::Store on a fresh in-memory database, stamped by
// wall_clock(); a failure to open fails the test (and gives nullptr). Test-only.
#pragma once

#include <memory>

#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel::testing_support {

inline std::unique_ptr<store::Store> open_memory_store() {
  return must(store::Store::open(":memory:", wall_clock()));
}

}  // namespace noodbel::testing_support
