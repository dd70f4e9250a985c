#include "adapters/app/service.h"
#include "adapters/app/metrics_access.h"

#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/app/dispatcher_config.h"
#include "adapters/app/sms_channel.h"
#include "adapters/http/ops_routes.h"
#include "adapters/sandbox/sandbox_routes.h"
#include "adapters/slash/slash_routes.h"
#include "adapters/slash/slash_sender.h"
#include "adapters/telegram/telegram_channel.h"
#include "adapters/web/board_routes.h"
#include "adapters/web/digest_routes.h"
#include "adapters/web/web_page.h"
#include "bot/text/logfmt_value.h"
#include "store/free_space.h"
#include "store/retention.h"

namespace noodbel {
namespace {


HttpServerOptions server_options(const HttpConfig& http) {
  HttpServerOptions o;
  o.address = http.address;
  o.port = http.port;
  o.body_limit = http.body_limit_bytes;
  o.read_timeout = std::chrono::seconds(http.read_timeout_seconds);
  o.max_connections = http.max_connections;
  o.threads = http.threads;
  return o;
}

// A template of the sandbox page's people list in the service's default language;
// a missing template shows its name rather than failing the whole list.
std::string label(const AppContext& ctx, std::string_view name, const TemplateArgs& args = {}) {
  auto text = ctx.templates.render(ctx.config.core.default_language, name, args);
  return text.ok() ? std::move(text).value() : std::string(name);
}

std::vector<SandboxPerson> sandbox_people(const AppContext& ctx) {
  std::vector<SandboxPerson> people;
  const Status s = ctx.store->transaction([&](Repository& repo) -> Status {
    for (const auto& c : repo.caseworkers()) {
      const ServiceConfig* service = find_service(ctx.config.core, c.service);
      const std::string role = label(ctx, c.role == Role::kSupervisor ? "sandbox_role_supervisor"
                                                                      : "sandbox_role_caseworker");
      people.push_back({c.id, "caseworker", c.name,
                        label(ctx, "sandbox_person_caseworker",
                              {{"role", role}, {"service", service ? service->name : c.service}})});
    }
    for (const auto& f : repo.families()) {
      const std::string language =
          label(ctx, fmt::format("lang_{}", to_string(f.preferred_language)));
      people.push_back({f.id, "family", f.display_name,
                        label(ctx, "sandbox_person_family",
                              {{"postcode", f.postcode},
                               {"km", std::to_string(f.max_distance_km)},
                               {"language", language}})});
    }
    return Ok();
  });
  if (!s.ok())
    spdlog::error("event=sandbox.people_failed error={}", logfmt_value(s.error().message));
  return people;
}

}  // namespace

Service::Service(AppContext& ctx)
    : ctx_(ctx),
      links_(ctx.config.web, ctx.config.http),
      engine_(ctx.config.core, ctx.postcodes, ctx.templates, {ctx.clock, ctx.random, ctx.hasher},
              ctx.guard, ctx.reply_parser, &links_),
      dispatcher_(*ctx.store, ctx.clock, dispatcher_options(ctx.config)),
      pipeline_(*ctx.store, engine_, [this] {
        dispatcher_.notify();
        board_events_.notify();
      }) {
  define_noodbel_metrics(metrics_);
  metrics_.define_counter(
      "noodbel_digest_runs_total",
      "Daily digest runs (date and service), by result (sent, skipped, failed).");
  dispatcher_.set_observer([this](Channel channel, const std::string& status) {
    board_events_.notify();
    metrics_.inc("noodbel_messages_out_total",
                 {{"channel", std::string(to_string(channel))}, {"status", status}});
  });
  if (ctx_.config.core.sandbox.enabled) {
    auto channel = std::make_unique<SandboxChannel>(ctx_.clock);
    sandbox_ = channel.get();
    dispatcher_.add_channel(std::move(channel));
  }
  server_ = std::make_unique<HttpServer>(
      server_options(ctx_.config.http),
      [this](const HttpRequest& r) {
        HttpResponse response = router_.handle(r);
        if (auto reason = webhook_rejection(r.path, response)) {
          metrics_.inc("noodbel_webhook_rejections_total",
                       {{"route", router_.route_label(r.path)}, {"reason", *reason}});
        }
        return response;
      },
      [this](const HttpRequest& r, int status) {
        metrics_.inc("noodbel_http_requests_total",
                     {{"route", router_.route_label(r.path)}, {"status", std::to_string(status)}});
        count_server_rejection(r, status);
      });
}

Service::~Service() { stop(); }

Status Service::add_routes() {
  free_space_ = store::database_free_space(ctx_.config.db_path);
  add_ops_routes(router_,
                 OpsDeps{*ctx_.store, metrics_, ctx_.clock,
                         [this] { return signal_ ? signal_->health() : std::string("disabled"); },
                         ctx_.config.readiness, free_space_.get(),
                         [token = ctx_.config.http.metrics_token](const HttpRequest& r) {
                           return metrics_refusal(r, token);
                         }});
  add_slash_routes(
      router_,
      SlashDeps{ctx_.config.slash, ctx_.config.core.slash_users, ctx_.clock, *ctx_.store,
                *ctx_.store,
                [this](const InboundMessage& m, const store::ChannelState& state) {
                  return deliver(m, state);
                },
                [this](std::size_t replies) {
                  metrics_.inc("noodbel_messages_out_total", {{"channel", "slash"}, {"status", "sent"}},
                               static_cast<double>(replies));
                }});
  warn_unknown_slash_users(*ctx_.store, ctx_.config.core.slash_users, ctx_.config.slash);
  // Pushes to slash users: response_url while valid, else the [slash] webhooks.
  slash_client_ = make_http_client();
  dispatcher_.add_channel(
      make_slash_sender(ctx_.config.slash, *slash_client_, *ctx_.store, *ctx_.store, ctx_.clock));
  if (sandbox_ == nullptr) return Ok();
  auto page = load_web_page(ctx_.config.data_dir, "sandbox.html");
  if (!page.ok()) return page.error();
  SandboxDeps deps{
      [this] { return sandbox_people(ctx_); },
      [this](const InboundMessage& m) -> Status {
        auto outcome = deliver(m);
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
      ctx_.config.telegram, ctx_.config.core.default_language, ctx_.templates, *ctx_.store,
      ctx_.clock, [this](const InboundMessage& m) { return deliver(m); });
  if (!channel.ok()) return channel.error();
  telegram_ = std::move(channel).value();
  dispatcher_.add_channel(telegram_->make_sender());
  telegram_->add_routes(router_);
  return Ok();
}

Status Service::add_signal() {
  if (!ctx_.config.signal.enabled) return Ok();
  signal_ = std::make_unique<signal_cli::SignalChannel>(
      ctx_.config.signal, ctx_.clock,
      [this](const InboundMessage& m) { return deliver(m); }, &metrics_);
  dispatcher_.add_channel(signal_->make_sender());
  return Ok();
}

Status Service::add_sms() {
  if (Status s = check_sms_config(ctx_.config); !s.ok()) return s;
  add_sms_routes(router_, SmsDeps{ctx_.config, ctx_.clock,
                                  [this](const InboundMessage& m) { return deliver(m); },
                                  [this](const std::string& id, OutboxState state, UnixTime now) {
                                    const Status s = ctx_.store->mark_delivery(id, state, now);
                                    if (s.ok()) board_events_.notify();
                                    return s;
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
  if (Status s = add_signal(); !s.ok()) return s;
  if (Status s = add_digest(); !s.ok()) return s;
  if (Status s = add_board(); !s.ok()) return s;
  const Result<int> requeued = ctx_.store->requeue_in_flight();
  if (!requeued.ok()) return requeued.error();
  if (*requeued > 0) {
    spdlog::warn("event=outbox.requeued count={} reason=\"in flight at last stop; sent again\"",
                 *requeued);
  }
  if (Status s = server_->start(); !s.ok()) return s;
  links_.set_bound_port(server_->port());
  board_events_.start();
  if (ctx_.config.web.secret.empty()) {
    spdlog::warn("event=web.random_secret reason=\"[web] secret not set: board and digest links "
                 "stop working when the service restarts\"");
  }
  dispatcher_.start();
  if (telegram_) telegram_->start();
  if (signal_) signal_->start();
  // What is due at start (waves, expiries, a digest missed while stopped) is done before
  // start() returns, so that whoever waits for the service sees it settled.
  tick();
  scheduler_ = std::thread([this] { scheduler_loop(); });
  spdlog::info("event=serve.started address={} port={} sandbox={}",
               logfmt_value(ctx_.config.http.address), server_->port(), sandbox_ != nullptr);
  return Ok();
}

void Service::stop() {
  {
    const MutexLock lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  board_events_.stop();  // live boards push no more; the server then ends their streams
  server_->stop();
  server_->wait();
  if (scheduler_.joinable()) scheduler_.join();
  if (telegram_) telegram_->stop();
  if (signal_) signal_->stop();
  dispatcher_.stop();
  spdlog::info("event=serve.stopped");
}

Status Service::add_digest() {
  auto source = DigestSource::load(ctx_.config.data_dir, ctx_.config.digest, ctx_.config.core,
                                   ctx_.postcodes, *ctx_.store);
  if (!source.ok()) return source.error();
  digest_source_ = std::make_unique<DigestSource>(std::move(source).value());
  add_digest_routes(router_, DigestRouteDeps{ctx_.config.core, ctx_.templates, *digest_source_,
                                             links_.checker(), ctx_.clock, nullptr});
  digest_sender_ = std::make_unique<DigestSender>(ctx_.config, ctx_.templates, *digest_source_,
                                                  *ctx_.store, ctx_.clock, links_);
  return Ok();
}

Status Service::add_board() {
  auto page = load_web_page(ctx_.config.data_dir, "board.html");
  if (!page.ok()) return page.error();
  add_board_routes(router_,
                   BoardDeps{ctx_.config.core, ctx_.templates, ctx_.clock,
                             [this](const std::function<Status(Repository&)>& fn) {
                               return ctx_.store->transaction(fn);
                             },
                             links_.checker(), board_events_, metrics_, std::move(page).value()});
  return Ok();
}

void Service::send_digests() {
  if (!digest_sender_ || !ctx_.config.digest.enabled) return;
  const DigestRunReport r = digest_sender_->run_due();
  const std::pair<const char*, int> results[] = {
      {"sent", r.sent}, {"skipped", r.skipped}, {"failed", r.failed}};
  for (const auto& [result, n] : results) {
    if (n > 0) metrics_.inc("noodbel_digest_runs_total", {{"result", result}}, n);
  }
  if (r.messages > 0) dispatcher_.notify();
}

// Ticks every [scheduler] tick_seconds after the first tick, which start() runs itself.
void Service::scheduler_loop() {
  MutexLock lock(mutex_);
  while (!lock.wait_for(wake_, std::chrono::seconds(ctx_.config.scheduler.tick_seconds),
                        [this]() REQUIRES(mutex_) { return stopping_; })) {
    lock.unlock();
    tick();
    lock.lock();
  }
}

// Every inbound message goes through here and counts once in noodbel_messages_in_total by
// its channel; a provider's retry of a message already stored also counts as a webhook
// rejection with reason "duplicate" (route: the channel).
Result<InboundOutcome> Service::deliver(const InboundMessage& m,
                                        const store::ChannelState& state) {
  metrics_.inc("noodbel_messages_in_total", {{"channel", std::string(to_string(m.channel))}});
  auto outcome = pipeline_.deliver(m, state);
  if (outcome.ok() && *outcome == InboundOutcome::kDuplicate) {
    metrics_.inc("noodbel_webhook_rejections_total",
                 {{"route", std::string(to_string(m.channel))}, {"reason", "duplicate"}});
  }
  return outcome;
}

// The server's own refusals (body too large, unparsable request) reach the observer with
// no decoded path, often before the target was read: all of them count, with the route
// when it is known ("unmatched" otherwise).
void Service::count_server_rejection(const HttpRequest& r, int status) {
  if (!r.path.empty() || (status != 400 && status != 413 && status != 431)) return;
  const std::string path = r.target.substr(0, r.target.find('?'));
  const char* reason = status == 413 ? "too_large" : status == 431 ? "headers_too_large"
                                                                   : "malformed";
  metrics_.inc("noodbel_webhook_rejections_total",
               {{"route", router_.route_label(path)}, {"reason", reason}});
}

// Data retention (store/retention.h), at most once an hour from the scheduler.
void Service::purge_if_due() {
  const UnixTime now = ctx_.clock.now();
  if (!purge_gate_.due(now)) return;
  const auto counts =
      store::purge_expired(*ctx_.store, now, ctx_.config.retention.days, false, "system");
  if (!counts.ok()) {
    spdlog::error("event=retention.failed error={}", logfmt_value(counts.error().message));
  } else if (counts->total() > 0 || counts->response_urls > 0) {
    spdlog::info("event=retention.purged call_notes={} answer_notes={} message_texts={} "
                 "response_urls={}",
                 counts->call_notes, counts->response_notes, counts->outbox_texts,
                 counts->response_urls);
  }
}

void Service::tick() {
  const Status s = ctx_.store->transaction([this](Repository& repo) -> Status {
    engine_.tick(repo);
    return Ok();
  });
  if (!s.ok()) {
    spdlog::error("event=scheduler.tick_failed error={}", logfmt_value(s.error().message));
    return;
  }
  dispatcher_.notify();
  board_events_.notify();  // waves sent, calls expired; a live board may also have expired
  send_digests();
  purge_if_due();
}

}  // namespace noodbel
