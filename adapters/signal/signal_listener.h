// SignalListener: Signal's inbound side. One background thread keeps signal-cli's
// GET /api/v1/events open, parses the server-sent events and hands each text message to
// `deliver` (the InboundPipeline). When the stream ends or fails it reconnects with
// exponential backoff and jitter, sending Last-Event-ID so signal-cli replays what was
// missed; an event the pipeline could not store ends the connection so it comes again.
// start()/stop() from the owning thread; handle() and reconnect_delay() are for tests.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <random>
#include <string>
#include <thread>

#include "adapters/http/event_stream.h"
#include "adapters/http/metrics.h"
#include "adapters/inbound/inbound_outcome.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/sync/mutex.h"
#include "bot/types.h"

namespace noodbel::signal_cli {

// Delay before reconnect number `failures` (1, 2, ...): min doubling up to max, plus up to
// 20% jitter; `unit` in [0, 1) picks the jitter. Pure.
std::chrono::milliseconds reconnect_delay(int failures, std::chrono::milliseconds min,
                                          std::chrono::milliseconds max, double unit);

struct ListenerOptions {
  std::string rpc_url = "http://127.0.0.1:8081";  // the daemon's base URL
  std::chrono::milliseconds backoff_min{1'000};
  std::chrono::milliseconds backoff_max{60'000};
  std::chrono::milliseconds idle_timeout{60'000};  // signal-cli sends a keep-alive every 15 s
};

class SignalListener {
 public:
  using Deliver = std::function<Result<InboundOutcome>(const InboundMessage&)>;
  using Check = std::function<Status()>;  // GET /api/v1/check; may be empty

  // clock (and metrics, when not null) must outlive the listener.
  SignalListener(ListenerOptions options, const Clock& clock, Deliver deliver, Check check,
                 MetricsRegistry* metrics = nullptr);
  ~SignalListener();  // stop()
  SignalListener(const SignalListener&) = delete;
  SignalListener& operator=(const SignalListener&) = delete;

  void start();
  // Ends an open stream within ~50 ms and joins the thread. Idempotent.
  void stop();

  // One SSE event: false only when a message could not be stored (it must come again).
  bool handle(const SseEvent& event);
  bool connected() const { return connected_.load(); }
  int reconnects() const { return reconnects_.load(); }

 private:
  void run();
  Status read_once(std::string& last_event_id, bool& opened);  // opened: got HTTP 200
  bool wait(std::chrono::milliseconds delay);  // false when stopping

  // Constant after construction.
  const ListenerOptions options_;
  const Clock& clock_;
  const Deliver deliver_;
  const Check check_;
  MetricsRegistry* const metrics_;

  std::atomic<bool> connected_{false};
  std::atomic<int> reconnects_{0};
  std::minstd_rand rng_;  // jitter; only touched by the listener thread
  std::atomic<bool> stopping_{false};
  // Pairs with wake_ so that stop()'s notify is not lost between wait()'s check of
  // stopping_ and its sleep. It guards no member: stopping_ is atomic, read without it.
  Mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace noodbel::signal_cli
