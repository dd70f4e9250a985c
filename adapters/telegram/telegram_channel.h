// TelegramChannel: Telegram in a running service, built from [telegram]: the HTTPS
// client, the sender for the dispatcher, the webhook route and the background worker.
// Service creates it and calls add_routes / make_sender / start / stop from its own
// thread; the parts handed out are thread-safe as their headers say.
#pragma once

#include <memory>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/http/router.h"
#include "adapters/telegram/telegram_api.h"
#include "adapters/telegram/telegram_config.h"
#include "adapters/telegram/telegram_sender.h"
#include "adapters/telegram/telegram_worker.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "store/ports/unit_of_work.h"

namespace noodbel::telegram {

// Error::Invalid naming what is missing when Telegram is enabled without a token, or in
// webhook mode without webhook_secret or public_url.
Status check_config(const TelegramConfig& config);

// Looks up the call code and the family's language for a crisis-call message (one short
// transaction); nothing when the call is no longer open. store must outlive the lookup.
CallButtonsLookup call_buttons_from_store(store::UnitOfWork& store, Language fallback);

class TelegramChannel {
 public:
  // All references must outlive the channel. Fails like check_config().
  static Result<std::unique_ptr<TelegramChannel>> create(
      const TelegramConfig& config, Language default_language, const Templates& templates,
      store::UnitOfWork& store, const Clock& clock, TelegramWorker::Deliver deliver,
      HttpClientOptions client_options = {});
  ~TelegramChannel();  // stop()
  TelegramChannel(const TelegramChannel&) = delete;
  TelegramChannel& operator=(const TelegramChannel&) = delete;

  // For Dispatcher::add_channel. It uses this channel's HTTP client: stop the dispatcher
  // before destroying the channel.
  std::unique_ptr<ChannelSender> make_sender() const;
  // POST /webhooks/telegram in webhook mode; nothing in polling mode.
  void add_routes(Router& router) const;
  // The worker: start-up calls (retried until they succeed), then polling if configured.
  void start();
  void stop();

 private:
  TelegramChannel(const TelegramConfig& config, Language default_language,
                  const Templates& templates, store::UnitOfWork& store, const Clock& clock,
                  TelegramWorker::Deliver deliver, HttpClientOptions client_options);

  const TelegramConfig config_;
  const Language default_language_;
  const Templates& templates_;
  store::UnitOfWork& store_;
  const Clock& clock_;
  const TelegramWorker::Deliver deliver_;
  const std::unique_ptr<HttpClient> client_;
  const TelegramApi api_;
  std::unique_ptr<TelegramWorker> worker_;
};

}  // namespace noodbel::telegram
