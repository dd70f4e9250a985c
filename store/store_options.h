// StoreOptions: how Store::open sets up its SQLite connection. Given by the composition
// root (adapters/app, the CLI) from the [database] settings; tests use the defaults.
#pragma once

namespace noodbel::store {

// PRAGMA synchronous in WAL mode. kFull: every COMMIT is on disk (fsync of the WAL) before
// it returns, so it survives a power loss or kernel crash. kNormal: a COMMIT survives a
// killed process but the last ones may be lost on power loss; for benchmarks and
// disposable sandboxes only.
enum class Synchronous { kFull, kNormal };

struct StoreOptions {
  Synchronous synchronous = Synchronous::kFull;
};

}  // namespace noodbel::store
