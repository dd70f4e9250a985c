#include "adapters/signal/signal_sender.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/signal/signal_events.h"
#include "adapters/signal/signal_rpc.h"
#include "bot/phone.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::signal_cli {
namespace {

constexpr std::chrono::milliseconds kSendTimeout{30'000};  // signal-cli may take seconds

bool rate_limited(const SendResult& r) {
  return r.kind == SendResult::Kind::kTemporary && r.error.find("rate limited") != std::string::npos;
}

}  // namespace

SignalSender::SignalSender(HttpClient& client, std::string rpc_url, MetricsRegistry* metrics)
    : client_(client), rpc_url_(std::move(rpc_url)), metrics_(metrics) {}

SendResult SignalSender::send(const OutboxItem& item) {
  const OutboundMessage& m = item.message;
  std::optional<Quote> quote;
  if (m.reply_to) {
    if (const auto ts = timestamp_of_inbound(*m.reply_to)) quote = Quote{*ts, m.address};
  }
  ClientRequest request;
  request.method = "POST";
  request.url = rpc_url_ + "/api/v1/rpc";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = send_request(m.address, m.text, quote,
                              fmt::format("noodbel-{}-{}", item.id, item.attempts));
  request.io_timeout = kSendTimeout;
  const Result<ClientResponse> response = client_.send(request);
  SendResult result =
      response.ok() ? classify_send_response(response->status, response->body)
                    : SendResult::temporary("signal-cli unreachable: " + response.error().message);
  const std::string to = mask_phone(m.address);
  if (result.kind == SendResult::Kind::kSent) {
    spdlog::info("event=signal.sent outbox_id={} to={} quoted={}", item.id, to, quote.has_value());
    spdlog::debug("event=signal.sent_body outbox_id={} text={}", item.id, logfmt_value(m.text));
  } else if (rate_limited(result)) {
    spdlog::warn(
        "event=signal.rate_limited outbox_id={} to={} retry_after_s={} error={} "
        "hint=\"lower [signal] messages_per_second; a captcha challenge needs "
        "signal-cli submitRateLimitChallenge\"",
        item.id, to, result.retry_after_seconds.value_or(-1), logfmt_value(result.error));
    if (metrics_ != nullptr) metrics_->inc("noodbel_signal_rate_limited_total");
  } else {
    spdlog::warn("event=signal.send_failed outbox_id={} to={} kind={} error={}", item.id, to,
                 result.kind == SendResult::Kind::kPermanent ? "permanent" : "temporary",
                 logfmt_value(result.error));
  }
  return result;
}

}  // namespace noodbel::signal_cli
