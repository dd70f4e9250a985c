#include "adapters/slash/slash_sender.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/http/retry_after.h"
#include "adapters/slash/slash_text.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxErrorBody = 80;

// The provider's short error ("no_service", Mattermost's message), printable and cut short.
std::string error_body(const ClientResponse& response) {
  std::string body;
  const json parsed = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object() && parsed.contains("message") && parsed["message"].is_string()) {
    body = parsed["message"].get<std::string>();  // Mattermost's AppError
  } else {
    body = response.body;
  }
  std::replace_if(body.begin(), body.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"'; }, ' ');
  if (body.size() > kMaxErrorBody) body = body.substr(0, kMaxErrorBody) + "…";
  return body;
}

std::string describe(const ClientResponse& response, std::string_view what) {
  const std::string body = error_body(response);
  return body.empty() ? fmt::format("{} answered HTTP {}", what, response.status)
                      : fmt::format("{} answered HTTP {} {}", what, response.status, body);
}

}  // namespace

std::string push_text(std::string_view url, const OutboundMessage& m, bool shared) {
  if (!is_slack_url(url)) return mattermost_escape(m.text);
  const std::string text = slack_escape(m.text);
  return shared ? fmt::format("<@{}> {}", m.address, text) : text;
}

std::string response_url_body(std::string_view text) {
  return json{{"response_type", "ephemeral"}, {"replace_original", false}, {"text", text}}.dump();
}

std::string webhook_body(std::string_view text) { return json{{"text", text}}.dump(); }

SendResult push_result(const ClientResponse& response, std::string_view what,
                       std::string sent_id) {
  const int status = response.status;
  if (status >= 200 && status < 300) return SendResult::sent(std::move(sent_id));
  const std::string error = describe(response, what);
  if (status == 429) return SendResult::temporary(error, retry_after_seconds(response));
  if (status == 408 || (status >= 500 && status != 501)) return SendResult::temporary(error);
  // 400, 403, 404, 410 (no_service, invalid_token, channel_is_archived, ...), 501
  // (Mattermost: incoming webhooks disabled): sending again will not help.
  return SendResult::permanent(error);
}

SlashSender::SlashSender(const SlashConfig& config, HttpClient& client,
                         std::unique_ptr<PushRoutes> routes, const Clock& clock)
    : config_(config), client_(client), routes_(std::move(routes)), clock_(clock) {}

Result<ClientResponse> SlashSender::post(const std::string& url, std::string body) {
  ClientRequest request;
  request.method = "POST";
  request.url = url;
  request.headers = {{"Content-Type", "application/json; charset=utf-8"}};
  request.body = std::move(body);
  return client_.send(request);
}

std::optional<SendResult> SlashSender::to_response_url(const OutboxItem& item, std::string& why) {
  const OutboundMessage& m = item.message;
  const auto taken = routes_->take_response_url(m.address, clock_.now());
  if (!taken.ok()) {
    // Never sent without the use recorded: the row waits and is retried.
    spdlog::error("event=slash.store_failed what=take_response_url recipient={} error={}",
                  logfmt_value(m.recipient_id), logfmt_value(taken.error().message));
    return SendResult::temporary("storage: cannot take a use of the response_url: " +
                                 taken.error().message);
  }
  if (!*taken) {
    why = fmt::format("slash user {} has no valid response_url", m.address);
    return std::nullopt;
  }
  const store::ResponseUrl& url = **taken;
  const bool slack = url.provider == "slack";
  const std::string text = chat_escape(m.text, slack);
  const Result<ClientResponse> response = post(url.url, response_url_body(text));
  SendResult result;
  if (!response.ok()) {
    result = response.error().kind == ErrorKind::kUnavailable
                 ? SendResult::temporary("response_url: " + response.error().message)
                 : SendResult::permanent("response_url: " + response.error().message);
  } else {
    result = push_result(*response, "response_url",
                         fmt::format("slash:response_url:{}", item.id));
  }
  if (result.kind == SendResult::Kind::kSent) {
    spdlog::info("event=slash.pushed id={} route=response_url url={} recipient={} uses_left={}",
                 item.id, logfmt_value(mask_push_url(url.url)), logfmt_value(m.recipient_id),
                 url.uses_left);
    return result;
  }
  if (result.kind == SendResult::Kind::kTemporary) return result;
  // Refused for good: expired or used up on the provider's side. Forget it, use a webhook.
  spdlog::warn("event=slash.response_url_refused id={} url={} recipient={} error={}", item.id,
               logfmt_value(mask_push_url(url.url)), logfmt_value(m.recipient_id),
               logfmt_value(result.error));
  if (const Status forgot = routes_->forget_response_url(m.address, url.url); !forgot.ok()) {
    return SendResult::temporary("storage: cannot forget a refused response_url: " +
                                 forgot.error().message);
  }
  why = result.error;
  return std::nullopt;
}

Result<std::optional<SlashSender::Webhook>> SlashSender::webhook_for(const OutboundMessage& m,
                                                                     std::string& service) {
  if (const auto own = config_.caseworker_webhooks.find(m.recipient_id);
      own != config_.caseworker_webhooks.end()) {
    return std::optional<Webhook>(Webhook{
        own->second, fmt::format("webhook [slash.caseworker_webhooks] {}", m.recipient_id), false});
  }
  const Result<std::optional<std::string>> of = routes_->service_of(m.recipient_id);
  if (!of.ok()) return of.error();
  if (!*of) return std::optional<Webhook>{};
  service = **of;
  const auto shared = config_.webhooks.find(service);
  if (shared == config_.webhooks.end()) return std::optional<Webhook>{};
  return std::optional<Webhook>(
      Webhook{shared->second, fmt::format("webhook [slash.webhooks] {}", service), true});
}

SendResult SlashSender::to_webhook(const OutboxItem& item, const Webhook& hook) {
  const OutboundMessage& m = item.message;
  const Result<ClientResponse> response =
      post(hook.url, webhook_body(push_text(hook.url, m, hook.shared)));
  SendResult result;
  if (!response.ok()) {
    result = response.error().kind == ErrorKind::kUnavailable
                 ? SendResult::temporary(hook.what + ": " + response.error().message)
                 : SendResult::permanent(hook.what + ": " + response.error().message);
  } else {
    result = push_result(*response, hook.what, fmt::format("slash:webhook:{}", item.id));
  }
  if (result.kind == SendResult::Kind::kSent) {
    spdlog::info("event=slash.pushed id={} route=webhook url={} recipient={}", item.id,
                 logfmt_value(mask_push_url(hook.url)), logfmt_value(m.recipient_id));
  } else {
    spdlog::warn(
        "event=slash.push_failed id={} route=webhook url={} recipient={} retry={} "
        "error={}",
        item.id, logfmt_value(mask_push_url(hook.url)), logfmt_value(m.recipient_id),
        result.kind == SendResult::Kind::kTemporary, logfmt_value(result.error));
  }
  if (result.kind == SendResult::Kind::kPermanent) {
    result.error += fmt::format("; replace the URL of {}", hook.what.substr(hook.what.find('[')));
  }
  return result;
}

SendResult SlashSender::send(const OutboxItem& item) {
  const OutboundMessage& m = item.message;
  if (m.address.empty()) return SendResult::permanent("no slash user id for this contact");
  if (m.text.empty()) return SendResult::permanent("empty text: nothing to push");
  std::string why;
  if (std::optional<SendResult> pushed = to_response_url(item, why)) return *pushed;
  std::string service;
  const Result<std::optional<Webhook>> hook = webhook_for(m, service);
  if (!hook.ok()) {
    spdlog::error("event=slash.store_failed what=service_of recipient={} error={}",
                  logfmt_value(m.recipient_id), logfmt_value(hook.error().message));
    return SendResult::temporary("storage: cannot look up the caseworker's service: " +
                                 hook.error().message);
  }
  if (*hook) return to_webhook(item, **hook);
  if (service.empty()) {
    return SendResult::permanent(fmt::format(
        "no push route: {} and {} is not a registered caseworker with a service; set "
        "[slash.caseworker_webhooks] {}",
        why, m.recipient_id.empty() ? "the recipient" : m.recipient_id, m.recipient_id));
  }
  return SendResult::permanent(fmt::format(
      "no push route: set [slash.webhooks] for service {} (or [slash.caseworker_webhooks] for "
      "{}); {}",
      service, m.recipient_id, why));
}

std::unique_ptr<ChannelSender> make_slash_sender(const SlashConfig& config, HttpClient& client,
                                                 store::UnitOfWork& store,
                                                 store::ResponseUrlStore& urls,
                                                 const Clock& clock) {
  return std::make_unique<SlashSender>(config, client, make_push_routes(store, urls), clock);
}

}  // namespace noodbel
