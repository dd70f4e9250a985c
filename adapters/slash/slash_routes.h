// POST /slash: caseworker slash-commands in the Slack or Mattermost format. The handler
// authenticates (slash_auth.h), finds the caseworker, hands the command to the inbound
// pipeline and answers with the bot's reply in the HTTP response, seen only by the
// caseworker. Add the route while building the Router; the handler is thread-safe as
// long as the functions in SlashDeps are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "adapters/app/inbound_pipeline.h"
#include "adapters/http/router.h"
#include "bot/clock.h"
#include "bot/config.h"
#include "bot/result.h"
#include "bot/types.h"
#include "store/store.h"

namespace noodbel {

struct SlashDeps {
  const SlashConfig& config;  // secrets and [slash.users]; must outlive the router
  const Clock& clock;         // must outlive the router
  store::Store& store;        // who a user is, and the replies taken for the response
  // The inbound pipeline: dedupes by provider id, lets the Engine act, commits.
  std::function<Result<InboundOutcome>(const InboundMessage&)> deliver;
  // Optional: told how many replies went out in a response (for metrics).
  std::function<void(std::size_t replies)> on_replies = {};
};

// Registers POST /slash. Answers: 200 {"response_type": "ephemeral", "text": ...} with
// the bot's replies (an empty 200 for a replayed request or when the replies went to the
// sandbox); 403 when not authenticated or not a registered caseworker (nothing stored);
// 400 for a malformed body; 415 for another content type; 503 when the store is busy.
void add_slash_routes(Router& router, SlashDeps deps);

// Replies to slash users that no response took within this time can no longer arrive.
inline constexpr std::int64_t kSlashReplyGraceSeconds = 60;

// Slash has no push channel yet: marks pending slash rows older than the grace period
// failed, with a warning each, and returns how many. The scheduler calls it every tick.
// TODO(slash): POST them to the user's last response_url instead (needs the HTTPS client).
int fail_undeliverable_slash_rows(store::Store& store, UnixTime now);

// Logs a warning for each [slash.users] entry naming a caseworker who is not registered.
void warn_unknown_slash_users(store::Store& store, const SlashConfig& config);

}  // namespace noodbel
