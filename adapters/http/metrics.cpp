#include "adapters/http/metrics.h"
#include "bot/text/logfmt_value.h"

#include <cmath>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace noodbel {
namespace {

bool valid_name(std::string_view name, bool allow_colon) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                       (allow_colon && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && i > 0)) return false;
  }
  return true;
}

bool valid_labels(const MetricLabels& labels) {
  for (const auto& [name, value] : labels) {
    if (!valid_name(name, false) || name.rfind("__", 0) == 0) return false;
  }
  return true;
}

// Label values escape backslash, double quote and newline; help text the first and last.
std::string escape(std::string_view s, bool quote) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

std::string format_labels(const MetricLabels& labels) {
  if (labels.empty()) return "";
  std::string out = "{";
  for (const auto& [name, value] : labels) {
    if (out.size() > 1) out += ',';
    out += fmt::format("{}=\"{}\"", name, escape(value, true));
  }
  return out + "}";
}

}  // namespace

MetricsRegistry::Metric* MetricsRegistry::find_or_define(std::string_view name, Type type) {
  const auto it = metrics_.find(name);
  if (it != metrics_.end()) return &it->second;
  if (!valid_name(name, true)) {
    spdlog::error("event=metrics.invalid_name name={}", logfmt_value(name));
    return nullptr;
  }
  Metric metric;
  metric.type = type;
  metric.help = fmt::format("Noodbel metric {}.", name);
  return &metrics_.emplace(std::string(name), std::move(metric)).first->second;
}

void MetricsRegistry::define_counter(std::string_view name, std::string_view help) {
  const MutexLock lock(mutex_);
  if (Metric* m = find_or_define(name, Type::kCounter)) {
    m->type = Type::kCounter;
    m->help = std::string(help);
  }
}

void MetricsRegistry::define_gauge(std::string_view name, std::string_view help) {
  define_gauge(name, help, nullptr);
}

void MetricsRegistry::define_gauge(std::string_view name, std::string_view help,
                                   std::function<double()> read) {
  const MutexLock lock(mutex_);
  if (Metric* m = find_or_define(name, Type::kGauge)) {
    m->type = Type::kGauge;
    m->help = std::string(help);
    if (read) m->read = std::move(read);
  }
}

void MetricsRegistry::inc(std::string_view name, const MetricLabels& labels, double by) {
  if (!valid_labels(labels)) {
    spdlog::error("event=metrics.invalid_label metric={}", logfmt_value(name));
    return;
  }
  const MutexLock lock(mutex_);
  if (Metric* m = find_or_define(name, Type::kCounter)) m->series[labels] += by;
}

void MetricsRegistry::set(std::string_view name, const MetricLabels& labels, double value) {
  if (!valid_labels(labels)) {
    spdlog::error("event=metrics.invalid_label metric={}", logfmt_value(name));
    return;
  }
  const MutexLock lock(mutex_);
  if (Metric* m = find_or_define(name, Type::kGauge)) m->series[labels] = value;
}

double MetricsRegistry::value(std::string_view name, const MetricLabels& labels) const {
  const MutexLock lock(mutex_);
  const auto it = metrics_.find(name);
  if (it == metrics_.end()) return 0;
  const auto series = it->second.series.find(labels);
  return series == it->second.series.end() ? 0 : series->second;
}

std::string MetricsRegistry::render() const {
  std::map<std::string, Metric, std::less<>> snapshot;
  {
    const MutexLock lock(mutex_);
    snapshot = metrics_;
  }
  // Callbacks run without the lock: they may query the store or this registry.
  for (auto& [name, metric] : snapshot) {
    if (!metric.read) continue;
    try {
      metric.series[{}] = metric.read();
    } catch (const std::exception& e) {
      spdlog::warn("event=metrics.gauge_failed metric={} error={}", logfmt_value(name),
                   logfmt_value(e.what()));
    }
  }
  std::string out;
  for (const auto& [name, metric] : snapshot) {
    out += fmt::format("# HELP {} {}\n", name, escape(metric.help, false));
    out += fmt::format("# TYPE {} {}\n", name,
                       metric.type == Type::kCounter ? "counter" : "gauge");
    for (const auto& [labels, v] : metric.series) {
      out += fmt::format("{}{} {}\n", name, format_labels(labels), format_value(v));
    }
  }
  return out;
}

void define_noodbel_metrics(MetricsRegistry& registry) {
  registry.define_counter("noodbel_http_requests_total",
                          "HTTP requests served, by route pattern and status code.");
  registry.define_counter("noodbel_messages_in_total", "Inbound messages accepted, by channel.");
  registry.define_counter("noodbel_messages_out_total",
                          "Outbound send attempts, by channel and outcome (sent, retry, failover, failed).");
  registry.define_gauge("noodbel_open_calls", "Crisis calls currently open.");
  registry.define_gauge("noodbel_outbox_pending", "Outbox messages waiting to be sent.");
  registry.define_counter("noodbel_webhook_rejections_total",
                          "Webhook and slash requests refused, by route and reason.");
  registry.define_gauge("noodbel_calls", "Crisis calls in the database, by state.");
  registry.define_gauge("noodbel_answers", "Family answers in the database, by intent.");
  registry.define_gauge("noodbel_outbox_messages", "Outbox messages, by channel and state.");
  registry.define_gauge("noodbel_dispatch_queue_depth",
                        "Outbox messages pending or being sent, all channels.");
  registry.define_gauge("noodbel_dispatch_oldest_pending_age_seconds",
                        "Age of the oldest pending outbox message (0 when none).");
  registry.define_gauge("noodbel_ready",
                        "1 when the last GET /readyz found the service ready, else 0.");
  registry.define_gauge("noodbel_readiness",
                        "1 for the reason the last GET /readyz gave (ok or why not ready).");
  registry.define_counter("noodbel_outbox_leases_expired_total",
                          "Claimed outbox messages whose lease expired and went back to pending "
                          "while the service ran.");
  registry.define_counter("noodbel_store_commits_total",
                          "Database commits (group commits holding at least one write).");
  registry.define_counter("noodbel_store_writes_total",
                          "Database writes committed; more writes than commits means "
                          "concurrent writes shared a commit.");
}

void record_store_snapshot(MetricsRegistry& registry, const store::MetricsSnapshot& snapshot,
                           UnixTime now) {
  for (const auto& [state, n] : snapshot.calls_by_state) {
    registry.set("noodbel_calls", {{"state", state}}, static_cast<double>(n));
  }
  for (const auto& [answer, n] : snapshot.answers_by_intent) {
    registry.set("noodbel_answers", {{"answer", answer}}, static_cast<double>(n));
  }
  for (const auto& [key, n] : snapshot.outbox_by_channel_state) {
    registry.set("noodbel_outbox_messages", {{"channel", key.first}, {"state", key.second}},
                 static_cast<double>(n));
  }
  registry.set("noodbel_dispatch_queue_depth", {}, static_cast<double>(snapshot.queue_depth));
  const auto open = snapshot.calls_by_state.find("open");
  registry.set("noodbel_open_calls", {},
               open == snapshot.calls_by_state.end() ? 0.0 : static_cast<double>(open->second));
  std::int64_t pending = 0;
  for (const auto& [key, n] : snapshot.outbox_by_channel_state) {
    if (key.second == "pending") pending += n;
  }
  registry.set("noodbel_outbox_pending", {}, static_cast<double>(pending));
  const UnixTime oldest = snapshot.oldest_pending_at;
  const double age = oldest > 0 && oldest < now ? static_cast<double>(now - oldest) : 0.0;
  registry.set("noodbel_dispatch_oldest_pending_age_seconds", {}, age);
  registry.set("noodbel_outbox_leases_expired_total", {},
               static_cast<double>(snapshot.outbox_leases_expired));
  registry.set("noodbel_store_commits_total", {}, static_cast<double>(snapshot.store_commits));
  registry.set("noodbel_store_writes_total", {}, static_cast<double>(snapshot.store_writes));
}

std::optional<std::string> webhook_rejection(std::string_view path, const HttpResponse& response) {
  const bool webhook = path.rfind("/webhooks/", 0) == 0 || path == "/slash";
  if (!webhook || response.status < 400 || response.status >= 500) return std::nullopt;
  if (response.reject_reason) return response.reject_reason;
  switch (response.status) {
    case 403: return "forbidden";
    case 413: return "too_large";
    case 400:
    case 422: return "malformed";
    default: return "rejected";
  }
}

}  // namespace noodbel
