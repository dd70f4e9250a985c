// StoreHealth: the port of GET /healthz and GET /metrics (adapters/http/ops_routes): whether
// the database answers, and its figures in one read snapshot. store::Store implements it.
// A storage failure is an Error, never zeros or "healthy". Thread-safe implementations.
#pragma once

#include "bot/result.h"
#include "store/metrics_snapshot.h"

namespace noodbel::store {

class StoreHealth {
 public:
  virtual ~StoreHealth() = default;

  // Ok when a trivial query succeeds; else the Error.
  virtual Status check() = 0;
  // The figures of GET /metrics, read in one snapshot; changes nothing.
  virtual Result<MetricsSnapshot> metrics_snapshot() = 0;
};

}  // namespace noodbel::store
