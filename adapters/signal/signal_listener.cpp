#include "adapters/signal/signal_listener.h"

#include <algorithm>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/signal/signal_events.h"
#include "bot/phone.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::signal_cli {

std::chrono::milliseconds reconnect_delay(int failures, std::chrono::milliseconds min,
                                          std::chrono::milliseconds max, double unit) {
  auto delay = std::max(min, std::chrono::milliseconds(1));
  for (int i = 1; i < failures && delay < max; ++i) delay *= 2;
  delay = std::min(delay, std::max(max, std::chrono::milliseconds(1)));
  const double jitter = std::clamp(unit, 0.0, 1.0) * 0.2 * static_cast<double>(delay.count());
  return delay + std::chrono::milliseconds(static_cast<std::int64_t>(jitter));
}

SignalListener::SignalListener(ListenerOptions options, const Clock& clock, Deliver deliver,
                               Check check, MetricsRegistry* metrics)
    : options_(std::move(options)),
      clock_(clock),
      deliver_(std::move(deliver)),
      check_(std::move(check)),
      metrics_(metrics),
      rng_(std::random_device{}()) {}

SignalListener::~SignalListener() { stop(); }

bool SignalListener::handle(const SseEvent& event) {
  if (event.type != "receive") {
    spdlog::debug("event=signal.event_ignored type={}", logfmt_value(event.type.substr(0, 40)));
    return true;
  }
  const ParsedEvent parsed = parse_receive_event(event.data, clock_.now());
  if (!parsed.message) {
    const auto level = parsed.malformed ? spdlog::level::warn : spdlog::level::debug;
    spdlog::log(level, "event=signal.event_ignored reason={}", logfmt_value(parsed.ignored));
    if (metrics_ != nullptr) {
      metrics_->inc("noodbel_signal_events_ignored_total",
                    {{"reason", parsed.malformed ? "malformed" : "not_a_text"}});
    }
    return true;
  }
  const Result<InboundOutcome> outcome = deliver_(*parsed.message);
  if (!outcome.ok()) {
    spdlog::error("event=signal.message_not_stored from={} error={}",
                  logfmt_value(mask_phone(parsed.message->address)),
                  logfmt_value(outcome.error().message));
    return false;
  }
  spdlog::info("event=signal.received from={} duplicate={}",
               logfmt_value(mask_phone(parsed.message->address)),
               *outcome == InboundOutcome::kDuplicate);
  return true;
}

void SignalListener::start() {
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void SignalListener::stop() {
  {
    const MutexLock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  connected_ = false;
}

bool SignalListener::wait(std::chrono::milliseconds delay) {
  MutexLock lock(mutex_);
  return !lock.wait_for(wake_, delay, [this] { return stopping_.load(); });
}

Status SignalListener::read_once(std::string& last_event_id, bool& opened) {
  SseParser parser;
  bool store_failed = false;
  EventStreamRequest request;
  request.url = options_.rpc_url + "/api/v1/events";
  request.idle_timeout = options_.idle_timeout;
  request.cancel = &stopping_;
  if (!last_event_id.empty()) request.headers.emplace_back("Last-Event-ID", last_event_id);
  EventStreamHandlers handlers;
  handlers.on_open = [this, &opened] {
    opened = true;
    connected_ = true;
    if (metrics_ != nullptr) metrics_->set("noodbel_signal_stream_connected", {}, 1);
    spdlog::info("event=signal.stream_open url={}",
                 logfmt_value(options_.rpc_url + "/api/v1/events"));
  };
  handlers.on_bytes = [&](std::string_view bytes) {
    parser.feed(bytes, [&](const SseEvent& event) {
      if (store_failed) return;
      if (!handle(event)) {
        store_failed = true;
      } else if (!event.id.empty()) {
        last_event_id = event.id;
      }
    });
    return !store_failed;
  };
  Status s = read_event_stream(request, handlers);
  connected_ = false;
  if (metrics_ != nullptr) metrics_->set("noodbel_signal_stream_connected", {}, 0);
  if (store_failed) return Error::Unavailable("a message could not be stored; reading it again");
  if (s.ok()) return Error::Unavailable("the daemon closed the event stream");
  return s;
}

void SignalListener::run() {
  if (check_) {
    const Status s = check_();
    if (s.ok()) {
      spdlog::info("event=signal.daemon_ok url={}",
                   logfmt_value(options_.rpc_url + "/api/v1/check"));
    } else {
      spdlog::warn(
          "event=signal.daemon_unreachable url={} error={} "
          "hint=\"start signal-cli -a ACCOUNT daemon --http 127.0.0.1:PORT\"",
          logfmt_value(options_.rpc_url + "/api/v1/check"), logfmt_value(s.error().message));
    }
  }
  std::string last_event_id;
  int failures = 0;
  while (!stopping_) {
    bool opened = false;
    const Status s = read_once(last_event_id, opened);
    if (stopping_) return;
    // A stream that opened resets the backoff: only consecutive failed connects grow it.
    failures = opened ? 1 : failures + 1;
    ++reconnects_;
    if (metrics_ != nullptr) metrics_->inc("noodbel_signal_stream_reconnects_total");
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto delay = reconnect_delay(failures, options_.backoff_min, options_.backoff_max, unit(rng_));
    spdlog::warn("event=signal.stream_closed attempt={} retry_in_ms={} error={}", failures,
                 delay.count(), logfmt_value(s.error().message));
    if (!wait(delay)) return;
  }
}

}  // namespace noodbel::signal_cli
