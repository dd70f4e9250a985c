// POST /slash: caseworker slash-commands in the Slack or Mattermost format. The handler
// authenticates (slash_auth.h), finds the caseworker, hands the command to the inbound
// pipeline together with the request's response_url (stored in the same transaction, for
// later pushes: adapters/slash/slash_sender.h) and answers with the bot's reply in the HTTP
// response, seen only by the caseworker. Add the route while building the Router; the
// handler is thread-safe as long as the functions in SlashDeps are.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>

#include "adapters/http/router.h"
#include "adapters/inbound/inbound_outcome.h"
#include "adapters/slash/slash_config.h"
#include "bot/clock.h"
#include "bot/config.h"
#include "bot/result.h"
#include "bot/types.h"
#include "store/channel_state.h"
#include "store/ports/instant_replies.h"
#include "store/ports/unit_of_work.h"

namespace noodbel {

struct SlashDeps {
  const SlashConfig& config;  // secrets; must outlive the router
  const SlashUsers& users;    // [slash.users]; must outlive the router
  const Clock& clock;         // must outlive the router
  store::UnitOfWork& store;   // who a user is; must outlive the router
  store::InstantReplies& replies;  // the replies taken for the response; must outlive it
  // The inbound pipeline: dedupes by provider id, lets the Engine act, commits the message
  // and the channel state (the response_url) in one transaction.
  std::function<Result<InboundOutcome>(const InboundMessage&, const store::ChannelState&)>
      deliver;
  // Optional: told how many replies went out in a response (for metrics).
  std::function<void(std::size_t replies)> on_replies = {};
  // The replies are taken for the HTTP response only this soon after the request came in
  // (Slack gives up after 3 s); later they stay queued and are pushed (kSlashHoldSeconds).
  std::chrono::milliseconds response_deadline{2500};
};

// Registers POST /slash. Answers: 200 {"response_type": "ephemeral", "text": ...} with
// the bot's replies (an empty 200 for a replayed request, when the replies went to the
// sandbox, or past the response deadline: then they are pushed); 403 when not
// authenticated or not a registered caseworker (nothing stored); 400 for a malformed body;
// 415 for another content type; 503 when the store is busy. A response_url that is not
// https (http only on loopback) is not stored, with a warning; the command still runs.
void add_slash_routes(Router& router, SlashDeps deps);

// Logs a warning for each [slash.users] entry, and each [slash.caseworker_webhooks] key,
// naming a caseworker who is not registered.
void warn_unknown_slash_users(store::UnitOfWork& store, const SlashUsers& users,
                              const SlashConfig& config);

}  // namespace noodbel
