// check_readiness(): whether `noodbel serve` can take traffic now, for GET /readyz
// (adapters/http/ops_routes.h): the service's writes have not been failing, the database's
// filesystem has room, and a real write commits. Thread-safe when its ports are.
#pragma once

#include <string>
#include <vector>

#include "adapters/http/metrics.h"
#include "adapters/http/readiness_config.h"
#include "store/ports/free_space.h"
#include "store/ports/store_health.h"

namespace noodbel {

struct Readiness {
  bool ready = false;
  std::string reason;  // "ok", "writes_failing", "low_disk_space", "free_space_unknown",
                       // "write_failed"
  std::string detail;  // for people: what failed and the figures; empty when ready
};

// The checks in order, cheapest first; the first that fails is the reason: the last
// config.max_failed_writes writes failed; free space (when `space` is given) unreadable or
// below config.min_free_megabytes (then no write is tried); StoreHealth::probe_write fails.
Readiness check_readiness(store::StoreHealth& store, store::FreeSpaceProbe* space,
                          const ReadinessConfig& config);

// The reasons check_readiness gives, "ok" first (every metric series is always present).
const std::vector<std::string>& readiness_reasons();

// Sets noodbel_ready (1 ready, 0 not) and noodbel_readiness{reason} (1 for the current
// reason, 0 for the others).
void record_readiness(MetricsRegistry& registry, const Readiness& readiness);

}  // namespace noodbel
