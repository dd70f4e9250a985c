// MetricsRegistry: counters and gauges with labels, rendered in the Prometheus text
// exposition format for GET /metrics. Thread-safe: every method may be called from any
// thread; gauge callbacks run at scrape time outside the registry's lock.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "bot/clock.h"
#include "bot/sync/mutex.h"
#include "store/metrics_snapshot.h"

namespace noodbel {

// Label name -> value; a sorted map, so the same labels always make the same series.
using MetricLabels = std::map<std::string, std::string>;

class MetricsRegistry {
 public:
  // Declares a metric with its help text. Using an undeclared name declares it with
  // a generic help text. An invalid metric or label name is logged and ignored.
  void define_counter(std::string_view name, std::string_view help);
  void define_gauge(std::string_view name, std::string_view help);
  // A gauge whose single, unlabelled value is read by `read` at every scrape.
  void define_gauge(std::string_view name, std::string_view help, std::function<double()> read);

  void inc(std::string_view name, const MetricLabels& labels = {}, double by = 1);
  void set(std::string_view name, const MetricLabels& labels, double value);
  // The current value of a series (0 when absent); for tests and health checks.
  double value(std::string_view name, const MetricLabels& labels = {}) const;

  // "# HELP ...\n# TYPE ...\nname{a=\"b\"} 1\n" for every metric, sorted by name.
  std::string render() const;

 private:
  enum class Type { kCounter, kGauge };
  struct Metric {
    Type type = Type::kCounter;
    std::string help;
    std::map<MetricLabels, double> series;
    std::function<double()> read;  // gauges computed at scrape time
  };
  Metric* find_or_define(std::string_view name, Type type) REQUIRES(mutex_);

  mutable Mutex mutex_;
  std::map<std::string, Metric, std::less<>> metrics_ GUARDED_BY(mutex_);
};

// Declares the metrics of `noodbel serve`: noodbel_http_requests_total{route,status},
// noodbel_messages_in_total{channel}, noodbel_messages_out_total{channel,status},
// noodbel_webhook_rejections_total{route,reason} and the database gauges below.
void define_noodbel_metrics(MetricsRegistry& registry);

// Sets the database gauges from one store snapshot taken at `now`: noodbel_calls{state},
// noodbel_answers{answer}, noodbel_outbox_messages{channel,state}, noodbel_open_calls,
// noodbel_outbox_pending (all channels), noodbel_dispatch_queue_depth,
// noodbel_dispatch_oldest_pending_age_seconds and the counters
// noodbel_outbox_leases_expired_total, noodbel_store_commits_total and
// noodbel_store_writes_total.
void record_store_snapshot(MetricsRegistry& registry, const store::MetricsSnapshot& snapshot,
                           UnixTime now);

// Why a webhook route refused a request, for noodbel_webhook_rejections_total: the
// response's reject_reason, else one derived from a 4xx status (403 forbidden, 413
// too_large, 400/422 malformed, other 4xx rejected). Nothing for other routes (not
// "/webhooks/..." or "/slash") and for responses below 400 or from 500 on.
std::optional<std::string> webhook_rejection(std::string_view path, const HttpResponse& response);

}  // namespace noodbel
