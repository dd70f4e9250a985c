#include "adapters/signal/signal_channel.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/signal/signal_sender.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::signal_cli {
namespace {

constexpr std::chrono::milliseconds kCheckTimeout{5'000};

ListenerOptions listener_options(const SignalConfig& c) {
  ListenerOptions o;
  o.rpc_url = c.rpc_url;
  o.backoff_min = std::chrono::seconds(c.reconnect_min_seconds);
  o.backoff_max = std::chrono::seconds(c.reconnect_max_seconds);
  return o;
}

Status check_daemon(HttpClient& client, const std::string& rpc_url) {
  ClientRequest request;
  request.url = rpc_url + "/api/v1/check";
  request.io_timeout = kCheckTimeout;
  const Result<ClientResponse> r = client.send(request);
  if (!r.ok()) return r.error();
  if (r->status != 200) return Error::Unavailable(fmt::format("answered HTTP {}", r->status));
  return Ok();
}

}  // namespace

SignalChannel::SignalChannel(const SignalConfig& config, const Clock& clock,
                             SignalListener::Deliver deliver, MetricsRegistry* metrics)
    : config_(config),
      metrics_(metrics),
      client_(make_http_client()),
      listener_(listener_options(config), clock, std::move(deliver),
                [this] { return check_daemon(*client_, config_.rpc_url); }, metrics) {
  if (metrics_ != nullptr) {
    metrics_->define_counter("noodbel_signal_stream_reconnects_total",
                             "Reconnects of signal-cli's event stream.");
    metrics_->define_gauge("noodbel_signal_stream_connected",
                           "1 while signal-cli's event stream is open.");
    metrics_->define_counter("noodbel_signal_rate_limited_total",
                             "Signal sends refused by a rate limit (operator attention).");
    metrics_->define_counter("noodbel_signal_events_ignored_total",
                             "signal-cli events that carried no text message, by reason.");
    metrics_->set("noodbel_signal_stream_connected", {}, 0);
  }
}

SignalChannel::~SignalChannel() { stop(); }

std::unique_ptr<ChannelSender> SignalChannel::make_sender() const {
  return std::make_unique<SignalSender>(*client_, config_.rpc_url, metrics_);
}

void SignalChannel::start() {
  spdlog::info("event=signal.enabled rpc_url={} messages_per_second={}",
               logfmt_value(config_.rpc_url), config_.messages_per_second);
  listener_.start();
}

void SignalChannel::stop() { listener_.stop(); }

std::string SignalChannel::health() const {
  return listener_.connected() ? "connected" : "disconnected";
}

}  // namespace noodbel::signal_cli
