#include "adapters/telegram/telegram_webhook.h"

#include <memory>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "adapters/crypto/secrets.h"
#include "adapters/telegram/bot_api_types.h"
#include "adapters/telegram/telegram_inbound.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;

HttpResponse handled() { return HttpResponse::json(200, json::object()); }

HttpResponse store_failed(const Error& e) {
  if (e.kind == ErrorKind::kUnavailable) {
    return HttpResponse::error_json(503, "the update could not be stored now; retry later");
  }
  return HttpResponse::error_json(500, "internal error while storing the update; it has been logged");
}

HttpResponse handle(const WebhookDeps& deps, const HttpRequest& request) {
  const auto given = request.header(kSecretHeader);
  if (!given || !secret_matches(deps.secret, *given)) {
    spdlog::warn("event=telegram.webhook_refused remote={} reason={}",
                 logfmt_value(request.remote_address), given ? "wrong_secret" : "no_secret");
    HttpResponse r = HttpResponse::error_json(
        403, "missing or wrong X-Telegram-Bot-Api-Secret-Token: it must equal the secret_token "
             "given to setWebhook (telegram.webhook_secret)");
    r.reject_reason = "bad_secret";
    return r;
  }
  const Result<Update> update = parse_update_text(request.body);
  if (!update.ok()) {
    spdlog::warn("event=telegram.webhook_unreadable bytes={} reason={}", request.body.size(),
                 logfmt_value(update.error().message));
    return handled();
  }
  const InboundUpdate in = to_inbound(*update, deps.clock.now());
  if (in.message) {
    const Result<InboundOutcome> outcome = deps.deliver(*in.message);
    if (!outcome.ok()) return store_failed(outcome.error());
  } else {
    spdlog::info("event=telegram.update_ignored update_id={} reason={}", update->update_id,
                 logfmt_value(in.ignored));
  }
  if (in.callback_query_id) {
    return HttpResponse::json(
        200, {{"method", "answerCallbackQuery"}, {"callback_query_id", *in.callback_query_id}});
  }
  return handled();
}

}  // namespace

bool secret_matches(std::string_view expected, std::string_view given) {
  return !expected.empty() && constant_time_equal(expected, given);
}

void add_webhook_route(Router& router, WebhookDeps deps) {
  auto state = std::make_shared<const WebhookDeps>(std::move(deps));
  router.add("POST", std::string(kWebhookPath),
             [state](const HttpRequest& r, const PathParams&) { return handle(*state, r); });
}

}  // namespace noodbel::telegram
