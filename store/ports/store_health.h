// StoreHealth: the port of GET /healthz, GET /readyz and GET /metrics (adapters/http/
// ops_routes): whether the database answers, whether it takes writes, and its figures in one
// read snapshot. store::Store implements it. A storage failure is an Error, never zeros or
// "healthy". Thread-safe implementations.
#pragma once

#include "bot/result.h"
#include "store/metrics_snapshot.h"

namespace noodbel::store {

class StoreHealth {
 public:
  virtual ~StoreHealth() = default;

  // Ok when a trivial query succeeds; else the Error.
  virtual Status check() = 0;
  // A real write: one row of the probe table, in a write transaction, committed. Ok when it
  // committed; else the store's own Error (disk full, I/O, busy, read-only).
  virtual Status probe_write() = 0;
  // How many of the service's writes (units of work, outbox and delivery writes; not
  // probe_write) failed in a row, up to now: 0 once one succeeds. Reads nothing.
  virtual int failed_writes_in_a_row() = 0;
  // The figures of GET /metrics, read in one snapshot; changes nothing.
  virtual Result<MetricsSnapshot> metrics_snapshot() = 0;
};

}  // namespace noodbel::store
