#include "adapters/telegram/telegram_channel.h"

#include <spdlog/spdlog.h>

#include "adapters/telegram/telegram_setup.h"
#include "adapters/telegram/telegram_webhook.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::telegram {

Status check_config(const TelegramConfig& config) {
  if (!config.enabled) return Ok();
  if (config.token.empty()) {
    return Error::Invalid(
        "telegram is enabled but has no bot token: set NOODBEL_TELEGRAM_TOKEN (or telegram.token) "
        "to the token @BotFather gave you");
  }
  if (config.mode != TelegramMode::kWebhook) return Ok();
  if (config.webhook_secret.empty()) {
    return Error::Invalid(
        "telegram webhook mode needs a secret: set NOODBEL_TELEGRAM_WEBHOOK_SECRET (or "
        "telegram.webhook_secret), e.g. to the output of `openssl rand -hex 32`");
  }
  if (config.public_url.empty()) {
    return Error::Invalid(
        "telegram webhook mode needs telegram.public_url: the https:// address at which Telegram "
        "reaches this service (or set telegram.mode = \"polling\")");
  }
  return Ok();
}

CallButtonsLookup call_buttons_from_store(store::UnitOfWork& store, Language fallback) {
  return [&store, fallback](const OutboundMessage& m) -> std::optional<CallButtons> {
    if (!m.call_id) return std::nullopt;
    std::optional<CallButtons> out;
    const Status s = store.transaction([&](Repository& repo) -> Status {
      const std::optional<Call> call = repo.call_by_id(*m.call_id);
      if (!call || call->state != CallState::kOpen) return Ok();
      const std::optional<Family> family = repo.family(m.recipient_id);
      out = CallButtons{call->code, family ? family->preferred_language : fallback};
      return Ok();
    });
    if (!s.ok()) {
      spdlog::error("event=telegram.buttons_lookup_failed call_id={} error={}", *m.call_id,
                    logfmt_value(s.error().message));
    }
    return out;
  };
}

Result<std::unique_ptr<TelegramChannel>> TelegramChannel::create(
    const TelegramConfig& config, Language default_language, const Templates& templates,
    store::UnitOfWork& store, const Clock& clock, TelegramWorker::Deliver deliver,
    HttpClientOptions client_options) {
  if (Status s = check_config(config); !s.ok()) return s.error();
  return std::unique_ptr<TelegramChannel>(new TelegramChannel(config, default_language, templates,
                                                              store, clock, std::move(deliver),
                                                              std::move(client_options)));
}

TelegramChannel::TelegramChannel(const TelegramConfig& config, Language default_language,
                                 const Templates& templates, store::UnitOfWork& store,
                                 const Clock& clock, TelegramWorker::Deliver deliver,
                                 HttpClientOptions client_options)
    : config_(config),
      default_language_(default_language),
      templates_(templates),
      store_(store),
      clock_(clock),
      deliver_(std::move(deliver)),
      client_(make_http_client(std::move(client_options))),
      api_(*client_, config_.api_base_url, config_.token) {}

TelegramChannel::~TelegramChannel() { stop(); }

std::unique_ptr<ChannelSender> TelegramChannel::make_sender() const {
  return std::make_unique<TelegramSender>(
      api_, templates_, call_buttons_from_store(store_, default_language_));
}

void TelegramChannel::add_routes(Router& router) const {
  if (config_.mode != TelegramMode::kWebhook) return;
  add_webhook_route(router, WebhookDeps{config_.webhook_secret, clock_, deliver_});
}

void TelegramChannel::start() {
  if (worker_) return;
  const bool polling = config_.mode == TelegramMode::kPolling;
  TelegramWorker::Setup setup = [this, polling]() -> Status {
    return polling ? remove_webhook(api_)
                   : register_webhook(api_, config_.public_url, config_.webhook_secret);
  };
  TelegramWorker::Setup commands = [this]() -> Status {
    return publish_commands(api_, templates_, caseworker_chats(store_));
  };
  WorkerOptions options;
  options.polling = polling;
  options.poll_timeout = std::chrono::seconds(config_.poll_timeout_seconds);
  worker_ = std::make_unique<TelegramWorker>(api_, std::move(setup), std::move(commands), deliver_,
                                             clock_, options);
  worker_->start();
  spdlog::info("event=telegram.started mode={} api={}", polling ? "polling" : "webhook",
               logfmt_value(config_.api_base_url));
}

void TelegramChannel::stop() {
  if (worker_) worker_->stop();
}

}  // namespace noodbel::telegram
