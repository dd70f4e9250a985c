// ReadinessConfig: when GET /readyz (adapters/http/readiness.h) reports not ready; the
// readiness keys of [database]. A plain struct, loaded by adapters/config.
#pragma once

namespace noodbel {

struct ReadinessConfig {
  // Not ready below this much free space on the database's filesystem: room for the WAL
  // and a checkpoint before SQLite answers "database or disk is full".
  int min_free_megabytes = 64;
  // Not ready once this many writes failed in a row (a write that succeeds ends the run).
  int max_failed_writes = 3;
};

}  // namespace noodbel
