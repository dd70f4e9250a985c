// Authentication of POST /slash: Slack's v0 request signature (HMAC-SHA256 over
// "v0:timestamp:body" with the app's signing secret) and Mattermost's command token.
// Only this folder touches OpenSSL for it. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "bot/clock.h"
#include "bot/result.h"

namespace noodbel {

// Slack refuses requests whose timestamp is further than this from the server's clock.
inline constexpr std::int64_t kSlackMaxSkewSeconds = 5 * 60;

enum class SlashProvider { kSlack, kMattermost };

// Who sent an authenticated request, and the id its replays are recognised by.
struct SlashAuth {
  SlashProvider provider = SlashProvider::kSlack;
  // "slack:TIMESTAMP:<first 16 hex of the signature>", "mattermost:TRIGGER_ID" or
  // "mattermost:body:<sha-256 of the body, 32 hex>" when Mattermost sent no trigger_id.
  std::string provider_id;
};

// "v0=" + lower-case hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + body).
std::string slack_signature(std::string_view secret, std::string_view timestamp,
                            std::string_view body);

// Authenticates a request as Slack (when it carries an X-Slack-* header) or Mattermost
// (Authorization: Token ..., or the form's `token`). `form` is the parsed body, or an
// error when the body is not valid form data (then only the header can vouch for a
// Mattermost request). Every failure is Error::Forbidden saying what was wrong.
Result<SlashAuth> authenticate_slash(const HttpRequest& request, const Result<FormFields>& form,
                                     std::string_view signing_secret,
                                     std::string_view mattermost_token, UnixTime now);

}  // namespace noodbel
