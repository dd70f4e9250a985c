// The newest Slack / Mattermost slash-command response_url of each slash user: where the
// slash sender (adapters/slash/slash_sender.h) pushes while it is valid. A response_url is
// a bearer secret: it is stored because it must be used, but never logged or audited, and
// deleted by retention once expired or used up. Free functions; thread-safe (the Store
// serialises them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/clock.h"
#include "bot/result.h"

namespace noodbel::store {

class Database;
class Store;

// Both providers accept up to 5 posts to a response_url within 30 minutes of the command
// (Slack's slash-command docs; Mattermost: CommandWebhookLifetime and TryUse(id, 5)).
inline constexpr std::int64_t kResponseUrlLifetimeSeconds = 30 * 60;
inline constexpr int kResponseUrlUses = 5;

struct ResponseUrl {
  std::string user_id;   // the slash user ("U012ABC")
  std::string provider;  // "slack" or "mattermost"
  std::string url;       // the secret
  UnixTime received_at = 0;
  UnixTime expires_at = 0;  // received_at + kResponseUrlLifetimeSeconds
  int uses_left = 0;
};

// The response_url of a slash request received at `received_at`, with every use left.
ResponseUrl fresh_response_url(std::string user_id, std::string provider, std::string url,
                               UnixTime received_at);

// Inside an open transaction (Store::transaction with a ChannelState): makes `r` the user's
// response_url. The same URL again (a replayed request) keeps its expiry and the uses
// already taken; an older request than the stored one changes nothing. Throws StoreError.
void remember_response_url(Database& db, const ResponseUrl& r);

// Takes one use of the user's response_url, in one write transaction, and returns it (with
// the uses left after this one); nothing when the user has none that is unexpired at `now`
// with a use left. A storage failure is an Error and takes nothing.
Result<std::optional<ResponseUrl>> take_response_url(Store& store, std::string_view user_id,
                                                     UnixTime now);

// Forgets the user's response_url when it is still `url` (the provider refused it: expired
// or used up on its side). A newer URL stored meanwhile stays. A storage failure is an Error.
Status forget_response_url(Store& store, std::string_view user_id, std::string_view url);

// Retention: deletes the response_urls expired at `now` or used up; returns how many.
// `dry_run` counts only. Throws StoreError (called inside purge_expired's transaction).
std::int64_t purge_response_urls(Database& db, UnixTime now, bool dry_run);

}  // namespace noodbel::store
