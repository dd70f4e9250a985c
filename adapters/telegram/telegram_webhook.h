// POST /webhooks/telegram: updates pushed by Telegram in webhook mode. Authenticated by
// the X-Telegram-Bot-Api-Secret-Token header (constant-time compare; else 403, nothing
// stored); answered 200 only after the pipeline committed the message (a store failure
// answers 503, so Telegram retries). Add the route while building the Router; the
// handler is thread-safe as long as `deliver` is.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "adapters/http/router.h"
#include "adapters/inbound/inbound_outcome.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel::telegram {

inline constexpr std::string_view kWebhookPath = "/webhooks/telegram";
inline constexpr std::string_view kSecretHeader = "X-Telegram-Bot-Api-Secret-Token";

struct WebhookDeps {
  std::string secret;  // the secret_token given to setWebhook; empty: every request is refused
  const Clock& clock;  // must outlive the router
  // The inbound pipeline: dedupes by provider id ("tg:<update_id>"), lets the Engine act, commits.
  std::function<Result<InboundOutcome>(const InboundMessage&)> deliver;
};

// Answers: 403 for a missing or wrong secret; 200 {} once handled, for a duplicate, and
// for an update Noodbel ignores; 200 {"method": "answerCallbackQuery", ...} for a button
// press (Telegram runs the method: no extra call from the request path). A body that is
// not an update (not JSON, wrong shape) is logged and answered 200: Telegram retries
// anything else, and retrying garbage helps no one. 503/500 when the store failed.
void add_webhook_route(Router& router, WebhookDeps deps);

// Compares in time independent of where the strings differ. Empty `expected` never matches.
bool secret_matches(std::string_view expected, std::string_view given);

}  // namespace noodbel::telegram
