// Service: a running Noodbel — HTTP server with its routes, the dispatcher with one
// worker per channel, and the scheduler (waves, expiry). Built from an AppContext by
// `noodbel serve`; start() then stop() from the thread that owns it.
#pragma once

#include <condition_variable>
#include <memory>
#include <thread>

#include "adapters/app/context.h"
#include "adapters/app/digest_sender.h"
#include "adapters/app/inbound_pipeline.h"
#include "adapters/dispatch/dispatcher.h"
#include "adapters/http/client.h"
#include "adapters/http/metrics.h"
#include "adapters/http/router.h"
#include "adapters/http/server.h"
#include "adapters/sandbox/sandbox_channel.h"
#include "adapters/signal/signal_channel.h"
#include "adapters/telegram/telegram_channel.h"
#include "adapters/web/board_events.h"
#include "adapters/web/digest_source.h"
#include "adapters/web/live_links.h"
#include "bot/engine.h"
#include "bot/sync/mutex.h"
#include "store/ports/free_space.h"
#include "store/retention.h"

namespace noodbel {

class Service {
 public:
  explicit Service(AppContext& ctx);  // ctx must outlive the Service
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Requeues messages left in flight, binds the HTTP port, starts the workers.
  Status start();
  int port() const { return server_->port(); }
  // Graceful: stop accepting, finish in-flight requests, stop workers. Idempotent.
  void stop();

 private:
  Status add_routes();
  Status add_telegram();  // before the server and the dispatcher start
  Status add_sms();       // the same: [twilio] / [kannel] routes and the [sms] sender
  Status add_signal();    // the same: [signal] sender and event-stream listener
  void scheduler_loop();
  void tick();
  Status add_digest();  // the digest page route and the scheduled digest sender
  Status add_board();   // the live web board routes
  void send_digests();  // in tick(): the daily digests due now
  void purge_if_due();  // data retention, at most once an hour
  // pipeline_, counting the message by channel (and a duplicate as a rejection)
  Result<InboundOutcome> deliver(const InboundMessage& m, const store::ChannelState& state = {});
  void count_server_rejection(const HttpRequest& r, int status);

  AppContext& ctx_;
  // Signs and checks board and digest links ([web] secret); its base URL follows the bound
  // port when web.public_url is empty. Declared before its users.
  LiveLinks links_;
  BoardEvents board_events_;  // wakes the live web boards (GET /board/{code}/events)
  Engine engine_;
  MetricsRegistry metrics_;
  // The database's filesystem for GET /readyz; null for a database without a file.
  std::unique_ptr<store::FreeSpaceProbe> free_space_;
  // Null when disabled. Declared before dispatcher_, which holds its sender.
  std::unique_ptr<telegram::TelegramChannel> telegram_;
  // Null when disabled. Declared before dispatcher_, whose sender uses its HTTP client.
  std::unique_ptr<signal_cli::SignalChannel> signal_;
  // Null when no SMS provider sends. Declared before dispatcher_, whose sender uses it.
  std::unique_ptr<HttpClient> sms_client_;
  // The slash sender's HTTPS client (response_urls and webhooks). Before dispatcher_.
  std::unique_ptr<HttpClient> slash_client_;
  Dispatcher dispatcher_;
  SandboxChannel* sandbox_ = nullptr;  // owned by dispatcher_, null when disabled
  InboundPipeline pipeline_;
  Router router_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<DigestSource> digest_source_;  // set by start()
  std::unique_ptr<DigestSender> digest_sender_;  // set by start(); used by the scheduler

  Mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::thread scheduler_;
  store::PurgeGate purge_gate_;  // scheduler thread only: data retention at most hourly
};

}  // namespace noodbel
