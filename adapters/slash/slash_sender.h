// SlashSender: the ChannelSender for Channel::kSlash, so caseworkers who work only in Slack
// or Mattermost get pushed messages too (a family said yes, a forwarded question, an
// expiring call). Where a row goes, in order:
//   1. the user's newest response_url, while valid and with a use left (one use is taken
//      in the store first: when that write fails nothing is sent and the row is retried);
//   2. [slash.caseworker_webhooks] of the row's caseworker;
//   3. [slash.webhooks] of the caseworker's service (a Slack text then mentions the user);
//   4. none: a permanent failure saying which key to set, so the dispatcher fails over to
//      the caseworker's next contact.
// A response_url the provider refuses (expired, used up on its side) is forgotten and the
// row goes on to the webhooks in the same send.
//
// What the providers document (summary; sources in brackets):
// - Slack slash-command response_url: POST JSON {"text", "response_type": "ephemeral" |
//   "in_channel", "replace_original": bool}; up to 5 times within 30 minutes of the
//   command [api.slack.com/interactivity/slash-commands, "Sending delayed responses";
//   the same figures in spatie's laravel-slack-slash-command docs]. We send "ephemeral"
//   (only the caseworker sees it) and replace_original false (a new message, not an edit).
// - Slack incoming webhooks: POST JSON {"text"}; 200 with body "ok". Errors carry a short
//   string in the body: 400 invalid_payload / user_not_found, 403 action_prohibited /
//   invalid_token, 404 channel_not_found / no_service (webhook removed or disabled), 410
//   channel_is_archived, 500 rollup_error [api.slack.com/changelog/
//   2016-05-17-changes-to-errors-for-incoming-webhooks; no_service, no_team and
//   invalid_token from the "Handling errors" table of docs.slack.dev's incoming-webhooks
//   page]. Rate: "posting messages: 1 per second, short bursts >1 allowed"; over it 429
//   with Retry-After [api.slack.com/docs/rate-limits].
// - Mattermost slash-command response_url (<site>/hooks/commands/<id>): the same JSON as a
//   command response; valid 30 minutes (model.CommandWebhookLifetime = 1000 * 60 * 30 ms)
//   for 5 uses (App.HandleCommandWebhook: CommandWebhook().TryUse(hook.Id, 5)); an
//   expired or unknown one gives 404 (app.command_webhook.get.missing), a used-up one 400
//   (app.command_webhook.try_use.invalid) [github.com/mattermost/mattermost, server
//   sources of CommandWebhook and HandleCommandWebhook].
// - Mattermost incoming webhooks (<site>/hooks/<key>): POST JSON {"text"}, optional
//   "channel", "username", "icon_url" (not sent: the webhook's own channel and name are
//   used); 200 "ok" [developers.mattermost.com/integrate/webhooks/incoming]; an unknown or
//   deleted hook gives 400 (web.incoming_webhook.invalid.app_error), incoming webhooks
//   disabled by the admin 501 [HandleIncomingWebhook in the same server sources].
//
// Errors, sorted for the dispatcher: 2xx sent; 429 temporary with its Retry-After; 408 and
// 5xx (but 501) temporary; a transport failure (DNS, connect, TLS, timeout) temporary; a
// storage failure temporary; every other answer permanent for that webhook (failover).
// Called from the one slash dispatcher thread (not thread-safe).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/slash/push_routes.h"
#include "adapters/slash/slash_config.h"
#include "bot/clock.h"

namespace noodbel {

// Rows to a slash user are claimed by the dispatcher only this long after they are due:
// the HTTP response of the command that caused them takes them first (Slack waits 3 s for
// it). Rows no response took (notices, or replies whose response came too late) are
// pushed after it.
inline constexpr std::int64_t kSlashHoldSeconds = 5;

// The JSON body of a push: to a response_url {"response_type": "ephemeral",
// "replace_original": false, "text"}, to an incoming webhook {"text"}.
std::string response_url_body(std::string_view text);
std::string webhook_body(std::string_view text);

// The text of `m` as webhook `url` shows it: Slack's escaped (slash_text.h) and, in a shared
// (service) channel, led by a mention of the user ("<@U012ABC> "); Mattermost's as is.
std::string push_text(std::string_view url, const OutboundMessage& m, bool shared);

// How an answer of a push endpoint is sorted (see above); `what` names the endpoint in the
// error ("webhook [slash.webhooks] oost-vlaanderen"). Sent: provider id `sent_id`.
SendResult push_result(const ClientResponse& response, std::string_view what,
                       std::string sent_id);

class SlashSender final : public ChannelSender {
 public:
  // config, client and clock must outlive the sender.
  SlashSender(const SlashConfig& config, HttpClient& client, std::unique_ptr<PushRoutes> routes,
              const Clock& clock);

  Channel channel() const override { return Channel::kSlash; }
  // Sent: provider id "slash:response_url:<row id>" or "slash:webhook:<row id>".
  SendResult send(const OutboxItem& item) override;

 private:
  struct Webhook {
    std::string url;
    std::string what;  // "webhook [slash.webhooks] oost-vlaanderen", for errors and logs
    bool shared = false;  // a service's channel: a Slack text mentions the user
  };
  // Pushes to the user's response_url when one is usable. Nothing: go on to the webhooks
  // (`why` says why the response_url was not used).
  std::optional<SendResult> to_response_url(const OutboxItem& item, std::string& why);
  // The webhook for the row's caseworker, nothing when none is set; an Error when the
  // store cannot say which service the caseworker belongs to.
  Result<std::optional<Webhook>> webhook_for(const OutboundMessage& m, std::string& service);
  SendResult to_webhook(const OutboxItem& item, const Webhook& hook);
  Result<ClientResponse> post(const std::string& url, std::string body);

  const SlashConfig& config_;
  HttpClient& client_;
  const std::unique_ptr<PushRoutes> routes_;
  const Clock& clock_;
};

// The slash sender over the store ports: SlashSender with make_push_routes(store, urls).
std::unique_ptr<ChannelSender> make_slash_sender(const SlashConfig& config, HttpClient& client,
                                                 store::UnitOfWork& store,
                                                 store::ResponseUrlStore& urls, const Clock& clock);

}  // namespace noodbel
