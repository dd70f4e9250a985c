// The operations routes of `noodbel serve`: GET /healthz (liveness), GET /readyz (readiness)
// and GET /metrics, read through the StoreHealth port. During a database outage all answer
// 503, never "ok" or zeros.
// Registered once by the composition root (adapters/app/service.cpp); handlers thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "adapters/http/metrics.h"
#include "adapters/http/readiness_config.h"
#include "adapters/http/router.h"
#include "bot/clock.h"
#include "store/ports/free_space.h"
#include "store/ports/store_health.h"

namespace noodbel {

struct OpsDeps {
  store::StoreHealth& store;                        // must outlive the router
  MetricsRegistry& metrics;                         // must outlive the router
  const Clock& clock;                               // must outlive the router
  std::function<std::string()> signal_health = {};  // "disabled" when not set
  ReadinessConfig readiness = {};
  // The database's filesystem (must outlive the router); nullptr: free space not checked
  // (a database without a file).
  store::FreeSpaceProbe* free_space = nullptr;
  // Why this request may not read /metrics (answered 403 with the reason), or nothing. Not
  // set: everyone may (tests).
  std::function<std::optional<std::string>(const HttpRequest&)> metrics_refusal = {};
};

// GET /healthz: 200 {"status": "ok", "database": "ok", ...} while the database answers, else
// 503 {"status": "degraded", "database": "unavailable", ...}. GET /readyz (adapters/http/
// readiness.h): 200 {"status": "ready"} or 503 {"status": "not_ready", "reason": ...,
// "detail": ...}, and sets noodbel_ready / noodbel_readiness{reason}. GET /metrics: the registry in
// the Prometheus text format with the database gauges of one fresh snapshot; 503 (text, no
// figures) when the snapshot cannot be read; 403 (text, the reason) when metrics_refusal says so.
void add_ops_routes(Router& router, OpsDeps deps);

}  // namespace noodbel
