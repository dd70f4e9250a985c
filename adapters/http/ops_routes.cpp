#include "adapters/http/ops_routes.h"

#include <memory>
#include <utility>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/http/readiness.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

HttpResponse health(const OpsDeps& deps) {
  const Status db = deps.store.check();
  if (!db.ok())
    spdlog::warn("event=health.database_failed error={}", logfmt_value(db.error().message));
  return HttpResponse::json(db.ok() ? 200 : 503,
                            {{"status", db.ok() ? "ok" : "degraded"},
                             {"version", NOODBEL_VERSION},
                             {"database", db.ok() ? "ok" : "unavailable"},
                             {"signal", deps.signal_health ? deps.signal_health() : "disabled"}});
}

HttpResponse ready(const OpsDeps& deps) {
  const Readiness r = check_readiness(deps.store, deps.free_space, deps.readiness);
  record_readiness(deps.metrics, r);
  if (r.ready) return HttpResponse::json(200, {{"status", "ready"}});
  spdlog::warn("event=ready.failed reason={} detail={}", r.reason, logfmt_value(r.detail));
  return HttpResponse::json(503,
                            {{"status", "not_ready"}, {"reason", r.reason}, {"detail", r.detail}});
}

HttpResponse metrics(const OpsDeps& deps, const HttpRequest& request) {
  if (deps.metrics_refusal) {
    if (const std::optional<std::string> why = deps.metrics_refusal(request)) {
      spdlog::info("event=metrics.refused remote={}", logfmt_value(request.remote_address));
      return HttpResponse::text(403, *why + "\n");
    }
  }
  const Result<store::MetricsSnapshot> snapshot = deps.store.metrics_snapshot();
  if (!snapshot.ok()) {
    spdlog::warn("event=metrics.snapshot_failed error={}", logfmt_value(snapshot.error().message));
    return HttpResponse::text(503, "database unavailable: no metrics reported; retry later\n");
  }
  record_store_snapshot(deps.metrics, *snapshot, deps.clock.now());
  HttpResponse r = HttpResponse::text(200, deps.metrics.render());
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  return r;
}

}  // namespace

void add_ops_routes(Router& router, OpsDeps deps) {
  auto shared = std::make_shared<const OpsDeps>(std::move(deps));
  router.add("GET", "/healthz",
             [shared](const HttpRequest&, const PathParams&) { return health(*shared); });
  router.add("GET", "/readyz",
             [shared](const HttpRequest&, const PathParams&) { return ready(*shared); });
  router.add("GET", "/metrics",
             [shared](const HttpRequest& r, const PathParams&) { return metrics(*shared, r); });
}

}  // namespace noodbel
