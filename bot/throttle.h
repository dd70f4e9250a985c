// Throttle: the limits on inbound messages — a family sending too many messages a
// minute, and the one generic reply per day to a sender nobody registered. Counters live
// in the Repository (no message content). Stateless functions; thread-safe given their
// own unit of work (Outbox).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bot/outbound.h"
#include "bot/types.h"

namespace noodbel {

inline constexpr int kFamilyMessagesPerMinute = 20;
inline constexpr std::int64_t kUnknownSenderWindowSeconds = 24 * 3600;
inline constexpr std::string_view kUnknownSenderTemplate = "unknown_sender";

// 64-bit FNV-1a of `bytes`: stable across runs and machines.
std::uint64_t fnv1a_64(std::string_view bytes);

// The counter key of an unknown sender: 16 lower-case hex digits of FNV-1a over
// "channel:address". A key to count by, not a security measure (it can be reversed by
// trying phone numbers); it keeps the address itself out of the database.
std::string sender_key(Channel channel, std::string_view address);

// The start of the fixed minute window holding `now`.
UnixTime minute_window(UnixTime now);

// What to do with a family's message given how many it sent in this minute window
// (this one included).
enum class ThrottleVerdict {
  kAct,     // within the limit
  kNotice,  // the first message over the limit: not acted on, one `throttled` notice
  kSilent,  // later messages over the limit: not acted on, nothing sent
};
ThrottleVerdict throttle_verdict(int count_in_window);

// Counts one message of a person in the current minute window; returns the verdict.
ThrottleVerdict count_message(std::string_view person_id, const Outbox& out);

// A message from an unknown sender: the first one in a 24-hour window gets the generic
// `unknown_sender` text (in the default language, on the sender's own channel and
// address, with no recipient id); later ones get nothing. Every one is audited with a
// masked address. Returns true when a reply was queued.
bool answer_unknown_sender(const InboundMessage& message, const Outbox& out);

}  // namespace noodbel
