// Linking: one-time codes that bind a Telegram chat to a registered family. Issued by
// `noodbel families link ID` and the caseworker command /koppel; redeemed by "/start CODE"
// (a t.me deep link sends exactly that). Stateless functions over one unit of work:
// thread-safe given their own Repository / Outbox.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/hasher.h"
#include "bot/outbound.h"
#include "bot/random.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

// 8 characters from an alphabet without the look-alikes 0/O, 1/I/L.
inline constexpr std::string_view kLinkCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kLinkCodeLength = 8;
inline constexpr std::int64_t kLinkCodeValidSeconds = 7 * 24 * 3600;
// "/start ..." messages one Telegram chat gets answered per 24 hours (guessing codes).
inline constexpr int kLinkAttemptsPerDay = 10;

// A fresh code from `random` (in production a CSPRNG); Unavailable when it fails.
Result<std::string> random_link_code(const Random& random);
// The code as typed ("abcd efgh", "ABCD-EFGH") in canonical form ("ABCDEFGH"), or nothing
// when it is not 8 characters of kLinkCodeAlphabet.
std::optional<std::string> normalize_link_code(std::string_view typed);
// 64 lower-case hex digits of SHA-256(code): all the store ever sees of a code.
std::string link_code_hash(const Hasher& hasher, std::string_view code);
// "https://t.me/<bot_username>?start=<code>", or "" when no username is configured.
std::string telegram_deep_link(std::string_view bot_username, std::string_view code);

struct IssuedLinkCode {
  std::string family_id;
  std::string code;
  UnixTime expires_at = 0;
};

// Stores `code` (canonical form) for the family, valid kLinkCodeValidSeconds from `now`;
// the family's older unused codes stop working. Audits "family.link_code" under `actor`
// (never the code, never a phone number). NotFound when there is no such family.
Result<IssuedLinkCode> issue_link_code(Repository& repo, const Hasher& hasher,
                                       std::string_view family_id, std::string_view actor,
                                       std::string_view code, UnixTime now);

// The argument of a "/start" command ("/START", "/start@noodbel_bot" too), trimmed and
// possibly empty; nothing when the text is not a /start command.
std::optional<std::string> start_argument(std::string_view text);

// Runs before routing. A Telegram "/start CODE" links the chat to the code's family (first
// contact, the others kept as fallback) and answers in the family's language; a wrong,
// used or expired code, or a chat that belongs to someone else, gets a clear answer and
// changes nothing. A plain "/start" from an unknown chat gets the linking help. At most
// kLinkAttemptsPerDay answers per chat per day, independent of the unknown-sender limit.
// Returns false when the message is not for linking (not Telegram, not /start, or a plain
// /start from a registered person): the normal path handles it.
// `hasher` finds the stored code.
bool handle_link_start(const InboundMessage& message, const Outbox& out, const Hasher& hasher);

}  // namespace noodbel
