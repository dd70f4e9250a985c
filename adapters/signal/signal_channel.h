// SignalChannel: Signal in a running service, built from [signal]: the HTTP client for
// signal-cli's JSON-RPC, the sender for the dispatcher and the event-stream listener.
// Service creates it and calls make_sender / start / stop from its own thread;
// health() may be called from any thread.
#pragma once

#include <memory>
#include <string>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/http/metrics.h"
#include "adapters/signal/signal_config.h"
#include "adapters/signal/signal_listener.h"
#include "bot/clock.h"
#include "bot/result.h"

namespace noodbel::signal_cli {

class SignalChannel {
 public:
  // All references must outlive the channel; metrics may be null.
  SignalChannel(const SignalConfig& config, const Clock& clock, SignalListener::Deliver deliver,
                MetricsRegistry* metrics);
  ~SignalChannel();  // stop()
  SignalChannel(const SignalChannel&) = delete;
  SignalChannel& operator=(const SignalChannel&) = delete;

  // For Dispatcher::add_channel. It uses this channel's HTTP client: stop the dispatcher
  // before destroying the channel.
  std::unique_ptr<ChannelSender> make_sender() const;
  // GET /api/v1/check (logged), then the event stream, on the listener's thread.
  void start();
  void stop();
  // For /healthz: "connected" while the event stream is open, else "disconnected".
  std::string health() const;

 private:
  const SignalConfig config_;
  MetricsRegistry* const metrics_;
  const std::unique_ptr<HttpClient> client_;
  SignalListener listener_;
};

}  // namespace noodbel::signal_cli
