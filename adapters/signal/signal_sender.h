// SignalSender: the ChannelSender for Signal. One JSON-RPC `send` per outbox row on
// signal-cli's POST /api/v1/rpc, quoting the family's message when the row answers one
// (OutboundMessage::reply_to); the answer is sorted by classify_send_response. Pacing
// and failover belong to the dispatcher. Called from one dispatcher thread only.
#pragma once

#include <string>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/http/metrics.h"

namespace noodbel::signal_cli {

class SignalSender final : public ChannelSender {
 public:
  // `client` (and `metrics`, when not null) must outlive the sender. rpc_url: the daemon's
  // base URL, "http://127.0.0.1:8081".
  SignalSender(HttpClient& client, std::string rpc_url, MetricsRegistry* metrics = nullptr);

  Channel channel() const override { return Channel::kSignal; }
  // Sent: provider id = signal-cli's timestamp of the message.
  SendResult send(const OutboxItem& item) override;

 private:
  HttpClient& client_;
  const std::string rpc_url_;
  MetricsRegistry* const metrics_;
};

}  // namespace noodbel::signal_cli
