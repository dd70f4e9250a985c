#include "adapters/app/service.h"

#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/sandbox/sandbox_routes.h"
#include "adapters/slash/slash_routes.h"
#include "adapters/sms/sms_channel.h"
#include "adapters/telegram/telegram_channel.h"

namespace noodbel {
namespace {

constexpr std::chrono::seconds kTickInterval{30};

HttpServerOptions server_options(const HttpConfig& http) {
  HttpServerOptions o;
  o.address = http.address;
  o.port = http.port;
  o.body_limit = http.body_limit_bytes;
  o.read_timeout = std::chrono::seconds(http.read_timeout_seconds);
  o.max_connections = http.max_connections;
  return o;
}

std::vector<SandboxPerson> sandbox_people(store::Store& store) {
  std::vector<SandboxPerson> people;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    for (const auto& c : repo.caseworkers()) {
      people.push_back({c.id, "caseworker", c.name,
                        fmt::format("{} · {}", to_string(c.role), c.service)});
    }
    for (const auto& f : repo.families()) {
      people.push_back({f.id, "family", f.display_name,
                        fmt::format("{} · {} km · {}", f.postcode, f.max_distance_km,
                                    to_string(f.preferred_language))});
    }
    return Ok();
  });
  if (!s.ok()) spdlog::error("event=sandbox.people_failed error=\"{}\"", s.error().message);
  return people;
}

}  // namespace

Service::Service(AppContext& ctx)
    : ctx_(ctx),
      engine_(ctx.config, ctx.postcodes, ctx.templates, ctx.clock, ctx.guard),
      dispatcher_(*ctx.store, ctx.clock, DispatcherOptions{}),
      pipeline_(*ctx.store, engine_, [this] { dispatcher_.notify(); }) {
  define_noodbel_metrics(metrics_);
  store::Store& store = *ctx_.store;
  metrics_.define_gauge("noodbel_open_calls", "Crisis calls currently open",
                        [&store] { return static_cast<double>(store.count_calls(CallState::kOpen)); });
  metrics_.define_gauge("noodbel_outbox_pending", "Outbound messages waiting to be sent",
                        [&store] { return static_cast<double>(store.outbox_counts().pending); });
  dispatcher_.set_observer([this](Channel channel, const std::string& status) {
    metrics_.inc("noodbel_messages_out_total",
                 {{"channel", std::string(to_string(channel))}, {"status", status}});
  });
  if (ctx_.config.sandbox.enabled) {
    auto channel = std::make_unique<SandboxChannel>(ctx_.clock);
    sandbox_ = channel.get();
    dispatcher_.add_channel(std::move(channel));
  }
  server_ = std::make_unique<HttpServer>(
      server_options(ctx_.config.http), [this](const HttpRequest& r) { return router_.handle(r); },
      [this](const HttpRequest& r, int status) {
        metrics_.inc("noodbel_http_requests_total",
                     {{"route", router_.route_label(r.path)}, {"status", std::to_string(status)}});
      });
}

Service::~Service() { stop(); }

Status Service::add_routes() {
  router_.add("GET", "/healthz", [this](const HttpRequest&, const PathParams&) {
    const bool db_ok = ctx_.store->healthy();
    return HttpResponse::json(db_ok ? 200 : 503,
                              {{"status", db_ok ? "ok" : "degraded"},
                               {"version", NOODBEL_VERSION},
                               {"database", db_ok ? "ok" : "unavailable"}});
  });
  router_.add("GET", "/metrics", [this](const HttpRequest&, const PathParams&) {
    HttpResponse r = HttpResponse::text(200, metrics_.render());
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return r;
  });
  add_slash_routes(
      router_,
      SlashDeps{ctx_.config.slash, ctx_.clock, *ctx_.store,
                [this](const InboundMessage& m) {
                  metrics_.inc("noodbel_messages_in_total", {{"channel", "slash"}});
                  return pipeline_.deliver(m);
                },
                [this](std::size_t replies) {
                  metrics_.inc("noodbel_messages_out_total", {{"channel", "slash"}, {"status", "sent"}},
                               static_cast<double>(replies));
                }});
  warn_unknown_slash_users(*ctx_.store, ctx_.config.slash);
  if (sandbox_ == nullptr) return Ok();
  auto page = load_sandbox_page(ctx_.config.data_dir);
  if (!page.ok()) return page.error();
  SandboxDeps deps{
      [this] { return sandbox_people(*ctx_.store); },
      [this](const InboundMessage& m) -> Status {
        metrics_.inc("noodbel_messages_in_total", {{"channel", std::string(to_string(m.channel))}});
        auto outcome = pipeline_.deliver(m);
        if (!outcome.ok()) return outcome.error();
        return Ok();
      },
      ctx_.clock,
      std::move(page).value(),
  };
  add_sandbox_routes(router_, *sandbox_, std::move(deps));
  return Ok();
}

Status Service::add_telegram() {
  if (!ctx_.config.telegram.enabled) return Ok();
  auto channel = telegram::TelegramChannel::create(
      ctx_.config, ctx_.templates, *ctx_.store, ctx_.clock, [this](const InboundMessage& m) {
        metrics_.inc("noodbel_messages_in_total", {{"channel", "telegram"}});
        return pipeline_.deliver(m);
      });
  if (!channel.ok()) return channel.error();
  telegram_ = std::move(channel).value();
  dispatcher_.add_channel(telegram_->make_sender());
  telegram_->add_routes(router_);
  return Ok();
}

Status Service::add_sms() {
  if (Status s = check_sms_config(ctx_.config); !s.ok()) return s;
  add_sms_routes(router_,
                 SmsDeps{ctx_.config, ctx_.clock,
                         [this](const InboundMessage& m) {
                           metrics_.inc("noodbel_messages_in_total", {{"channel", "sms"}});
                           return pipeline_.deliver(m);
                         },
                         [this](const std::string& id, OutboxState state, UnixTime now) {
                           ctx_.store->mark_delivery(id, state, now);
                         }});
  if (ctx_.config.sms.provider == SmsProvider::kNone) return Ok();
  sms_client_ = make_http_client();
  dispatcher_.add_channel(make_sms_sender(ctx_.config, *sms_client_));
  spdlog::info("event=sms.enabled provider={} messages_per_second={}",
               ctx_.config.sms.provider == SmsProvider::kTwilio ? "twilio" : "kannel",
               ctx_.config.sms.messages_per_second);
  return Ok();
}

Status Service::start() {
  if (Status s = add_routes(); !s.ok()) return s;
  if (Status s = add_telegram(); !s.ok()) return s;
  if (Status s = add_sms(); !s.ok()) return s;
  const int requeued = ctx_.store->requeue_in_flight();
  if (requeued > 0) {
    spdlog::warn("event=outbox.requeued count={} reason=\"in flight at last stop; sent again\"",
                 requeued);
  }
  if (Status s = server_->start(); !s.ok()) return s;
  dispatcher_.start();
  if (telegram_) telegram_->start();
  scheduler_ = std::thread([this] { scheduler_loop(); });
  spdlog::info("event=serve.started address={} port={} sandbox={}", ctx_.config.http.address,
               server_->port(), sandbox_ != nullptr);
  return Ok();
}

void Service::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  server_->stop();
  server_->wait();
  if (scheduler_.joinable()) scheduler_.join();
  if (telegram_) telegram_->stop();
  dispatcher_.stop();
  spdlog::info("event=serve.stopped");
}

void Service::scheduler_loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    tick();
    lock.lock();
    wake_.wait_for(lock, kTickInterval, [this] { return stopping_; });
  }
}

void Service::tick() {
  const Status s = ctx_.store->transaction([this](Repository& repo) -> Status {
    engine_.tick(repo);
    return Ok();
  });
  if (!s.ok()) {
    spdlog::error("event=scheduler.tick_failed error=\"{}\"", s.error().message);
    return;
  }
  dispatcher_.notify();
  if (const int failed = fail_undeliverable_slash_rows(*ctx_.store, ctx_.clock.now()); failed > 0) {
    metrics_.inc("noodbel_messages_out_total", {{"channel", "slash"}, {"status", "failed"}},
                 static_cast<double>(failed));
  }
}

}  // namespace noodbel
