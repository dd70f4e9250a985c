#include "adapters/slash/slash_routes.h"

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/config/push_urls.h"
#include "adapters/slash/slash_auth.h"
#include "adapters/slash/slash_command.h"
#include "adapters/slash/slash_text.h"
#include "bot/router.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";

std::string_view provider_name(SlashProvider p) {
  return p == SlashProvider::kSlack ? "slack" : "mattermost";
}

// The request's response_url to keep for pushes; nothing when it has none or one that is
// not https (http only on loopback). The URL is a secret: never logged.
store::ChannelState channel_state(const SlashCommand& command, SlashProvider provider,
                                  UnixTime now) {
  store::ChannelState state;
  if (command.response_url.empty()) return state;
  if (auto why = bad_push_url(command.response_url)) {
    spdlog::warn("event=slash.response_url_ignored provider={} user={} reason={}",
                 provider_name(provider), command.user_id, logfmt_value(*why));
    return state;
  }
  state.slash_response_url = store::fresh_response_url(
      command.user_id, std::string(provider_name(provider)), command.response_url, now);
  return state;
}

// `reject`: the label of noodbel_webhook_rejections_total; unset: derived from the status.
HttpResponse refused(const HttpRequest& request, int status, const Error& error,
                     const char* reject = nullptr) {
  spdlog::warn("event=slash.refused status={} remote={} reason={}", status,
               logfmt_value(request.remote_address), logfmt_value(error.message));
  HttpResponse r = HttpResponse::error_json(status, error.message);
  if (reject != nullptr) r.reject_reason = reject;
  return r;
}

HttpResponse deliver_failed(const HttpRequest& request, const Error& e) {
  switch (e.kind) {
    case ErrorKind::kUnavailable:
      return HttpResponse::error_json(503, e.message + "; try the command again in a moment");
    case ErrorKind::kInvalidInput:
      return HttpResponse::error_json(400, e.message);
    case ErrorKind::kForbidden:
      return refused(request, 403, e);
    case ErrorKind::kNotFound:
    case ErrorKind::kConflict:
    case ErrorKind::kInternal:
      break;
  }
  spdlog::error("event=slash.deliver_failed error={}", logfmt_value(e.message));
  return HttpResponse::error_json(500, "internal error while handling the command; it has been logged");
}

// The caseworker a slash user is: [slash.users] first, else a slash: contact.
Result<std::string> find_caseworker(const SlashDeps& deps, const std::string& user_id) {
  InboundMessage probe;
  probe.channel = Channel::kSlash;
  probe.address = user_id;
  Route found;
  const Status s = deps.store.transaction([&](Repository& repo) -> Status {
    found = route(probe, repo, deps.users);
    return Ok();
  });
  if (!s.ok()) return s.error();
  if (found.kind == Sender::Kind::kCaseworker) return found.caseworker->id;
  if (const auto mapped = deps.users.find(user_id); mapped != deps.users.end()) {
    return Error::Forbidden(fmt::format(
        "slash user '{}' is mapped to caseworker '{}' in [slash.users], but no such caseworker "
        "is registered: import the caseworker or fix the mapping",
        user_id, mapped->second));
  }
  return Error::Forbidden(fmt::format(
      "slash user '{}' is not a registered caseworker: map it in the config "
      "([slash.users] {} = \"C001\") or give the caseworker a slash:{} contact",
      user_id, user_id, user_id));
}

HttpResponse replies_response(SlashProvider provider, const std::vector<OutboxItem>& items) {
  std::string text;
  for (const OutboxItem& item : items) {
    if (!text.empty()) text += "\n\n";
    text += item.message.text;
  }
  if (text.empty()) return HttpResponse::text(200, "");
  return HttpResponse::json(200, {{"response_type", "ephemeral"},
                                  {"text", chat_escape(text, provider == SlashProvider::kSlack)}});
}

// An authenticated, well-formed command: who sent it and what it says.
struct AcceptedCommand {
  SlashAuth auth;
  SlashCommand command;
};

// Authenticates the request and reads its form, or the response refusing it.
std::variant<HttpResponse, AcceptedCommand> accept_command(const SlashDeps& deps,
                                                           const HttpRequest& request,
                                                           UnixTime now) {
  const Result<FormFields> form = parse_form(request.body);
  Result<SlashAuth> auth = authenticate_slash(request, form, deps.config.signing_secret,
                                              deps.config.mattermost_token, now);
  if (!auth.ok()) return refused(request, 403, auth.error(), "bad_signature");
  const auto type = request.header("content-type");
  if (!type || lower_ascii(*type).rfind(kFormType, 0) != 0) {
    return HttpResponse::error_json(
        415, "send the command as a form with Content-Type: application/x-www-form-urlencoded");
  }
  if (!form.ok()) return HttpResponse::error_json(400, form.error().message);
  Result<SlashCommand> command = parse_slash_command(*form);
  if (!command.ok()) return HttpResponse::error_json(400, command.error().message);
  return AcceptedCommand{std::move(auth).value(), std::move(command).value()};
}

// A user who is no caseworker is refused; a store error is answered as a delivery error.
HttpResponse caseworker_not_found(const HttpRequest& request, const Error& error) {
  if (error.kind == ErrorKind::kForbidden) return refused(request, 403, error, "unknown_user");
  return deliver_failed(request, error);
}

InboundMessage inbound_message(const AcceptedCommand& accepted, UnixTime now) {
  InboundMessage message;
  message.channel = Channel::kSlash;
  message.address = accepted.command.user_id;
  message.provider_id = accepted.auth.provider_id;
  message.text = accepted.command.message_text();
  message.received_at = now;
  return message;
}

// The response to a command the core did not handle: a replay, or a user removed between
// the check and the delivery.
HttpResponse not_handled(const HttpRequest& request, const AcceptedCommand& accepted,
                         InboundOutcome outcome) {
  if (outcome == InboundOutcome::kDuplicate) {
    spdlog::info("event=slash.duplicate provider={} id={}", provider_name(accepted.auth.provider),
                 logfmt_value(accepted.auth.provider_id));
    return HttpResponse::text(200, "");
  }
  return refused(request, 403,
                 Error::Forbidden("slash user '" + accepted.command.user_id +
                                  "' is no longer a registered caseworker"),
                 "unknown_user");
}

// Past the deadline the provider has given up on this response: the replies stay queued
// and are pushed (response_url or webhook) instead of being lost in a response nobody reads.
HttpResponse replies_pushed_later(const InboundMessage& message, std::string_view provider,
                                  const std::string& caseworker) {
  spdlog::warn(
      "event=slash.response_late provider={} id={} caseworker={} "
      "hint=\"the replies will be pushed\"",
      provider, logfmt_value(message.provider_id), logfmt_value(caseworker));
  return HttpResponse::text(200, "");
}

// The replies the command queued, taken from the outbox into the HTTP response.
HttpResponse replies_in_response(const SlashDeps& deps, const InboundMessage& message,
                                 SlashProvider provider, const std::string& caseworker) {
  const Result<std::vector<OutboxItem>> taken =
      deps.replies.take_outbox_for(Channel::kSlash, message.address, deps.clock.now());
  if (!taken.ok()) {
    // The command is stored; its replies stay queued and are pushed like late ones.
    spdlog::error(
        "event=slash.replies_not_taken provider={} id={} caseworker={} error={} "
        "hint=\"the replies will be pushed\"",
        provider_name(provider), logfmt_value(message.provider_id), logfmt_value(caseworker),
        logfmt_value(taken.error().message));
    return HttpResponse::text(200, "");
  }
  const std::vector<OutboxItem>& replies = *taken;
  if (deps.on_replies) deps.on_replies(replies.size());
  spdlog::info("event=slash.handled provider={} id={} caseworker={} replies={}",
               provider_name(provider), logfmt_value(message.provider_id), logfmt_value(caseworker),
               replies.size());
  spdlog::debug("event=slash.text id={} text={}", logfmt_value(message.provider_id),
                logfmt_value(message.text));
  return replies_response(provider, replies);
}

HttpResponse handle_slash(const SlashDeps& deps, const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const UnixTime now = deps.clock.now();
  std::variant<HttpResponse, AcceptedCommand> checked = accept_command(deps, request, now);
  if (auto* refusal = std::get_if<HttpResponse>(&checked)) return std::move(*refusal);
  const AcceptedCommand& accepted = std::get<AcceptedCommand>(checked);
  const Result<std::string> caseworker = find_caseworker(deps, accepted.command.user_id);
  if (!caseworker.ok()) return caseworker_not_found(request, caseworker.error());
  const InboundMessage message = inbound_message(accepted, now);
  const Result<InboundOutcome> outcome =
      deps.deliver(message, channel_state(accepted.command, accepted.auth.provider, now));
  if (!outcome.ok()) return deliver_failed(request, outcome.error());
  if (*outcome != InboundOutcome::kHandled) return not_handled(request, accepted, *outcome);
  if (std::chrono::steady_clock::now() - started >= deps.response_deadline) {
    return replies_pushed_later(message, provider_name(accepted.auth.provider), *caseworker);
  }
  return replies_in_response(deps, message, accepted.auth.provider, *caseworker);
}

}  // namespace

void add_slash_routes(Router& router, SlashDeps deps) {
  auto shared = std::make_shared<const SlashDeps>(std::move(deps));
  router.add("POST", "/slash", [shared](const HttpRequest& request, const PathParams&) {
    return handle_slash(*shared, request);
  });
}

void warn_unknown_slash_users(store::UnitOfWork& store, const SlashUsers& users,
                              const SlashConfig& config) {
  std::vector<std::string> missing;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    for (const auto& [user, caseworker] : users) {
      if (!repo.caseworker(caseworker)) missing.push_back(fmt::format("{} = {}", user, caseworker));
    }
    for (const auto& [caseworker, url] : config.caseworker_webhooks) {
      if (!repo.caseworker(caseworker)) {
        missing.push_back(fmt::format("[slash.caseworker_webhooks] {}", caseworker));
      }
    }
    return Ok();
  });
  if (!s.ok()) {
    spdlog::error("event=slash.users_check_failed error={}", logfmt_value(s.error().message));
    return;
  }
  for (const std::string& entry : missing) {
    spdlog::warn(
        "event=slash.unknown_caseworker entry={} hint=\"[slash] names a "
        "caseworker who is not imported: a mapped user gets 403, a webhook is unused\"",
        logfmt_value(entry));
  }
}

}  // namespace noodbel
